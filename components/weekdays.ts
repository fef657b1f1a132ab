import { uiLanguage } from '../lib/adapters/translate';
import { firstDayOfWeek, weekdaysInOrder, type WeekInfo } from '../lib/model/week-start';

/** The UI language's week as the browser reports it: `getWeekInfo()`, or `weekInfo` before it. */
const locale = new Intl.Locale(uiLanguage) as Intl.Locale & {
  getWeekInfo?: () => WeekInfo;
  weekInfo?: WeekInfo;
};
const weekInfo = locale.getWeekInfo?.() ?? locale.weekInfo;

/** The ISO weekday (1 = Monday) the UI language starts its week on. */
export const firstWeekday = firstDayOfWeek(uiLanguage, weekInfo);

/** The ISO weekdays in the UI language's order: every list and grid of weekdays shows these. */
export const weekdaysShown = weekdaysInOrder(uiLanguage, weekInfo);
