/**
 * Compact encodings, so ten years of heavy logging fit in the browser's local storage and every
 * device's streaks fit in its sync quota.
 *
 * Local month buckets hold entries as short tuples. An entry's id is not stored: it is derived
 * from its device and instant (the writer keeps instants unique per device), so it costs nothing.
 *
 *   water  ['w', at offset, day of month, device, ml]
 *   set    ['s', …, exercise, reps, weight, 'lb' or null for kg, seconds, side, rpe, warm-up, note]
 *   cardio ['c', …, exercise, seconds, distance m, note]
 *   prompt ['p', …, kind letter, outcome letter, ms from fired to at, ms from answered to at, detail]
 *   rest   ['r', …, reason, until]
 *
 * The instant is stored as milliseconds from the start of the bucket's month (UTC); devices and
 * exercises are indexes into the bucket's tables; absent fields are null, and trailing nulls
 * are dropped.
 *
 * Sync holds daily records (lib/stats/summary.ts), at two levels of detail:
 * - full: one record a day as base-36 numbers, `dd:water,sets,volume,workout,posture,movement,
 *   breathing,rest,goal` joined by ';' (goal only when it differs from the item's);
 * - coarse: four base64url characters a day from 1 January, packing what streaks, strength
 *   scores and the heat-map need: water as twentieths of the goal (so "goal met" stays exact),
 *   sets, posture, movement and breathing counts (capped), workout and rest.
 */
import { dayKeyFromNumber, dayNumber, type DayKey } from '../model/days';
import {
  parseEntry,
  REST_REASONS,
  type Entry,
  type NudgeKind,
  type PromptOutcome,
} from '../model/entries';
import type { DeviceDay } from '../stats/summary';

type Field = string | number | null;
export type EncodedEntry = [
  kind: string,
  atOffset: number,
  dayOfMonth: number,
  device: number,
  ...fields: Field[],
];

/** A month's lookup tables: the devices and exercises its entries name, by index. */
export interface BucketTables {
  devices: string[];
  exercises: string[];
}

export interface Bucket extends BucketTables {
  v: 1;
  entries: EncodedEntry[];
}

export const BUCKET_VERSION = 1;

export function emptyBucket(): Bucket {
  return { v: BUCKET_VERSION, devices: [], exercises: [], entries: [] };
}

const PROMPT_LETTERS: Record<NudgeKind, string> = {
  posture: 'P',
  movement: 'M',
  breathing: 'B',
  water: 'W',
};
const OUTCOME_LETTERS: Record<PromptOutcome, string> = {
  done: 'd',
  snoozed: 's',
  skipped: 'k',
  dismissed: 'x',
  expired: 'e',
};

/** Each letter's value: a tuple is decoded by lookups, as a page reads years of them. */
const fromLetters = <T extends string>(letters: Record<T, string>) =>
  new Map(Object.entries(letters).map(([value, letter]) => [letter, value as T]));
const PROMPT_OF_LETTER = fromLetters(PROMPT_LETTERS);
const OUTCOME_OF_LETTER = fromLetters(OUTCOME_LETTERS);

function fromLetter<T extends string>(values: Map<unknown, T>, letter: Field): T | Field {
  return values.get(letter) ?? letter;
}

/** The index of a value in a table, adding it when new. */
function indexIn(table: string[], value: string): number {
  const index = table.indexOf(value);
  return index >= 0 ? index : table.push(value) - 1;
}

const BASE36_DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** `at.toString(36)`, by hand for whole instants: the engine's radix conversion is slow. */
function instantBase36(at: number): string {
  if (!Number.isSafeInteger(at) || at <= 0) return at.toString(36);
  let digits = '';
  for (let rest = at; rest > 0; rest = Math.floor(rest / 36))
    digits = BASE36_DIGITS[rest % 36] + digits;
  return digits;
}

export function entryId(device: string, at: number): string {
  return `${device}-${instantBase36(at)}`;
}

