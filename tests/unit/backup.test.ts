import { describe, expect, it } from 'vitest';
import {
  createBackup,
  entriesCsv,
  importPreview,
  parseBackup,
  serializeBackup,
} from '../../lib/store/backup';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { messageKeys } from './messages';
import { BROKEN_FILES, PARSE_NOW, validBackup } from './backup-files';
import { prompt, set, water } from './builders';

describe('backups', () => {
  it('read back what they wrote', () => {
    const text = JSON.stringify(validBackup());
    const parsed = parseBackup(text, PARSE_NOW);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.backup.entries).toHaveLength(2);
    expect(parsed.backup.settingsValue).toEqual(DEFAULT_SETTINGS);
    expect(parsed.backup.customExercises[0]?.name).toBe('Towel row');
  });

  it('are the same bytes for the same data, apart from the export time', () => {
    const entries = [
      water({
        id: `dev1-${(1_800_000_000_000).toString(36)}`,
        at: 1_800_000_000_000,
        device: 'dev1',
      }),
    ];
    const first = serializeBackup(createBackup(DEFAULT_SETTINGS, [], entries, 1));
    const again = serializeBackup(createBackup(DEFAULT_SETTINGS, [], [...entries].reverse(), 1));
    expect(again).toBe(first);
    expect(
      serializeBackup(createBackup(DEFAULT_SETTINGS, [], entries, 2)).replace(
        '"exportedAt":2',
        '"exportedAt":1',
      ),
    ).toBe(first);
  });

  it.each(BROKEN_FILES)('refuse a broken file with a message: %s', (_, text, messageKey) => {
    const parsed = parseBackup(text, PARSE_NOW);
    expect(parsed).toMatchObject({ ok: false, messageKey });
  });

  it('have a sentence for every refusal', async () => {
    const keys = await messageKeys();
    expect(BROKEN_FILES.map(([, , key]) => key).filter((key) => !keys.has(key))).toEqual([]);
    expect(BROKEN_FILES.length).toBeGreaterThanOrEqual(20);
  });

  it('say what an import would add', () => {
    const entries = [water(), water()];
    expect(importPreview(entries, new Set([entries[0]!.id]))).toEqual({
      add: [entries[1]],
      alreadyThere: 1,
    });
  });

  it('export entries as CSV, quoting what needs it', () => {
    const csv = entriesCsv([
      water({ ml: 250 }),
      set({ note: 'heavy, "slow"' }),
      prompt({ outcome: 'done' }),
    ]);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,kind,day,at,device,ml,exercise,reps/);
    expect(lines[1]).toContain(',water,2026-11-24,2026-11-24T12:00:00.000Z,dev1,250,');
    expect(lines[2]).toContain('"heavy, ""slow"""');
    expect(lines[3]).toContain(',posture,done,');
    expect(lines).toHaveLength(4);
  });

  it.each(['=HYPERLINK("x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd'])(
    'export a note starting %j as text, never as a formula',
    (note) => {
      const line = entriesCsv([set({ note })])
        .trim()
        .split('\r\n')[1]!;
      const cell = line.slice(line.lastIndexOf(',') + 1);
      expect(cell.replace(/^"|"$/g, '').replace(/""/g, '"')).toBe(`'${note}`);
    },
  );
});
