import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageKeys, messageTexts } from './messages';

describe('the English messages', () => {
  it('never wrap a text in quotation marks', async () => {
    const texts = await messageTexts();
    expect(texts.length).toBeGreaterThan(300);
    const quoted = texts.filter(({ text }) => /^\s*['"‘“«]|['"’”»]\s*$/.test(text));
    expect(quoted).toEqual([]);
  });
});

describe('the problems the domain raises', () => {
  it('each name a message that exists', async () => {
    const root = resolve(import.meta.dirname, '../..');
    const sources = readdirSync(join(root, 'lib'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(join(root, 'lib', file), 'utf8'));
    const raised = sources.flatMap((source) =>
      [...source.matchAll(/(?:Problem|Validation|WriteRefused)Error\('([\w.]+)'/g)].map(
        (match) => match[1]!,
      ),
    );
    expect(raised.length).toBeGreaterThan(10);
    const keys = await messageKeys();
    expect(raised.filter((key) => !keys.has(key))).toEqual([]);
  });
});