let lastMonth = { month: '', start: 0 };
function monthStart(month: string): number {
  // Every tuple of a bucket asks for the same month.
  if (lastMonth.month !== month)
    lastMonth = { month, start: dayNumber(`${month}-01`) * 86_400_000 };
  return lastMonth.start;
}

function trimTrailingNulls(fields: Field[]): Field[] {
  let end = fields.length;
  while (end > 0 && fields[end - 1] === null) end--;
  return fields.slice(0, end);
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

function entryFields(entry: Entry, tables: BucketTables): [string, Field[]] {
  switch (entry.kind) {
    case 'water':
      return ['w', [entry.ml]];
    case 'set':
      return [
        's',
        [
          indexIn(tables.exercises, entry.exercise),
          orNull(entry.reps),
          entry.weight ? entry.weight.amount : null,
          entry.weight?.unit === 'lb' ? 'lb' : null,
          orNull(entry.seconds),
          orNull(entry.side),
          orNull(entry.rpe),
          entry.warmup === undefined ? null : entry.warmup ? 1 : 0,
          orNull(entry.note),
        ],
      ];
    case 'cardio':
      return [
        'c',
        [
          indexIn(tables.exercises, entry.exercise),
          entry.seconds,
          orNull(entry.distanceM),
          orNull(entry.note),
        ],
      ];
    case 'prompt':
      return [
        'p',
        [
          PROMPT_LETTERS[entry.prompt],
          OUTCOME_LETTERS[entry.outcome],
          entry.at - entry.firedAt,
          entry.answeredAt === undefined ? null : entry.at - entry.answeredAt,
          orNull(entry.detail),
        ],
      ];
    case 'rest':
      return ['r', [entry.reason, orNull(entry.until)]];
  }
}

/** Encodes an entry of the bucket's month, adding what it names to the tables if new. */
export function encodeEntry(entry: Entry, month: string, tables: BucketTables): EncodedEntry {
  const device = indexIn(tables.devices, entry.device);
  const [kind, fields] = entryFields(entry, tables);
  return [
    kind,
    entry.at - monthStart(month),
    Number(entry.day.slice(8)),
    device,
    ...trimTrailingNulls(fields),
  ];
}

function withoutNulls(object: Record<string, unknown>): Record<string, unknown> {
  const present: Record<string, unknown> = {};
  for (const key in object) {
    const value = object[key];
    if (value !== null && value !== undefined) present[key] = value;
  }
  return present;
}

/**
 * The entry a tuple stands for, as a plain object, unchecked; undefined when the tuple is not
 * even shaped like one.
 */
function entryObject(
  encoded: unknown,
  month: string,
  tables: Readonly<BucketTables>,
): Record<string, unknown> | undefined {
  if (!Array.isArray(encoded) || encoded.length < 4) return undefined;
  const [kind, offset, dayOfMonth, deviceIndex, ...fields] = encoded as EncodedEntry;
  const at = monthStart(month) + offset;
  const device = tables.devices[deviceIndex] ?? '';
  const exercise = () =>
    (typeof fields[0] === 'number' ? tables.exercises[fields[0]] : undefined) ?? null;
  const day = `${month}-${String(dayOfMonth).padStart(2, '0')}`;
  const common = { id: entryId(device, at), at, day, device };
  const field = (index: number) => fields[index] ?? null;
  switch (kind) {
    case 'w':
      return { ...common, kind: 'water', ml: field(0) };
    case 's': {
      const amount = field(2);
      return withoutNulls({
        ...common,
        kind: 'set',
        exercise: exercise(),
        reps: field(1),
        weight: amount === null ? null : { amount, unit: field(3) ?? 'kg' },
        seconds: field(4),
        side: field(5),
        rpe: field(6),
        warmup: field(7) === null ? null : field(7) === 1,
        note: field(8),
      });
    }
    case 'c':
      return withoutNulls({
        ...common,
        kind: 'cardio',
        exercise: exercise(),
        seconds: field(1),
        distanceM: field(2),
        note: field(3),
      });
    case 'p': {
      const firedBefore = field(2);
      const answeredBefore = field(3);
      return withoutNulls({
        ...common,
        kind: 'prompt',
        prompt: fromLetter(PROMPT_OF_LETTER, field(0)),
        outcome: fromLetter(OUTCOME_OF_LETTER, field(1)),
        firedAt: typeof firedBefore === 'number' ? at - firedBefore : firedBefore,
        answeredAt: typeof answeredBefore === 'number' ? at - answeredBefore : answeredBefore,
        detail: field(4),
      });
    }
    case 'r':
      return withoutNulls({ ...common, kind: 'rest', reason: field(0), until: field(1) });
    default:
      return { ...common, kind };
  }
}

/**
 * Decodes and validates one tuple; throws EntryValidationError when it is not a valid entry.
 * For tuples from outside (another version's bucket, a file).
 */
export function decodeEntry(
  encoded: unknown,
  month: string,
  tables: Readonly<BucketTables>,
): Entry {
  return parseEntry(entryObject(encoded, month, tables));
}

/** Each kind's letter, first in its tuple. */
const KIND_LETTERS: Record<Entry['kind'], string> = {
  water: 'w',
  set: 's',
  cardio: 'c',
  prompt: 'p',
  rest: 'r',
};
const KINDS = new Set(Object.values(KIND_LETTERS));

/** Whether a stored tuple is of one of these kinds, told without decoding it. */
export function isStoredOfKind(encoded: unknown, kinds: ReadonlySet<Entry['kind']>): boolean {
  if (!Array.isArray(encoded)) return false;
  for (const kind of kinds) if (KIND_LETTERS[kind] === encoded[0]) return true;
  return false;
}

/**
 * Decodes a tuple this version's writer stored, without validating its values again: they were
 * validated before they were stored. Only its shape is checked (undefined when it is not one of
 * ours), so a month of thousands of entries decodes in a few milliseconds.
 */
export function decodeStoredEntry(
  encoded: unknown,
  month: string,
  tables: Readonly<BucketTables>,
): Entry | undefined {
  if (!Array.isArray(encoded) || !KINDS.has(encoded[0] as string)) return undefined;
  if (typeof encoded[1] !== 'number' || tables.devices[encoded[3] as number] === undefined)
    return undefined;
  return entryObject(encoded, month, tables) as Entry | undefined;
}

// Daily records in sync ------------------------------------------------------------------------

const REST_CODES = [undefined, ...REST_REASONS] as const;

function restCode(rest: DeviceDay['rest']): number {
  return rest === undefined ? 0 : REST_CODES.indexOf(rest);
}

export class RecordFormatError extends Error {
  override name = 'RecordFormatError';
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
): string {
  return [...days]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, record]) => {
      const numbers = [
        record.waterMl,
        record.sets,
        record.volumeKg,
        record.workout ? 1 : 0,
        record.posture,
        record.movement,
        record.breathing,
        restCode(record.rest),
        record.waterGoalMl !== undefined && record.waterGoalMl !== goalMl ? record.waterGoalMl : 0,
      ];
      while (numbers.length > 0 && numbers[numbers.length - 1] === 0) numbers.pop();
      return `${day.slice(8)}:${numbers.map((n) => Math.round(n).toString(36)).join(',')}`;
    })
    .join(';');
}

