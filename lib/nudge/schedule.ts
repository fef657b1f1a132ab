/**
 * When nudges are due: pure functions of (settings, state, now).
 *
 * Rules:
 * - Nothing is due outside active hours. Active hours are ranges of local wall-clock time per
 *   weekday; an instant is inside when its local weekday has a range with from <= minute < to.
 *   Local times are built with the Date constructor, so a DST change moves them correctly.
 * - An interval nudge is due `everyMinutes` after it last fired (or after the user came back,
 *   or after the pause ended). When that falls outside active hours, the next is one interval
 *   into the next active range, or half-way through a range shorter than the interval.
 * - A fixed-times nudge is due at its next clock time that falls inside active hours.
 * - Water stops for the day once the day's goal is met, and comes twice as often (never more
 *   often than every 20 minutes) when the day is behind pace: more than a glass (250 ml) under
 *   the goal's share of the active time gone by.
 * - A pause moves every nudge to after the pause ends. "Until tomorrow" ends at the start of
 *   the next day's first active range; "until resumed" has no end and nothing is due.
 */
import { NUDGE_KINDS, type NudgeKind } from '../model/entries';
import type { NudgeKindSettings, NudgeSettings } from '../model/settings';

const MINUTE = 60_000;

/** The kinds due by their interval or clock times alone; water also follows its pace. */
const TIMED_KINDS = NUDGE_KINDS.filter((kind) => kind !== 'water');
const DAY_SEARCH_LIMIT = 8;
export const MIN_WATER_INTERVAL_MINUTES = 20;
export const PACE_SLACK_ML = 250;

function isoWeekdayLocal(instant: number): number {
  return ((new Date(instant).getDay() + 6) % 7) + 1;
}

/** The instant of a local wall-clock minute on the day `dayOffset` days after `instant`'s. */
function localInstant(instant: number, dayOffset: number, minuteOfDay: number): number {
  const date = new Date(instant);
  return new Date(
    date.getFullYear(),
    date.getMonth(),
    date.getDate() + dayOffset,
    0,
    minuteOfDay,
  ).getTime();
}

export interface ActiveRange {
  start: number;
  end: number;
}

/** The active ranges of the days from `instant`'s day on, in order, as instants. */
function* activeRanges(settings: NudgeSettings, instant: number): Generator<ActiveRange> {
  for (let offset = -1; offset <= DAY_SEARCH_LIMIT; offset++) {
    const dayStart = localInstant(instant, offset, 0);
    const weekday = isoWeekdayLocal(dayStart);
    for (const range of settings.activeHours[weekday - 1] ?? []) {
      yield {
        start: localInstant(instant, offset, range.from),
        end: localInstant(instant, offset, range.to),
      };
    }
  }
}

/** The active range holding `instant`, if any. */
export function activeRangeAt(settings: NudgeSettings, instant: number): ActiveRange | undefined {
  for (const range of activeRanges(settings, instant)) {
    if (range.start <= instant && instant < range.end) return range;
    if (range.start > instant) return undefined;
  }
  return undefined;
}

export function isActive(settings: NudgeSettings, instant: number): boolean {
  return activeRangeAt(settings, instant) !== undefined;
}

/** The first active range that ends after `instant` (the current one, or the next). */
export function nextActiveRange(settings: NudgeSettings, instant: number): ActiveRange | undefined {
  for (const range of activeRanges(settings, instant)) if (range.end > instant) return range;
  return undefined;
}

function intervalDue(settings: NudgeSettings, everyMs: number, from: number): number | undefined {
  const candidate = from + everyMs;
  if (isActive(settings, candidate)) return candidate;
  const range = nextActiveRange(settings, candidate);
  if (!range) return undefined;
  const length = range.end - range.start;
  return range.start + (everyMs < length ? everyMs : Math.floor(length / 2));
}

function timesDue(
  settings: NudgeSettings,
  times: readonly number[],
  after: number,
): number | undefined {
  const sorted = [...times].sort((a, b) => a - b);
  for (let offset = 0; offset <= DAY_SEARCH_LIMIT; offset++) {
    for (const minute of sorted) {
      const instant = localInstant(after, offset, minute);
      if (instant > after && isActive(settings, instant)) return instant;
    }
  }
  return undefined;
}

/** When a nudge of this kind is next due, counting from `from` (its last firing or a restart). */
export function nextDue(
  settings: NudgeSettings,
  kind: NudgeKindSettings,
  from: number,
  everyMinutes = kind.everyMinutes,
): number | undefined {
  if (!kind.enabled) return undefined;
  return kind.mode === 'times'
    ? timesDue(settings, kind.times, from)
    : intervalDue(settings, everyMinutes * MINUTE, from);
}

/** Share (0 to 1) of today's active time gone by at `now`. */
export function activeShareOfDay(settings: NudgeSettings, now: number): number {
  const dayStart = localInstant(now, 0, 0);
  const dayEnd = localInstant(now, 1, 0);
  let total = 0;
  let gone = 0;
  for (const range of activeRanges(settings, dayStart)) {
    if (range.start >= dayEnd) break;
    if (range.end <= dayStart) continue;
    total += range.end - range.start;
    gone += Math.max(0, Math.min(now, range.end) - range.start);
  }
  return total === 0 ? 0 : gone / total;
}

