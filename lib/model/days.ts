/**
 * Local days. A day is named by its key, 'YYYY-MM-DD', read off the local wall clock of the
 * moment something happened, shifted back by the user's start of day: with a start of day of
 * 4 h, a glass of water at 01:30 belongs to the evening before.
 *
 * Rules:
 * - A day key is computed once, when an entry is logged, and stored with it. Travelling to
 *   another time zone later never moves a past entry to another day.
 * - Only wall-clock fields are used (never "instant minus N hours"), so a DST change, which
 *   skips or repeats an hour of wall-clock time, cannot shift an entry to the wrong day.
 * - Arithmetic on day keys is calendar arithmetic (in UTC, where every day has 24 hours).
 *
 * No schema here (a day key's is in lib/model/entries.ts): the popup's first paint computes days
 * without loading the validation library.
 */
export type DayKey = string;

export const MAX_START_OF_DAY_HOUR = 6;
const MS_PER_DAY = 86_400_000;
const DAY_KEY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * A day number counts days since 1970-01-01; it makes ranges and differences cheap. Parsed by
 * hand (days-from-civil) because streaks over years of history call this thousands of times.
 */
export function dayNumber(key: DayKey): number {
  const year = digits(key, 0, 4);
  const month = digits(key, 5, 7);
  const day = digits(key, 8, 10);
  if (key.length !== 10 || key[4] !== '-' || key[7] !== '-' || !(year && month && day)) {
    throw new RangeError(`Not a day key: ${key}`);
  }
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function dayKeyFromNumber(day: number): DayKey {
  const date = new Date(day * MS_PER_DAY);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function isDayKey(value: unknown): value is DayKey {
  if (typeof value !== 'string') return false;
  const match = DAY_KEY_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  if (year < 1970 || year > 9999) return false;
  return dayKeyFromNumber(dayNumber(value)) === value;
}

/** The day an instant belongs to, on this machine's wall clock, for a start of day of 0-6 h. */
export function localDayKey(instant: number, startOfDayHour = 0): DayKey {
  if (
    !Number.isInteger(startOfDayHour) ||
    startOfDayHour < 0 ||
    startOfDayHour > MAX_START_OF_DAY_HOUR
  ) {
    throw new RangeError(`Start of day must be a whole hour from 0 to ${MAX_START_OF_DAY_HOUR}`);
  }
  const local = new Date(instant);
  const calendarDay = Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()) / MS_PER_DAY;
  return dayKeyFromNumber(local.getHours() < startOfDayHour ? calendarDay - 1 : calendarDay);
}

export function addDays(key: DayKey, days: number): DayKey {
  return dayKeyFromNumber(dayNumber(key) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: DayKey, to: DayKey): number {
  return dayNumber(to) - dayNumber(from);
}

/** ISO weekday of a day number: 1 = Monday ... 7 = Sunday. */
export function isoWeekdayOfNumber(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function isoWeekday(key: DayKey): number {
  return isoWeekdayOfNumber(dayNumber(key));
}

/** The Monday that starts the week of a day number. */
export function weekStartNumber(day: number): number {
  return day - (isoWeekdayOfNumber(day) - 1);
}

/** 'YYYY-MM' of a day: history is bucketed by month. */
export function monthOf(key: DayKey): string {
  return key.slice(0, 7);
}

/** Every day key from `from` to `to`, both included. */
export function dayRange(from: DayKey, to: DayKey): DayKey[] {
  const start = dayNumber(from);
  const end = dayNumber(to);
  return Array.from({ length: Math.max(0, end - start + 1) }, (_, index) =>
    dayKeyFromNumber(start + index),
  );
}
