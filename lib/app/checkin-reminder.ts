/**
 * The weekly check-in reminder's effects (lib/nudge/checkin-reminder.ts decides): its one alarm,
 * its notification ("Weekly check-in: 1 minute"), and the check-in page a click opens.
 */
import { localDayKey } from '../model/days';
import { weekOf } from '../model/checkin';
import type { Handlers } from '../messaging/protocol';
import {
  checkInReminderFormat,
  nextWeeklyAt,
  reminderFired,
  type CheckInReminder,
} from '../nudge/checkin-reminder';
import { nudgeStateFormat } from '../nudge/state';
import { CHECKIN_REMINDER_KEY, LOCAL_KEYS, readVersioned, writeVersioned } from '../store/items';
import { readCheckIns } from './checkins';
import type { WorkerContext, WorkerDependencies } from './dependencies';
import { readSettings } from './shared-records';

export const CHECKIN_ALARM = 'checkin';
export const CHECKIN_NOTIFICATION = 'checkin';
export const CHECKIN_PAGE = '/checkin.html';

async function readReminder(deps: WorkerDependencies): Promise<CheckInReminder> {
  const raw = (await deps.sync.get(CHECKIN_REMINDER_KEY))[CHECKIN_REMINDER_KEY];
  return readVersioned(checkInReminderFormat, raw).value;
}

async function setAlarm(deps: WorkerDependencies, at: number | undefined): Promise<void> {
  if (at === undefined) await deps.alarms.clear(CHECKIN_ALARM);
  else await deps.alarms.create(CHECKIN_ALARM, { when: at });
}

export function checkInReminder({ deps }: Pick<WorkerContext, 'deps'>) {
  /** The alarm matches the reminder as stored (idempotent): on every start and every change. */
  async function schedule(): Promise<void> {
    const reminder = await readReminder(deps);
    const wanted = reminder.enabled ? nextWeeklyAt(reminder, deps.now()) : undefined;
    const existing = await deps.alarms.get(CHECKIN_ALARM);
    // A reminder held back (a pause, a quiet moment) keeps its earlier alarm.
    if (wanted !== undefined && existing && existing.scheduledTime <= wanted) return;
    await setAlarm(deps, wanted);
  }

  async function onAlarm(alarm: { scheduledTime: number }): Promise<void> {
    const now = deps.now();
    const [reminder, settings, rawState, checkIns] = await Promise.all([
      readReminder(deps),
      readSettings(deps.sync),
      deps.local.get(LOCAL_KEYS.nudgeState),
      readCheckIns(deps),
    ]);
    const state = readVersioned(nudgeStateFormat, rawState[LOCAL_KEYS.nudgeState]).value;
    const thisWeek = weekOf(localDayKey(now, settings.startOfDayHour));
    const { nudges } = settings;
    const decision = reminderFired({
      reminder,
      state,
      now,
      scheduledTime: alarm.scheduledTime,
      away: (await deps.queryIdle(nudges.awayAfterMinutes * 60)) !== 'active',
      quiet:
        (nudges.deferInFullscreen && (await deps.isFullscreen())) ||
        (nudges.quietWhileAudible && (await deps.isAudible())),
      checkedInThisWeek: checkIns.some((checkIn) => checkIn.week === thisWeek),
    });
    await setAlarm(deps, decision.nextAt);
    if (!decision.show) return;
    await deps.notifications.create(CHECKIN_NOTIFICATION, {
      type: 'basic',
      iconUrl: deps.iconUrl,
      title: deps.t('checkin.reminder.title'),
      message: deps.t('checkin.reminder.message'),
    });
  }

  async function onClicked(): Promise<void> {
    await deps.notifications.clear(CHECKIN_NOTIFICATION);
    await deps.openPage?.(CHECKIN_PAGE);
  }

  const handlers: Pick<Handlers, 'saveCheckInReminder'> = {
    saveCheckInReminder: async ({ reminder }) => {
      await deps.sync.set({
        [CHECKIN_REMINDER_KEY]: writeVersioned(checkInReminderFormat, reminder),
      });
      await setAlarm(deps, reminder.enabled ? nextWeeklyAt(reminder, deps.now()) : undefined);
      return reminder;
    },
  };

  return { schedule, onAlarm, onClicked, handlers };
}
