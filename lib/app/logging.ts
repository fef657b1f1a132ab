/**
 * Logging from the pages and the keyboard: entries checked, then written through the writer;
 * time off, which is logged and pauses the nudges; removals.
 */
import { ProblemError } from '../model/problem';
import { localDayKey } from '../model/days';
import { EntryValidationError, newEntryProblem, type NewEntry } from '../model/entries';
import type { Handlers, RequestOf } from '../messaging/protocol';
import type { NudgeEngine } from '../nudge/engine';
import { coalescing } from '../model/async';
import { timeOffProblem, timeOffSpan } from '../nudge/schedule';
import { readEntries } from '../store/buckets';
import { monthsBack } from '../sync/plan';
import type { WorkerContext } from './dependencies';
import { readSettings, worldContext } from './shared-records';

export function logging({ deps, writer }: WorkerContext, engine: NudgeEngine) {
  /** Logs arriving together (a burst) ask the engine once whether a water reminder is answered. */
  const waterLogged = coalescing(() => engine.waterLogged());

  /** Logs entries; water among them answers an open water reminder. */
  async function logEntries(entries: NewEntry[], changeId?: string) {
    const logged = await (await writer).logEntries(entries, changeId);
    if (entries.some((entry) => entry.kind === 'water')) await waterLogged.run();
    return logged;
  }

  async function takeTimeOff({ reason, from, until }: RequestOf<'takeTimeOff'>) {
    const settings = await readSettings(deps.sync);
    const now = deps.now();
    const problem = timeOffProblem(from, until, localDayKey(now, settings.startOfDayHour));
    if (problem) throw new ProblemError(problem);
    await (await writer).logEntries([{ kind: 'rest', reason, at: now, day: from, until }]);
    const { start, end } = timeOffSpan(from, until, settings.startOfDayHour);
    return engine.takeTimeOff(start, end);
  }

  const handlers: Pick<Handlers, 'logEntries' | 'removeEntries' | 'takeTimeOff'> = {
    logEntries: async ({ entries, changeId }) => {
      // A quick log (no day, no exercise of the user's) costs no read of sync.
      const dated = entries.some(
        (entry) => entry.day !== undefined || (entry.kind === 'rest' && entry.until !== undefined),
      );
      const context = {
        ...(await worldContext(
          deps,
          entries.flatMap((entry) => ('exercise' in entry ? [entry.exercise] : [])),
        )),
        startOfDayHour: dated ? (await readSettings(deps.sync)).startOfDayHour : 0,
      };
      for (const [index, entry] of entries.entries()) {
        const problem = newEntryProblem(entry, context);
        if (problem) throw new EntryValidationError(problem, `entries.${index}`);
      }
      return logEntries(entries, changeId);
    },
    removeEntries: async ({ refs, changeId }) => ({
      removed: await (await writer).removeEntries(refs, changeId),
    }),
    takeTimeOff,
  };

  return {
    handlers,
    /** The keyboard command: a glass of the first cup size. */
    async logWater(): Promise<void> {
      const settings = await readSettings(deps.sync);
      await logEntries([{ kind: 'water', ml: settings.cupsMl[0]!, at: deps.now() }]);
    },
    /** The keyboard command: the last set of the last two months again, now. */
    async repeatLastSet(): Promise<void> {
      const now = deps.now();
      const settings = await readSettings(deps.sync);
      const today = localDayKey(now, settings.startOfDayHour);
      const recent = await readEntries(deps.local, monthsBack(today, 2));
      const last = recent.filter((entry) => entry.kind === 'set').sort((a, b) => b.at - a.at)[0];
      if (!last) return;
      const { id: _id, device: _device, day: _day, ...set } = last;
      await (await writer).logEntries([{ ...set, at: now }]);
    },
  };
}
