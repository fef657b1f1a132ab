/** The engine's decisions alone: state, settings, time and event in, state and effects out. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NUDGE_KINDS } from '../../lib/model/entries';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import {
  alarmFired,
  buttonClicked,
  LATE_MINUTES,
  QUIET_RECHECK_MINUTES,
  SPACING_MINUTES,
  waterLogged,
  type AlarmMoment,
  type Moment,
} from '../../lib/nudge/decisions';
import { nudgeStateFormat } from '../../lib/nudge/state';
import { MINUTE, novemberAt } from './builders';

const now = novemberAt(23, 10);
const water = { todayMl: 500, goalMl: 2000 };

function moment(): Moment {
  return { settings: DEFAULT_SETTINGS, state: nudgeStateFormat.fallback(), now };
}

const fired = (overrides: Partial<AlarmMoment> = {}): AlarmMoment => ({
  scheduledTime: now,
  away: false,
  quiet: false,
  water,
  ...overrides,
});

describe('the nudge decisions', () => {
  it('an alarm at a good moment shows the prompt, offers its item and schedules the next', () => {
    const at = moment();
    const effects = alarmFired(at, 'movement', fired());
    expect(effects).toEqual([{ type: 'show', kind: 'movement', rotation: 0, water }]);
    const movement = at.state.kinds.movement!;
    expect(movement.pending).toEqual({ firedAt: now, detail: expect.any(String) });
    expect(movement.rotation).toBe(1);
    expect(movement.dueAt).toBeGreaterThan(now);
  });

  it('an alarm while a window is fullscreen shows nothing and looks again a little later', () => {
    const at = moment();
    expect(alarmFired(at, 'posture', fired({ quiet: true }))).toEqual([]);
    expect(at.state.kinds.posture).toEqual({
      rotation: 0,
      dueAt: now + QUIET_RECHECK_MINUTES * MINUTE,
    });
  });

  it('an alarm while the user is away shows nothing and notes since when', () => {
    const at = moment();
    expect(alarmFired(at, 'posture', fired({ away: true }))).toEqual([]);
    expect(at.state.awaySince).toBe(now);
    expect(at.state.kinds.posture?.pending).toBeUndefined();
  });

  it('an alarm far too late is a return from sleep: no prompt, the timers restart', () => {
    const at = moment();
    const late = fired({ scheduledTime: now - (LATE_MINUTES + 1) * MINUTE });
    expect(alarmFired(at, 'posture', late)).toEqual([]);
    expect(at.state.kinds.posture?.pending).toBeUndefined();
    expect(at.state.kinds.movement?.dueAt).toBeGreaterThan(now);
  });

  it('a new prompt replaces an unanswered one, logged as expired without an answer time', () => {
    const at = moment();
    at.state.kinds.posture = { rotation: 3, pending: { firedAt: now - 30 * MINUTE } };
    const [expired, shown] = alarmFired(at, 'posture', fired()) as [unknown, unknown];
    expect(expired).toEqual({
      type: 'log',
      entry: {
        kind: 'prompt',
        prompt: 'posture',
        outcome: 'expired',
        firedAt: now - 30 * MINUTE,
        at: now,
      },
    });
    expect(shown).toMatchObject({ type: 'show', kind: 'posture', rotation: 3 });
  });

  it('a cup pressed on a water reminder logs it, answers the reminder and counts it for the next', () => {
    const at = moment();
    at.state.kinds.water = { rotation: 1, pending: { firedAt: now - MINUTE } };
    const effects = buttonClicked(at, 'water', 1, water);
    const cup = DEFAULT_SETTINGS.cupsMl[1]!;
    expect(effects).toEqual([
      { type: 'log', entry: { kind: 'water', ml: cup, at: now } },
      {
        type: 'log',
        entry: expect.objectContaining({ prompt: 'water', outcome: 'done', answeredAt: now }),
      },
      { type: 'clear', kind: 'water' },
    ]);
    const counted = moment();
    counted.state.kinds.water = { rotation: 1, pending: { firedAt: now - MINUTE } };
    waterLogged(counted, { ...water, todayMl: water.todayMl + cup });
    expect(at.state.kinds.water).toEqual(counted.state.kinds.water);
  });

  it('water logged with no reminder open changes nothing', () => {
    expect(waterLogged(moment(), water)).toBe('unchanged');
  });

  it('an alarm less than five minutes after another kind’s prompt waits for the five minutes', () => {
    const at = moment();
    expect(alarmFired(at, 'posture', fired())).toMatchObject([{ type: 'show', kind: 'posture' }]);
    // Another kind due in the same second.
    expect(alarmFired(at, 'breathing', fired())).toEqual([]);
    expect(at.state.kinds.breathing).toEqual({ rotation: 0, dueAt: now + 5 * MINUTE });
    const later = { ...at, now: now + 5 * MINUTE };
    expect(alarmFired(later, 'breathing', fired({ scheduledTime: later.now }))).toMatchObject([
      { type: 'show', kind: 'breathing' },
    ]);
  });

  it('a last prompt after now (a clock set back) holds no prompt back', () => {
    const at = moment();
    at.state.lastPrompt = { kind: 'water', at: now + 60 * MINUTE };
    expect(alarmFired(at, 'posture', fired())).toMatchObject([{ type: 'show', kind: 'posture' }]);
  });

  it('a prompt of the same kind again is not held back: it replaces the open one', () => {
    const at = moment();
    alarmFired(at, 'posture', fired());
    const soon = { ...at, now: now + MINUTE };
    expect(alarmFired(soon, 'posture', fired({ scheduledTime: soon.now }))).toMatchObject([
      { type: 'log', entry: { outcome: 'expired' } },
      { type: 'show', kind: 'posture' },
    ]);
  });

  it('never shows prompts of two kinds within five minutes, whatever alarms fire when', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom(...NUDGE_KINDS),
            // Seconds after the last alarm: often the same second, sometimes minutes on.
            after: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 600 })),
            late: fc.integer({ min: 0, max: 240 }),
          }),
          { maxLength: 40 },
        ),
        (alarms) => {
          const state = nudgeStateFormat.fallback();
          let time = now;
          const shown: { kind: string; at: number }[] = [];
          for (const { kind, after, late } of alarms) {
            time += after * 1000;
            const effects = alarmFired(
              { settings: DEFAULT_SETTINGS, state, now: time },
              kind,
              fired({ scheduledTime: time - late * 1000 }),
            );
            if (effects !== 'unchanged' && effects.some((effect) => effect.type === 'show'))
              shown.push({ kind, at: time });
          }
          for (const [index, later] of shown.entries())
            for (const earlier of shown.slice(0, index))
              if (earlier.kind !== later.kind)
                expect(later.at - earlier.at).toBeGreaterThanOrEqual(SPACING_MINUTES * MINUTE);
        },
      ),
    );
  });
});
