/** Reading the extension's real storage from a test, decoded with the extension's own code. */
import type { Background } from './worker';
import { decodeEntry } from '../../lib/store/codec';
import type { Entry } from '../../lib/model/entries';
import { bucketFormat, readVersioned } from '../../lib/store/items';
import { monthOfBucketKey } from '../../lib/store/buckets';
import { FIRST_PAINT_KEYS, type StoredSnapshot } from '../../lib/store/first-paint';

/** Today's snapshot as the worker keeps it for the popup's first paint, in session storage. */
export async function storedTodaySnapshot(worker: Background): Promise<StoredSnapshot | undefined> {
  const stored = await worker.evaluate(
    (key) => chrome.storage.session.get(key),
    FIRST_PAINT_KEYS.todaySnapshot,
  );
  return stored[FIRST_PAINT_KEYS.todaySnapshot] as StoredSnapshot | undefined;
}

export function storageArea(
  worker: Background,
  area: 'local' | 'sync',
): Promise<Record<string, unknown>> {
  return worker.evaluate((name) => chrome.storage[name].get(null), area);
}

export async function storedEntries(worker: Background): Promise<Entry[]> {
  // Only the entry items cross over: a test may have filled the rest of storage with padding.
  const local = await worker.evaluate(async () =>
    Object.fromEntries(
      Object.entries(await chrome.storage.local.get(null)).filter(([key]) =>
        key.startsWith('entries.'),
      ),
    ),
  );
  return Object.entries(local)
    .filter(([key]) => monthOfBucketKey(key))
    .flatMap(([key, raw]) => {
      const month = monthOfBucketKey(key)!;
      const bucket = readVersioned(bucketFormat, raw).value;
      return bucket.entries.map((tuple) => decodeEntry(tuple, month, bucket));
    });
}