export function decodeFullDays(
  text: string,
  month: string,
  rev: number,
  goalMl: number | undefined,
): Map<DayKey, DeviceDay> {
  const days = new Map<DayKey, DeviceDay>();
  if (text === '') return days;
  for (const part of text.split(';')) {
    const match = /^(\d\d):([0-9a-z,]*)$/.exec(part);
    if (!match) throw new RecordFormatError(`Not a daily record: ${part.slice(0, 40)}`);
    const day = `${month}-${match[1]}`;
    if (dayKeyFromNumber(dayNumber(day)) !== day) throw new RecordFormatError(`Not a day: ${day}`);
    const [water, sets, volume, workout, posture, movement, breathing, rest, goal] =
      match[2]!.split(',');
    const restReason = REST_CODES[base36(rest)];
    if (base36(rest) >= REST_CODES.length)
      throw new RecordFormatError(`Unknown rest code: ${rest}`);
    const record: DeviceDay = {
      rev,
      waterMl: base36(water),
      sets: base36(sets),
      volumeKg: base36(volume),
      workout: base36(workout) === 1,
      posture: base36(posture),
      movement: base36(movement),
      breathing: base36(breathing),
    };
    if (restReason) record.rest = restReason;
    const dayGoal = base36(goal) || goalMl;
    if (dayGoal !== undefined) record.waterGoalMl = dayGoal;
    days.set(day, record);
  }
  return days;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const COARSE_CHARS = 4;
/** Water is kept as twentieths of the day's goal, up to twice the goal. */
const WATER_STEPS = 20;

const cap = (value: number, max: number) => Math.max(0, Math.min(max, Math.round(value)));

function packCoarse(record: DeviceDay, goalMl: number): number {
  const water = cap(
    Math.floor((record.waterMl / (record.waterGoalMl ?? goalMl)) * WATER_STEPS + 1e-9),
    63,
  );
  return (
    (water << 18) |
    (cap(record.sets, 15) << 14) |
    (cap(record.posture, 15) << 10) |
    (cap(record.movement, 15) << 6) |
    (cap(record.breathing, 7) << 3) |
    ((record.workout ? 1 : 0) << 2) |
    restCode(record.rest)
  );
}

/** Coarse detail: the days of one year, from 1 January, four characters a day. */
export function encodeCoarseYear(
  year: number,
  days: ReadonlyMap<DayKey, DeviceDay>,
  goalMl: number,
): string {
  const first = dayNumber(`${year}-01-01`);
  const length = dayNumber(`${year + 1}-01-01`) - first;
  const chars: string[] = [];
  let used = 0;
  for (let index = 0; index < length; index++) {
    const record = days.get(dayKeyFromNumber(first + index));
    const packed = record ? packCoarse(record, goalMl) : 0;
    for (let shift = 18; shift >= 0; shift -= 6) chars.push(BASE64URL[(packed >> shift) & 63]!);
    if (packed !== 0) used = chars.length;
  }
  return chars.slice(0, used).join('');
}

export function decodeCoarseYear(
  text: string,
  year: number,
  rev: number,
  goalMl: number,
): Map<DayKey, DeviceDay> {
  if (text.length % COARSE_CHARS !== 0 || !/^[A-Za-z0-9_-]*$/.test(text)) {
    throw new RecordFormatError('Not a coarse year');
  }
  const first = dayNumber(`${year}-01-01`);
  if (text.length / COARSE_CHARS > dayNumber(`${year + 1}-01-01`) - first) {
    throw new RecordFormatError('A coarse year longer than a year');
  }
  const days = new Map<DayKey, DeviceDay>();
  for (let index = 0; index * COARSE_CHARS < text.length; index++) {
    let packed = 0;
    for (let char = 0; char < COARSE_CHARS; char++) {
      packed = (packed << 6) | BASE64URL.indexOf(text[index * COARSE_CHARS + char]!);
    }
    if (packed === 0) continue;
    const restReason = REST_CODES[packed & 3];
    const record: DeviceDay = {
      rev,
      waterMl: Math.round((((packed >> 18) & 63) * goalMl) / WATER_STEPS),
      sets: (packed >> 14) & 15,
      volumeKg: 0,
      workout: ((packed >> 2) & 1) === 1,
      posture: (packed >> 10) & 15,
      movement: (packed >> 6) & 15,
      breathing: (packed >> 3) & 7,
      waterGoalMl: goalMl,
    };
    if (restReason) record.rest = restReason;
    days.set(dayKeyFromNumber(first + index), record);
  }
  return days;
}
