import { describe, expect, it } from 'vitest';
import { EntryValidationError, isValidEntry, parseEntry } from '../../lib/model/entries';
import { messageKeys } from './messages';
import { cardio, prompt, rest, set, water } from './builders';

function refusal(input: unknown): { messageKey: string; path?: string } {
  try {
    parseEntry(input);
  } catch (error) {
    expect(error).toBeInstanceOf(EntryValidationError);
    const { problem, path } = error as EntryValidationError;
    return { messageKey: problem.key, path };
  }
  throw new Error('the entry was accepted');
}

describe('entries', () => {
  it('accepts each kind of valid entry unchanged', () => {
    for (const entry of [
      water(),
      set(),
      set({ exercise: 'supermanHold', reps: undefined, weight: undefined, seconds: 10 }),
      set({ exercise: 'birdDog', side: 'left', rpe: 7.5, note: 'felt easy', warmup: true }),
      cardio({ distanceM: 2000 }),
      prompt({ prompt: 'breathing', detail: 'box' }),
      prompt({ outcome: 'expired', answeredAt: undefined }),
      rest({ reason: 'vacation', until: '2026-12-01' }),
    ]) {
      expect(parseEntry(structuredClone(entry))).toEqual(entry);
      expect(isValidEntry(entry)).toBe(true);
    }
  });

  it.each([
    [water({ ml: 0 }), 'invalid.waterMl', 'ml'],
    [water({ ml: 5001 }), 'invalid.waterMl', 'ml'],
    [water({ ml: 250.5 }), 'invalid.waterMl', 'ml'],
    [{ ...water(), ml: '250' }, 'invalid.waterMl', 'ml'],
    [water({ ml: Number.NaN }), 'invalid.waterMl', 'ml'],
    [set({ reps: -1 }), 'invalid.reps', 'reps'],
    [set({ reps: undefined, seconds: undefined }), 'invalid.setNeedsRepsOrSeconds', undefined],
    [set({ weight: { amount: 1001, unit: 'kg' } }), 'invalid.weight', 'weight.amount'],
    [
      set({ weight: { amount: Number.POSITIVE_INFINITY, unit: 'kg' } }),
      'invalid.weight',
      'weight.amount',
    ],
    [{ ...set(), weight: { amount: 20, unit: 'stone' } }, 'invalid.weightUnit', 'weight.unit'],
    [set({ rpe: 7.3 }), 'invalid.rpe', 'rpe'],
    [set({ rpe: 11 }), 'invalid.rpe', 'rpe'],
    [set({ note: 'x'.repeat(281) }), 'invalid.note', 'note'],
    [set({ exercise: '' }), 'invalid.exercise', 'exercise'],
    [cardio({ seconds: 0 }), 'invalid.duration', 'seconds'],
    [cardio({ distanceM: -5 }), 'invalid.distance', 'distanceM'],
    [prompt({ answeredAt: Date.UTC(2026, 10, 24, 11) }), 'invalid.answeredBeforeFired', undefined],
    [{ ...prompt(), outcome: 'ignored' }, 'invalid.promptOutcome', 'outcome'],
    [rest({ until: '2026-11-23' }), 'invalid.restRange', undefined],
    [rest({ until: '2027-03-01' }), 'invalid.restRange', undefined],
    [{ ...water(), day: '2026-02-30' }, 'invalid.day', 'day'],
    [{ ...water(), at: Date.UTC(1999, 0, 1) }, 'invalid.instant', 'at'],
    [{ ...water(), id: 'x' }, 'invalid.id', 'id'],
    [{ ...water(), device: 'not a device' }, 'invalid.device', 'device'],
    [{ ...water(), kind: 'coffee' }, 'invalid.entryKind', 'kind'],
    [{ ...water(), extra: true }, 'invalid.entry', 'extra'],
    [null, 'invalid.entry', undefined],
    ['water', 'invalid.entry', undefined],
  ])('refuses a malformed entry with a message a user can read (%#)', (input, messageKey, path) => {
    expect(refusal(input)).toEqual({ messageKey, path });
    expect(isValidEntry(input)).toBe(false);
  });

  it('has a message for every refusal it can give', async () => {
    const keys = await messageKeys();
    const source = await import('node:fs').then((fs) =>
      [
        'lib/model/entries.ts',
        'lib/model/days.ts',
        'lib/model/catalogue.ts',
        'lib/model/water.ts',
        'lib/model/settings.ts',
      ]
        .map((file) => fs.readFileSync(file, 'utf8'))
        .join(''),
    );
    const used = [...source.matchAll(/'(invalid\.[A-Za-z.]+)'/g)].map((match) => match[1]!);
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((key) => !keys.has(key))).toEqual([]);
  });
});
