/**
 * The real worker on a simulated clock: alarms fire when simulated time reaches them, the user
 * is away when the scenario says so, and every wake-up is counted. No browser, no waiting.
 */
import type { IdleState } from '../../lib/nudge/engine';
import { createWorker } from '../../lib/app/worker';
import { MemoryArea, QuotaSyncArea } from '../unit/quota-area';

export function simulatedWorker(start: number, isAway: (now: number) => boolean = () => false) {
  let now = start;
  const alarms = new Map<string, number>();
  const wakeups: { name: string; at: number }[] = [];
  const shown: { id: string; at: number }[] = [];
  const local = new MemoryArea();
  const sync = new QuotaSyncArea(() => now);
  const worker = createWorker({
    local,
    sync,
    alarms: {
      get: async (name) =>
        alarms.has(name) ? { name, scheduledTime: alarms.get(name)! } : undefined,
      create: (name, { when }) => void alarms.set(name, Math.max(when, now)),
      clear: async (name) => alarms.delete(name),
    },
    action: { setBadgeText: () => {}, setBadgeBackgroundColor: () => {}, setTitle: () => {} },
    notifications: {
      create: async (id) => {
        shown.push({ id, at: now });
        return id;
      },
      clear: async () => true,
    },
    queryIdle: async (): Promise<IdleState> => (isAway(now) ? 'idle' : 'active'),
    setIdleThreshold: () => {},
    isFullscreen: async () => false,
    isAudible: async () => false,
    openGuide: async () => {},
    t: Object.assign((key: string) => key, { locale: 'en' }),
    iconUrl: '',
    buttons: true,
    closedByUser: 'reported',
    now: () => now,
    version: 'simulated',
    randomId: () => 'simdevice1',
  });

  /** Moves the clock to `time`, firing every alarm due on the way, in order. */
  async function advanceTo(time: number): Promise<void> {
    for (;;) {
      const [name, at] = [...alarms].sort((a, b) => a[1] - b[1])[0] ?? [];
      if (name === undefined || at === undefined || at > time) break;
      alarms.delete(name);
      now = at;
      wakeups.push({ name, at });
      await worker.onAlarm({ name, scheduledTime: at });
    }
    now = time;
  }

  return {
    worker,
    sync,
    wakeups,
    shown,
    advanceTo,
    setNow: (time: number) => void (now = time),
  };
}
