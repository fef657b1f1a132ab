/**
 * What a language's messages (locales/<language>.yml) lack against English: every key, the same
 * placeholders, every plural category the language needs (CLDR, as `Intl.PluralRules` knows
 * them), and no message left in English unless SAME_AS_ENGLISH lists it. `npm test` runs it
 * through tests/unit/translations.test.ts; `npm run translations` lists what each language lacks.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';

export const LOCALES_DIR = resolve(import.meta.dirname, '../locales');

/** The languages Backbone ships, as the browser names their folders (`_locales/pt_BR`). */
export const LANGUAGES = ['en', 'de', 'es', 'fr', 'it', 'pt_BR', 'pl', 'ru', 'ja', 'zh_CN'];

/** The longest manifest description the Chrome Web Store takes. */
const MAX_DESCRIPTION = 132;

const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/**
 * Messages a language may write as English does: names, units and symbols. A key maps to the
 * languages that keep it, or to every language ('*').
 */
export const SAME_AS_ENGLISH: Record<string, '*' | string[]> = {
  'app.name': '*',
  'unit.ml': '*',
  'unit.floz': '*',
  'unit.flOzShort': '*',
  'unit.litresShort': ['ja', 'pt_BR', 'zh_CN'],
  'unit.seconds': '*',
  'unit.kg': '*',
  'unit.lb': '*',
  'badge.title': '*',
  'badge.minutes': '*',
  'badge.hours': '*',
  'badge.litres': '*',
  'badge.flOz': '*',
  'nudge.cup': '*',
  'now.plus': '*',
  'now.dayAt': '*',
  'entry.set': '*',
  'session.weight': '*',
  'session.record': '*',
  'entry.prompt': '*',
  'nudge.movement.message': '*',
  'welcome.rowLabel': '*',
  'progress.heatmapLabel': '*',
  'options.imperial': ['de', 'es', 'pt_BR'],
  'welcome.imperial': ['de', 'es', 'pt_BR'],
  'options.customName': ['de'],
  'welcome.preset.standard': ['de', 'fr', 'it'],
  'guide.start': ['de', 'pl'],
  'session.routineChoice': ['de', 'fr', 'it'],
  'guide.stop': ['pl'],
  'exercise.yoga.name': ['de', 'es', 'fr', 'it'],
  'exercise.facePull.name': ['pl', 'es', 'fr', 'it', 'pt_BR'],
  'exercise.birdDog.name': ['pl', 'es', 'fr', 'it'],
  'exercise.deadBug.name': ['pl', 'es', 'fr', 'it', 'pt_BR'],
  'popup.pause30m': ['pl', 'es', 'fr', 'it', 'pt_BR'],
  'entry.cardio': ['pl', 'es', 'fr', 'it', 'pt_BR'],
  'prescription.reps': ['es'],
  'region.core': ['es', 'it', 'pt_BR'],
  'region.cardio': ['es', 'fr', 'it', 'pt_BR'],
  'options.minutes': ['fr'],
  'options.measure.duration': ['fr'],
  'exercise.goodMorning.name': ['fr', 'it', 'pt_BR'],
  'prescription.minutes': ['fr'],
  'badge.posture': ['fr'],
  'popup.pauseMenu': ['fr'],
  'popup.minutes': ['fr'],
  'popup.distance': ['fr'],
  'now.pages': ['fr'],
  'now.optionsLink': ['fr'],
  'now.short.posture': ['fr'],
  'now.suggestion': ['fr'],
  'exercise.plank.name': ['it'],
  'checkin.note': ['fr'],
  'checkin.photoCount': ['fr'],
  'checkin.photos.heading': ['fr'],
  'checkin.progress.pose': ['pt_BR'],
};

export type Messages = ReadonlyMap<string, string>;

