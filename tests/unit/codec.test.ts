import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntry, encodeEntry, entryId } from '../../lib/store/codec';
import { EntryValidationError } from '../../lib/model/entries';
import { entryArbitrary } from './arbitraries';
import { set, water } from './builders';

const MONTH = '2026-11';

describe('entry tuples', () => {
  it('round-trip every valid entry exactly', () => {
    fc.assert(
      fc.property(entryArbitrary, (entry) => {
        const tables = { devices: [] as string[], exercises: [] as string[] };
        const encoded = encodeEntry(entry, MONTH, tables);
        expect(decodeEntry(JSON.parse(JSON.stringify(encoded)), MONTH, tables)).toEqual(entry);
      }),
      { numRuns: 1000 },
    );
  });

  it('derive the id from device and instant', () => {
    const entry = water({ device: 'dev1', at: Date.UTC(2026, 10, 24, 12) });
    expect(entryId('dev1', entry.at)).toBe(`dev1-${entry.at.toString(36)}`);
  });

  it('write the instant in an id in base 36, as the engine does', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.maxSafeNat(), fc.integer(), fc.double({ noNaN: true })),
        (at) => entryId('devA1', at) === `devA1-${at.toString(36)}`,
      ),
    );
  });

  it('are short: a glass of water costs about 25 bytes', () => {
    const tables = { devices: [] as string[], exercises: [] as string[] };
    expect(
      JSON.stringify(encodeEntry(water({ ml: 250 }), MONTH, tables)).length,
    ).toBeLessThanOrEqual(25);
    const aSet = set({ exercise: 'bentOverRow', reps: 12, weight: { amount: 22.5, unit: 'kg' } });
    expect(JSON.stringify(encodeEntry(aSet, MONTH, tables)).length).toBeLessThanOrEqual(32);
  });

  it.each([
    ['not a tuple', { kind: 'w' }],
    ['too short', ['w', 1]],
    ['unknown kind', ['x', 0, 24, 0, 1]],
    ['bad amount', ['w', 0, 24, 0, -5]],
    ['unknown device', ['w', 0, 24, 7, 250]],
    ['bad day', ['w', 0, 31, 0, 250]],
    ['bad weight unit', ['s', 0, 24, 0, 0, 5, 20, 'q']],
    ['unknown exercise', ['s', 0, 24, 0, 4, 5]],
    ['unknown prompt letter', ['p', 0, 24, 0, 'Z', 'd', 0]],
  ])('refuse a broken tuple (%s)', (_, tuple) => {
    expect(() =>
      decodeEntry(tuple, MONTH, { devices: ['dev1'], exercises: ['bentOverRow'] }),
    ).toThrow(EntryValidationError);
  });
});
