import { mount, type Component } from 'svelte';
import './theme.css';

/**
 * Mounts a page's root component: every page's main.ts is this one call, and its index.html only
 * loads main.ts. The root component sets the page's title (`<svelte:head>`).
 */
export function mountPage(root: Component): void {
  mount(root, { target: document.body });
}
