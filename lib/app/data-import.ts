/**
 * Import: a file's entries are staged in parts (lib/store/staging.ts), checked whole, then
 * committed, adding to the data or replacing it behind a backup. The commit is recorded in a
 * journal, so a worker stopped in the middle finishes it on its next start.
 */
import { ProblemError } from '../model/problem';
import { builtInExercise } from '../model/catalogue';
import type { DayKey } from '../model/days';
import { EntryValidationError, type Entry, type WorldContext } from '../model/entries';
import type { RequestOf } from '../messaging/protocol';
import { importedEntryProblem, importFits, itemsBytes } from '../store/backup';
import { entryId } from '../store/codec';
import {
  LOCAL_KEYS,
  readVersioned,
  STAGING_PREFIX,
  type KeyValueArea,
  type NoticeKind,
} from '../store/items';
import { decodeStagedPart, encodeStagedPart, stagedPartFormat } from '../store/staging';
import { isQuotaError } from '../sync/flush';
import { deleteEverything, takeFittingBackup, tell, type DataContext } from './data-reset';
import {
  readCustomExercises,
  refuseFuture,
  saveCustomExercise,
  saveSettings,
} from './shared-records';

/** An import under way, kept in storage.local until it is done. */
export type ImportJournal = {
  v: 1;
  kind: 'import';
  step: 'checked';
  /** Parts stored so far; each goes from staging once it is counted here. */
  partsStored?: number;
} & RequestOf<'commitImport'>;

/** The keys of staged parts, listed without reading the history where the browser can. */
export async function stagedKeys(local: KeyValueArea, prefix = STAGING_PREFIX): Promise<string[]> {
  let keys: string[] | undefined;
  try {
    keys = await local.getKeys?.();
  } catch {
    // Not implemented by this browser (or test double): the keys come with their values.
  }
  keys ??= Object.keys(await local.get(null));
  return keys.filter((key) => key.startsWith(prefix));
}

export async function dropStaged(local: KeyValueArea, id: string): Promise<void> {
  const staged = await stagedKeys(local, `${STAGING_PREFIX}${id}.`);
  if (staged.length > 0) await local.remove(staged);
}

/**
 * Parts a page staged and never committed (it was closed), but those of `keep` and of the
 * import under way: those staged before `stagedBefore`, or, when a new import begins, all.
 * Returns whether any went.
 */
export async function dropAbandoned(
  local: KeyValueArea,
  keep: string,
  stagedBefore = Infinity,
): Promise<boolean> {
  const staged = await stagedKeys(local);
  if (staged.length === 0) return false;
  const stored = await local.get([LOCAL_KEYS.journal, ...staged]);
  const journal = stored[LOCAL_KEYS.journal] as Partial<ImportJournal> | undefined;
  const kept = [keep, journal?.id].map((id) => `${STAGING_PREFIX}${id}.`);
  const abandoned = staged.filter(
    (key) =>
      !kept.some((prefix) => key.startsWith(prefix)) &&
      readVersioned(stagedPartFormat, stored[key]).value.stagedAt < stagedBefore,
  );
  if (abandoned.length === 0) return false;
  await local.remove(abandoned);
  return true;
}

/** A staged part's entries and the room it takes; undefined when it is not there. */
async function stagedPart(
  local: KeyValueArea,
  id: string,
  part: number,
): Promise<{ entries: Entry[]; bytes: number } | undefined> {
  const key = LOCAL_KEYS.staging(id, part);
  const stored = await local.get(key);
  if (stored[key] === undefined) return undefined;
  const entries = decodeStagedPart(stored[key]);
  if (!entries) throw new ProblemError('import.incomplete');
  return { entries, bytes: itemsBytes(stored) };
}

/** Keeps a part of a file aside; a part that does not fit lets go of the whole import. */
export async function stageImport(
  { deps }: DataContext,
  { id, part, entries }: RequestOf<'stageImport'>,
): Promise<void> {
  // Stored without their ids, which are their device and instant: an id that is not is
  // refused here, where it can still be seen.
  for (const [index, entry] of entries.entries()) {
    if (entry.id !== entryId(entry.device, entry.at)) {
      await dropStaged(deps.local, id);
      throw new EntryValidationError('import.entryIdMismatch', `entries.${part}.${index}`);
    }
  }
  // A new import lets go of parts an earlier one left behind.
  if (part === 0) await dropAbandoned(deps.local, id);
  try {
    await deps.local.set({ [LOCAL_KEYS.staging(id, part)]: encodeStagedPart(entries, deps.now()) });
  } catch (error) {
    await dropStaged(deps.local, id);
    throw isQuotaError(error) ? new ProblemError('import.noRoom') : error;
  }
}

