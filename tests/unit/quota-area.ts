/** In-memory storage areas for unit tests and the sync benchmarks. */
import type { KeyValueArea } from '../../lib/store/items';
import { itemBytes, SYNC_QUOTA } from '../../lib/sync/plan';

function bytesOf(data: Map<string, string>): number {
  let total = 0;
  for (const [key, value] of data) total += new TextEncoder().encode(key + value).length;
  return total;
}

/** A storage area without limits (like storage.local with room to spare), for simulations. */
export class MemoryArea implements KeyValueArea {
  readonly data = new Map<string, string>();

  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted =
      keys === null || keys === undefined
        ? [...this.data.keys()]
        : typeof keys === 'string'
          ? [keys]
          : keys;
    const result: Record<string, unknown> = {};
    for (const key of wanted) {
      const value = this.data.get(key);
      if (value !== undefined) result[key] = JSON.parse(value);
    }
    return result;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    for (const [key, value] of Object.entries(items)) this.data.set(key, JSON.stringify(value));
  }

  async remove(keys: string | string[]): Promise<void> {
    for (const key of typeof keys === 'string' ? [keys] : keys) this.data.delete(key);
  }

  bytesInUse(): number {
    return bytesOf(this.data);
  }

  /** Of the keys given, as Chrome's; of everything without. */
  async getBytesInUse(keys?: string | string[] | null): Promise<number> {
    if (keys === null || keys === undefined) return this.bytesInUse();
    const wanted = new Set(typeof keys === 'string' ? [keys] : keys);
    return bytesOf(new Map([...this.data].filter(([key]) => wanted.has(key))));
  }
}

/**
 * storage.local with Chrome's quota (10 MiB without `unlimitedStorage`): a write that would go
 * over it fails, as Chromium's does, and changes nothing.
 */
export class QuotaLocalArea extends MemoryArea {
  constructor(readonly quotaBytes: number) {
    super();
  }

  override async set(items: Record<string, unknown>): Promise<void> {
    const next = new Map(this.data);
    for (const [key, value] of Object.entries(items)) next.set(key, JSON.stringify(value));
    if (bytesOf(next) > this.quotaBytes) throw new Error('Resource::kQuotaBytes quota exceeded');
    await super.set(items);
  }
}

/**
 * A storage area that enforces storage.sync's quotas the way Chromium does: a call over any
 * limit fails at once and changes nothing. Time is passed in, so write-rate limits are tested
 * without waiting.
 */
export class QuotaSyncArea extends MemoryArea {
  readonly writeTimes: number[] = [];
  quotaErrors = 0;

  constructor(private readonly now: () => number = () => Date.now()) {
    super();
  }

  private refuse(message: string): never {
    this.quotaErrors++;
    throw new Error(message);
  }

  private checkRate(): void {
    const now = this.now();
    const lastMinute = this.writeTimes.filter((time) => time > now - 60_000).length;
    const lastHour = this.writeTimes.filter((time) => time > now - 3_600_000).length;
    if (lastMinute >= SYNC_QUOTA.writesPerMinute)
      this.refuse('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    if (lastHour >= SYNC_QUOTA.writesPerHour)
      this.refuse('MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded');
  }

  override async set(items: Record<string, unknown>): Promise<void> {
    this.checkRate();
    const next = new Map(this.data);
    for (const [key, value] of Object.entries(items)) {
      if (itemBytes(key, value) > SYNC_QUOTA.itemBytes)
        this.refuse('Resource::kQuotaBytesPerItem quota exceeded');
      next.set(key, JSON.stringify(value));
    }
    if (next.size > SYNC_QUOTA.items) this.refuse('Resource::kMaxItems quota exceeded');
    if (bytesOf(next) > SYNC_QUOTA.bytes) this.refuse('Resource::kQuotaBytes quota exceeded');
    this.writeTimes.push(this.now());
    await super.set(items);
  }

  override async remove(keys: string | string[]): Promise<void> {
    this.checkRate();
    this.writeTimes.push(this.now());
    await super.remove(keys);
  }
}
