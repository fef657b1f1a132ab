import { resolve } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';

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
 * The English text of a message as the browser gives it: `$1`… replaced by the substitutions,
 * and a plural message's form for `count` (1, else n).
 */
export async function englishTranslate(): Promise<
  (key: string, substitutions?: (string | number)[], count?: number) => string
> {
  const messages = new Map(
    (await englishMessages()).map((message) => [message.key.join('.'), message]),
  );
  return (key, substitutions = [], count) => {
    const message = messages.get(key);
    if (!message) throw new Error(`No message ${key}`);
    const text =
      message.type === 'plural'
        ? (message.plurals[count ?? 0] ?? message.plurals.n)!
        : (message as { message: string }).message;
    return substitutions.reduce<string>(
      (said, value, index) => said.replaceAll(`$${index + 1}`, String(value)),
      text,
    );
  };
}
