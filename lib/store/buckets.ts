/**
 * A month's entries as storage holds them (lib/store/items.ts declares the items): the two items
 * of a month, decoded, and read.
 */
import {
  decodeEntry,
  decodeStoredEntry,
  encodeEntry,
  isStoredOfKind,
  type BucketTables,
  type EncodedEntry,
} from './codec';
import { EntryValidationError, type Entry } from '../model/entries';
import { bucketFormat, LOCAL_KEYS, readVersioned, type KeyValueArea } from './items';

/** Both items that hold a month's entries: every reader of a month reads both. */
export function bucketKeys(month: string): [month: string, recent: string] {
  return [LOCAL_KEYS.bucket(month), LOCAL_KEYS.recent(month)];
}

/** The month a bucket item belongs to, or undefined for any other key. */
export function monthOfBucketKey(key: string): string | undefined {
  return /^entries\.(\d{4}-\d{2})(?:\.recent)?$/.exec(key)?.[1];
}

/** A month's entries from both of its items (as `get` returned them), oldest item first. */
export function decodeMonth(
  month: string,
  raw: Record<string, unknown>,
): { month?: DecodedBucket; recent?: DecodedBucket } {
  const [main, recent] = bucketKeys(month);
  return { month: decodeBucket(month, raw[main]), recent: decodeBucket(month, raw[recent]) };
}

/** A month bucket, decoded: its tables, its entries with their tuples, and what it cannot read. */
export interface DecodedBucket {
  tables: BucketTables;
  entries: Entry[];
  /** The stored tuple of each entry, in the same order. */
  tuples: EncodedEntry[];
  /** Tuples this version cannot read, kept as they are. */
  unreadable: unknown[];
}

/**
 * Decodes a stored month. A bucket of this version holds tuples this version's writer checked
 * before storing them: they are decoded without validating them again. A bucket of an older
 * version is validated entry by entry; one of a newer version, or broken, is undefined (not to
 * be written over).
 */
export function decodeBucket(
  month: string,
  raw: unknown,
  /** Only entries of these kinds: for a page that shows no others, never to store again. */
  kinds?: ReadonlySet<Entry['kind']>,
): DecodedBucket | undefined {
  const read = readVersioned(bucketFormat, raw);
  if (read.status === 'newer' || read.status === 'invalid') return undefined;
  const { entries: stored, ...tables } = read.value;
  const bucket: DecodedBucket = {
    tables: { devices: [...tables.devices], exercises: [...tables.exercises] },
    entries: [],
    tuples: [],
    unreadable: [],
  };
  const trusted = read.status === 'ok';
  for (const tuple of stored) {
    if (kinds && !isStoredOfKind(tuple, kinds)) continue;
    let entry: Entry | undefined;
    try {
      entry = trusted ? decodeStoredEntry(tuple, month, tables) : decodeEntry(tuple, month, tables);
    } catch (error) {
      if (!(error instanceof EntryValidationError)) throw error;
    }
    if (entry) {
      bucket.entries.push(entry);
      // An older version's tuple is stored again in this version's form.
      bucket.tuples.push(trusted ? tuple : encodeEntry(entry, month, bucket.tables));
    } else bucket.unreadable.push(tuple);
  }
  return bucket;
}

/** Every readable entry of the given months, in storage order. */
export async function readEntries(
  local: KeyValueArea,
  months: readonly string[],
): Promise<Entry[]> {
  const raw = await local.get(months.flatMap(bucketKeys));
  return months.flatMap((month) => {
    const { month: bucket, recent } = decodeMonth(month, raw);
    return [...(bucket?.entries ?? []), ...(recent?.entries ?? [])];
  });
}
