/**
 * The popup's first paint drawn in the worker from today's snapshot: the popup shows this HTML
 * as soon as its first small script has read it, and its components take it over (hydrate) once
 * loaded, so the popup paints before Svelte and its own code have even arrived. The components
 * imported here are compiled for the server (scripts/svelte-server.ts): they are the popup's own,
 * so the HTML is exactly what the popup would draw.
 */
import { render } from 'svelte/server';
import type { TodaySnapshot } from '../../lib/stats/today';
import Popup from './Popup.svelte';

export function drawFirstPaint(snapshot: TodaySnapshot): string {
  return render(Popup, { props: { snapshot } }).body;
}
