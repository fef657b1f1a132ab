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
