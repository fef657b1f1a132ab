/**
 * The popup's habit rings: for each reported habit, today's progress toward its goal as its
 * kind's ring shows it (lib/model/habits.ts), and its streak. components/popup/HabitRings.svelte
 * draws them.
 */
import { formatNumber, formatVolume, type Translate } from '../model/formatting';
import {
  HABIT_KINDS,
  habitKind,
  judgedField,
  type HabitId,
  type HabitKind,
  type Habits,
} from '../model/habits';
import type { Goals } from '../model/settings';
import { displayVolume, unitsOf, type UnitSystem } from '../model/units';
import type { HabitReport } from './streaks';
import type { DayTotals, FieldValues } from './summary';

export interface Ring {
  habit: HabitId;
  /** Progress toward today's goal, 0 to 1. */
  share: number;
  /** What the ring's centre says: "1.2 L", "2/4", "✓". */
  centre: string;
  /** The progress in words, for a screen reader: "2 of 4". */
  progress: string;
  /** A count (of prompts done), which tests and users read as "1 of 4". */
  counted: boolean;
  streak: Pick<HabitReport, 'unit' | 'current'>;
}

export interface RingsState {
  totals: DayTotals;
  /** Today's goals, with the water goal resolved. */
  goals: Goals;
  reports: readonly HabitReport[];
  units: UnitSystem;
}

type Shown = Pick<Ring, 'share' | 'centre' | 'progress'>;

function shown(kind: HabitKind, state: RingsState, t: Translate): Shown {
  const { totals, units } = state;
  const value = (totals as FieldValues)[judgedField(kind)];
  const goal = state.goals[kind.goal];
  switch (kind.ring) {
    case 'volume': {
      const ml = value as number;
      const volume = unitsOf(units).volume;
      return {
        share: ml / goal,
        centre:
          volume === 'ml'
            ? t('unit.litresShort', [formatNumber(Math.round(ml / 100) / 10, t.locale)])
            : t('unit.flOzShort', [formatNumber(Math.round(displayVolume(ml, volume)), t.locale)]),
        progress: t('today.water', [formatVolume(t, ml, units), formatVolume(t, goal, units)]),
      };
    }
    case 'count': {
      const done = value as number;
      return {
        share: goal > 0 ? done / goal : 1,
        centre: `${done}/${goal}`,
        progress: t('today.count', [done, goal]),
      };
    }
    case 'done':
      return {
        share: value || totals.rest ? 1 : 0,
        centre: value ? '✓' : totals.rest ? '–' : '0',
        progress: t(
          value ? 'today.workoutDone' : totals.rest ? 'today.restDay' : 'today.workoutNotYet',
        ),
      };
  }
}

/** A ring for every reported habit, in the reports' order (the kinds' order). */
export function habitRings(state: RingsState, t: Translate, kinds: Habits = HABIT_KINDS): Ring[] {
  return state.reports.flatMap((report) => {
    const kind = habitKind(report.habit, kinds);
    if (!kind) return [];
    const ring = shown(kind, state, t);
    return {
      habit: report.habit,
      ...ring,
      share: Math.min(1, ring.share),
      counted: kind.ring === 'count',
      streak: { unit: report.unit, current: report.current },
    };
  });
}
