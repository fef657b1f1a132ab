import { mount, type Component } from 'svelte';
import { i18n, uiLanguage } from '../lib/adapters/translate';
import './theme.css';

/**
 * Mounts a page's root component under its title, in the UI language and its direction: every page's main.ts is this one call, and its
 * index.html only loads main.ts. The title is set here rather than with `<svelte:head>`, which
 * would add Svelte's head handling to the popup's first paint for a line no one sees change.
 */
export function mountPage<Props extends Record<string, unknown>>(
  root: Component<Props>,
  title: string,
  props?: Props,
): void {
  document.documentElement.lang = uiLanguage;
  document.documentElement.dir = i18n.t('@@bidi_dir');
  document.title = title;
  mount(root, { target: document.body, props: props as Props });
}
