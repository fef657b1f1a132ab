/**
 * A pseudo-language build: the extension with every English message about 40 % longer, its
 * letters accented and the whole in brackets, "[Ŝéţţîñĝš ẋẋẋ ẋẋ]". Text that a layout cuts,
 * clips or pushes sideways shows at once, and a bracket missing at either end shows text cut off.
 * It replaces the English messages of a copy of a build, so a browser in English shows it; the
 * placeholders ($1…) and the language tag stay as they are. Generated for the end-to-end tests
 * (tests/e2e/pseudo-layout.e2e.ts), never committed.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, index) => [
    letter,
    [...'áƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][index]!,
  ]),
);

/** Messages that are data, not text: the language the messages are in. */
const KEPT = new Set(['app_language']);

/** One message in the pseudo-language: accented, padded by ~40 % in short words, bracketed. */
export function pseudoMessage(text: string): string {
  const accented = text.replace(/\$\d|[A-Za-z]/g, (match) => ACCENTED[match] ?? match);
  const extra = Math.max(1, Math.round(text.replace(/\$\d/g, 'nn').length * 0.4));
  const words = Array.from({ length: Math.ceil(extra / 5) }, (_, index) =>
    'ẋ'.repeat(Math.min(4, extra - index * 5)),
  ).filter(Boolean);
  return `[${accented} ${words.join(' ')}]`;
}

/**
 * Copies the build in `from` to `to` with its English messages in the pseudo-language, and
 * returns a lookup of those messages by their dotted key.
 */
export function makePseudoBuild(from: string, to: string): (key: string) => string {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  const file = join(to, '_locales/en/messages.json');
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string }>;
  for (const [key, entry] of Object.entries(messages))
    if (!KEPT.has(key)) entry.message = pseudoMessage(entry.message);
  writeFileSync(file, JSON.stringify(messages));
  return (key) => {
    const entry = messages[key.replaceAll('.', '_')];
    if (!entry) throw new Error(`No message ${key}`);
    return entry.message;
  };
}
