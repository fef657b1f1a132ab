import { describe, expect, it } from 'vitest';
import { messageTexts } from './messages';

describe('the English messages', () => {
  it('never wrap a text in quotation marks', async () => {
    const texts = await messageTexts();
    expect(texts.length).toBeGreaterThan(300);
    const quoted = texts.filter(({ text }) => /^\s*['"‘“«]|['"’”»]\s*$/.test(text));
    expect(quoted).toEqual([]);
  });
});
