/**
 * Daily records (lib/stats/summary.ts) as compact text: this device's records in local storage,
 * and every device's in sync, at two levels of detail.
 *
 * - full: one record a day, `dd:` then base-36 numbers joined by ',', each field at the position
 *   its habit kind declares (lib/model/habits.ts; today water, sets, volume, workout, posture,
 *   movement, breathing), the day's rest at 7 and its goal at 8 (only when it differs from the
 *   item's); trailing zeros are dropped, and a month's records are joined by ';'.
 * - coarse: the days of a year from 1 January, a few base64url characters a day packing what
 *   streaks, strength scores and the heat-map need, in the bits each field declares: counts
 *   capped, water as twentieths of the day's goal (so "goal met" stays exact), flags, and the
 *   day's rest in bits 0 and 1. Four characters a day today.
 *
 * The format has a version (RECORD_VERSION) that the items holding records carry: this device's
 * local ones (lib/store/items.ts) and sync's (lib/sync/plan.ts). Text of an older version is
 * upgraded by RECORD_MIGRATIONS before it is decoded; a kind that stores a new field is a new
 * version, which tests/unit/day-codec.test.ts makes sure of.
 */
import { dayKeyFromNumber, dayNumber, type DayKey } from '../model/days';
import { REST_REASONS } from '../model/entries';
import { HABIT_KINDS, storedFields, type Habits, type StoredField } from '../model/habits';
import { emptyDeviceDay, type DeviceDay, type FieldValues } from '../stats/summary';

export const RECORD_VERSION = 1;

/** Turns text of the version before into text of this one. */
export interface RecordMigration {
  full: (text: string) => string;
  coarse: (text: string) => string;
}

/** migrations[n] turns records of version n - 1 into version n. */
export const RECORD_MIGRATIONS: Readonly<Record<number, RecordMigration>> = {};

export class RecordFormatError extends Error {
  override name = 'RecordFormatError';
}

function upgrade(text: string, version: number, form: keyof RecordMigration): string {
  if (!Number.isInteger(version) || version < 1 || version > RECORD_VERSION)
    throw new RecordFormatError(`Not a version of daily records: ${version}`);
  let upgraded = text;
  for (let next = version + 1; next <= RECORD_VERSION; next++)
    upgraded = RECORD_MIGRATIONS[next]![form](upgraded);
  return upgraded;
}

/** Full records stored in a version of the format, as this version writes them. */
export const upgradeFullDays = (text: string, version: number) => upgrade(text, version, 'full');
/** A coarse year stored in a version of the format, as this version writes it. */
export const upgradeCoarseYear = (text: string, version: number) =>
  upgrade(text, version, 'coarse');

const REST_CODES = [undefined, ...REST_REASONS] as const;
const REST_AT = 7;
const GOAL_AT = 8;
const REST_BITS = { shift: 0, bits: 2 };
const REST_VALUES = 2 ** REST_BITS.bits;

function restCode(rest: DeviceDay['rest']): number {
  return rest === undefined ? 0 : REST_CODES.indexOf(rest);
}

/** A field's bits in a coarse day, as the numbers that pack and unpack it. */
interface CoarsePlace {
  field: StoredField;
  /** 2 to the power of its shift: its value is packed in multiples of it. */
  unit: number;
  /** 2 to the power of its bits: how many values it can hold. */
  size: number;
}

/** Where each field goes, from the kinds' declarations. */
interface Layout {
  /** Every stored field, each with its position in the full form. */
  full: readonly StoredField[];
  /** The fields coarse days keep, most significant first. */
  coarse: readonly CoarsePlace[];
  /** Characters a coarse day takes. */
  coarseChars: number;
}

const layouts = new WeakMap<Habits, Layout>();

function layoutOf(kinds: Habits): Layout {
  let layout = layouts.get(kinds);
  if (layout) return layout;
  const fields = storedFields(kinds);
  const coarse = fields
    .flatMap((field) =>
      field.coarse ? [{ field, unit: 2 ** field.coarse.shift, size: 2 ** field.coarse.bits }] : [],
    )
    .sort((a, b) => b.unit - a.unit);
  const bits = Math.max(
    REST_BITS.bits,
    ...fields.map(({ coarse }) => (coarse ? coarse.shift + coarse.bits : 0)),
  );
  layout = { full: fields, coarse, coarseChars: Math.ceil(bits / 6) };
  layouts.set(kinds, layout);
  return layout;
}

/**
 * The layout the kinds' declarations give the records, in words: the fields of the full form
 * by position, and the coarse form's characters a day with each field's bits. Two sets of kinds
 * with the same layout read and write the same text.
 */
export function recordLayout(kinds: Habits = HABIT_KINDS): string {
  const layout = layoutOf(kinds);
  const positions: string[] = [];
  for (const field of layout.full) positions[field.full] = field.name;
  positions[REST_AT] = 'rest';
  positions[GOAL_AT] = 'goal';
  const bits = (name: string, place: { shift: number; bits: number }) =>
    `${name}@${place.shift}+${place.bits}`;
  const coarse = layout.coarse.map(({ field }) =>
    bits(field.ofDayGoal ? `${field.name}/20goal` : field.name, field.coarse!),
  );
  return `full ${Array.from(positions, (name) => name ?? '-').join(',')}; coarse ${
    layout.coarseChars
  } chars ${[...coarse, bits('rest', REST_BITS)].join(',')}`;
}

function base36(text: string | undefined): number {
  if (text === undefined || text === '') return 0;
  if (!/^[0-9a-z]{1,9}$/.test(text)) throw new RecordFormatError(`Not a base-36 number: ${text}`);
  return parseInt(text, 36);
}

