/** Reading the extension's real storage from a test, decoded with the extension's own code. */
import type { Background } from './worker';
import { decodeEntry } from '../../lib/store/codec';
import type { Entry } from '../../lib/model/entries';
import { bucketFormat, monthOfBucketKey, readVersioned } from '../../lib/store/items';

export function storageArea(
  worker: Background,
  area: 'local' | 'sync',
): Promise<Record<string, unknown>> {
  return worker.evaluate((name) => chrome.storage[name].get(null), area);
}

export async function storedEntries(worker: Background): Promise<Entry[]> {
  const local = await storageArea(worker, 'local');
  return Object.entries(local)
    .filter(([key]) => monthOfBucketKey(key))
    .flatMap(([key, raw]) => {
      const month = monthOfBucketKey(key)!;
      const bucket = readVersioned(bucketFormat, raw).value;
      return bucket.entries.map((tuple) => decodeEntry(tuple, month, bucket));
    });
}
