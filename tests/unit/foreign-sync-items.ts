/**
 * Items another device (a damaged one, another version, or a hostile one) could leave in
 * sync. Each must be skipped and listed, never trusted, and never stop anything. Shared by the
 * unit and the end-to-end tests.
 */
import type { ForeignItem } from '../../lib/sync/plan';

const coarse = { v: 1, t: 1, g: 2000, s: 'AAAB' };
const month = (d: string, g = 2000) => ({ v: 1, t: 1, g, d });

export const HOSTILE_SYNC_ITEMS: Record<string, { value: unknown; reason: ForeignItem['reason'] }> =
  {
    'y.devE5.0999': { value: coarse, reason: 'invalid' },
    'arch.0500': { value: { ...coarse, from: ['devF6'] }, reason: 'invalid' },
    'm.devG7.2026-11': { value: month('00:1'), reason: 'invalid' },
    'm.devG7.0999-01': { value: month('01:1'), reason: 'invalid' },
    'm.devH8.2026-11': { value: month('24:1', 1e12), reason: 'invalid' },
    'm.devJ9.2026-11': { value: month(`24:${(2.5e11).toString(36)}`), reason: 'implausible' },
    'm.devK1.2026-11': {
      value: month(`24:0,0,0,0,${(1e6).toString(36)}`),
      reason: 'implausible',
    },
    'm.devL2.2026-11': {
      value: month(`24:1,0,0,0,0,0,0,0,${(1e12).toString(36)}`),
      reason: 'implausible',
    },
  };

export const hostileItems = () =>
  Object.fromEntries(Object.entries(HOSTILE_SYNC_ITEMS).map(([key, { value }]) => [key, value]));
