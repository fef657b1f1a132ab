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
 * exercises are indexes into the bucket's tables; a prompt's kind is the letter its habit kind
 * declares (lib/model/habits.ts); absent fields are null, and trailing nulls are dropped.
 *
 * Daily records, in local storage and in sync, have a codec of their own: lib/store/day-codec.ts.
 */
import { dayNumber } from '../model/days';
import { parseEntry, type Entry, type NudgeKind, type PromptOutcome } from '../model/entries';
import { HABIT_KINDS } from '../model/habits';

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

const PROMPT_LETTERS = Object.fromEntries(
  HABIT_KINDS.flatMap((kind) => ('prompt' in kind ? [[kind.id, kind.prompt.letter]] : [])),
) as Record<NudgeKind, string>;
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
