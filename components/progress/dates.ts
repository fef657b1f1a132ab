import { uiLanguage } from '../../lib/adapters/translate';
import type { DayKey } from '../../lib/model/days';

/** Day keys in the page's language: the charts, calendars and tables read these, never ISO. */
const formatOf = (options: Intl.DateTimeFormatOptions) => {
  const format = new Intl.DateTimeFormat(uiLanguage, { ...options, timeZone: 'UTC' });
  return (day: DayKey) => format.format(new Date(`${day}T12:00:00Z`));
};

/** "Sun, Dec 6, 2026": a day on its own, as a tooltip names it. */
export const fullDate = formatOf({
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
});
/** "Dec 6": a day on an axis or in a table. */
export const shortDate = formatOf({ month: 'short', day: 'numeric' });
/** "Dec 6, 2025": a day that may be in another year. */
export const dateWithYear = formatOf({ month: 'short', day: 'numeric', year: 'numeric' });
/** "Dec": a calendar's month label. */
export const monthName = formatOf({ month: 'short' });
/** "M": a calendar's weekday label. */
export const weekdayName = formatOf({ weekday: 'short' });
