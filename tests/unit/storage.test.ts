import * as v from 'valibot';
import { DEFAULT_BREAK_MOVES } from '../../lib/model/catalogue';
import { describe, expect, it } from 'vitest';
import {
  bucketFormat,
  customExercisesFormat,
  deviceFormat,
  monthsFormat,
  ownDaysFormat,
  readVersioned,
  settingsFormat,
  syncStateFormat,
  writeVersioned,
  type Format,
} from '../../lib/store/items';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { usualCupsMl } from '../../lib/model/units';

/**
 * Values as this version writes them: fixtures every later version must still read. The settings
 * are today's defaults, in today's version; older settings are in the migrations' tests below.
 */
const SETTINGS_V1 = {
  v: 1,
  updatedAt: 5,
  units: 'imperial',
  startOfDayHour: 3,
  goals: { postureChecks: 4, movementBreaks: 3, breathingSessions: 1, workoutsPerWeek: 3 },
  cupsMl: [250, 500],
};

const V1_FIXTURES = [
  [deviceFormat, { v: 1, id: 'k3j9x2aa', createdAt: 1764000000000 }],
  [monthsFormat, { v: 1, months: ['2026-10', '2026-11'] }],
  [
    bucketFormat,
    {
      v: 1,
      devices: ['k3j9x2aa'],
      exercises: ['bentOverRow'],
      entries: [
        ['w', 2030400000, 24, 0, 250],
        ['s', 2030500000, 24, 0, 0, 10, 22.5],
      ],
    },
  ],
  [ownDaysFormat, { v: 1, t: 1764000000000, g: 2000, d: '24:6y,3' }],
  [
    syncStateFormat,
    { v: 1, dirtyMonths: ['2026-11'], first: '2026-10-02', level: 0, flushes: 3, quotaErrors: 0 },
  ],
  [settingsFormat, { v: settingsFormat.version, ...DEFAULT_SETTINGS, updatedAt: 5 }],
  [
    customExercisesFormat,
    {
      v: 1,
      exercises: [
        { id: 'custom-towel1', name: 'Towel row', region: 'middle', measure: 'reps', updatedAt: 1 },
      ],
    },
  ],
] as const;

describe('stored formats', () => {
  it.each(V1_FIXTURES)('reads version-1 data as it was written (%#)', (format, fixture) => {
    const read = readVersioned(format as Format<object>, structuredClone(fixture));
    expect(read.status).toBe('ok');
    expect(writeVersioned(format as Format<object>, read.value)).toEqual(fixture);
  });

  it('migrates version-1 settings by adding the default nudges, keeping the rest', () => {
    const read = readVersioned(settingsFormat, structuredClone(SETTINGS_V1));
    expect(read.status).toBe('migrated');
    const { v: _version, ...rest } = SETTINGS_V1;
    expect(read.value).toEqual({
      ...rest,
      nudges: DEFAULT_SETTINGS.nudges,
      breakMoves: DEFAULT_SETTINGS.breakMoves,
      pastExpectations: [],
      // Imperial, with the metric cups: poured in fluid ounces since version 5.
      cupsMl: usualCupsMl('floz'),
    });
  });

  it('migrates version-2 settings: desk moves only, and sound does not keep nudges quiet', () => {
    const { quietWhileAudible: _quiet, ...nudges } = DEFAULT_SETTINGS.nudges;
    const { breakMoves: _moves, ...v2 } = { ...DEFAULT_SETTINGS, nudges, updatedAt: 5 };
    const read = readVersioned(settingsFormat, { v: 2, ...v2 });
    expect(read.status).toBe('migrated');
    expect(read.value.nudges.quietWhileAudible).toBe(false);
    expect(read.value.breakMoves).not.toContain('supermanHold');
    expect(read.value.breakMoves).toEqual([...DEFAULT_BREAK_MOVES]);
  });

  it('migrates version-3 settings as in force since the first day: no earlier expectations', () => {
    const { pastExpectations: _past, ...v3 } = { ...DEFAULT_SETTINGS, updatedAt: 5 };
    const read = readVersioned(settingsFormat, { v: 3, ...v3 });
    expect(read).toEqual({ status: 'migrated', value: { ...v3, pastExpectations: [] } });
  });

  it('migrates version-4 imperial settings still pouring the metric cups to 8 and 16 fl oz', () => {
    const metricCups = { ...DEFAULT_SETTINGS, units: 'imperial' as const, updatedAt: 5 };
    expect(readVersioned(settingsFormat, { v: 4, ...metricCups })).toEqual({
      status: 'migrated',
      value: { ...metricCups, cupsMl: usualCupsMl('floz') },
    });
    // Cups the user chose, and metric settings, are theirs as they were.
    for (const kept of [
      { ...metricCups, cupsMl: [300, 500] },
      { ...DEFAULT_SETTINGS, updatedAt: 5 },
    ]) {
      expect(readVersioned(settingsFormat, { v: 4, ...kept })).toEqual({
        status: 'migrated',
        value: kept,
      });
    }
  });

  it('keeps a break move it does not know, chosen by a newer version, rather than refuse all', () => {
    const chosen = ['chinTuck', 'doorFrameRow'];
    const current = { v: settingsFormat.version, ...DEFAULT_SETTINGS };
    const read = readVersioned(settingsFormat, { ...current, breakMoves: chosen });
    expect(read).toEqual({ status: 'ok', value: { ...DEFAULT_SETTINGS, breakMoves: chosen } });
    const broken = readVersioned(settingsFormat, {
      ...current,
      breakMoves: ['chinTuck', '<script>'],
    });
    expect(broken.status).toBe('invalid');
  });

  it('gives the fallback for a missing value, as a fresh copy', () => {
    const first = readVersioned(settingsFormat, undefined);
    expect(first).toEqual({ status: 'missing', value: DEFAULT_SETTINGS });
    first.value.cupsMl.push(1);
    expect(readVersioned(settingsFormat, null).value.cupsMl).toEqual([250, 500]);
  });

  it('leaves a value written by a newer version alone and says so', () => {
    const raw = { v: 2, id: 'k3j9x2aa', createdAt: 1, newField: true };
    expect(readVersioned(deviceFormat, raw)).toEqual({
      status: 'newer',
      value: deviceFormat.fallback(),
      raw,
    });
  });

  it.each([
    ['garbage'],
    [42],
    [{ id: 'x' }],
    [{ v: 1, id: 'not valid!', createdAt: 1 }],
    [{ v: 0, id: 'k3j9x2aa', createdAt: 1 }],
  ])('reports an unreadable value without throwing (%#)', (raw) => {
    expect(readVersioned(deviceFormat, raw).status).toBe('invalid');
  });

  it('runs migrations in order from the stored version', () => {
    const format: Format<{ name: string; cups: number[] }> = {
      version: 3,
      schema: v.strictObject({ name: v.string(), cups: v.array(v.number()) }),
      migrations: {
        2: ({ title, ...rest }) => ({ ...rest, name: title }),
        3: (value) => ({ ...value, cups: [250] }),
      },
      fallback: () => ({ name: '', cups: [] }),
    };
    expect(readVersioned(format, { v: 1, title: 'old' })).toEqual({
      status: 'migrated',
      value: { name: 'old', cups: [250] },
    });
    expect(readVersioned(format, { v: 2, name: 'mid' })).toEqual({
      status: 'migrated',
      value: { name: 'mid', cups: [250] },
    });
    expect(readVersioned(format, { v: 3, name: 'new', cups: [] }).status).toBe('ok');
  });
});