/** A messages file as key and text, keys dotted as the code names them. */
export async function readMessages(language: string): Promise<Messages> {
  const messages = await parseMessagesFile(resolve(LOCALES_DIR, `${language}.yml`));
  return new Map(
    messages
      .filter((message) => !message.key[0]!.startsWith('@@'))
      .map((message) => [
        message.key.join('.'),
        message.type === 'plural'
          ? // A 0/1/n plural of @wxt-dev/i18n: reported below, as Backbone keys plurals by CLDR.
            Object.values(message.plurals).join(' | ')
          : (message as { message: string }).message,
      ]),
  );
}

/** The language files in locales/, as the browser names them. */
export function languageFiles(): string[] {
  return readdirSync(LOCALES_DIR)
    .filter((file) => file.endsWith('.yml'))
    .map((file) => file.slice(0, -'.yml'.length));
}

const placeholders = (text: string) => [...new Set(text.match(/\$\d/g) ?? [])].sort().join(' ');

function pluralBase(key: string): string | undefined {
  const last = key.slice(key.lastIndexOf('.') + 1);
  return (CATEGORIES as readonly string[]).includes(last)
    ? key.slice(0, key.lastIndexOf('.'))
    : undefined;
}

/** English's messages grouped: a plural's forms under its base key, other messages alone. */
function groups(messages: Messages): Map<string, Map<string, string>> {
  const grouped = new Map<string, Map<string, string>>();
  for (const [key, text] of messages) {
    const base = pluralBase(key);
    const isPlural = base !== undefined && messages.has(`${base}.other`);
    const name = isPlural ? base : key;
    const forms = grouped.get(name) ?? new Map<string, string>();
    forms.set(isPlural ? key.slice(base.length + 1) : '', text);
    grouped.set(name, forms);
  }
  return grouped;
}

/** Everything `language` lacks or gets wrong against English, one line each. */
export function translationProblems(
  english: Messages,
  language: string,
  messages: Messages,
): string[] {
  const problems: string[] = [];
  const needed = new Intl.PluralRules(language.replace('_', '-')).resolvedOptions()
    .pluralCategories as string[];
  const known = new Set<string>();
  for (const [key, englishForms] of groups(english)) {
    const isPlural = !englishForms.has('');
    const forms = isPlural ? needed : [''];
    const said = new Set<string>();
    for (const form of forms) {
      const full = form ? `${key}.${form}` : key;
      known.add(full);
      const text = messages.get(full);
      if (text === undefined) {
        problems.push(`${full}: missing`);
        continue;
      }
      if (text.includes(' | ')) problems.push(`${full}: a 0/1/n plural; key it by CLDR category`);
      placeholders(text)
        .split(' ')
        .filter(Boolean)
        .forEach((placeholder) => said.add(placeholder));
      const englishText = englishForms.get(form) ?? englishForms.get('other');
      const allowed = SAME_AS_ENGLISH[key];
      if (
        language !== 'en' &&
        text === englishText &&
        allowed !== '*' &&
        !allowed?.includes(language)
      )
        problems.push(`${full}: still in English`);
    }
    if (isPlural) englishForms.forEach((_, form) => known.add(`${key}.${form}`));
    const englishSays = [...englishForms.values()].map(placeholders).join(' ');
    const wanted = [...new Set(englishSays.split(' ').filter(Boolean))].sort().join(' ');
    const got = [...said].sort().join(' ');
    if (forms.every((form) => messages.has(form ? `${key}.${form}` : key)) && got !== wanted)
      problems.push(`${key}: placeholders ${got || 'none'}, English has ${wanted || 'none'}`);
  }
  for (const key of messages.keys())
    if (!known.has(key) && !english.has(key)) problems.push(`${key}: not an English key`);
  const description = messages.get('extDescription') ?? '';
  if (description.length > MAX_DESCRIPTION)
    problems.push(
      `extDescription: ${description.length} characters, the stores take ${MAX_DESCRIPTION}`,
    );
  return problems;
}
