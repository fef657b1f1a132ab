/**
 * The popup's first paint drawn in the worker from today's snapshot: the popup shows this HTML
 * as soon as its first small script has read it, and its components take it over (hydrate) once
 * loaded, so the popup paints before Svelte and its own code have even arrived. The components
 * imported here are compiled for the server (scripts/svelte-server.ts): they are the popup's own,
 * so the HTML is exactly what the popup would draw.
 */
import { render } from 'svelte/server';
import { pageLanguage } from '../../lib/adapters/translate';
import type { TodaySnapshot } from '../../lib/stats/today';
import type { DrawnPage } from '../../lib/store/first-paint';
import Popup from './Popup.svelte';

/** The popup's body, and the language and direction mountPage gives its page. */
export function drawFirstPaint(snapshot: TodaySnapshot): DrawnPage {
  return { html: render(Popup, { props: { snapshot } }).body, ...pageLanguage() };
}
