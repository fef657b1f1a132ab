/** Five years of weekly check-ins, as the benchmarks keep them. */
import type { CheckIn } from '../../lib/model/checkin';
import { addDays, localDayKey } from '../../lib/model/days';
import { weekOf } from '../../lib/model/checkin';
import {
  encodeSyncedCheckIns,
  localCheckInsFormat,
  syncedCheckInsFormat,
} from '../../lib/store/checkins';
import { CHECKINS_KEY, writeVersioned } from '../../lib/store/items';

export const FIVE_YEARS_OF_WEEKS = 260;

/** Weight, waist, chest and hips, fit and three photos every week, up to last week. */
export function fiveYearsOfCheckIns(today = localDayKey(Date.now())): CheckIn[] {
  const lastWeek = addDays(weekOf(today), -7);
  return Array.from({ length: FIVE_YEARS_OF_WEEKS }, (_, index) => {
    const week = addDays(lastWeek, -7 * (FIVE_YEARS_OF_WEEKS - 1 - index));
    return {
      week,
      updatedAt: Date.parse(`${week}T19:30:00Z`),
      weightKg: Math.round((92.4 - index * 0.04 + (index % 5) * 0.3) * 100) / 100,
      lengthsCm: {
        waist: Math.round((101.5 - index * 0.05) * 10) / 10,
        chest: 108.2 - (index % 4) * 0.1,
        hips: 104.7 - (index % 3) * 0.2,
      },
      fit: (['same', 'looser', 'same', 'tighter'] as const)[index % 4],
      ...(index % 10 === 0 ? { note: 'Belt one hole tighter; last year’s jeans fit again.' } : {}),
      photos: ['front', 'side', 'back'],
    };
  });
}

/** The items a device that saved these check-ins keeps: its local item and the synced one. */
export function checkInItems(checkIns: readonly CheckIn[]) {
  const own = [...checkIns];
  return {
    local: { [CHECKINS_KEY]: writeVersioned(localCheckInsFormat, { checkIns: own }) },
    sync: { [CHECKINS_KEY]: writeVersioned(syncedCheckInsFormat, encodeSyncedCheckIns(own)) },
  };
}
