/**
 * A file's entries, each taken or left out with its reason. A Backbone file keeps what it can:
 * one entry logged while a clock was years ahead, or naming an exercise this version does not
 * know, is left out and counted, and the rest is imported. What makes a file no Backbone file,
 * or a damaged one, refuses it whole (backup.ts).
 *
 * The options page reads a file with these rules for its preview; the worker checks the entries
 * it is sent with the same rules again, so the counts it answers are the preview's.
 */
import { entryId } from './codec';
import {
  entryWorldProblem,
  EntryValidationError,
  isPossibleDay,
  parseEntry,
  type Entry,
  type WorldContext,
} from '../model/entries';

/** Entries left out of an import for one reason (a message key): how many, and the latest. */
export interface SkippedGroup {
  reason: string;
  count: number;
  /** The latest instant among them, for the entries dated in the future. */
  latestAt?: number;
}

/** Counts the entries left out, by reason, in the order the reasons first came. */
export class SkipTally {
  private readonly byReason = new Map<string, SkippedGroup>();

  add(reason: string, at?: number): void {
    const group = this.byReason.get(reason) ?? { reason, count: 0 };
    group.count++;
    if (reason === 'invalid.future' && at !== undefined)
      group.latestAt = Math.max(group.latestAt ?? at, at);
    this.byReason.set(reason, group);
  }

  addGroups(groups: readonly SkippedGroup[]): void {
    for (const { reason, count, latestAt } of groups)
      for (let index = 0; index < count; index++) this.add(reason, latestAt);
  }

  get groups(): SkippedGroup[] {
    return [...this.byReason.values()].map((group) => ({ ...group }));
  }
}

export const skippedCount = (groups: readonly SkippedGroup[]) =>
  groups.reduce((total, group) => total + group.count, 0);

/**
 * An entry as a file holds it: what a message cannot carry to the worker (an entry that is not
 * in the form Backbone writes, or whose id is not its device and instant) gives its reason.
 */
export function readFileEntry(raw: unknown): { entry: Entry } | { leftOut: string } {
  let entry: Entry;
  try {
    entry = parseEntry(raw);
  } catch (error) {
    if (!(error instanceof EntryValidationError)) throw error;
    return { leftOut: error.problem.key };
  }
  if (entry.id !== entryId(entry.device, entry.at)) return { leftOut: 'import.entryIdMismatch' };
  return { entry };
}

/**
 * Why an entry from elsewhere (a file) is left out: its id must be its device and instant, its
 * day one its instant can have in some time zone, its exercise one that exists, its instant not
 * to come.
 */
export function importedEntryProblem(entry: Entry, context: WorldContext): string | undefined {
  if (entry.id !== entryId(entry.device, entry.at)) return 'import.entryIdMismatch';
  if (entry.kind === 'rest' && entry.until !== undefined) return 'import.restRange';
  if (!isPossibleDay(entry.day, entry.at)) return 'invalid.dayMismatch';
  return entryWorldProblem(entry, context);
}

/**
 * Takes the entries that make sense and are not already taken (`seen`: the ids taken so far,
 * across the parts of a file), counting the others in `tally`.
 */
export function takeEntries(
  entries: readonly Entry[],
  context: WorldContext,
  seen: Set<string>,
  tally: SkipTally,
): Entry[] {
  const taken: Entry[] = [];
  for (const entry of entries) {
    const reason =
      importedEntryProblem(entry, context) ??
      (seen.has(entry.id) ? 'import.duplicateEntry' : undefined);
    if (reason) {
      tally.add(reason, entry.at);
      continue;
    }
    seen.add(entry.id);
    taken.push(entry);
  }
  return taken;
}

export interface FileEntries {
  /** What the import will bring. */
  taken: Entry[];
  /** What the page sends the worker, which checks them again: the taken and the left out it can carry. */
  carried: Entry[];
  /** Every entry left out, by reason; the ones not carried are counted by the page alone. */
  skipped: SkippedGroup[];
  /** How many of the left out the page did not carry. */
  notCarried: number;
}

/** A file's entries read: every one of them is taken or left out, with its reason. */
export function partitionFileEntries(raws: readonly unknown[], context: WorldContext): FileEntries {
  const tally = new SkipTally();
  const carried: Entry[] = [];
  let notCarried = 0;
  for (const raw of raws) {
    const read = readFileEntry(raw);
    if ('leftOut' in read) {
      tally.add(read.leftOut);
      notCarried++;
    } else carried.push(read.entry);
  }
  const taken = takeEntries(carried, context, new Set(), tally);
  return { taken, carried, skipped: tally.groups, notCarried };
}
