import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, dayRange } from '../../lib/model/days';
import { NUDGE_KINDS } from '../../lib/model/entries';
import {
  HABIT_KINDS,
  judgedField,
  storedFields,
  type HabitId,
  type HabitKind,
  type Habits,
} from '../../lib/model/habits';
import { DEFAULT_SETTINGS, effectiveGoals, type Goals } from '../../lib/model/settings';
import { habitRings } from '../../lib/stats/rings';
import { habitReports, recentDays, type HabitReport } from '../../lib/stats/streaks';
import { suggestNow } from '../../lib/stats/suggestion';
import {
  dayTotals,
  historyTotals,
  isHumanDay,
  summarizeEntries,
  type DeviceDay,
} from '../../lib/stats/summary';
import {
  decodeCoarseYear,
  decodeFullDays,
  encodeCoarseYear,
  encodeFullDays,
  recordLayout,
} from '../../lib/store/day-codec';
import { planSync, readSyncItems } from '../../lib/sync/plan';
import { cardio, prompt, water } from './builders';
import { messageKeys } from './messages';
import { keyTranslate } from './worker-deps';

describe('the habit kinds', () => {
  it('each judge a field of their own, of the kind the judge reads', () => {
    for (const kind of HABIT_KINDS) {
      const field = kind.stored.find((stored) => stored.name === judgedField(kind));
      expect(field?.type, kind.id).toBe(kind.judge.unit === 'days' ? 'count' : 'flag');
      expect(Object.keys(effectiveGoals(DEFAULT_SETTINGS))).toContain(kind.goal);
    }
  });

  it('give every field a name, a full position and coarse bits of its own', () => {
    const fields = storedFields(HABIT_KINDS);
    const unique = (values: unknown[]) => new Set(values).size === values.length;
    expect(unique(fields.map((field) => field.name))).toBe(true);
    // Positions 7 and 8 are the day's rest and goal.
    expect(unique([...fields.map((field) => field.full), 7, 8])).toBe(true);
    const bits = fields.flatMap((field) =>
      field.coarse
        ? Array.from({ length: field.coarse.bits }, (_, bit) => field.coarse!.shift + bit)
        : [],
    );
    // Bits 0 and 1 are the day's rest.
    expect(unique([...bits, 0, 1])).toBe(true);
    expect(fields.filter((field) => field.ofDayGoal)).toHaveLength(1);
  });

  it('give each nudge kind one prompt letter of its own', () => {
    const prompted = HABIT_KINDS.filter((kind) => 'prompt' in kind);
    expect(prompted.map((kind) => kind.id).sort()).toEqual([...NUDGE_KINDS].sort());
    const letters = prompted.map((kind) => ('prompt' in kind ? kind.prompt.letter : ''));
    expect(new Set(letters).size).toBe(letters.length);
  });

  it('each have their messages', async () => {
    const keys = await messageKeys();
    const needed = HABIT_KINDS.flatMap((kind: HabitKind) => [
      `habit.${kind.id}`,
      `now.short.${kind.id}`,
      `now.ringAction.${kind.id}`,
      ...(kind.ring === 'done' ? [] : [`badge.${kind.id}`]),
      ...(kind.suggestion === 'keepStreak'
        ? [`now.keepStreak.${kind.id}.other`, `now.do.${kind.id}`]
        : []),
    ]);
    expect(needed.filter((key) => !keys.has(key))).toEqual([]);
  });
});

const builtInFields = storedFields(HABIT_KINDS);
/** The next full position after the kinds' fields and the day's rest and goal (7 and 8). */
const nextFull = Math.max(8, ...builtInFields.map((field) => field.full)) + 1;
/** The first coarse bit after the kinds' bits. */
const nextBit = Math.max(
  ...builtInFields.map(({ coarse }) => (coarse ? coarse.shift + coarse.bits : 2)),
);

/**
 * A kind added through the registry alone: back stretches, counted from the stretching sessions
 * logged, one a day, in the next free places. Its goal is a field the settings do not have yet,
 * given to it here.
 */
const backStretch: HabitKind = {
  id: 'backStretch',
  goal: 'backStretches' as keyof Goals,
  judge: { unit: 'days', amount: 'backStretches', skipsNudgeFreeDays: false },
  ring: 'count',
  suggestion: 'keepStreak',
  stored: [
    {
      name: 'backStretches',
      type: 'count',
      tally: (entry) => (entry.kind === 'cardio' && entry.exercise === 'backStretch' ? 1 : 0),
      max: 50,
      full: nextFull,
      coarse: { shift: nextBit, bits: 3 },
    },
  ],
};
const KINDS: Habits = [...HABIT_KINDS, backStretch];
const goals = { ...effectiveGoals(DEFAULT_SETTINGS), backStretches: 1 } as Goals;
const rules = { goals, nudgeFreeWeekdays: [] };
const TODAY = '2026-11-24';
const stretches = (record: object | undefined) =>
  (record as { backStretches?: number } | undefined)?.backStretches;

