/** The part of a storage area the domain uses: `browser.storage.local` and `.sync` are ones, and the tests' fakes. */
export interface KeyValueArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  /** Chrome's count of bytes stored; absent in Firefox, where they are counted from the items. */
  getBytesInUse?(keys?: string | string[] | null): Promise<number>;
  /** Every key, without reading the values (Chrome 130+, Firefox 143+). */
  getKeys?(): Promise<string[]>;
}

/**
 * Whether a write failed because storage.local is full: the adapter's `storage.full` problem,
 * or the browser's own words (Chrome's "Resource::kQuotaBytes quota exceeded" and
 * "QUOTA_BYTES", Firefox's QuotaExceededError, "The storage quota has been exceeded").
 */
export function isStorageFull(error: unknown): boolean {
  if (!(error instanceof Error)) return /quota/i.test(String(error));
  const problem = (error as { problem?: { key?: unknown } }).problem;
  return (
    problem?.key === STORAGE_FULL ||
    error.name === 'QuotaExceededError' ||
    /quota/i.test(error.message)
  );
}

/** The problem a full storage.local is said with. */
export const STORAGE_FULL = 'storage.full';
