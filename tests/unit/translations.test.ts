import { describe, expect, it } from 'vitest';
import {
  LANGUAGES,
  languageFiles,
  readMessages,
  translationProblems,
} from '../../scripts/translations';

describe('the translations', () => {
  it('are the languages Backbone ships, no more, no fewer', () => {
    expect(languageFiles().sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(languageFiles())(
    '%s has every message, placeholder and plural form',
    async (language) => {
      const english = await readMessages('en');
      expect(translationProblems(english, language, await readMessages(language))).toEqual([]);
    },
  );

  it('finds a missing key, a lost placeholder, a missing plural form and English left over', () => {
    const english = new Map([
      ['greeting', 'Hello $1'],
      ['farewell', 'Goodbye'],
      ['days.one', '$1 day'],
      ['days.other', '$1 days'],
      ['app.name', 'Backbone'],
    ]);
    const polish = new Map([
      ['greeting', 'Cześć'],
      ['days.one', '$1 dzień'],
      ['days.few', '$1 dni'],
      ['days.other', '$1 dnia'],
      ['app.name', 'Backbone'],
      ['stale', 'Stare'],
    ]);
    expect(translationProblems(english, 'pl', polish)).toEqual([
      'greeting: placeholders none, English has $1',
      'farewell: missing',
      'days.many: missing',
      'stale: not an English key',
    ]);
    expect(
      translationProblems(english, 'de', new Map([...english, ['days.one', '$1 Tag']])),
    ).toEqual([
      'greeting: still in English',
      'farewell: still in English',
      'days.other: still in English',
    ]);
  });
});
