import { mount, type Component } from 'svelte';
import './theme.css';

/** Mounts a page's root component: every page's main.ts is this one call. */
export function mountPage(root: Component): void {
  mount(root, { target: document.getElementById('app')! });
}
