/**
 * The toolbar badge and title, and the popup's snapshot: today at a glance, kept current as
 * storage changes.
 */
import { coalescing } from '../model/async';
import { formatNumber, formatVolume, type Translate } from '../model/formatting';
import type { Settings } from '../model/settings';
import { mlToFlOz } from '../model/units';
import type { NudgeEngine, NudgeStatus } from '../nudge/engine';
import { LOCAL_KEYS, todaySnapshotFormat } from '../store/items';
import type { WorkerDependencies } from './dependencies';
import { readOverview, snapshotOf, todayWaterGoal, type Overview } from './overview';

export const BADGE_ALARM = 'badge:refresh';

/** The brand's teal (components/theme.css --accent), dark enough for white text. */
export const BADGE_COLOUR = '#0f766e';

type BadgeDependencies = Pick<
  WorkerDependencies,
  'local' | 'sync' | 'action' | 'alarms' | 'now' | 't'
>;

/** Makes the badge updater: changes arriving during an update cause one more, not one each. */
export function badgeUpdater(deps: BadgeDependencies, engine: NudgeEngine): () => Promise<void> {
  const updates = coalescing(() => renderBadge(deps, engine));
  return () => updates.run();
}

async function renderBadge(deps: BadgeDependencies, engine: NudgeEngine): Promise<void> {
  const [overview, status] = await Promise.all([
    readOverview(deps, deps.now(), false),
    engine.status(),
  ]);
  const snapshot = { v: todaySnapshotFormat.version, ...snapshotOf(overview) };
  const before = (await deps.local.get(LOCAL_KEYS.todaySnapshot))[LOCAL_KEYS.todaySnapshot];
  if (JSON.stringify(before) !== JSON.stringify(snapshot)) {
    await deps.local.set({ [LOCAL_KEYS.todaySnapshot]: snapshot });
  }
  const mode = overview.settings.nudges.badge;
  await deps.action.setBadgeBackgroundColor({ color: BADGE_COLOUR });
  await deps.action.setBadgeTextColor?.({ color: '#ffffff' });
  await deps.action.setBadgeText({ text: badgeText(mode, overview, status, deps.now()) });
  await deps.action.setTitle({ title: badgeTitle(deps.t, overview, status) });
  const refresh = mode === 'nextNudge' && status.next !== undefined;
  if (refresh && !(await deps.alarms.get(BADGE_ALARM))) {
    await deps.alarms.create(BADGE_ALARM, { when: deps.now() + 60_000 });
  }
}

/**
 * At most four characters, never a zero: the daily habits not met yet today ("3"), the water
 * drunk so far ("1.2L", "40oz"), or the minutes to the next nudge ("25m"). Nothing when there is
 * nothing to say (no water yet, every habit met, no nudge coming).
 */
export function badgeText(
  mode: Settings['nudges']['badge'],
  overview: Overview,
  status: NudgeStatus,
  now: number,
): string {
  switch (mode) {
    case 'off':
      return '';
    case 'habitsLeft': {
      const left = overview.reports.filter(
        (report) => report.habit !== 'workout' && report.today === 'open',
      ).length;
      return left > 0 ? String(left) : '';
    }
    case 'water':
      return waterBadge(overview.todayTotals.waterMl, overview.settings.units);
    case 'nextNudge': {
      if (!status.next) return '';
      const minutes = Math.max(0, Math.ceil((status.next.at - now) / 60_000));
      return minutes < 100 ? `${minutes}m` : `${Math.floor(minutes / 60)}h`;
    }
  }
}

function waterBadge(ml: number, units: Settings['units']): string {
  if (ml <= 0) return '';
  if (units === 'imperial') return `${Math.min(999, Math.round(mlToFlOz(ml)))}oz`;
  const litres = ml / 1000;
  return `${litres < 10 ? litres.toFixed(1) : Math.min(99, Math.round(litres))}L`;
}

export function badgeTitle(t: Translate, overview: Overview, status: NudgeStatus): string {
  const { todayTotals: totals, goals, settings } = overview;
  const parts = [
    t('badge.water', [
      formatVolume(t, totals.waterMl, settings.units),
      formatVolume(t, todayWaterGoal(overview), settings.units),
    ]),
    t('badge.breaks', [
      formatNumber(totals.posture),
      formatNumber(totals.movement),
      formatNumber(totals.breathing),
    ]),
  ];
  if (goals.workoutsPerWeek > 0)
    parts.push(t(totals.workout ? 'badge.workoutDone' : 'badge.noWorkout'));
  if (status.pausedIndefinitely || status.pausedUntil) parts.push(t('badge.paused'));
  else if (status.next) {
    const at = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(status.next.at);
    parts.push(t('badge.next', [t(`habit.${status.next.kind}`), at]));
  }
  return `Backbone: ${parts.join(' · ')}`;
}
