/**
 * How check-ins are kept (lib/model/checkin.ts).
 *
 *   local  checkins   this device's check-ins in full, notes included
 *   sync   checkins   every device's check-ins without notes, newest weeks first, compact
 *
 * The synced item is shared by every device (like the settings): a save merges into it. A week
 * is one record of fields joined by commas, records joined by semicolons:
 *
 *   week, minutes, weight, fit, poses, length 0, length 1, ...
 *
 * week: weeks since 2000-01-03, base 36; minutes: when it was saved, in minutes after its
 * Monday (UTC), base 36; weight in tens of grams, base 36; fit l/s/t; poses photographed as bits
 * (front 1, side 2, back 4); lengths in millimetres, base 36, in the order of the item's names.
 * Empty fields hold nothing and trailing ones are left out. A deleted week is `week,minutes,x`,
 * so that other devices drop it too. Five years of weekly weight, waist and two more lengths
 * take about 6 kB; when the item would pass its budget the oldest weeks are left out of sync
 * (the device that saved them keeps them).
 */
import * as v from 'valibot';
import { checkInSchema, FITS, POSES, type CheckIn, type Pose } from '../model/checkin';
import { dayKeyFromNumber, dayNumber, type DayKey } from '../model/days';
import type { Format } from './items';
import { csvCell } from './backup';

const EPOCH_MONDAY = dayNumber('2000-01-03');
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
/** The synced item's budget, under the 8,192 bytes an item may take. */
export const CHECKINS_SYNC_BUDGET = 7_000;

export interface Tombstone {
  week: DayKey;
  updatedAt: number;
  deleted: true;
}
/** A week as sync holds it: a check-in without its note, or its deletion. */
export type SyncedWeek = CheckIn | Tombstone;

export const isTombstone = (week: SyncedWeek): week is Tombstone => 'deleted' in week;

export const localCheckInsFormat: Format<{ checkIns: CheckIn[] }> = {
  version: 1,
  schema: v.strictObject({ checkIns: v.array(checkInSchema) }),
  migrations: {},
  fallback: () => ({ checkIns: [] }),
};

export const syncedCheckInsFormat: Format<{ n: string[]; d: string }> = {
  version: 1,
  schema: v.strictObject({ n: v.array(v.string()), d: v.string() }),
  migrations: {},
  fallback: () => ({ n: [], d: '' }),
};

const b36 = (value: number) => Math.round(value).toString(36);
const fromB36 = (text: string) => (/^-?[0-9a-z]+$/.test(text) ? parseInt(text, 36) : NaN);
const mondayMs = (week: DayKey) => dayNumber(week) * MS_PER_DAY;
const minutesOf = (at: number) => Math.floor(at / MS_PER_MINUTE);

function encodeWeek(week: SyncedWeek, names: string[]): string {
  const head = [
    b36((dayNumber(week.week) - EPOCH_MONDAY) / 7),
    b36(Math.max(0, minutesOf(week.updatedAt - mondayMs(week.week)))),
  ];
  if (isTombstone(week)) return [...head, 'x'].join(',');
  const lengths: string[] = [];
  for (const [name, cm] of Object.entries(week.lengthsCm)) {
    let index = names.indexOf(name);
    if (index < 0) index = names.push(name) - 1;
    lengths[index] = b36(cm * 10);
  }
  const fields = [
    ...head,
    week.weightKg === undefined ? '' : b36(week.weightKg * 100),
    week.fit ? week.fit[0]! : '',
    week.photos.length ? String(week.photos.reduce((bits, pose) => bits | poseBit(pose), 0)) : '',
    ...Array.from(lengths, (length) => length ?? ''),
  ];
  while (fields.at(-1) === '') fields.pop();
  return fields.join(',');
}

const poseBit = (pose: Pose) => 1 << POSES.indexOf(pose);

