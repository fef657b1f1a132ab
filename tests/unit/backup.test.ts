import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createBackup,
  entriesCsv,
  importPreview,
  parseBackup,
  serializeBackup,
} from '../../lib/store/backup';
import {
  importedEntryProblem,
  partitionFileEntries,
  readFileEntry,
  skippedCount,
} from '../../lib/store/file-entries';
import { builtInExercise } from '../../lib/model/catalogue';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { messageKeys } from './messages';
import { entryArbitrary } from './arbitraries';
import { BROKEN_FILES, FILES_WITH_AN_ENTRY_LEFT_OUT, PARSE_NOW, validBackup } from './backup-files';
import { prompt, set, water } from './builders';

/** The entry a file leaves out for a time to come is its latest. */
const latest = (reason: string, text: string) =>
  reason === 'invalid.future'
    ? {
        latestAt: Math.max(
          ...(JSON.parse(text) as { entries: { at: number }[] }).entries.map((entry) => entry.at),
        ),
      }
    : {};

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

  it.each(BROKEN_FILES)('refuse a broken file whole, with a message: %s', (_, text, messageKey) => {
    const parsed = parseBackup(text, PARSE_NOW);
    expect(parsed).toMatchObject({ ok: false, messageKey });
  });

  it.each(FILES_WITH_AN_ENTRY_LEFT_OUT)(
    'leave out an entry that cannot be taken, and take the rest: %s',
    (_, text, reason) => {
      const parsed = parseBackup(text, PARSE_NOW);
      if (!parsed.ok) throw new Error(parsed.messageKey);
      const all = (JSON.parse(text) as { entries: unknown[] }).entries.length;
      expect(parsed.read.skipped).toEqual([{ reason, count: 1, ...latest(reason, text) }]);
      expect(parsed.read.taken).toHaveLength(all - 1);
    },
  );

  it('have a sentence for every refusal and every reason to leave an entry out', async () => {
    const keys = await messageKeys();
    const reasons = [...BROKEN_FILES, ...FILES_WITH_AN_ENTRY_LEFT_OUT].map(([, , key]) => key);
    expect(reasons.filter((key) => !keys.has(key))).toEqual([]);
    expect(BROKEN_FILES.length).toBeGreaterThanOrEqual(20);
  });

  it('leave out what a clock ten years ahead logged, and keep the rest', () => {
    const file = validBackup();
    const ahead = PARSE_NOW + 3652 * 86_400_000;
    const entries = file.entries as Record<string, unknown>[];
    for (const offset of [0, 1]) {
      const at = ahead + offset * 86_400_000;
      const day = new Date(at).toISOString().slice(0, 10);
      entries.push({ ...entries[0], id: `devA1-${at.toString(36)}`, at, day });
    }
    const parsed = parseBackup(JSON.stringify(file), PARSE_NOW);
    if (!parsed.ok) throw new Error(parsed.messageKey);
    expect(parsed.read.skipped).toEqual([
      { reason: 'invalid.future', count: 2, latestAt: ahead + 86_400_000 },
    ]);
    expect(parsed.read.taken.map((entry) => entry.at)).toEqual([
      PARSE_NOW - 86_400_000,
      PARSE_NOW - 86_399_999,
    ]);
    // The worker checks them again: the page sends them.
    expect(parsed.backup.entries).toHaveLength(4);
    expect(parsed.read.notCarried).toBe(0);
  });

  it('take settings and custom exercises a clock ahead dated in the future as changed now', () => {
    const file = validBackup();
    const ahead = PARSE_NOW + 3652 * 86_400_000;
    file.settings = { ...(file.settings as object), updatedAt: ahead };
    file.customExercises = [
      {
        id: 'custom-towel1',
        name: 'Towel row',
        region: 'middle',
        measure: 'reps',
        updatedAt: ahead,
      },
    ];
    const parsed = parseBackup(JSON.stringify(file), PARSE_NOW);
    if (!parsed.ok) throw new Error(parsed.messageKey);
    expect(parsed.backup.settingsValue.updatedAt).toBe(PARSE_NOW);
    expect(parsed.backup.settings.updatedAt).toBe(PARSE_NOW);
    expect(parsed.backup.customExercises.map((exercise) => exercise.updatedAt)).toEqual([
      PARSE_NOW,
    ]);
    // A time past any clock's years is a damaged file.
    file.settings = { ...(file.settings as object), updatedAt: 8e15 };
    const damaged = parseBackup(JSON.stringify(file), PARSE_NOW);
    expect(damaged.ok ? 'taken' : damaged.messageKey).not.toBe('taken');
  });

  it('take an entry naming a custom exercise already here, not in the file', () => {
    const text = FILES_WITH_AN_ENTRY_LEFT_OUT.find(([name]) => name === 'unknown exercise')![1];
    const parsed = parseBackup(text, PARSE_NOW, new Set(['zzzz']));
    expect(parsed.ok && parsed.read.skipped).toEqual([]);
  });

  it('take or leave out every entry of a file, each left out with a reason that has a sentence', async () => {
    const keys = await messageKeys();
    const now = Date.UTC(2026, 10, 20);
    const context = {
      now,
      knownExercise: (id: string) => builtInExercise(id) !== undefined,
    };
    const raw = fc.oneof(
      { weight: 4, arbitrary: entryArbitrary },
      { weight: 1, arbitrary: fc.anything() },
      { weight: 1, arbitrary: entryArbitrary.map((entry) => ({ ...entry, id: 'devZ9-1' })) },
    );
    const file = fc
      .tuple(fc.array(raw, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 5 }))
      // Some entries twice, as an edited file may have them.
      .map(([raws, again]) => [
        ...raws,
        ...again.flatMap((index) =>
          raws.slice(index % (raws.length || 1), (index % (raws.length || 1)) + 1),
        ),
      ]);
    fc.assert(
      fc.property(file, (raws) => {
        const { taken, carried, skipped, notCarried } = partitionFileEntries(raws, context);
        expect(taken.length + skippedCount(skipped)).toBe(raws.length);
        expect(carried.length + notCarried).toBe(raws.length);
        expect(new Set(taken.map((entry) => entry.id)).size).toBe(taken.length);
        for (const entry of taken) expect(importedEntryProblem(entry, context)).toBeUndefined();
        // Nothing left out is taken: no entry with a problem of its own is among the taken.
        for (const item of raws) {
          const read = readFileEntry(item);
          if ('entry' in read && importedEntryProblem(read.entry, context))
            expect(taken).not.toContainEqual(read.entry);
        }
        for (const { reason } of skipped) expect(keys.has(reason), reason).toBe(true);
      }),
    );
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
