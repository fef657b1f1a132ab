/**
 * The nudge engine: fires posture, movement, breathing and water prompts from alarms, and turns
 * every answer into a logged outcome. What to do is decided in lib/nudge/decisions.ts; this
 * carries it out, with every browser API passed in.
 *
 * Each operation runs alone (an alarm and a button press never interleave): it reads the
 * settings and the state, asks the browser what the decision needs (today's water, idle,
 * fullscreen, sound), takes the decision, carries out its effects (logs, notifications), saves
 * the state and makes the alarms match it. One alarm per kind, named `nudge:<kind>`, is set for
 * the kind's due time, none while the user is away; reconciling (on every worker start and
 * settings change) makes the alarms match the state, so none is lost or doubled. Prompts of
 * different kinds are spread SPACING_MINUTES apart when they fall due together, so the user
 * never gets two at once (and the worker wakes once for each); an alarm that fires sooner after
 * the last prompt anyway waits its turn (lib/nudge/decisions.ts).
 */
import { SerialQueue } from '../model/async';
import { localDayKey } from '../model/days';
import { NUDGE_KINDS, type NewEntry, type NudgeKind } from '../model/entries';
import type { Translate } from '../model/formatting';
import type { Settings } from '../model/settings';
import { LOCAL_KEYS, readVersioned, writeVersioned, type KeyValueArea } from '../store/items';
import * as decide from './decisions';
import { SPACING_MINUTES } from './decisions';
import type { ClosedByUser, Decision, Effect, Moment } from './decisions';
import { promptButtons, promptContent } from './prompts';
import type { PauseChoice, WaterProgress } from './schedule';
import { nudgeStateFormat, pausedUntilAt, type NudgeState } from './state';

export const NUDGE_ALARM_PREFIX = 'nudge:';
export { SPACING_MINUTES };
const MINUTE = 60_000;

export type IdleState = 'active' | 'idle' | 'locked';

export interface NudgeDependencies {
  local: KeyValueArea;
  alarms: {
    get(name: string): Promise<{ name: string; scheduledTime: number } | undefined>;
    create(name: string, info: { when: number }): Promise<void> | void;
    clear(name: string): Promise<boolean>;
  };
  notifications: {
    create(id: string, options: NotificationOptions): Promise<string>;
    clear(id: string): Promise<boolean>;
  };
  /** The idle API's state, for a threshold in seconds. */
  queryIdle: (thresholdSeconds: number) => Promise<IdleState>;
  isFullscreen: () => Promise<boolean>;
  /** Whether a tab is playing sound (a call, a video). */
  isAudible: () => Promise<boolean>;
  settings: () => Promise<Settings>;
  water: () => Promise<WaterProgress>;
  log: (entries: NewEntry[]) => Promise<unknown>;
  openGuide: (kind: NudgeKind) => Promise<void>;
  t: Translate;
  iconUrl: string;
  /** Whether notifications can carry buttons (Chrome yes, Firefox no). */
  buttons: boolean;
  /** What `notifications.onClosed` says about who closed a notification in this browser. */
  closedByUser: ClosedByUser;
  now: () => number;
}

export interface NotificationOptions {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
  buttons?: { title: string }[];
  silent?: boolean;
}

export const alarmName = (kind: NudgeKind) => `${NUDGE_ALARM_PREFIX}${kind}`;
export const TEST_NOTIFICATION_ID = 'nudge-test';
export const notificationId = (kind: NudgeKind) => `nudge-${kind}`;

export function kindOfAlarm(name: string): NudgeKind | undefined {
  const kind = name.slice(NUDGE_ALARM_PREFIX.length);
  return name.startsWith(NUDGE_ALARM_PREFIX) && (NUDGE_KINDS as readonly string[]).includes(kind)
    ? (kind as NudgeKind)
    : undefined;
}

export function kindOfNotification(id: string): NudgeKind | undefined {
  const kind = id.replace(/^nudge-/, '');
  return (NUDGE_KINDS as readonly string[]).includes(kind) ? (kind as NudgeKind) : undefined;
}

export interface NudgeStatus {
  /** When the current pause or time off ends. */
  pausedUntil?: number;
  /** Time off set for a range of days, current or to come. */
  timeOff?: { start: number; end: number };
  pausedIndefinitely: boolean;
  away: boolean;
  next?: { kind: NudgeKind; at: number };
  skipsLeft?: number;
  /** Prompts shown and not answered yet: when they fired (which identifies them), what they offered. */
  pending: { kind: NudgeKind; firedAt: number; detail?: string }[];
}

