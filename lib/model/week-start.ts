/**
 * The order weekdays are shown in: from the first day of the week of the UI language, as the
 * browser reports it (`Intl.Locale`'s week info) or, where it reports none, from a small table
 * by region. Display order only: streaks and weekly targets keep ISO weeks, Monday first.
 */

/** What `Intl.Locale#getWeekInfo()` (or the older `weekInfo`) reports; firstDay 1 = Monday. */
export interface WeekInfo {
  firstDay?: number;
}

/**
 * Regions whose calendars start the week on Sunday (CLDR's weekData), for a browser without week
 * info; every other region starts on Monday. A locale without a region is read with its likely
 * one ("ja" is Japan's, "pt" Brazil's, "en" the United States').
 */
const SUNDAY_FIRST_REGIONS = new Set([
  'US',
  'CA',
  'MX',
  'BR',
  'JP',
  'CN',
  'TW',
  'HK',
  'KR',
  'IL',
  'IN',
  'PH',
  'ZA',
]);

const MONDAY = 1;
const SUNDAY = 7;

function regionOf(locale: string): string | undefined {
  try {
    return new Intl.Locale(locale).maximize().region;
  } catch {
    return undefined;
  }
}

/** The ISO weekday (1 = Monday ... 7 = Sunday) a week starts on in `locale`. */
export function firstDayOfWeek(locale: string, weekInfo?: WeekInfo): number {
  const reported = weekInfo?.firstDay;
  if (reported !== undefined && Number.isInteger(reported) && reported >= 1 && reported <= 7)
    return reported;
  const region = regionOf(locale);
  return region !== undefined && SUNDAY_FIRST_REGIONS.has(region) ? SUNDAY : MONDAY;
}

/** The seven ISO weekdays in the order `locale` lists them, its first day of the week first. */
export function weekdaysInOrder(locale: string, weekInfo?: WeekInfo): number[] {
  const first = firstDayOfWeek(locale, weekInfo);
  return Array.from({ length: 7 }, (_, offset) => ((first - 1 + offset) % 7) + 1);
}

/** The row (0 to 6) of an ISO weekday in a week that starts on `firstDay`. */
export function rowInWeek(isoWeekday: number, firstDay: number): number {
  return (isoWeekday - firstDay + 7) % 7;
}
