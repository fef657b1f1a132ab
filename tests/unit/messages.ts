import { resolve } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';

/** Every message key in the English messages file, dotted as the code names them. */
export async function messageKeys(): Promise<Set<string>> {
  const messages = await parseMessagesFile(resolve(import.meta.dirname, '../../locales/en.yml'));
  return new Set(messages.map((message) => message.key.join('.')));
}