/**
 * Every part is there and every entry and record makes sense, before anything changes.
 * Returns what it adds to storage: the days (of each device) it brings, each a daily record
 * to keep, and its largest part, held twice for a moment while it is stored.
 */
export async function checkImport(
  { deps }: DataContext,
  journal: ImportJournal,
): Promise<{ days: number; largestPartBytes: number }> {
  for (const exercise of journal.customExercises) refuseFuture(exercise.updatedAt, deps.now());
  refuseFuture(journal.settings.updatedAt, deps.now());
  const known = new Set(
    [...(await readCustomExercises(deps.sync)), ...journal.customExercises].map(({ id }) => id),
  );
  const context: WorldContext = {
    now: deps.now(),
    knownExercise: (id) => known.has(id) || builtInExercise(id) !== undefined,
  };
  const days = new Set<`${string} ${DayKey}`>();
  let largestPartBytes = 0;
  for (let part = 0; part < journal.parts; part++) {
    const staged = await stagedPart(deps.local, journal.id, part);
    if (!staged) throw new ProblemError('import.incomplete');
    largestPartBytes = Math.max(largestPartBytes, staged.bytes);
    for (const [index, entry] of staged.entries.entries()) {
      const problem = importedEntryProblem(entry, context);
      if (problem) throw new EntryValidationError(problem, `entries.${part}.${index}`);
      days.add(`${entry.device} ${entry.day}`);
    }
  }
  return { days: days.size, largestPartBytes };
}

/**
 * Checks a staged import and records it in the journal (a replace with the backup it is
 * behind, in the same write), or lets go of its parts and refuses it, changing nothing.
 */
async function beginImport(context: DataContext, journal: ImportJournal): Promise<void> {
  const { deps, localQuotaBytes } = context;
  const refuse = async (error: unknown): Promise<never> => {
    await dropStaged(deps.local, journal.id);
    throw error;
  };
  let adds: Awaited<ReturnType<typeof checkImport>>;
  try {
    adds = await checkImport(context, journal);
  } catch (error) {
    return refuse(error);
  }
  if (journal.mode === 'add') {
    if (!(await importFits(deps.local, adds, localQuotaBytes)))
      return refuse(new ProblemError('import.noRoom'));
    await deps.local.set({ [LOCAL_KEYS.journal]: journal });
    return;
  }
  const backup = await takeFittingBackup(context);
  if (!backup) return refuse(new ProblemError('storage.noRoomForBackup'));
  // The backup and the journal that says it is taken, in one write: a second start
  // never takes a backup of data half replaced.
  await deps.local.set({ [LOCAL_KEYS.backup]: backup, [LOCAL_KEYS.journal]: journal });
}

/**
 * Applies a checked import. Every step can run again with the same result (entries already
 * here are skipped, records put back as they were), so an import cut short is run again from
 * its journal on the next start. Each staged part goes once the journal counts it stored,
 * so the file is never held twice, and a replace deletes only before its first part.
 */
export async function runImport(
  context: DataContext,
  journal: ImportJournal,
  notice: NoticeKind,
): Promise<{ added: number }> {
  const { deps } = context;
  const queue = await context.writer;
  const stored = journal.partsStored ?? 0;
  if (journal.mode === 'replace' && stored === 0)
    await queue.serialize(() => deleteEverything(context));
  for (const exercise of journal.customExercises)
    await queue.serialize(() => saveCustomExercise(deps, exercise, true));
  let added = 0;
  for (let part = stored; part < journal.parts; part++) {
    const staged = await stagedPart(deps.local, journal.id, part);
    if (!staged) throw new ProblemError('import.incomplete');
    if (staged.entries.length > 0) added += (await queue.importEntries(staged.entries)).added;
    await deps.local.set({ [LOCAL_KEYS.journal]: { ...journal, partsStored: part + 1 } });
    await deps.local.remove(LOCAL_KEYS.staging(journal.id, part));
  }
  if (journal.mode === 'replace')
    await queue.serialize(() => saveSettings(deps, journal.settings, true));
  await dropStaged(deps.local, journal.id);
  await tell(deps, notice);
  await deps.local.remove(LOCAL_KEYS.journal);
  if (journal.mode === 'replace') await context.engine.reconcile({ recompute: true });
  return { added };
}

/** Commits a staged import: checked and journalled alone, then run. */
export async function commitImport(
  context: DataContext,
  request: RequestOf<'commitImport'>,
): Promise<{ added: number }> {
  const journal: ImportJournal = { v: 1, kind: 'import', step: 'checked', ...request };
  await (await context.writer).serialize(() => beginImport(context, journal));
  return runImport(context, journal, 'importDone');
}
