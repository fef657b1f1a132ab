/**
 * A believable two months of use, for the demo and the benchmarks: written through the
 * extension's own writer inside the worker, as if the user had logged it day by day.
 */
import type { Background } from './worker';
import { addDays, isoWeekday, localDayKey, type DayKey } from '../../lib/model/days';
import type { NewEntry } from '../../lib/model/entries';
import { MAX_ENTRIES_PER_MESSAGE } from '../../lib/messaging/protocol';
import { writeOtherDevices } from '../bench/heavy-use';

const ROTATION = [
  [
    { exercise: 'bentOverRow', reps: 12, kg: 20 },
    { exercise: 'facePull', reps: 15, kg: 15 },
  ],
  [
    { exercise: 'deadlift', reps: 8, kg: 60 },
    { exercise: 'plankRow', reps: 10, kg: 10 },
  ],
  [
    { exercise: 'latPulldown', reps: 10, kg: 45 },
    { exercise: 'reverseFly', reps: 12, kg: 6 },
  ],
];

function sampleDay(day: DayKey, index: number): NewEntry[] {
  const noon = new Date(`${day}T12:00:00`).getTime();
  const at = (hour: number, minute = 0) => noon + (hour - 12) * 3_600_000 + minute * 60_000;
  const entries: NewEntry[] = [];
  const glasses = 5 + (index % 4);
  for (let glass = 0; glass < glasses; glass++)
    entries.push({ kind: 'water', ml: glass % 3 ? 250 : 500, at: at(9 + glass), day });
  const weekday = isoWeekday(day);
  if (weekday <= 5) {
    for (let check = 0; check < 3 + (index % 3); check++) {
      const firedAt = at(10 + check * 2);
      entries.push({
        kind: 'prompt',
        prompt: 'posture',
        outcome: check === 4 ? 'snoozed' : 'done',
        firedAt,
        answeredAt: firedAt + 20_000,
        at: firedAt + 20_000,
        day,
      });
    }
    for (let move = 0; move < 3; move++) {
      const firedAt = at(11 + move * 2, 30);
      entries.push({
        kind: 'prompt',
        prompt: 'movement',
        outcome: 'done',
        firedAt,
        answeredAt: firedAt + 60_000,
        at: firedAt + 60_000,
        day,
        detail: 'birdDog',
      });
    }
    entries.push({
      kind: 'prompt',
      prompt: 'breathing',
      outcome: 'done',
      firedAt: at(15),
      answeredAt: at(15, 3),
      at: at(15, 3),
      day,
      detail: 'box',
    });
  }
  if (weekday === 1 || weekday === 3 || weekday === 5) {
    const week = Math.floor(index / 7);
    for (const { exercise, reps, kg } of ROTATION[(weekday - 1) / 2]!) {
      for (let set = 0; set < 3; set++) {
        entries.push({
          kind: 'set',
          exercise,
          reps,
          weight: { amount: kg + week * 2.5, unit: 'kg' },
          at: at(18, set * 4),
          day,
        });
      }
    }
  }
  if (weekday === 7) entries.push({ kind: 'rest', reason: 'rest', at: at(9), day });
  return entries;
}

export function sampleHistory(days: number, now = Date.now()): NewEntry[] {
  const today = localDayKey(now);
  return Array.from({ length: days }, (_, index) =>
    sampleDay(addDays(today, index - days), index),
  ).flat();
}

/** Writes the sample through the worker's own message handlers, then syncs it. */
export async function writeSampleHistory(worker: Background, days = 60): Promise<void> {
  const entries = sampleHistory(days);
  for (let start = 0; start < entries.length; start += MAX_ENTRIES_PER_MESSAGE) {
    await worker.evaluate(
      (batch) =>
        (
          globalThis as unknown as {
            backbone: { handlers: { logEntries(data: unknown): Promise<unknown> } };
          }
        ).backbone.handlers.logEntries({
          entries: batch,
        }),
      entries.slice(start, start + MAX_ENTRIES_PER_MESSAGE),
    );
  }
  await worker.evaluate(() =>
    (
      globalThis as unknown as {
        backbone: { handlers: { syncNow(data: unknown): Promise<unknown> } };
      }
    ).backbone.handlers.syncNow({}),
  );
}

/**
 * A year of history from three devices: this one through its own writer, two others as their
 * records arrive through sync (written into storage.sync, as Chromium's sync would).
 */
export async function writeYearFromThreeDevices(worker: Background): Promise<void> {
  await writeSampleHistory(worker, 365);
  await writeOtherDevices(worker, localDayKey(Date.now()));
}
