/**
 * The writer's journal of recent change ids. A page sends each change with an id of its own and
 * sends it again when it lost the acknowledgement; the writer answers a change it finds here
 * again rather than storing it twice. The journal is stored with every commit that adds to it,
 * so a change acknowledged by a worker that then stopped is still known to the next one.
 */
import * as v from 'valibot';
import type { DayKey } from '../model/days';
import { dayKeySchema } from '../model/entries';
import { changeIdSchema, readVersioned, writeVersioned, type Format } from './items';

/** An entry a change stored or removed: its id and its day (which says its month). */
export interface EntryRef {
  id: string;
  day: DayKey;
}

/** Recent changes by id, each with when it was stored and the entries it stored or removed. */
export const recentChangesFormat: Format<{
  changes: [id: string, at: number, refs: [id: string, day: DayKey][]][];
}> = {
  version: 1,
  schema: v.strictObject({
    changes: v.array(
      v.tuple([changeIdSchema, v.number(), v.array(v.tuple([v.string(), dayKeySchema]))]),
    ),
  }),
  migrations: {},
  fallback: () => ({ changes: [] }),
};

/** Changes older than this are forgotten: a page retries within seconds. */
const REMEMBER_CHANGES_MS = 2 * 60_000;
const REMEMBER_CHANGES = 500;

export class RecentChanges {
  readonly #changes: Map<string, { at: number; refs: EntryRef[] }>;

  private constructor(changes: Map<string, { at: number; refs: EntryRef[] }>) {
    this.#changes = changes;
  }

  /** The journal as stored (empty when it is not). */
  static read(raw: unknown): RecentChanges {
    const { changes } = readVersioned(recentChangesFormat, raw).value;
    return new RecentChanges(
      new Map(
        changes.map(([id, at, refs]) => [
          id,
          { at, refs: refs.map(([ref, day]) => ({ id: ref, day })) },
        ]),
      ),
    );
  }

  /** The entries a change with this id stored or removed, if it was stored recently. */
  refsOf(id: string): EntryRef[] | undefined {
    return this.#changes.get(id)?.refs;
  }

  remember(id: string, at: number, refs: EntryRef[]): void {
    this.#changes.set(id, { at, refs });
  }

  /** What to store at `rev`: the changes of the last minutes, at most REMEMBER_CHANGES. */
  stored(rev: number): Record<string, unknown> {
    const recent = [...this.#changes]
      .filter(([, change]) => change.at > rev - REMEMBER_CHANGES_MS)
      .slice(-REMEMBER_CHANGES);
    this.#changes.clear();
    for (const [id, change] of recent) this.#changes.set(id, change);
    return writeVersioned(recentChangesFormat, {
      changes: recent.map(([id, { at, refs }]) => [id, at, refs.map((ref) => [ref.id, ref.day])]),
    });
  }
}