/** Moves due times that fall together apart, earliest first, SPACING_MINUTES each. */
export function spreadDueTimes(state: NudgeState): void {
  const due = NUDGE_KINDS.flatMap((kind) => {
    const dueAt = state.kinds[kind]?.dueAt;
    return dueAt === undefined ? [] : [{ kind, dueAt }];
  }).sort((a, b) => a.dueAt - b.dueAt);
  for (let index = 1; index < due.length; index++) {
    const earliest = due[index - 1]!.dueAt + SPACING_MINUTES * MINUTE;
    if (due[index]!.dueAt < earliest) {
      due[index]!.dueAt = earliest;
      state.kinds[due[index]!.kind]!.dueAt = earliest;
    }
  }
}

export class NudgeEngine {
  /** Engine operations run one at a time: an alarm and a button press never interleave. */
  private readonly queue = new SerialQueue();

  constructor(private readonly deps: NudgeDependencies) {}

  /**
   * One engine operation, alone: the settings and state are read, `decision` is taken on them,
   * its effects are carried out, then the state is saved and the alarms are made to match it,
   * unless nothing changed. Answers the moment it worked on, for its status.
   */
  private transaction(decision: (moment: Moment) => Promise<Decision> | Decision): Promise<Moment> {
    return this.queue.run(async () => {
      const [settings, state] = await Promise.all([this.deps.settings(), this.load()]);
      const moment = { settings, state, now: this.deps.now() };
      const effects = await decision(moment);
      if (effects === 'unchanged') return moment;
      for (const effect of effects) await this.carryOut(effect, settings);
      await this.save(state);
      await this.applyAlarms(state, settings);
      return moment;
    });
  }

  private async carryOut(effect: Effect, settings: Settings): Promise<void> {
    if (effect.type === 'log') await this.deps.log([effect.entry]);
    else if (effect.type === 'clear')
      await this.deps.notifications.clear(notificationId(effect.kind));
    else {
      const { t, iconUrl, buttons } = this.deps;
      const content = promptContent(t, effect.kind, effect.rotation, effect.water, settings);
      await this.deps.notifications.create(notificationId(effect.kind), {
        type: 'basic',
        iconUrl,
        title: content.title,
        message: content.message,
        ...(buttons ? { buttons: promptButtons(t, effect.kind, settings) } : {}),
      });
    }
  }

  private async load(): Promise<NudgeState> {
    const raw = (await this.deps.local.get(LOCAL_KEYS.nudgeState))[LOCAL_KEYS.nudgeState];
    return readVersioned(nudgeStateFormat, raw).value;
  }

  private async save(state: NudgeState): Promise<void> {
    spreadDueTimes(state);
    await this.deps.local.set({ [LOCAL_KEYS.nudgeState]: writeVersioned(nudgeStateFormat, state) });
  }

  /** Makes the alarms match the state: one per enabled kind at its due time, none while away. */
  private async applyAlarms(state: NudgeState, settings: Settings): Promise<void> {
    for (const kind of NUDGE_KINDS) {
      const due = state.kinds[kind]?.dueAt;
      const wanted =
        settings.nudges[kind].enabled && !state.pausedIndefinitely && state.awaySince === undefined
          ? due
          : undefined;
      const name = alarmName(kind);
      const existing = await this.deps.alarms.get(name);
      if (wanted === undefined) {
        if (existing) await this.deps.alarms.clear(name);
      } else if (!existing || Math.abs(existing.scheduledTime - wanted) > 1000) {
        await this.deps.alarms.create(name, { when: wanted });
      }
    }
  }

  /** A fullscreen window or (when chosen) a tab playing sound: not a moment to interrupt. */
  private async keepQuiet(settings: Settings): Promise<boolean> {
    return (
      (settings.nudges.deferInFullscreen && (await this.deps.isFullscreen())) ||
      (settings.nudges.quietWhileAudible && (await this.deps.isAudible()))
    );
  }

  /**
   * Brings state and alarms in line with the settings: kinds without a due time (new, enabled,
   * or changed) get one from now, or from the end of a pause. Idempotent.
   */
  async reconcile(options: { recompute?: boolean } = {}): Promise<void> {
    await this.transaction(async (moment) =>
      decide.reconcile(moment, options.recompute === true, await this.deps.water()),
    );
  }

  /** A `nudge:*` alarm fired: show the prompt if this is a good moment, and schedule the next. */
  async onAlarm(alarm: { name: string; scheduledTime: number }): Promise<void> {
    const kind = kindOfAlarm(alarm.name);
    if (!kind) return;
    await this.transaction(async (moment) => {
      const { settings, state } = moment;
      const away =
        state.awaySince !== undefined ||
        (await this.deps.queryIdle(settings.nudges.awayAfterMinutes * 60)) !== 'active';
      return decide.alarmFired(moment, kind, {
        scheduledTime: alarm.scheduledTime,
        away,
        quiet: await this.keepQuiet(settings),
        water: await this.deps.water(),
      });
    });
  }

  /** The idle API's state changed. */
  async onIdleStateChanged(idle: IdleState): Promise<void> {
    await this.transaction(async (moment) =>
      decide.idleChanged(moment, idle !== 'active', await this.deps.water()),
    );
  }

