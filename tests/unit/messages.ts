import { resolve } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import type { Translate } from '../../lib/model/formatting';

const englishMessages = () =>
  parseMessagesFile(resolve(import.meta.dirname, '../../locales/en.yml'));

/** Every message key in the English messages file, dotted as the code names them. */
export async function messageKeys(): Promise<Set<string>> {
  return new Set((await englishMessages()).map((message) => message.key.join('.')));
}

/** Every message of the English file as its key and the text a user would read. */
export async function messageTexts(): Promise<{ key: string; text: string }[]> {
  return (await englishMessages()).flatMap((message) => {
    const texts = message.type === 'plural' ? Object.values(message.plurals) : [message.message];
    return texts.map((text) => ({ key: message.key.join('.'), text }));
  });
}

/**
 * The English text of a message as the browser gives it: `$1`… replaced by the substitutions.
 * Plural forms are keys of their own (`key.one`, `key.other`).
 */
export async function englishTranslate(): Promise<Translate> {
  const messages = new Map(
    (await englishMessages()).map((message) => [message.key.join('.'), message]),
  );
  const t = (key: string, substitutions: (string | number)[] = []) => {
    const message = messages.get(key);
    if (!message) throw new Error(`No message ${key}`);
    return substitutions.reduce<string>(
      (said, value, index) => said.replaceAll(`$${index + 1}`, String(value)),
      (message as { message: string }).message,
    );
  };
  return Object.assign(t, { locale: 'en' });
}
