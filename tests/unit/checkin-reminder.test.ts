import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  AWAY_RECHECK_MINUTES,
  nextWeeklyAt,
  reminderFired,
  type ReminderMoment,
} from '../../lib/nudge/checkin-reminder';
import { QUIET_RECHECK_MINUTES } from '../../lib/nudge/decisions';
import { createWorker } from '../../lib/app/worker';
import { CHECKIN_ALARM, CHECKIN_NOTIFICATION } from '../../lib/app/checkin-reminder';
import { saveCheckIn } from '../../lib/app/checkins';
import { browserAreas } from '../../lib/adapters/storage-areas';
import { fakeWorkerDependencies } from './worker-deps';

const MINUTE = 60_000;
// Wednesday 2 December 2026, 18:00 on the local clock.
const NOW = new Date(2026, 11, 2, 18, 0).getTime();
const SUNDAY_TEN = { enabled: true, weekday: 7, minute: 600 };

describe('the weekly check-in reminder', () => {
  it('comes on the chosen weekday and time, the next one after now', () => {
    expect(nextWeeklyAt(SUNDAY_TEN, NOW)).toBe(new Date(2026, 11, 6, 10, 0).getTime());
    expect(nextWeeklyAt({ weekday: 3, minute: 18 * 60 }, NOW)).toBe(
      new Date(2026, 11, 9, 18, 0).getTime(),
    );
    expect(nextWeeklyAt({ weekday: 3, minute: 18 * 60 + 1 }, NOW)).toBe(NOW + MINUTE);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 0, max: 400 * 86_400_000 }),
        (weekday, minute, offset) => {
          const now = NOW + offset;
          const at = nextWeeklyAt({ weekday, minute }, now);
          const date = new Date(at);
          return (
            at > now &&
            at - now <= 7 * 86_400_000 + 3_600_000 &&
            ((date.getDay() + 6) % 7) + 1 === weekday &&
            date.getHours() * 60 + date.getMinutes() === minute
          );
        },
      ),
    );
  });

  const moment = (more: Partial<ReminderMoment> = {}): ReminderMoment => ({
    reminder: SUNDAY_TEN,
    state: { kinds: {}, skips: { day: '', count: 0 } },
    now: NOW,
    scheduledTime: NOW,
    away: false,
    quiet: false,
    checkedInThisWeek: false,
    ...more,
  });

  it('shows at a good moment and comes again next week', () => {
    expect(reminderFired(moment())).toEqual({ show: true, nextAt: nextWeeklyAt(SUNDAY_TEN, NOW) });
  });

  it('keeps the quiet rules of every nudge', () => {
    expect(reminderFired(moment({ quiet: true }))).toEqual({
      show: false,
      nextAt: NOW + QUIET_RECHECK_MINUTES * MINUTE,
    });
    expect(reminderFired(moment({ away: true }))).toEqual({
      show: false,
      nextAt: NOW + AWAY_RECHECK_MINUTES * MINUTE,
    });
    const paused = { kinds: {}, skips: { day: '', count: 0 }, pausedUntil: NOW + 3_600_000 };
    expect(reminderFired(moment({ state: paused }))).toEqual({
      show: false,
      nextAt: NOW + 3_600_000,
    });
    const timeOff = {
      kinds: {},
      skips: { day: '', count: 0 },
      timeOff: { start: NOW - 1, end: NOW + 86_400_000 },
    };
    expect(reminderFired(moment({ state: timeOff })).show).toBe(false);
    // Slept through it: not the moment of waking.
    expect(reminderFired(moment({ scheduledTime: NOW - 3_600_000 })).show).toBe(false);
  });

  it('is not shown for a week already checked in, nor when off', () => {
    expect(reminderFired(moment({ checkedInThisWeek: true })).show).toBe(false);
    expect(reminderFired(moment({ reminder: { ...SUNDAY_TEN, enabled: false } }))).toEqual({
      show: false,
    });
  });

  it('is off by default, and fires its alarm, its notification and the page on a click', async () => {
    const openPage = vi.fn(async () => {});
    const deps = fakeWorkerDependencies(() => NOW, { openPage });
    const create = vi.spyOn(deps.notifications, 'create');
    const worker = createWorker(deps);
    await worker.resume();
    expect(await fakeBrowser.alarms.get(CHECKIN_ALARM)).toBeUndefined();

    await worker.handlers.saveCheckInReminder({ reminder: SUNDAY_TEN });
    const alarm = await fakeBrowser.alarms.get(CHECKIN_ALARM);
    expect(alarm?.scheduledTime).toBe(nextWeeklyAt(SUNDAY_TEN, NOW));

    await worker.onAlarm({ name: CHECKIN_ALARM, scheduledTime: NOW });
    expect(create).toHaveBeenCalledWith(
      CHECKIN_NOTIFICATION,
      expect.objectContaining({ title: 'checkin.reminder.title' }),
    );
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([CHECKIN_NOTIFICATION]);
    await worker.onNotificationClicked(CHECKIN_NOTIFICATION);
    expect(openPage).toHaveBeenCalledWith('/checkin.html');
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('stays silent once this week has its check-in', async () => {
    const worker = createWorker(fakeWorkerDependencies(() => NOW));
    await worker.handlers.saveCheckInReminder({ reminder: SUNDAY_TEN });
    await saveCheckIn(
      { ...browserAreas(), now: () => NOW },
      { week: '2026-11-30', updatedAt: 0, lengthsCm: {}, fit: 'same', photos: [] },
    );
    await worker.onAlarm({ name: CHECKIN_ALARM, scheduledTime: NOW });
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect((await fakeBrowser.alarms.get(CHECKIN_ALARM))?.scheduledTime).toBe(
      nextWeeklyAt(SUNDAY_TEN, NOW),
    );
  });
});
