/**
 * The browser's storage areas, as the domain's KeyValueArea, for the entrypoints and pages.
 * storage.local and storage.session fail in the user's words: a full storage is the
 * `storage.full` problem, any other failure `storage.failed` with the browser's detail, so no
 * page, notification or guide shows the browser's own text. storage.sync keeps the browser's
 * errors: its flush reads their quota names to step down (lib/sync/flush.ts).
 */
import { browser } from './browser-api';
import { ProblemError } from '../model/problem';
import { isStorageFull, STORAGE_FULL } from '../store/area';
import type { KeyValueArea } from '../store/items';

/** A storage failure as a problem the pages can say. */
export function storageProblem(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  if (isStorageFull(error)) return new ProblemError(STORAGE_FULL);
  return new ProblemError('storage.failed', [
    error instanceof Error ? error.message : String(error),
  ]);
}

async function inWords<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw storageProblem(error);
  }
}

/**
 * The area's calls, each failing as a problem. The area is looked up on every call (not bound
 * once), as the end-to-end tests replace its methods to stop a worker in the middle.
 */
function sayingFailures(area: () => KeyValueArea): KeyValueArea {
  const own = area();
  return {
    get: (keys) => inWords(() => area().get(keys)),
    set: (items) => inWords(() => area().set(items)),
    remove: (keys) => inWords(() => area().remove(keys)),
    ...(own.getBytesInUse
      ? { getBytesInUse: (keys) => inWords(() => area().getBytesInUse!(keys)) }
      : {}),
    ...(own.getKeys ? { getKeys: () => inWords(() => area().getKeys!()) } : {}),
  };
}

export function browserAreas(): { local: KeyValueArea; sync: KeyValueArea } {
  return {
    local: sayingFailures(() => browser.storage.local as unknown as KeyValueArea),
    sync: browser.storage.sync as unknown as KeyValueArea,
  };
}

export function sessionArea(): KeyValueArea {
  return sayingFailures(() => browser.storage.session as unknown as KeyValueArea);
}
