import { i18n } from '#i18n';

type MessageKey = Parameters<typeof i18n.t>[0];

/**
 * The sentence to show for an error from the worker or the domain. Their messages are i18n keys
 * (`invalid.waterMl`), optionally with one detail after a bar (`storage.unreadableMonth|2026-11`).
 */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const [key, detail] = message.replace(/^Invalid \w+(?: at [\w.]+)?: /, '').split('|');
  const translated = key ? browserMessage(key, detail) : '';
  return translated || i18n.t('error.unknown', [message]);
}

function browserMessage(key: string, detail: string | undefined): string {
  if (!/^(invalid|storage|sync|nudge|import)\.[\w.]+$/.test(key)) return '';
  const t = i18n.t as (key: MessageKey, substitutions?: string[]) => string;
  return detail === undefined ? t(key as MessageKey) : t(key as MessageKey, [detail]);
}

/**
 * For a change to this browser's data: a full storage.local is said in the user's words, with
 * what was kept, never as the browser's ("Resource::kQuotaBytes quota exceeded").
 */
export function describeWriteError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /quota/i.test(message) ? i18n.t('storage.full') : describeError(error);
}
