import { hydrate, mount, type Component } from 'svelte';
import { pageLanguage } from '../lib/adapters/translate';
import './theme.css';

/**
 * Mounts a page's root component under its title, in the UI language and its direction: every
 * page's main.ts is this one call. The title is set here rather than with `<svelte:head>`, which
 * would add Svelte's head handling to the popup's first paint for a line no one sees change.
 * `hydrate`: the body already holds the root's server render (the popup's first paint), to be
 * taken over rather than drawn again.
 */
export function mountPage<Props extends Record<string, unknown>>(
  root: Component<Props>,
  title: string,
  props?: Props,
  { hydrate: takeOver = false } = {},
): void {
  const { lang, dir } = pageLanguage();
  document.documentElement.lang = lang;
  document.documentElement.dir = dir;
  document.title = title;
  (takeOver ? hydrate : mount)(root, { target: document.body, props: props as Props });
}
