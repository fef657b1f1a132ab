/** The schedule rules, in every time zone of the tz projects (vitest.config.ts). */
import { describe, expect, it } from 'vitest';
import {
  activeShareOfDay,
  dayPlan,
  isActive,
  nextActiveRange,
  nextDue,
  nextWaterDue,
  pauseEnd,
  timeOffSpan,
} from '../../lib/nudge/schedule';
import { DEFAULT_NUDGES, presetOf, withPreset, type NudgeSettings } from '../../lib/model/settings';
import { MINUTE, novemberAt } from './builders';

const at = novemberAt;
const local = (instant: number) => {
  const date = new Date(instant);
  return [date.getDate(), date.getHours(), date.getMinutes()];
};
const posture = DEFAULT_NUDGES.posture;

function withHours(hours: NudgeSettings['activeHours']): NudgeSettings {
  return { ...DEFAULT_NUDGES, activeHours: hours };
}

describe(`active hours in ${process.env.TZ}`, () => {
  it('is inside from the start of a range up to, not including, its end, on weekdays only', () => {
    expect(isActive(DEFAULT_NUDGES, at(23, 9))).toBe(true);
    expect(isActive(DEFAULT_NUDGES, at(23, 8, 59))).toBe(false);
    expect(isActive(DEFAULT_NUDGES, at(23, 17, 59))).toBe(true);
    expect(isActive(DEFAULT_NUDGES, at(23, 18))).toBe(false);
    expect(isActive(DEFAULT_NUDGES, at(28, 10))).toBe(false); // Saturday
  });

  it('finds the current or next range', () => {
    expect(nextActiveRange(DEFAULT_NUDGES, at(23, 10))).toEqual({
      start: at(23, 9),
      end: at(23, 18),
    });
    expect(nextActiveRange(DEFAULT_NUDGES, at(27, 19))).toEqual({
      start: at(30, 9),
      end: at(30, 18),
    });
    expect(nextActiveRange(withHours([[], [], [], [], [], [], []]), at(23, 10))).toBeUndefined();
  });

  it('knows how much of the day’s active time has gone by', () => {
    expect(activeShareOfDay(DEFAULT_NUDGES, at(23, 13, 30))).toBeCloseTo(0.5, 5);
    expect(activeShareOfDay(DEFAULT_NUDGES, at(23, 7))).toBe(0);
    expect(activeShareOfDay(DEFAULT_NUDGES, at(28, 12))).toBe(0);
  });
});

describe(`interval nudges in ${process.env.TZ}`, () => {
  it('come one interval after the last', () => {
    expect(nextDue(DEFAULT_NUDGES, posture, at(23, 10))).toBe(at(23, 10, 30));
  });

  it('wait over a lunch break: one interval into the next range', () => {
    const split = withHours(
      Array.from({ length: 7 }, () => [
        { from: 540, to: 720 },
        { from: 780, to: 1020 },
      ]),
    );
    expect(nextDue(split, posture, at(23, 11, 45))).toBe(at(23, 13, 30));
  });

  it('wait over the night and the weekend', () => {
    expect(nextDue(DEFAULT_NUDGES, posture, at(23, 17, 45))).toBe(at(24, 9, 30));
    expect(nextDue(DEFAULT_NUDGES, posture, at(27, 17, 45))).toBe(at(30, 9, 30));
  });

  it('come half-way through a range shorter than the interval', () => {
    const short = withHours(Array.from({ length: 7 }, () => [{ from: 540, to: 560 }]));
    expect(nextDue(short, posture, at(23, 8))).toBe(at(23, 9, 10));
  });

  it('are never due when disabled or without active hours', () => {
    expect(nextDue(DEFAULT_NUDGES, { ...posture, enabled: false }, at(23, 10))).toBeUndefined();
    expect(nextDue(withHours([[], [], [], [], [], [], []]), posture, at(23, 10))).toBeUndefined();
  });
});

describe(`fixed-time nudges in ${process.env.TZ}`, () => {
  const breathing = DEFAULT_NUDGES.breathing; // 11:00, 14:30, 17:00

  it('come at the next clock time inside active hours', () => {
    expect(nextDue(DEFAULT_NUDGES, breathing, at(23, 10))).toBe(at(23, 11));
    expect(nextDue(DEFAULT_NUDGES, breathing, at(23, 11))).toBe(at(23, 14, 30));
    expect(nextDue(DEFAULT_NUDGES, breathing, at(27, 17, 30))).toBe(at(30, 11));
  });

  it('skip clock times outside active hours', () => {
    const early = withHours(Array.from({ length: 7 }, () => [{ from: 720, to: 1080 }]));
    expect(nextDue(early, breathing, at(23, 8))).toBe(at(23, 14, 30));
  });
});

describe(`DST in ${process.env.TZ}`, () => {
  /** The local day in 2026 on which the UTC offset changes in spring, as a Date. */
  function dstDays(): Date[] {
    const days: Date[] = [];
    for (
      let day = new Date(2026, 0, 1);
      day.getFullYear() === 2026;
      day = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1)
    ) {
      const next = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
      if (day.getTimezoneOffset() !== next.getTimezoneOffset()) days.push(next);
    }
    return days;
  }
  const allDay = withHours(Array.from({ length: 7 }, () => [{ from: 0, to: 1440 }]));
  const workday = withHours(Array.from({ length: 7 }, () => [{ from: 540, to: 1080 }]));

  it('keep clock times on the day the clocks change', () => {
    for (const day of dstDays()) {
      const due = nextDue(
        workday,
        { ...DEFAULT_NUDGES.breathing, times: [11 * 60] },
        day.getTime(),
      );
      expect(local(due!)).toEqual([day.getDate(), 11, 0]);
      const range = nextActiveRange(workday, day.getTime())!;
      expect(local(range.start).slice(1)).toEqual([9, 0]);
      expect(local(range.end).slice(1)).toEqual([18, 0]);
    }
  });

  it('count intervals in real time across the change', () => {
    for (const day of dstDays()) {
      const before = day.getTime() - 3 * 60 * MINUTE;
      expect(nextDue(allDay, { ...posture, everyMinutes: 240 }, before)).toBe(
        before + 240 * MINUTE,
      );
    }
  });

  it('has the changes it tests', () => {
    expect(dstDays()).toHaveLength(2);
  });
});

