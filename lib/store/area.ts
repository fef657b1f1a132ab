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
