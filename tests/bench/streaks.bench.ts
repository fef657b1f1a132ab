/**
 * Every streak and strength score over ten years of daily history, judged by what each day
 * expected through a settings change every month and a half: from the daily totals
 * (`streaks_10y_ms`), and from three devices' records, merging them first, as a page does after
 * reading sync (`merge_and_streaks_10y_3dev_ms`).
 */
import { addDays } from '../../lib/model/days';
import { periodOf } from '../../lib/model/expectations';
import {
  DEFAULT_SETTINGS,
  effectiveGoals,
  MAX_EXPECTATION_PERIODS,
} from '../../lib/model/settings';
import { habitReports, type HabitRules } from '../../lib/stats/streaks';
import { emptyDeviceDay, historyTotals, type History } from '../../lib/stats/summary';
import type { Benchmark } from './figures';
import { medianMs } from './timing';

const TODAY = '2026-11-24';
const DAYS = 3653;
/** Settings changed on every 46th day: 79 periods of what earlier days expected. */
const rules: HabitRules = {
  goals: effectiveGoals(DEFAULT_SETTINGS),
  nudgeFreeWeekdays: [6, 7],
  past: Array.from({ length: MAX_EXPECTATION_PERIODS - 1 }, (_, index) =>
    periodOf(addDays(TODAY, (index - MAX_EXPECTATION_PERIODS) * 46), {
      goals: { ...effectiveGoals(DEFAULT_SETTINGS), breathingSessions: 1 + (index % 2) },
      nudgeFreeWeekdays: index % 3 ? [6, 7] : [7],
    }),
  ),
};

function tenYears(): History {
  const history: History = {};
  for (let index = 0; index < DAYS; index++) {
    const day = addDays(TODAY, -index);
    history[day] = Object.fromEntries(
      ['devA', 'devB', 'devC'].map((device, d) => [
        device,
        {
          ...emptyDeviceDay(index * 3 + d),
          waterMl: 600 + ((index * 7 + d) % 5) * 100,
          posture: (index + d) % 3,
          movement: (index + d) % 2,
          breathing: d === 0 ? index % 2 : 0,
          workout: d === 1 && index % 7 < 3,
          sets: d === 1 && index % 7 < 3 ? 12 : 0,
          ...(index % 30 === 0 && d === 0 ? { rest: 'rest' as const } : {}),
        },
      ]),
    );
  }
  return history;
}

const benchmark: Benchmark = {
  title: 'streaks over 10 years',
  async run() {
    const history = tenYears();
    const totals = historyTotals(history);
    return [
      {
        name: 'streaks_10y_ms',
        value: medianMs(() => habitReports(totals, rules, TODAY)),
        unit: 'ms',
        target: 2,
      },
      {
        name: 'merge_and_streaks_10y_3dev_ms',
        value: medianMs(() => habitReports(historyTotals(history), rules, TODAY)),
        unit: 'ms',
      },
    ];
  },
};

export default benchmark;
