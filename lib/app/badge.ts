/**
 * The toolbar badge and title, and the popup's snapshot: today at a glance, kept current as
 * storage changes.
 */
import { coalescing } from '../model/async';
import { formatTime } from '../model/clock';
import { formatNumber, formatVolume, type Translate } from '../model/formatting';
import { HABIT_KINDS, judgedAgainstDayGoal, judgedField } from '../model/habits';
import type { Settings } from '../model/settings';
import { mlToFlOz } from '../model/units';
import type { NudgeEngine, NudgeStatus } from '../nudge/engine';
import type { FieldValues } from '../stats/summary';
import type { FirstPaintHtml, StoredSnapshot } from '../store/first-paint';
import { FORMER_LOCAL_SNAPSHOT, SESSION_KEYS, todaySnapshotFormat } from '../store/items';
import type { TodaySnapshot } from '../stats/today';
import type { WorkerDependencies } from './dependencies';
import { snapshotOf, type Overview } from './overview';
import { readActiveSession } from './sessions';
import type { KeptOverview } from './kept-overview';

export const BADGE_ALARM = 'badge:refresh';

/** The brand's teal (components/theme.css --accent), dark enough for white text. */
export const BADGE_COLOUR = '#0f766e';

type BadgeDependencies = Pick<
  WorkerDependencies,
  'local' | 'session' | 'sync' | 'action' | 'alarms' | 'now' | 't' | 'firstPaint'
>;

/** Makes the badge updater: changes arriving during an update cause one more, not one each. */
export function badgeUpdater(
  deps: BadgeDependencies,
  engine: NudgeEngine,
  today: KeptOverview,
): () => Promise<void> {
  /** The snapshot as last stored, so an unchanged one is not written (nor read) again. */
  const stored: { json?: string } = {};
  const updates = coalescing(() => renderBadge(deps, engine, today, stored));
  return () => updates.run();
}

async function renderBadge(
  deps: BadgeDependencies,
  engine: NudgeEngine,
  today: KeptOverview,
  stored: { json?: string },
): Promise<void> {
  const [overview, status, onSession] = await Promise.all([
    today.overview(deps.now()),
    engine.status(),
    opensOnSession(deps),
  ]);
  const snapshot: TodaySnapshot = { ...snapshotOf(overview), onSession };
  // Session storage where there is one (the browser's): the popup's first read of it is quicker.
  const area = deps.session ?? deps.local;
  const key = SESSION_KEYS.todaySnapshot;
  if (stored.json === undefined) {
    if (deps.session) await deps.local.remove(FORMER_LOCAL_SNAPSHOT);
    stored.json = storedSnapshotJson((await area.get(key))[key], deps);
  }
  const json = JSON.stringify(snapshot);
  if (json !== stored.json) {
    const item: StoredSnapshot = { v: todaySnapshotFormat.version, ...snapshot };
    const firstPaint = drawnFirstPaint(deps, snapshot);
    if (firstPaint) item.firstPaint = firstPaint;
    await area.set({ [key]: item });
    stored.json = json;
  }
  const mode = overview.settings.nudges.badge;
  await deps.action.setBadgeBackgroundColor({ color: BADGE_COLOUR });
  await deps.action.setBadgeTextColor?.({ color: '#ffffff' });
  await deps.action.setBadgeText({ text: badgeText(deps.t, mode, overview, status, deps.now()) });
  await deps.action.setTitle({ title: badgeTitle(deps.t, overview, status) });
  const refresh = mode === 'nextNudge' && status.next !== undefined;
  if (refresh && !(await deps.alarms.get(BADGE_ALARM))) {
    await deps.alarms.create(BADGE_ALARM, { when: deps.now() + 60_000 });
  }
}

/** Whether the popup opens on a workout session: one under way, or ended but not closed. */
async function opensOnSession(deps: BadgeDependencies): Promise<boolean> {
  return (await readActiveSession(deps.local)).session !== undefined;
}

/**
 * The stored snapshot's JSON as this version would write it, or undefined when it must be
 * written again: unreadable, or drawn by another version or in another language (or not drawn)
 * when this one draws.
 */
