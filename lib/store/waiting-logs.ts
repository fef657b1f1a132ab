/**
 * Logs acknowledged while storage.local was full, waiting for room. The writer keeps them in
 * storage.session (memory-backed, with its own quota; it outlives the worker within the
 * browser's session), so a full local storage loses nothing it acknowledged; every later commit
 * takes them first, and they are stored once there is room (after old history is removed, a
 * reset, or on the worker's next start). Each carries its change id, which the commit that
 * stores it remembers, so a worker stopped between that commit and letting them go stores them
 * once.
 */
import * as v from 'valibot';
import type { NewEntry } from '../model/entries';
import type { Problem } from '../model/problem';
import { changeIdSchema, readVersioned, writeVersioned, type Format } from './items';
import type { KeyValueArea } from './area';

export const WAITING_LOGS_KEY = 'waitingLogs';

/** The answer to a log kept waiting for room: nothing stored yet, and what to say. */
export const WAITING_FOR_ROOM = {
  entries: [],
  records: [],
  pending: { key: 'storage.savedForLater' },
} as const satisfies { entries: []; records: []; pending: Problem };

export interface WaitingLog {
  changeId: string;
  /** As the writer expanded them, each with its day; checked again when stored. */
  entries: NewEntry[];
}

export const waitingLogsFormat: Format<{ logs: WaitingLog[] }> = {
  version: 1,
  schema: v.strictObject({
    logs: v.array(
      v.strictObject({
        changeId: changeIdSchema,
        entries: v.array(
          v.custom<NewEntry>((entry) => typeof entry === 'object' && entry !== null),
        ),
      }),
    ),
  }),
  migrations: {},
  fallback: () => ({ logs: [] }),
};

export class WaitingLogs {
  #logs: WaitingLog[] | undefined;

  /** `session`: storage.session, absent where the browser has none (logs are then refused). */
  constructor(private readonly session: KeyValueArea | undefined) {}

  /** The logs waiting, read once per worker: only the writer changes them. */
  async list(): Promise<readonly WaitingLog[]> {
    if (this.#logs) return this.#logs;
    const raw = this.session
      ? (await this.session.get(WAITING_LOGS_KEY))[WAITING_LOGS_KEY]
      : undefined;
    this.#logs = readVersioned(waitingLogsFormat, raw).value.logs;
    return this.#logs;
  }

  /** Keeps these logs waiting, in place of those before; false when they could not be kept. */
  async keep(logs: readonly WaitingLog[]): Promise<boolean> {
    if (!this.session) return false;
    try {
      await this.session.set({
        [WAITING_LOGS_KEY]: writeVersioned(waitingLogsFormat, { logs: [...logs] }),
      });
    } catch {
      return false;
    }
    this.#logs = [...logs];
    return true;
  }

  /** They are stored: none waits any more. */
  async clear(): Promise<void> {
    if (!this.session || (this.#logs ?? []).length === 0) return;
    await this.session.remove(WAITING_LOGS_KEY);
    this.#logs = [];
  }
}