export interface WaterProgress {
  todayMl: number;
  goalMl: number;
}

/**
 * When the water nudge is next due: never today once the goal is met, sooner when behind pace.
 */
export function nextWaterDue(
  settings: NudgeSettings,
  from: number,
  water: WaterProgress,
): number | undefined {
  const kind = settings.water;
  if (!kind.enabled) return undefined;
  if (water.todayMl >= water.goalMl) {
    const tomorrow = localInstant(from, 1, 0);
    return nextDue(settings, kind, tomorrow - kind.everyMinutes * MINUTE);
  }
  const expected = water.goalMl * activeShareOfDay(settings, from);
  const behind = water.todayMl < expected - PACE_SLACK_ML;
  const every = behind
    ? Math.max(MIN_WATER_INTERVAL_MINUTES, Math.round(kind.everyMinutes / 2))
    : kind.everyMinutes;
  return nextDue(settings, kind, from, every);
}

export type PauseChoice = '30m' | '1h' | 'tomorrow' | 'untilResumed';

/** When a pause chosen at `now` ends; undefined for "until resumed". */
export function pauseEnd(
  settings: NudgeSettings,
  choice: PauseChoice,
  now: number,
): number | undefined {
  switch (choice) {
    case '30m':
      return now + 30 * MINUTE;
    case '1h':
      return now + 60 * MINUTE;
    case 'tomorrow':
      return nextActiveRange(settings, localInstant(now, 1, 0))?.start ?? localInstant(now, 1, 0);
    case 'untilResumed':
      return undefined;
  }
}

/** The due time of every enabled kind, counting from `from` (water by its own pace rule). */
export function dueTimes(
  settings: NudgeSettings,
  from: number,
  water: WaterProgress,
): Partial<Record<NudgeKind, number>> {
  const due: Partial<Record<NudgeKind, number>> = {};
  for (const kind of TIMED_KINDS) {
    const at = nextDue(settings, settings[kind], from);
    if (at !== undefined) due[kind] = at;
  }
  const waterDue = nextWaterDue(settings, from, water);
  if (waterDue !== undefined) due.water = waterDue;
  return due;
}

/** The instants time off from day `from` to day `until` (inclusive) covers, as local days. */
export function timeOffSpan(
  from: string,
  until: string,
  startOfDayHour: number,
): { start: number; end: number } {
  const dayStart = (day: string, offset = 0) => {
    const [year, month, date] = day.split('-').map(Number) as [number, number, number];
    return new Date(year, month - 1, date + offset, startOfDayHour).getTime();
  };
  return { start: dayStart(from), end: dayStart(until, 1) };
}

/**
 * When each nudge would come on the first day with active hours from `instant`'s day on, for
 * the welcome page's timeline: every kind starts with the day, and kinds falling due together
 * are spread `spacingMinutes` apart as the engine spreads them. Water follows its interval
 * (its pace rule depends on what the user drinks).
 */
export function dayPlan(
  settings: NudgeSettings,
  instant: number,
  spacingMinutes: number,
): { day: ActiveRange; nudges: { kind: NudgeKind; at: number }[] } | undefined {
  const first = nextActiveRange(settings, localInstant(instant, 0, 0));
  if (!first) return undefined;
  const dayStart = localInstant(first.start, 0, 0);
  const dayEnd = localInstant(first.start, 1, 0);
  let last = first.end;
  for (const range of activeRanges(settings, dayStart)) {
    if (range.start >= dayEnd) break;
    if (range.start >= first.start) last = range.end;
  }
  const nudges: { kind: NudgeKind; at: number }[] = [];
  for (const kind of NUDGE_KINDS) {
    for (
      let at = nextDue(settings, settings[kind], first.start);
      at !== undefined && at < dayEnd;
      at = nextDue(settings, settings[kind], at)
    ) {
      nudges.push({ kind, at });
    }
  }
  nudges.sort((a, b) => a.at - b.at);
  for (let index = 1; index < nudges.length; index++) {
    const earliest = nudges[index - 1]!.at + spacingMinutes * MINUTE;
    if (nudges[index]!.at < earliest) nudges[index]!.at = earliest;
  }
  return { day: { start: first.start, end: last }, nudges: nudges.filter((n) => n.at < last) };
}

export const TIME_OFF_REASONS = ['vacation', 'sick'] as const;
export const TIME_OFF_MAX_DAYS = 60;

/** What is wrong with time off from `from` to `until` (day keys) asked for on `today`, if anything. */
export function timeOffProblem(from: string, until: string, today: string): string | undefined {
  if (until < from) return 'invalid.timeOff.order';
  if (Date.parse(until) - Date.parse(from) >= TIME_OFF_MAX_DAYS * 86_400_000)
    return 'invalid.timeOff.tooLong';
  if (until < today) return 'invalid.timeOff.past';
  return undefined;
}
