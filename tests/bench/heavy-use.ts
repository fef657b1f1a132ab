/**
 * A heavy user's day, as the benchmarks simulate it: 12 glasses of water, 15 sets and 16 prompt
 * answers, spread over waking hours; `extraWater` more glasses (sips) in the evening.
 */
import { addDays, dayNumber, type DayKey } from '../../lib/model/days';
import type { Entry } from '../../lib/model/entries';
import { summarizeEntries } from '../../lib/stats/summary';
import { ownItems } from '../../lib/sync/plan';
import type { Background } from '../e2e/worker';

const EXERCISES = ['bentOverRow', 'deadlift', 'pullUp', 'facePull', 'plank'];
const PROMPTS = ['posture', 'movement', 'breathing', 'water'] as const;
const OUTCOMES = ['done', 'done', 'done', 'snoozed', 'skipped'] as const;

export function heavyDay(day: DayKey, device: string, extraWater = 0): Entry[] {
  const start = dayNumber(day) * 86_400_000 + 8 * 3_600_000;
  const entries: Entry[] = [];
  const at = (minute: number) => start + minute * 60_000 + entries.length;
  const common = (minute: number) => {
    const instant = at(minute);
    return { id: `${device}-${instant.toString(36)}`, at: instant, day, device };
  };
  for (let index = 0; index < 12; index++)
    entries.push({ ...common(index * 50), kind: 'water', ml: index % 3 === 0 ? 500 : 250 });
  for (let index = 0; index < 15; index++) {
    const exercise = EXERCISES[index % EXERCISES.length]!;
    entries.push(
      exercise === 'plank'
        ? { ...common(600 + index * 3), kind: 'set', exercise, seconds: 45 }
        : {
            ...common(600 + index * 3),
            kind: 'set',
            exercise,
            reps: 8 + (index % 5),
            weight: { amount: 20 + (index % 7) * 2.5, unit: 'kg' },
          },
    );
  }
  for (let index = 0; index < 16; index++) {
    const firedAt = at(index * 35);
    entries.push({
      ...common(index * 35 + 1),
      kind: 'prompt',
      prompt: PROMPTS[index % 4]!,
      outcome: OUTCOMES[index % 5]!,
      firedAt,
      answeredAt: firedAt + 30_000,
    });
  }
  for (let index = 0; index < extraWater; index++)
    entries.push({ ...common(660 + index), kind: 'water', ml: 100 });
  return entries;
}

export function daysBack(today: DayKey, count: number): DayKey[] {
  return Array.from({ length: count }, (_, index) => addDays(today, index - count + 1));
}

/** Two other devices' year of heavy use, as their sync items (what this device sees of them). */
export async function writeOtherDevices(worker: Background, today: DayKey): Promise<void> {
  for (const device of ['otherdev01', 'otherdev02']) {
    const days = daysBack(addDays(today, -1), 365);
    const records = summarizeEntries(
      days.flatMap((day) => heavyDay(day, device)),
      Date.now(),
      2000,
    );
    const items = ownItems(device, records, {
      today,
      first: days[0]!,
      rev: Date.now(),
      goalMl: 2000,
      level: { fullMonths: 2, years: 100 },
    });
    await worker.evaluate((values) => chrome.storage.sync.set(values), items);
  }
}
