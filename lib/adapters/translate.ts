/**
 * The browser's messages (locales/en.yml): `i18n` with its keys typed, for the pages, and
 * `translate`, as the domain's Translate expects them.
 */
import { i18n } from '#i18n';
import type { Translate } from '../model/formatting';

export { i18n };

export const translate: Translate = (key, substitutions) =>
  (i18n.t as (key: string, substitutions?: string[]) => string)(key, substitutions?.map(String));
