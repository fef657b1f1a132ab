import { uiLanguage } from '../../lib/adapters/translate';
/** How the popup names the last day of time off: "Sat, Dec 12". */
const dayOff = new Intl.DateTimeFormat(uiLanguage, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
});

/** A day key of time off, as said to the user. */
export function dayOffLabel(day: string): string {
  return dayOff.format(new Date(`${day}T12:00`));
}

/** The last day time off covers: the day before the start of day it ends at. */
export function lastDayOff(end: number): string {
  const date = new Date(end);
  date.setDate(date.getDate() - 1);
  return dayOff.format(date);
}
