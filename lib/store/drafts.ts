/** A change's entries as the writer applies them: each with its day, a rest's range split. */
import { addDays, localDayKey, monthOf, type DayKey } from '../model/days';
import type { Entry, NewEntry } from '../model/entries';

export type Draft = NewEntry & { day: DayKey };

/** Days of the month a change to this entry touches (a rest's range included). */
export function daysOf(entry: Entry, month: string): DayKey[] {
  if (entry.kind !== 'rest' || entry.until === undefined) return [entry.day];
  const days: DayKey[] = [];
  for (let day = entry.day; day <= entry.until && monthOf(day) === month; day = addDays(day, 1))
    days.push(day);
  return days;
}

/** A page's entries with their days, a rest over several days as one entry a day. */
export function expandDrafts(entries: readonly NewEntry[], startOfDayHour: number): Draft[] {
  const drafts: Draft[] = [];
  for (const draft of entries) {
    const day = draft.day ?? localDayKey(draft.at, startOfDayHour);
    if (draft.kind !== 'rest' || draft.until === undefined) {
      drafts.push({ ...draft, day });
      continue;
    }
    const { until, ...single } = draft;
    for (let current = day; current <= until; current = addDays(current, 1)) {
      drafts.push({ ...single, day: current });
    }
  }
  return drafts;
}
