/**
 * Moves this device's daily records into sync. Runs from an alarm, so a burst of logging costs
 * one write (two when keys age out) however many changes it holds; must run inside the writer's
 * queue, because it updates the sync state the writer also updates.
 */
import { ProblemError } from '../model/problem';
import type { DayKey } from '../model/days';
import {
  readVersioned,
  LOCAL_KEYS,
  monthsFormat,
  syncStateFormat,
  writeVersioned,
  type KeyValueArea,
} from '../store/items';
import { readOwnDays } from '../store/items';
import { planFold } from './fold';
import { planSync, readSyncItems, SyncBudgetError, DETAIL_LEVELS } from './plan';

export interface FlushDependencies {
  local: KeyValueArea;
  sync: KeyValueArea;
  device: string;
  now: number;
  today: DayKey;
  goalMl: number;
}

export interface FlushResult {
  written: number;
  removed: number;
  level: number;
  bytes: number;
  quotaErrors: number;
}

const MAX_ATTEMPTS = 3;

export function isQuotaError(error: unknown): boolean {
  return /quota/i.test(error instanceof Error ? error.message : String(error));
}

export async function flushSync(deps: FlushDependencies): Promise<FlushResult> {
  const raw = await deps.local.get([LOCAL_KEYS.months, LOCAL_KEYS.syncState]);
  const months = readVersioned(monthsFormat, raw[LOCAL_KEYS.months]).value.months;
  const state = readVersioned(syncStateFormat, raw[LOCAL_KEYS.syncState]).value;
  const ownDays = await readOwnDays(deps.local, months);
  const options = {
    today: deps.today,
    first: state.first ?? deps.today,
    rev: deps.now,
    goalMl: deps.goalMl,
  };

  let minLevel = 0;
  let quotaErrors = 0;
  let result: FlushResult | undefined;
  let lastError: string | undefined;
  for (let attempt = 0; attempt < MAX_ATTEMPTS && !result; attempt++) {
    const current = await deps.sync.get(null);
    try {
      const plan = planSync(deps.device, ownDays, current, { ...options, minLevel });
      if (Object.keys(plan.set).length > 0) await deps.sync.set(plan.set);
      if (plan.remove.length > 0) await deps.sync.remove(plan.remove);
      const fold = planFold(deps.device, current, readSyncItems(current), deps.today, deps.now);
      if (Object.keys(fold.set).length > 0) await deps.sync.set(fold.set);
      if (fold.remove.length > 0) await deps.sync.remove(fold.remove);
      result = {
        written: Object.keys(plan.set).length,
        removed: plan.remove.length,
        level: plan.level,
        bytes: plan.bytes,
        quotaErrors,
      };
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      if (error instanceof SyncBudgetError) break;
      if (!isQuotaError(error)) throw error;
      // Another device filled sync since we looked: step down a level and try again.
      quotaErrors++;
      minLevel = Math.min(minLevel + 1, DETAIL_LEVELS.length - 1);
    }
  }

  const next = {
    ...state,
    quotaErrors: state.quotaErrors + quotaErrors,
    ...(result
      ? {
          dirtyMonths: [],
          level: result.level,
          flushes: state.flushes + 1,
          lastFlushAt: deps.now,
          lastError: undefined,
        }
      : { lastError }),
  };
  await deps.local.set({ [LOCAL_KEYS.syncState]: writeVersioned(syncStateFormat, next) });
  if (!result) throw new ProblemError('sync.failed', [lastError ?? '']);
  return result;
}