describe('a habit kind added through the registry alone', () => {
  // A back stretch on each of the 40 days before today, two on some, none yet today.
  const days = dayRange(addDays(TODAY, -40), addDays(TODAY, -1));
  const entries = [
    ...days.flatMap((day, index) => [
      cardio({ day, exercise: 'backStretch' }),
      ...(index % 3 === 0 ? [cardio({ day, exercise: 'backStretch' })] : []),
      cardio({ day, exercise: 'rowingMachine' }),
    ]),
    water({ day: TODAY, ml: 2000 }),
    ...['posture', 'posture', 'posture', 'posture', 'movement', 'movement', 'movement'].map(
      (kind) => prompt({ day: TODAY, prompt: kind as 'posture' | 'movement' }),
    ),
    prompt({ day: TODAY, prompt: 'breathing' }),
  ];
  const records = summarizeEntries(entries, 9, 2000, KINDS);
  const history = Object.fromEntries([...records].map(([day, record]) => [day, { dev1: record }]));
  const totals = historyTotals(history, KINDS);

  it('is tallied into the daily records, and bounded there', () => {
    expect(stretches(records.get(days[0]!))).toBe(2);
    expect(stretches(records.get(days[1]!))).toBe(1);
    expect(stretches(records.get(TODAY))).toBe(0);
    expect(
      stretches(dayTotals({ a: records.get(days[0]!)!, b: records.get(days[0]!)! }, KINDS)),
    ).toBe(4);
    const tooMany = { ...records.get(TODAY)!, backStretches: 51 } as DeviceDay;
    expect(isHumanDay(tooMany, KINDS)).toBe(false);
    expect(isHumanDay(records.get(TODAY)!, KINDS)).toBe(true);
  });

  it('has its streak and strength', () => {
    const report = habitReports(totals, rules, TODAY, KINDS).find(
      (item) => (item.habit as string) === 'backStretch',
    );
    expect(report).toMatchObject({ unit: 'days', current: 40, best: 40, today: 'open' });
    expect(report!.strength).toBeGreaterThan(0.8);
    expect(recentDays('backStretch' as HabitId, totals, rules, TODAY, 3, KINDS)).toEqual([
      'met',
      'met',
      'open',
    ]);
    const off = { ...rules, goals: { ...goals, backStretches: 0 } as Goals };
    expect(habitReports(totals, off, TODAY, KINDS).map((item) => item.habit)).not.toContain(
      'backStretch',
    );
  });

  it('has its ring', () => {
    const reports = habitReports(totals, rules, TODAY, KINDS);
    const state = { totals: totals.get(TODAY)!, goals, reports, units: 'metric' as const };
    expect(habitRings(state, keyTranslate, KINDS).at(-1)).toEqual({
      habit: 'backStretch',
      share: 0,
      centre: '0/1',
      progress: 'today.count(0,1)',
      counted: true,
      streak: { unit: 'days', current: 40 },
    });
  });

  it('is suggested when one more keeps its streak, and counts for "all done"', () => {
    const reports: HabitReport[] = habitReports(totals, rules, TODAY, KINDS);
    const state = {
      now: Date.UTC(2026, 10, 24, 23),
      today: TODAY,
      settings: DEFAULT_SETTINGS,
      goals,
      totals: totals.get(TODAY)!,
      reports,
    };
    expect(suggestNow(state, KINDS)).toEqual({
      kind: 'keepStreak',
      habit: 'backStretch',
      streak: 40,
    });
    const daily = KINDS.filter((kind) => kind.judge.unit === 'days');
    const done = {
      ...state.totals,
      ...Object.fromEntries(daily.map((kind) => [judgedField(kind), goals[kind.goal]])),
    } as typeof state.totals;
    expect(suggestNow({ ...state, totals: done }, KINDS)).toEqual({ kind: 'allDone' });
    expect(suggestNow({ ...state, totals: done }, HABIT_KINDS)).toEqual({ kind: 'allDone' });
  });

  it('goes into sync, full for recent months and coarse before, and back', () => {
    const options = { today: TODAY, first: days[0]!, rev: 9, goalMl: 2000 };
    const plan = planSync('devA1', records, {}, options, KINDS);
    expect(Object.keys(plan.set).sort()).toEqual([
      'dev.devA1',
      'm.devA1.2026-10',
      'm.devA1.2026-11',
    ]);
    const coarse = planSync('devA1', records, {}, { ...options, minLevel: 2 }, KINDS);
    expect(Object.keys(coarse.set).sort()).toEqual(['dev.devA1', 'y.devA1.2026']);
    for (const items of [plan.set, coarse.set]) {
      const view = readSyncItems(items, KINDS);
      expect(view.foreign).toEqual([]);
      for (const day of [...days, TODAY])
        expect(stretches(view.history[day]?.devA1), day).toBe(stretches(records.get(day)));
    }
  });

  it('goes through the codec and back, full and coarse', () => {
    const november = new Map([...records].filter(([day]) => day.startsWith('2026-11')));
    const full = encodeFullDays(november, 2000, KINDS);
    expect(decodeFullDays(full, '2026-11', 9, 2000, KINDS)).toEqual(november);
    const year = encodeCoarseYear(2026, records, 2000, KINDS);
    // Each day to the last with data takes the characters of six bits its bits need.
    const charsADay = Math.ceil((nextBit + 3) / 6);
    expect(year.length).toBe((dayNumber(TODAY) - dayNumber('2026-01-01') + 1) * charsADay);
    const back = decodeCoarseYear(year, 2026, 9, 2000, KINDS);
    for (const [day, record] of records)
      expect(stretches(back.get(day)), day).toBe(stretches(record));
    // The records' format changed: tests/unit/day-codec.test.ts would ask for a new version.
    expect(recordLayout(KINDS)).not.toBe(recordLayout(HABIT_KINDS));
    expect(recordLayout(KINDS)).toContain(`backStretches@${nextBit}+3`);
  });
});
