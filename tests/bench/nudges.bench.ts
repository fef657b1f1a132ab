/**
 * Wake-ups of the worker over a default day (Monday, default settings, 09:00-18:00), through
 * the real worker on a simulated clock. The user steps away from 12:30 to 13:30 and answers no
 * prompt (each is replaced by the next, logged as expired). Counted: every alarm that fires.
 */
import type { Benchmark } from './figures';
import { simulatedWorker } from './simulated-worker';

const HOUR = 3_600_000;
const at = (hour: number, minute = 0) => new Date(2026, 10, 23, hour, minute).getTime();

const benchmark: Benchmark = {
  title: 'nudge wake-ups over a default day',
  async run() {
    const away = { from: at(12, 30), to: at(13, 30) };
    const simulation = simulatedWorker(at(0), (now) => now >= away.from && now < away.to);
    await simulation.worker.resume();
    await simulation.advanceTo(away.from);
    await simulation.worker.engine.onIdleStateChanged('idle');
    await simulation.advanceTo(away.to);
    await simulation.worker.engine.onIdleStateChanged('active');
    await simulation.advanceTo(at(24));

    const inside = (time: number, from: number, to: number) => time >= from && time < to;
    const activeHours = 9 - 1;
    const activeWakeups = simulation.wakeups.filter(
      ({ at: time }) => inside(time, at(9), at(18)) && !inside(time, away.from, away.to),
    ).length;
    const awayWakeups = simulation.wakeups.filter(({ at: time }) =>
      inside(time, away.from, away.to),
    ).length;
    const nightWakeups = simulation.wakeups.filter(
      ({ at: time }) => !inside(time, at(9), at(18)),
    ).length;
    const prompts = simulation.shown.length;
    return [
      { name: 'prompts_per_active_hour', value: prompts / activeHours, unit: 'prompts' },
      {
        name: 'alarm_wakeups_per_active_hour',
        value: activeWakeups / activeHours,
        unit: 'wake-ups',
        target: prompts / activeHours + 1,
      },
      {
        name: 'alarm_wakeups_per_idle_hour',
        value: awayWakeups / ((away.to - away.from) / HOUR),
        unit: 'wake-ups',
        target: 1,
      },
      {
        name: 'alarm_wakeups_outside_active_hours',
        value: nightWakeups,
        unit: 'wake-ups',
        target: 1,
      },
    ];
  },
};

export default benchmark;
