/**
 * The browser's messages (locales/<language>.yml): `i18n` with its keys typed, for the pages;
 * `translate`, as the domain's Translate expects them; and `uiLanguage`, the one locale every
 * number, date and plural is formatted in.
 */
import { i18n } from '#i18n';
import type { Translate } from '../model/formatting';

export { i18n };

/**
 * The language the messages are written in: the browser's UI language (`i18n.getUILanguage()`,
 * read through the message lookup the page loads anyway) when the browser found messages for it
 * ("de-AT" reads the German ones), else the language it fell back to (English, for a language
 * Backbone does not speak), so that numbers and dates never disagree with the words.
 */
const ui = i18n.t('@@ui_locale').replace('_', '-');
const written = i18n.t('app.language');
export const uiLanguage = ui.startsWith(written) ? ui : written;

/**
 * Every page's `lang` and `dir`: its messages' language and their direction. One place, so the
 * popup's first paint, drawn in the worker, and the page that takes it over agree.
 */
export function pageLanguage(): { lang: string; dir: string } {
  return { lang: uiLanguage, dir: i18n.t('@@bidi_dir') };
}

export const translate: Translate = Object.assign(
  (key: string, substitutions?: (string | number)[]) =>
    (i18n.t as (key: string, substitutions?: string[]) => string)(key, substitutions?.map(String)),
  { locale: uiLanguage },
);
