/**
 * A heavy user's day, as the benchmarks simulate it: 12 glasses of water, 15 sets and 16 prompt
 * answers, spread over waking hours.
 */
import { addDays, dayNumber, type DayKey } from '../../lib/days';
import type { Entry } from '../../lib/entries';

const EXERCISES = ['bentOverRow', 'deadlift', 'pullUp', 'facePull', 'plank'];
const PROMPTS = ['posture', 'movement', 'breathing', 'water'] as const;
const OUTCOMES = ['done', 'done', 'done', 'snoozed', 'skipped'] as const;

export function heavyDay(day: DayKey, device: string): Entry[] {
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
  return entries;
}

export function daysBack(today: DayKey, count: number): DayKey[] {
  return Array.from({ length: count }, (_, index) => addDays(today, index - count + 1));
}
