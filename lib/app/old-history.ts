/**
 * Removing old history, the way out of a full storage.local: the entries of the years before
 * one the user picks go (their month items, `entries.YYYY-MM` and `.recent`), and nothing else.
 * The daily records (`days.*`, `others.*`), the personal records, the month index and the sync
 * items stay, so streaks, records, the habit calendars and what other devices see keep their
 * figures; the entries themselves (each set's detail, the strength chart of those years, the
 * export) go. It is one storage call, so it needs no journal: it happens whole or not at all.
 * Logs waiting for room are stored right after.
 */
import { ProblemError } from '../model/problem';
import { localDayKey } from '../model/days';
import type { RequestOf, ResponseMap } from '../messaging/protocol';
import { itemsBytes } from '../store/backup';
import { LOCAL_KEYS, monthsFormat, readVersioned } from '../store/items';
import { bucketKeys } from '../store/buckets';
import type { KeyValueArea } from '../store/area';
import type { WorkerContext } from './dependencies';
import { readSettings } from './shared-records';

/** The entry items of each year, by year, as the months index lists them. */
async function entryKeysByYear(local: KeyValueArea): Promise<Map<number, string[]>> {
  const raw = (await local.get(LOCAL_KEYS.months))[LOCAL_KEYS.months];
  const byYear = new Map<number, string[]>();
  for (const month of readVersioned(monthsFormat, raw).value.months) {
    const year = Number(month.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), ...bucketKeys(month)]);
  }
  return byYear;
}

/** Bytes the items take: the browser's count where it has one (Chrome), else counted. */
async function bytesOf(local: KeyValueArea, keys: string[]): Promise<number> {
  try {
    if (local.getBytesInUse) return await local.getBytesInUse(keys);
  } catch {
    // Not implemented for this area by this browser: count the items instead.
  }
  return itemsBytes(await local.get(keys));
}

async function currentYear({ deps }: Pick<WorkerContext, 'deps'>): Promise<number> {
  const settings = await readSettings(deps.sync);
  return Number(localDayKey(deps.now(), settings.startOfDayHour).slice(0, 4));
}

/** The years before this one that hold entries, oldest first, with the bytes each takes. */
export async function historyYears(
  context: Pick<WorkerContext, 'deps'>,
): Promise<ResponseMap['historyYears']> {
  const { local } = context.deps;
  const thisYear = await currentYear(context);
  const years: { year: number; bytes: number }[] = [];
  for (const [year, keys] of await entryKeysByYear(local)) {
    if (year >= thisYear) continue;
    const bytes = await bytesOf(local, keys);
    if (bytes > 0) years.push({ year, bytes });
  }
  return { years: years.sort((a, b) => a.year - b.year), currentYear: thisYear };
}

/**
 * Removes the entries of every year before `before`; refused, with nothing changed, when that
 * would take the current year or remove nothing.
 */
export async function removeOldHistory(
  context: Pick<WorkerContext, 'deps' | 'writer'>,
  { before }: RequestOf<'removeOldHistory'>,
): Promise<ResponseMap['removeOldHistory']> {
  const { local } = context.deps;
  const writer = await context.writer;
  const freedBytes = await writer.serialize(async () => {
    if (before > (await currentYear(context)))
      throw new ProblemError('history.currentYear', [String(before - 1)]);
    const keys = [...(await entryKeysByYear(local))]
      .filter(([year]) => year < before)
      .flatMap(([, yearKeys]) => yearKeys);
    const bytes = keys.length > 0 ? await bytesOf(local, keys) : 0;
    if (bytes === 0) throw new ProblemError('history.nothingBefore', [String(before)]);
    await local.remove(keys);
    return bytes;
  });
  await writer.retryWaiting();
  return { freedBytes };
}
