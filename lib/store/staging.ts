/**
 * An import's staged parts: the entries of a file, sent by the options page in parts and kept
 * aside in storage.local (`staging.<id>.<n>`) until the import is committed.
 */
import * as v from 'valibot';
import type { Entry } from '../model/entries';
import { encodeEntry, type Bucket } from './codec';
import { bucketFormat, readVersioned, writeVersioned, type Format } from './items';
import { decodeBucket } from './buckets';

/**
 * A part of an import kept aside: its entries as month buckets, the same tuples `entries.*`
 * holds, so a file takes about as much room staged as it will once imported. `stagedAt` is
 * the worker's clock, so a start can tell parts a page left behind from its own.
 */
export const stagedPartFormat: Format<{ stagedAt: number; months: Record<string, unknown> }> = {
  version: 1,
  schema: v.strictObject({
    stagedAt: v.number(),
    // Each month is read as a bucket (decodeBucket), which checks it.
    months: v.record(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}$/)), v.unknown()),
  }),
  migrations: {},
  fallback: () => ({ stagedAt: 0, months: {} }),
};

export function encodeStagedPart(entries: readonly Entry[], stagedAt: number) {
  const months: Record<string, Omit<Bucket, 'v'>> = {};
  for (const entry of entries) {
    const month = entry.day.slice(0, 7);
    const bucket = (months[month] ??= bucketFormat.fallback());
    bucket.entries.push(encodeEntry(entry, month, bucket));
  }
  return writeVersioned(stagedPartFormat, {
    stagedAt,
    months: Object.fromEntries(
      Object.entries(months).map(([month, bucket]) => [
        month,
        writeVersioned(bucketFormat, bucket),
      ]),
    ),
  });
}

/** A staged part's entries; undefined when it is missing or not whole. */
export function decodeStagedPart(raw: unknown): Entry[] | undefined {
  const read = readVersioned(stagedPartFormat, raw);
  if (read.status !== 'ok') return undefined;
  const entries: Entry[] = [];
  for (const [month, stored] of Object.entries(read.value.months)) {
    const bucket = decodeBucket(month, stored);
    if (!bucket || bucket.unreadable.length > 0) return undefined;
    entries.push(...bucket.entries);
  }
  return entries;
}