/** A record's weeks, or undefined when it is not one this version reads. */
function decodeWeek(record: string, names: readonly string[]): SyncedWeek | undefined {
  const [weekField = '', minutesField = '', weight = '', fit = '', poses = '', ...lengths] =
    record.split(',');
  const weeks = fromB36(weekField);
  const minutes = fromB36(minutesField);
  if (!Number.isInteger(weeks) || !Number.isInteger(minutes) || minutes < 0) return undefined;
  const week = dayKeyFromNumber(EPOCH_MONDAY + weeks * 7);
  const updatedAt = mondayMs(week) + minutes * MS_PER_MINUTE;
  if (weight === 'x') return { week, updatedAt, deleted: true };
  const lengthsCm: Record<string, number> = {};
  lengths.forEach((length, index) => {
    if (length !== '') lengthsCm[names[index] ?? ''] = fromB36(length) / 10;
  });
  const bits = poses === '' ? 0 : Number(poses);
  const candidate = {
    week,
    updatedAt,
    ...(weight === '' ? {} : { weightKg: fromB36(weight) / 100 }),
    lengthsCm,
    ...(fit === '' ? {} : { fit: FITS.find((name) => name[0] === fit) ?? fit }),
    photos: POSES.filter((pose) => bits & poseBit(pose)),
  };
  const parsed = v.safeParse(checkInSchema, candidate);
  return parsed.success ? parsed.output : undefined;
}

/** The synced item for these weeks: newest first, as many as the budget holds. */
export function encodeSyncedCheckIns(
  weeks: readonly SyncedWeek[],
  budget = CHECKINS_SYNC_BUDGET,
): { n: string[]; d: string } {
  const names: string[] = [];
  const records: string[] = [];
  let bytes = 0;
  for (const week of [...weeks].sort((a, b) => (a.week < b.week ? 1 : -1))) {
    const record = encodeWeek(week, names);
    bytes += record.length + 1;
    if (bytes + JSON.stringify(names).length > budget) break;
    records.push(record);
  }
  return { n: names, d: records.join(';') };
}

/** Every week of the synced item this version reads; the others are left out. */
export function decodeSyncedCheckIns(item: { n: readonly string[]; d: string }): SyncedWeek[] {
  if (item.d === '') return [];
  return item.d.split(';').flatMap((record) => decodeWeek(record, item.n) ?? []);
}

/** The same moment to the minute, as sync keeps it. */
const sameOrNewer = (a: number, b: number) => minutesOf(a) >= minutesOf(b);

/**
 * The check-ins to show: this device's and the synced ones, the newer of each week (this
 * device's when both were saved in the same minute; its note is kept either way), without the
 * deleted weeks. Oldest first.
 */
export function mergeCheckIns(own: readonly CheckIn[], synced: readonly SyncedWeek[]): CheckIn[] {
  const byWeek = new Map<DayKey, SyncedWeek>(synced.map((week) => [week.week, week]));
  for (const checkIn of own) {
    const other = byWeek.get(checkIn.week);
    if (!other || sameOrNewer(checkIn.updatedAt, other.updatedAt))
      byWeek.set(checkIn.week, checkIn);
    else if (!isTombstone(other) && checkIn.note)
      byWeek.set(checkIn.week, { note: checkIn.note, ...other });
  }
  return [...byWeek.values()]
    .filter((week): week is CheckIn => !isTombstone(week))
    .sort((a, b) => (a.week < b.week ? -1 : 1));
}

/** The synced weeks with one week put in (a check-in without its note, or a deletion). */
export function withSyncedWeek(weeks: readonly SyncedWeek[], week: SyncedWeek): SyncedWeek[] {
  const { note: _note, ...synced } = week as CheckIn;
  return [...weeks.filter((other) => other.week !== week.week), synced as SyncedWeek];
}

/**
 * Check-ins as CSV, one row a week, oldest first: weight in kg, each length in cm (a column per
 * measurement), fit, the poses photographed (the photos themselves are never in a file) and the
 * note. No cell starts a spreadsheet formula.
 */
export function checkInsCsv(checkIns: readonly CheckIn[]): string {
  const names = [...new Set(checkIns.flatMap((checkIn) => Object.keys(checkIn.lengthsCm)))];
  const header = [
    'week',
    'weight_kg',
    ...names.map((name) => `${name}_cm`),
    'fit',
    'photos',
    'note',
  ];
  const rows = [...checkIns]
    .sort((a, b) => (a.week < b.week ? -1 : 1))
    .map((checkIn) =>
      [
        checkIn.week,
        checkIn.weightKg,
        ...names.map((name) => checkIn.lengthsCm[name]),
        checkIn.fit,
        checkIn.photos.join(' '),
        checkIn.note,
      ]
        .map(csvCell)
        .join(','),
    );
  return [header.map(csvCell).join(','), ...rows].join('\r\n') + '\r\n';
}
