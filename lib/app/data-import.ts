/**
 * Import: a file's entries are staged in parts (lib/store/staging.ts), checked, then committed,
 * adding to the data or replacing it behind a backup. The check leaves out the entries that
 * cannot be taken, counted by reason, and refuses what would damage the data (settings or
 * custom exercises of a time to come, a missing part, no room). The commit is recorded in a
 * journal, so a worker stopped in the middle finishes it on its next start.
 */
import { ProblemError } from '../model/problem';
import { builtInExercise } from '../model/catalogue';
import type { DayKey } from '../model/days';
import { EntryValidationError, type Entry, type WorldContext } from '../model/entries';
import type { RequestOf } from '../messaging/protocol';
import { importFits, itemsBytes } from '../store/backup';
import { entryId } from '../store/codec';
import {
  LOCAL_KEYS,
  readVersioned,
  STAGING_PREFIX,
  type KeyValueArea,
  type NoticeKind,
} from '../store/items';
import { SkipTally, takeEntries, type SkippedGroup } from '../store/file-entries';
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
  /** The entries the check left out of the staged parts, by reason. */
  skipped?: SkippedGroup[];
} & RequestOf<'commitImport'>;

/** What an import brought, and the entries of its file it left out. */
export interface ImportResult {
  added: number;
  skipped: SkippedGroup[];
}

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
 * Every part is there and every record makes sense, before anything changes. The entries that
 * cannot be taken are left out of their parts, and counted. Returns what it adds to storage:
 * the days (of each device) it brings, each a daily record to keep, and its largest part, held
 * twice for a moment while it is stored.
 */
export async function checkImport(
  { deps }: DataContext,
  journal: ImportJournal,
): Promise<{ days: number; largestPartBytes: number; skipped: SkippedGroup[] }> {
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
  const seen = new Set<string>();
  const tally = new SkipTally();
  let largestPartBytes = 0;
  for (let part = 0; part < journal.parts; part++) {
    const staged = await stagedPart(deps.local, journal.id, part);
    if (!staged) throw new ProblemError('import.incomplete');
    const taken = takeEntries(staged.entries, context, seen, tally);
    let bytes = staged.bytes;
    if (taken.length < staged.entries.length) {
      // Kept without what is left out, so that the import, run again, stores the same.
      const kept = { [LOCAL_KEYS.staging(journal.id, part)]: encodeStagedPart(taken, deps.now()) };
      await deps.local.set(kept);
      bytes = itemsBytes(kept);
    }
    largestPartBytes = Math.max(largestPartBytes, bytes);
    for (const entry of taken) days.add(`${entry.device} ${entry.day}`);
  }
  return { days: days.size, largestPartBytes, skipped: tally.groups };
}

/**
 * Checks a staged import and records it in the journal (a replace with the backup it is
 * behind, in the same write), or lets go of its parts and refuses it, changing nothing.
 */
async function beginImport(context: DataContext, request: ImportJournal): Promise<ImportJournal> {
  const { deps, localQuotaBytes } = context;
  const refuse = async (error: unknown): Promise<never> => {
    await dropStaged(deps.local, request.id);
    throw error;
  };
  let adds: Awaited<ReturnType<typeof checkImport>>;
  try {
    adds = await checkImport(context, request);
  } catch (error) {
    return refuse(error);
  }
  const journal: ImportJournal = { ...request, skipped: adds.skipped };
  if (journal.mode === 'add') {
    if (!(await importFits(deps.local, adds, localQuotaBytes)))
      return refuse(new ProblemError('import.noRoom'));
    await deps.local.set({ [LOCAL_KEYS.journal]: journal });
    return journal;
  }
  const backup = await takeFittingBackup(context);
  if (!backup) return refuse(new ProblemError('storage.noRoomForBackup'));
  // The backup and the journal that says it is taken, in one write: a second start
  // never takes a backup of data half replaced.
  await deps.local.set({ [LOCAL_KEYS.backup]: backup, [LOCAL_KEYS.journal]: journal });
  return journal;
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
): Promise<ImportResult> {
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
  return { added, skipped: journal.skipped ?? [] };
}

/** Commits a staged import: checked and journalled alone, then run. */
export async function commitImport(
  context: DataContext,
  request: RequestOf<'commitImport'>,
): Promise<ImportResult> {
  const checked = await (
    await context.writer
  ).serialize(() => beginImport(context, { v: 1, kind: 'import', step: 'checked', ...request }));
  return runImport(context, checked, 'importDone');
}