  /** Done, snooze or skip (see `answerPrompt`). */
  answer(
    kind: NudgeKind,
    outcome: decide.Answer,
    snoozeMinutes?: number,
    prompt?: number,
  ): Promise<NudgeStatus> {
    return this.statusAfter(async (moment) =>
      decide.answerPrompt(moment, kind, outcome, await this.deps.water(), {
        snoozeMinutes,
        prompt,
      }),
    );
  }

  /** Water was logged (popup, shortcut, guide, another page): an open water reminder is answered. */
  async waterLogged(): Promise<void> {
    await this.transaction(async (moment) =>
      // Most logs find no reminder open: today's water is asked for only when one is.
      decide.waterReminderOpen(moment.state)
        ? decide.waterLogged(moment, await this.deps.water())
        : 'unchanged',
    );
  }

  /** A notification was closed: perhaps a dismissal. */
  async onNotificationClosed(id: string, byUser: boolean): Promise<void> {
    const kind = kindOfNotification(id);
    if (!kind) return;
    await this.transaction((moment) =>
      decide.notificationClosed(moment, kind, byUser, this.deps.closedByUser),
    );
  }

  /** A notification button: a cup of water, Done or Snooze. */
  async onButtonClicked(id: string, buttonIndex: number): Promise<void> {
    const kind = kindOfNotification(id);
    if (!kind) return;
    await this.transaction(async (moment) =>
      decide.buttonClicked(moment, kind, buttonIndex, await this.deps.water()),
    );
  }

  /** Clicking the notification opens the guide for its prompt, where it can be answered. */
  async onClicked(id: string): Promise<void> {
    const kind = kindOfNotification(id);
    if (!kind) return;
    await this.transaction((moment) => decide.clicked(moment, kind));
    await this.deps.openGuide(kind);
  }

  /** A sample prompt, so the user can see how nudges look; nothing is logged or scheduled. */
  async showTest(): Promise<void> {
    const [settings, water] = await Promise.all([this.deps.settings(), this.deps.water()]);
    const content = promptContent(this.deps.t, 'posture', 0, water, settings);
    await this.deps.notifications.create(TEST_NOTIFICATION_ID, {
      type: 'basic',
      iconUrl: this.deps.iconUrl,
      title: content.title,
      message: content.message,
    });
  }

  pause(choice: PauseChoice): Promise<NudgeStatus> {
    return this.statusAfter(async (moment) =>
      decide.pause(moment, choice, await this.deps.water()),
    );
  }

  /** Time off from `start` to `end` (see `decide.takeTimeOff`). */
  takeTimeOff(start: number, end: number): Promise<NudgeStatus> {
    return this.statusAfter(async (moment) =>
      decide.takeTimeOff(moment, { start, end }, await this.deps.water()),
    );
  }

  /** Ends a pause, and time off that has begun (time off still to come stays planned). */
  resume(): Promise<NudgeStatus> {
    return this.statusAfter(async (moment) => decide.resume(moment, await this.deps.water()));
  }

  async status(): Promise<NudgeStatus> {
    const [settings, state] = await Promise.all([this.deps.settings(), this.load()]);
    return statusOf({ settings, state, now: this.deps.now() });
  }

  /** A transaction that answers the status it leaves. */
  private async statusAfter(decision: (moment: Moment) => Promise<Decision>): Promise<NudgeStatus> {
    return statusOf(await this.transaction(decision));
  }
}

function statusOf({ state, settings, now }: Moment): NudgeStatus {
  const today = localDayKey(now, settings.startOfDayHour);
  const pausedUntil = pausedUntilAt(state, now);
  let next: NudgeStatus['next'];
  if (!state.pausedIndefinitely && state.awaySince === undefined) {
    for (const kind of NUDGE_KINDS) {
      const at = state.kinds[kind]?.dueAt;
      if (settings.nudges[kind].enabled && at !== undefined && (!next || at < next.at))
        next = { kind, at };
    }
  }
  const cap = settings.nudges.skipCap;
  return {
    ...(pausedUntil !== undefined ? { pausedUntil } : {}),
    ...(state.timeOff && state.timeOff.end > now ? { timeOff: state.timeOff } : {}),
    pausedIndefinitely: state.pausedIndefinitely === true,
    away: state.awaySince !== undefined,
    ...(next ? { next } : {}),
    ...(cap > 0
      ? { skipsLeft: Math.max(0, cap - (state.skips.day === today ? state.skips.count : 0)) }
      : {}),
    pending: NUDGE_KINDS.flatMap((kind) => {
      const pending = state.kinds[kind]?.pending;
      if (!pending) return [];
      const { firedAt, detail } = pending;
      return [{ kind, firedAt, ...(detail ? { detail } : {}) }];
    }),
  };
}
