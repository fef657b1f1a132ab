/**
 * What the popup needs for its first paint: today's figures, which the worker keeps after every
 * change so the popup can paint before it reads any history.
 */
import type { DayKey } from '../model/days';
import type { Goals, Settings } from '../model/settings';
import type { HabitReport } from './streaks';
import type { DayTotals } from './summary';

export interface TodaySnapshot {
  today: DayKey;
  settings: Settings;
  /** Today's goals, with the water goal resolved (more on a workout day). */
  goals: Goals;
  todayTotals: DayTotals;
  reports: HabitReport[];
  /**
   * A workout session is under way, or ended with its summary not yet closed: the popup opens on
   * it (added by the worker, which knows; a page's own read leaves it out).
   */
  onSession?: boolean;
}