function storedSnapshotJson(raw: unknown, deps: BadgeDependencies): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { v: _version, firstPaint, ...snapshot } = raw as StoredSnapshot;
  if (deps.firstPaint && firstPaint?.build !== deps.firstPaint.build) return undefined;
  return JSON.stringify(snapshot);
}

/** The popup's first paint drawn from the snapshot; none if drawing failed (the popup draws it). */
function drawnFirstPaint(
  deps: BadgeDependencies,
  snapshot: TodaySnapshot,
): FirstPaintHtml | undefined {
  if (!deps.firstPaint) return undefined;
  try {
    return { ...deps.firstPaint.draw(snapshot), build: deps.firstPaint.build };
  } catch (error) {
    console.error('Backbone: the first paint could not be drawn', error);
    return undefined;
  }
}

/**
 * At most four characters, never a zero: the daily habits not met yet today ("3"), the water
 * drunk so far ("1.2L", "40oz"), or the minutes to the next nudge ("25m"). Nothing when there is
 * nothing to say (no water yet, every habit met, no nudge coming).
 */
function badgeText(
  t: Translate,
  mode: Settings['nudges']['badge'],
  overview: Overview,
  status: NudgeStatus,
  now: number,
): string {
  switch (mode) {
    case 'off':
      return '';
    case 'habitsLeft': {
      const daily = new Set(
        HABIT_KINDS.filter((kind) => kind.judge.unit === 'days').map((kind) => kind.id),
      );
      const left = overview.reports.filter(
        (report) => daily.has(report.habit) && report.today === 'open',
      ).length;
      return left > 0 ? String(left) : '';
    }
    case 'water':
      return waterBadge(t, overview.todayTotals.waterMl, overview.settings.units);
    case 'nextNudge': {
      if (!status.next) return '';
      const minutes = Math.max(0, Math.ceil((status.next.at - now) / 60_000));
      return minutes < 100
        ? t('badge.minutes', [minutes])
        : t('badge.hours', [Math.floor(minutes / 60)]);
    }
  }
}

function waterBadge(t: Translate, ml: number, units: Settings['units']): string {
  if (ml <= 0) return '';
  if (units === 'imperial') return t('badge.flOz', [Math.min(999, Math.round(mlToFlOz(ml)))]);
  const litres = ml / 1000;
  const shown = litres < 10 ? Math.round(litres * 10) / 10 : Math.min(99, Math.round(litres));
  return t('badge.litres', [
    new Intl.NumberFormat(t.locale, { minimumFractionDigits: litres < 10 ? 1 : 0 }).format(shown),
  ]);
}

/** Each habit's part of the title, as its ring shows it; the counts together in one part. */
function habitParts(t: Translate, overview: Overview): string[] {
  const { todayTotals: totals, goals, settings } = overview;
  const values: FieldValues = totals;
  const parts: string[] = [];
  const counts: string[] = [];
  let countsAt = -1;
  for (const kind of HABIT_KINDS) {
    const value = values[judgedField(kind)];
    const goal = goals[kind.goal];
    switch (kind.ring) {
      case 'volume': {
        const dayGoal = judgedAgainstDayGoal(kind) ? (totals.waterGoalMl ?? goal) : goal;
        parts.push(
          t(`badge.${kind.id}`, [
            formatVolume(t, value as number, settings.units),
            formatVolume(t, dayGoal, settings.units),
          ]),
        );
        break;
      }
      case 'count':
        if (countsAt < 0) countsAt = parts.push('') - 1;
        counts.push(t(`badge.${kind.id}`, [formatNumber(value as number, t.locale)]));
        break;
      case 'done':
        if (goal > 0) parts.push(t(value ? 'badge.workoutDone' : 'badge.noWorkout'));
        break;
    }
  }
  if (countsAt >= 0) parts[countsAt] = counts.join(', ');
  return parts;
}

function badgeTitle(t: Translate, overview: Overview, status: NudgeStatus): string {
  const parts = habitParts(t, overview);
  if (status.pausedIndefinitely || status.pausedUntil) parts.push(t('badge.paused'));
  else if (status.next) {
    parts.push(t(`badge.next.${status.next.kind}`, [formatTime(status.next.at, t.locale)]));
  }
  return t('badge.title', [parts.join(' · ')]);
}