describe(`water in ${process.env.TZ}`, () => {
  it('stops for the day once the goal is met', () => {
    expect(nextWaterDue(DEFAULT_NUDGES, at(23, 14), { todayMl: 2000, goalMl: 2000 })).toBe(
      at(24, 10, 30),
    );
  });

  it('comes twice as often when behind pace, never more often than every 20 minutes', () => {
    expect(nextWaterDue(DEFAULT_NUDGES, at(23, 13, 30), { todayMl: 500, goalMl: 2000 })).toBe(
      at(23, 14, 15),
    );
    expect(nextWaterDue(DEFAULT_NUDGES, at(23, 13, 30), { todayMl: 1000, goalMl: 2000 })).toBe(
      at(23, 15),
    );
    const often = { ...DEFAULT_NUDGES, water: { ...DEFAULT_NUDGES.water, everyMinutes: 30 } };
    expect(nextWaterDue(often, at(23, 13, 30), { todayMl: 0, goalMl: 2000 })).toBe(at(23, 13, 50));
  });

  it('is never due when disabled', () => {
    const off = { ...DEFAULT_NUDGES, water: { ...DEFAULT_NUDGES.water, enabled: false } };
    expect(nextWaterDue(off, at(23, 10), { todayMl: 0, goalMl: 2000 })).toBeUndefined();
  });
});

describe(`pauses in ${process.env.TZ}`, () => {
  it('end after 30 minutes, an hour, at the next day’s first active range, or never', () => {
    expect(pauseEnd(DEFAULT_NUDGES, '30m', at(23, 10))).toBe(at(23, 10, 30));
    expect(pauseEnd(DEFAULT_NUDGES, '1h', at(23, 10))).toBe(at(23, 11));
    expect(pauseEnd(DEFAULT_NUDGES, 'tomorrow', at(23, 10))).toBe(at(24, 9));
    expect(pauseEnd(DEFAULT_NUDGES, 'tomorrow', at(27, 10))).toBe(at(30, 9));
    expect(pauseEnd(DEFAULT_NUDGES, 'untilResumed', at(23, 10))).toBeUndefined();
  });
});

describe(`the welcome page's day plan in ${process.env.TZ}`, () => {
  const count = (plan: ReturnType<typeof dayPlan>, kind: string) =>
    plan!.nudges.filter((nudge) => nudge.kind === kind).length;

  it('lays out a working day, never two nudges within five minutes, all inside the day', () => {
    // Saturday: the plan shows the next working day, Monday 09:00 to 18:00.
    const plan = dayPlan(DEFAULT_NUDGES, at(21, 12), 5)!;
    expect(plan.day).toEqual({ start: at(23, 9), end: at(23, 18) });
    expect(local(plan.nudges[0]!.at)).toEqual([23, 9, 30]);
    expect(count(plan, 'breathing')).toBe(3);
    expect(count(plan, 'posture')).toBeGreaterThanOrEqual(14);
    for (let index = 1; index < plan.nudges.length; index++)
      expect(plan.nudges[index]!.at - plan.nudges[index - 1]!.at).toBeGreaterThanOrEqual(
        5 * MINUTE,
      );
    expect(plan.nudges.every((nudge) => nudge.at >= at(23, 9) && nudge.at < at(23, 18))).toBe(true);
  });

  it('changes with the preset, and recognises the preset the settings follow', () => {
    const gentle = withPreset(DEFAULT_NUDGES, 'gentle');
    const focused = withPreset(DEFAULT_NUDGES, 'focused');
    expect(presetOf(DEFAULT_NUDGES)).toBe('standard');
    expect(presetOf(gentle)).toBe('gentle');
    expect(presetOf({ ...DEFAULT_NUDGES, posture: { ...posture, everyMinutes: 35 } })).toBe(
      undefined,
    );
    const day = at(23, 8);
    expect(count(dayPlan(gentle, day, 5), 'posture')).toBeLessThan(
      count(dayPlan(DEFAULT_NUDGES, day, 5), 'posture'),
    );
    expect(count(dayPlan(focused, day, 5), 'movement')).toBeGreaterThan(
      count(dayPlan(DEFAULT_NUDGES, day, 5), 'movement'),
    );
  });

  it('has nothing to show without active hours', () => {
    expect(dayPlan(withHours(Array.from({ length: 7 }, () => [])), at(23, 8), 5)).toBeUndefined();
  });
});

describe(`time off in ${process.env.TZ}`, () => {
  it('runs from the first day’s start to the end of the last, in local days', () => {
    expect(timeOffSpan('2026-11-23', '2026-11-25', 0)).toEqual({
      start: at(23, 0),
      end: at(26, 0),
    });
    expect(timeOffSpan('2026-11-23', '2026-11-23', 4)).toEqual({
      start: at(23, 4),
      end: at(24, 4),
    });
  });
});
