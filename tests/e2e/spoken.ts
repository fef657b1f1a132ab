/**
 * What Backbone should say in a language, for the tests that run a browser in it: its messages
 * (locales/<language>.yml) with `$1`… filled in, and that language's numbers and plural forms
 * from Intl.
 */
import { readMessages, type Messages } from '../../scripts/translations';

export interface Spoken {
  messages: Messages;
  say(key: string, ...substitutions: string[]): string;
  number(value: number): string;
  plural(key: string, count: number, ...substitutions: string[]): string;
}

export async function spokenIn(language: string): Promise<Spoken> {
  const messages = await readMessages(language);
  const say = (key: string, ...substitutions: string[]) => {
    const text = messages.get(key);
    if (text === undefined) throw new Error(`No message ${key}`);
    return substitutions.reduce(
      (said, value, index) => said.replaceAll(`$${index + 1}`, value),
      text,
    );
  };
  return {
    messages,
    say,
    number: (value) => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value),
    plural: (key, count, ...substitutions) =>
      say(`${key}.${new Intl.PluralRules(language).select(count)}`, ...substitutions),
  };
}