/** Full detail: every day of a month, one record each. */
export function encodeFullDays(
  days: ReadonlyMap<DayKey, DeviceDay>,
  goalMl: number | undefined,
  kinds: Habits = HABIT_KINDS,
): string {
  const { full } = layoutOf(kinds);
  return [...days]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, record]) => {
      const values: FieldValues = record;
      const numbers: number[] = [];
      for (const field of full) numbers[field.full] = Number(values[field.name]);
      numbers[REST_AT] = restCode(record.rest);
      numbers[GOAL_AT] =
        record.waterGoalMl !== undefined && record.waterGoalMl !== goalMl ? record.waterGoalMl : 0;
      while (numbers.length > 0 && !numbers[numbers.length - 1]) numbers.pop();
      return `${day.slice(8)}:${Array.from(numbers, (n = 0) => Math.round(n).toString(36)).join(',')}`;
    })
    .join(';');
}

export function decodeFullDays(
  text: string,
  month: string,
  rev: number,
  goalMl: number | undefined,
  kinds: Habits = HABIT_KINDS,
): Map<DayKey, DeviceDay> {
  const { full } = layoutOf(kinds);
  const days = new Map<DayKey, DeviceDay>();
  if (text === '') return days;
  const empty = emptyDeviceDay(rev, kinds);
  for (const part of text.split(';')) {
    const match = /^(\d\d):([0-9a-z,]*)$/.exec(part);
    if (!match) throw new RecordFormatError(`Not a daily record: ${part.slice(0, 40)}`);
    const day = `${month}-${match[1]}`;
    if (dayKeyFromNumber(dayNumber(day)) !== day) throw new RecordFormatError(`Not a day: ${day}`);
    const numbers = match[2]!.split(',');
    const rest = base36(numbers[REST_AT]);
    if (rest >= REST_CODES.length)
      throw new RecordFormatError(`Unknown rest code: ${numbers[REST_AT]}`);
    const record = Object.assign({}, empty);
    const values: FieldValues = record;
    for (const field of full) {
      const value = base36(numbers[field.full]);
      values[field.name] = field.type === 'flag' ? value === 1 : value;
    }
    const restReason = REST_CODES[rest];
    if (restReason) record.rest = restReason;
    const dayGoal = base36(numbers[GOAL_AT]) || goalMl;
    if (dayGoal !== undefined) record.waterGoalMl = dayGoal;
    days.set(day, record);
  }
  return days;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** A field kept against the day's goal is kept as twentieths of it. */
const GOAL_STEPS = 20;

const cap = (value: number, max: number) => Math.max(0, Math.min(max, Math.round(value)));

function packCoarse(record: DeviceDay, goalMl: number, layout: Layout): number {
  const values: FieldValues = record;
  let packed = restCode(record.rest);
  for (const { field, unit, size } of layout.coarse) {
    const value = values[field.name];
    const max = size - 1;
    const stored =
      field.type === 'flag'
        ? Number(value)
        : field.ofDayGoal
          ? cap(
              Math.floor(((value as number) / (record.waterGoalMl ?? goalMl)) * GOAL_STEPS + 1e-9),
              max,
            )
          : cap(value as number, max);
    packed += stored * unit;
  }
  return packed;
}

/** Coarse detail: the days of one year, from 1 January, a few characters a day. */
export function encodeCoarseYear(
  year: number,
  days: ReadonlyMap<DayKey, DeviceDay>,
  goalMl: number,
  kinds: Habits = HABIT_KINDS,
): string {
  const layout = layoutOf(kinds);
  const first = dayNumber(`${year}-01-01`);
  const length = dayNumber(`${year + 1}-01-01`) - first;
  const chars: string[] = [];
  let used = 0;
  for (let index = 0; index < length; index++) {
    const record = days.get(dayKeyFromNumber(first + index));
    const packed = record ? packCoarse(record, goalMl, layout) : 0;
    for (let char = layout.coarseChars - 1; char >= 0; char--)
      chars.push(BASE64URL[Math.floor(packed / 64 ** char) % 64]!);
    if (packed !== 0) used = chars.length;
  }
  return chars.slice(0, used).join('');
}

export function decodeCoarseYear(
  text: string,
  year: number,
  rev: number,
  goalMl: number,
  kinds: Habits = HABIT_KINDS,
): Map<DayKey, DeviceDay> {
  const layout = layoutOf(kinds);
  const chars = layout.coarseChars;
  if (text.length % chars !== 0 || !/^[A-Za-z0-9_-]*$/.test(text)) {
    throw new RecordFormatError('Not a coarse year');
  }
  const first = dayNumber(`${year}-01-01`);
  if (text.length / chars > dayNumber(`${year + 1}-01-01`) - first) {
    throw new RecordFormatError('A coarse year longer than a year');
  }
  const days = new Map<DayKey, DeviceDay>();
  const empty = emptyDeviceDay(rev, kinds);
  for (let index = 0; index * chars < text.length; index++) {
    let packed = 0;
    for (let char = 0; char < chars; char++)
      packed = packed * 64 + BASE64URL.indexOf(text[index * chars + char]!);
    if (packed === 0) continue;
    const record = Object.assign({}, empty);
    const values: FieldValues = record;
    for (const { field, unit, size } of layout.coarse) {
      const stored = Math.floor(packed / unit) % size;
      values[field.name] =
        field.type === 'flag'
          ? stored === 1
          : field.ofDayGoal
            ? Math.round((stored * goalMl) / GOAL_STEPS)
            : stored;
    }
    record.waterGoalMl = goalMl;
    const restReason = REST_CODES[packed % REST_VALUES];
    if (restReason) record.rest = restReason;
    days.set(dayKeyFromNumber(first + index), record);
  }
  return days;
}
