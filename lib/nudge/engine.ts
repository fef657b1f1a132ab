/**
 * The nudge engine: fires posture, movement, breathing and water prompts from alarms, and turns
 * every answer into a logged outcome. Every browser API is passed in.
 *
 * Rules, beyond the schedule's (lib/nudge/schedule.ts):
 * - One alarm per kind, named `nudge:<kind>`, set for the kind's due time; reconciling (on every
 *   worker start and settings change) makes the alarms match the state, so none is lost or
 *   doubled.
 * - When an alarm fires, nothing is shown if nudges are paused or on time off, outside active
 *   hours, while the user is away (idle or locked), or while the focused window is fullscreen or
 *   (when the user chose so) a tab plays sound; those two are checked again in
 *   QUIET_RECHECK_MINUTES. An alarm that fires more than LATE_MINUTES late means the
 *   machine slept: that counts as an absence, so no prompt greets the user on waking.
 * - While the user is away no alarm runs. Coming back applies the after-absence setting:
 *   `reset` restarts every timer, `continue` keeps them (what became due while away comes from a
 *   minute after the return, one at a time, at most one per kind), `pause` pauses until resumed. An absence always counts
 *   as a movement break: the movement timer restarts.
 * - A new prompt replaces an unanswered one of its kind (logged as expired). Prompts of
 *   different kinds are spread SPACING_MINUTES apart when they fall due together, so the user
 *   never gets two at once (and the worker wakes once for each).
 * - Done and snooze answer from the notification's buttons (Chrome) or the guide page (every
 *   browser; Firefox notifications have no buttons, so clicking opens the guide). Skipping is
 *   offered until the day's skip cap is used up.
 * - Closing a notification is a dismissal only when the user closed it and had not clicked it
 *   first (a click opens the guide, where the prompt is answered): see `isDismissal`.
 * - A water reminder's buttons are the user's first two cups: pressing one logs that water.
 *   Water logged anywhere answers an open water reminder as done.
 * - A prompt is answered once: a second answer to the same prompt (a button pressed after the
 *   guide answered it, a second Done in the guide) changes nothing.
 * - Time off (vacation, sick) is a pause with a start and an end, set in advance.
 */
import { ProblemError } from '../model/problem';
import {
  BREATHING_PATTERNS,
  POSTURE_CUES,
  breakRotation,
  exerciseCuesKey,
  exerciseNameKey,
  postureTitleKey,
} from '../model/catalogue';
import { SerialQueue } from '../model/async';
import { localDayKey } from '../model/days';
import { NUDGE_KINDS, type NewEntry, type NudgeKind, type PromptOutcome } from '../model/entries';
import { formatVolume, oneSetText, type Translate } from '../model/formatting';
import {
  dueTimes,
  isActive,
  nextDue,
  nextWaterDue,
  pauseEnd,
  type PauseChoice,
  type WaterProgress,
} from './schedule';
import type { Settings } from '../model/settings';
import {
  LOCAL_KEYS,
  nudgeStateFormat,
  readVersioned,
  writeVersioned,
  type KeyValueArea,
  type NudgeState,
} from '../store/items';

export const NUDGE_ALARM_PREFIX = 'nudge:';
export const LATE_MINUTES = 5;
export const QUIET_RECHECK_MINUTES = 3;
/** Prompts of different kinds come at least this far apart, never together. */
export const SPACING_MINUTES = 5;
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

/**
 * `reported`: the browser's `byUser` says whether the user closed the notification (Chrome).
 * `unknown`: it does not; Firefox says `byUser = true` for every close (Bugzilla 1413188), also
 * right after a click and when the alert times out unanswered.
 */
export type ClosedByUser = 'reported' | 'unknown';

/**
 * Whether a closed notification is the user dismissing its prompt: only when the user closed it,
 * without clicking it first. Where who closed it is unknown (Firefox), a close is never a
 * dismissal: the prompt stays open for the guide page, and is logged expired when the next prompt
 * of its kind replaces it.
 */
export function isDismissal(closedByUser: ClosedByUser, byUser: boolean, clicked: boolean) {
  return closedByUser === 'reported' && byUser && !clicked;
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

export interface PromptContent {
  title: string;
  message: string;
  /** The catalogue item offered: a desk move's exercise id or a breathing pattern id. */
  detail?: string;
}

/** What a prompt says, rotating through the catalogue so it does not repeat itself. */
export function promptContent(
  t: Translate,
  kind: NudgeKind,
  rotation: number,
  water: WaterProgress,
  settings: Settings,
): PromptContent {
  switch (kind) {
    case 'posture': {
      const cue = POSTURE_CUES[rotation % POSTURE_CUES.length]!;
      return { title: t(postureTitleKey(cue)), message: t(cue) };
    }
    case 'movement': {
      const moves = breakRotation(settings.breakMoves);
      const move = moves[rotation % moves.length]!;
      const amount = oneSetText(t, move.prescription, move.measure === 'repsPerSide');
      return {
        title: t('nudge.movement.instruction', [t(exerciseNameKey(move.id)), amount]),
        message: t(exerciseCuesKey(move.id)),
        detail: move.id,
      };
    }
    case 'breathing': {
      const pattern = BREATHING_PATTERNS[rotation % BREATHING_PATTERNS.length]!;
      return {
        title: t('nudge.breathing.instruction', [t(`breathing.pattern.${pattern.id}.name`)]),
        message: t(`breathing.pattern.${pattern.id}.description`),
        detail: pattern.id,
      };
    }
    case 'water':
      return {
        title: t('nudge.water.instruction', [
          formatVolume(t, Math.max(0, water.goalMl - water.todayMl), settings.units),
        ]),
        message: t('nudge.water.message', [
          formatVolume(t, water.todayMl, settings.units),
          formatVolume(t, water.goalMl, settings.units),
        ]),
      };
  }
}

/** A notification's buttons: the user's first two cups for water, Done and Snooze otherwise. */
export function promptButtons(
  t: Translate,
  kind: NudgeKind,
  settings: Settings,
): { title: string }[] {
  if (kind === 'water') {
    return waterButtonCups(settings).map((ml) => ({
      title: t('nudge.cup', [formatVolume(t, ml, settings.units)]),
    }));
  }
  return [
    { title: t('nudge.done') },
    { title: t('nudge.snooze', [settings.nudges.snoozeMinutes]) },
  ];
}

const waterButtonCups = (settings: Settings) => settings.cupsMl.slice(0, 2);

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

/** What one engine operation works on: the settings, the state it may change, and the time. */
interface Transaction {
  settings: Settings;
  state: NudgeState;
  now: number;
}

export class NudgeEngine {
  /** Engine operations run one at a time: an alarm and a button press never interleave. */
  private readonly queue = new SerialQueue();

  constructor(private readonly deps: NudgeDependencies) {}

  /**
   * One engine operation, alone: the settings and state are read, `change` changes the state,
   * then the state is saved and the alarms are made to match it, unless `change` answered
   * `false` (nothing changed). Answers what the operation worked on, for its status.
   */
  private transaction(
    change: (transaction: Transaction) => Promise<boolean | void> | boolean | void,
  ): Promise<Transaction> {
    return this.queue.run(async () => {
      const [settings, state] = await Promise.all([this.deps.settings(), this.load()]);
      const transaction = { settings, state, now: this.deps.now() };
      if ((await change(transaction)) === false) return transaction;
      await this.save(state);
      await this.applyAlarms(state, settings);
      return transaction;
    });
  }

  private async load(): Promise<NudgeState> {
    const raw = (await this.deps.local.get(LOCAL_KEYS.nudgeState))[LOCAL_KEYS.nudgeState];
    return readVersioned(nudgeStateFormat, raw).value;
  }

  private async save(state: NudgeState): Promise<void> {
    spreadDueTimes(state);
    await this.deps.local.set({ [LOCAL_KEYS.nudgeState]: writeVersioned(nudgeStateFormat, state) });
  }

  private isPaused(state: NudgeState, now: number): boolean {
    return state.pausedIndefinitely === true || pausedUntilAt(state, now) !== undefined;
  }

  /** The next due time of one kind, counting from `from`. */
  private async dueFrom(
    kind: NudgeKind,
    settings: Settings,
    from: number,
  ): Promise<number | undefined> {
    return kind === 'water'
      ? nextWaterDue(settings.nudges, from, await this.deps.water())
      : nextDue(settings.nudges, settings.nudges[kind], from);
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

  /**
   * Brings state and alarms in line with the settings: kinds without a due time (new, enabled,
   * or changed) get one from now, or from the end of a pause. Idempotent.
   */
  async reconcile(options: { recompute?: boolean } = {}): Promise<void> {
    await this.transaction(async ({ settings, state, now }) => {
      const basis = JSON.stringify(settings.nudges);
      const recompute = options.recompute || state.basis !== basis;
      const from = pausedUntilAt(state, now) ?? now;
      for (const kind of NUDGE_KINDS) {
        const current = state.kinds[kind] ?? { rotation: 0 };
        if (!settings.nudges[kind].enabled) delete current.dueAt;
        else if (recompute || current.dueAt === undefined || current.dueAt < from - MINUTE) {
          current.dueAt = await this.dueFrom(kind, settings, from);
        }
        state.kinds[kind] = current;
      }
      state.basis = basis;
    });
  }

  /** A `nudge:*` alarm fired: show the prompt if this is a good moment, and schedule the next. */
  async onAlarm(alarm: { name: string; scheduledTime: number }): Promise<void> {
    const kind = kindOfAlarm(alarm.name);
    if (!kind) return;
    await this.transaction(async ({ settings, state, now }) => {
      const kindState = (state.kinds[kind] ??= { rotation: 0 });
      const reschedule = async (from: number, every?: number) => {
        kindState.dueAt =
          every === undefined ? await this.dueFrom(kind, settings, from) : from + every;
      };

      if (!settings.nudges[kind].enabled || state.pausedIndefinitely) {
        delete kindState.dueAt;
      } else if (this.isPaused(state, now)) {
        await reschedule(pausedUntilAt(state, now)!);
      } else if (now - alarm.scheduledTime > LATE_MINUTES * MINUTE) {
        // The machine slept through this alarm: an absence, not a moment to prompt.
        await this.comeBack(state, settings, now);
      } else if (
        state.awaySince !== undefined ||
        (await this.deps.queryIdle(settings.nudges.awayAfterMinutes * 60)) !== 'active'
      ) {
        state.awaySince ??= now;
      } else if (!isActive(settings.nudges, now)) {
        await reschedule(now);
      } else if (await this.keepQuiet(settings)) {
        await reschedule(now, QUIET_RECHECK_MINUTES * MINUTE);
      } else {
        await this.show(kind, state, settings, now);
        await reschedule(now);
      }
    });
  }

  /** A fullscreen window or (when chosen) a tab playing sound: not a moment to interrupt. */
  private async keepQuiet(settings: Settings): Promise<boolean> {
    return (
      (settings.nudges.deferInFullscreen && (await this.deps.isFullscreen())) ||
      (settings.nudges.quietWhileAudible && (await this.deps.isAudible()))
    );
  }

  private async show(
    kind: NudgeKind,
    state: NudgeState,
    settings: Settings,
    now: number,
  ): Promise<void> {
    const kindState = state.kinds[kind]!;
    const water = await this.deps.water();
    if (kind === 'water' && water.todayMl >= water.goalMl) return;
    if (kindState.pending) await this.logOutcome(kind, kindState.pending, 'expired', now, false);
    const content = promptContent(this.deps.t, kind, kindState.rotation, water, settings);
    kindState.rotation = (kindState.rotation + 1) % 1000;
    kindState.pending = { firedAt: now, ...(content.detail ? { detail: content.detail } : {}) };
    await this.deps.notifications.create(notificationId(kind), {
      type: 'basic',
      iconUrl: this.deps.iconUrl,
      title: content.title,
      message: content.message,
      ...(this.deps.buttons ? { buttons: promptButtons(this.deps.t, kind, settings) } : {}),
    });
  }

  private async logOutcome(
    kind: NudgeKind,
    pending: { firedAt: number; detail?: string },
    outcome: PromptOutcome,
    now: number,
    answered = true,
  ): Promise<void> {
    await this.deps.log([
      {
        kind: 'prompt',
        prompt: kind,
        outcome,
        firedAt: pending.firedAt,
        at: Math.max(now, pending.firedAt),
        ...(answered ? { answeredAt: Math.max(now, pending.firedAt) } : {}),
        ...(pending.detail ? { detail: pending.detail } : {}),
      },
    ]);
  }

  /** The user came back (from idle, lock or sleep): apply the after-absence setting. */
  private async comeBack(state: NudgeState, settings: Settings, now: number): Promise<void> {
    delete state.awaySince;
    if (settings.nudges.afterAbsence === 'pause') {
      state.pausedIndefinitely = true;
      return;
    }
    const due = dueTimes(settings.nudges, now, await this.deps.water());
    for (const kind of NUDGE_KINDS) {
      const kindState = (state.kinds[kind] ??= { rotation: 0 });
      const keep = settings.nudges.afterAbsence === 'continue' && kind !== 'movement';
      if (!keep || kindState.dueAt === undefined) kindState.dueAt = due[kind];
      // Overdue ones come a minute after the return; saving spreads them apart.
      else if (kindState.dueAt <= now) kindState.dueAt = now + MINUTE;
    }
  }

  /** The idle API's state changed. */
  async onIdleStateChanged(idle: IdleState): Promise<void> {
    await this.transaction(async ({ settings, state, now }) => {
      if (idle !== 'active') state.awaySince ??= now;
      else if (state.awaySince !== undefined) await this.comeBack(state, settings, now);
      else return false;
    });
  }

  /**
   * Done, snooze or skip, from a notification button, the guide page or the popup. `prompt` names
   * the prompt answered (its firing time): when that prompt is no longer open, it was answered
   * already and nothing changes. Without it, the answer is the user's own (a break taken
   * unprompted) and answers whatever prompt of the kind is open.
   */
  answer(
    kind: NudgeKind,
    outcome: 'done' | 'snoozed' | 'skipped',
    snoozeMinutes?: number,
    prompt?: number,
  ): Promise<NudgeStatus> {
    return this.statusAfter(async ({ settings, state, now }) => {
      if (prompt !== undefined && state.kinds[kind]?.pending?.firedAt !== prompt) {
        throw new ProblemError('nudge.alreadyAnswered');
      }
      await this.answerIn(state, settings, kind, outcome, now, snoozeMinutes);
    });
  }

  private async answerIn(
    state: NudgeState,
    settings: Settings,
    kind: NudgeKind,
    outcome: 'done' | 'snoozed' | 'skipped',
    now: number,
    snoozeMinutes?: number,
  ): Promise<void> {
    const today = localDayKey(now, settings.startOfDayHour);
    const kindState = (state.kinds[kind] ??= { rotation: 0 });
    if (outcome === 'skipped') {
      const used = state.skips.day === today ? state.skips.count : 0;
      if (settings.nudges.skipCap > 0 && used >= settings.nudges.skipCap)
        throw new ProblemError('nudge.skipCapReached');
      state.skips = { day: today, count: used + 1 };
    }
    await this.logOutcome(kind, kindState.pending ?? { firedAt: now }, outcome, now);
    delete kindState.pending;
    if (outcome === 'snoozed') {
      kindState.dueAt = now + (snoozeMinutes ?? settings.nudges.snoozeMinutes) * MINUTE;
    } else if (kind === 'water' || kindState.dueAt === undefined || kindState.dueAt <= now) {
      kindState.dueAt = await this.dueFrom(kind, settings, now);
    }
    await this.deps.notifications.clear(notificationId(kind));
  }

  /** Water was logged (popup, shortcut, guide, another page): an open water reminder is answered. */
  async waterLogged(): Promise<void> {
    await this.transaction(async ({ settings, state, now }) => {
      if (!state.kinds.water?.pending) return false;
      await this.answerIn(state, settings, 'water', 'done', now);
    });
  }

  /** A notification was closed: perhaps a dismissal (`isDismissal`). */
  async onNotificationClosed(id: string, byUser: boolean): Promise<void> {
    const kind = kindOfNotification(id);
    if (!kind) return;
    await this.transaction(async ({ state, now }) => {
      const pending = state.kinds[kind]?.pending;
      if (!pending || !isDismissal(this.deps.closedByUser, byUser, pending.clicked === true)) {
        return false;
      }
      await this.logOutcome(kind, pending, 'dismissed', now);
      delete state.kinds[kind]!.pending;
    });
  }

  /**
   * A notification button: on a water reminder it logs that cup, on the others it is Done or
   * Snooze. A button of a prompt already answered elsewhere (the notification outlived it) does
   * nothing.
   */
  async onButtonClicked(id: string, buttonIndex: number): Promise<void> {
    const kind = kindOfNotification(id);
    if (!kind) return;
    await this.transaction(async ({ settings, state, now }) => {
      if (!state.kinds[kind]?.pending) return false;
      const cup = waterButtonCups(settings)[buttonIndex];
      if (kind === 'water') {
        if (cup === undefined) return false;
        await this.deps.log([{ kind: 'water', ml: cup, at: now }]);
      }
      const outcome = kind === 'water' || buttonIndex === 0 ? 'done' : 'snoozed';
      await this.answerIn(state, settings, kind, outcome, now);
    });
  }

  /**
   * Clicking the notification opens the guide for its prompt, where it can be answered; the
   * prompt remembers the click, so the close that may follow is not a dismissal.
   */
  async onClicked(id: string): Promise<void> {
    const kind = kindOfNotification(id);
    if (!kind) return;
    await this.transaction(({ state }) => {
      const pending = state.kinds[kind]?.pending;
      if (!pending || pending.clicked) return false;
      pending.clicked = true;
    });
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
    return this.statusAfter(async ({ settings, state, now }) => {
      const end = pauseEnd(settings.nudges, choice, now);
      if (end === undefined) {
        state.pausedIndefinitely = true;
        delete state.pausedUntil;
      } else {
        state.pausedUntil = end;
        delete state.pausedIndefinitely;
        const due = dueTimes(settings.nudges, end, await this.deps.water());
        for (const kind of NUDGE_KINDS) {
          const kindState = (state.kinds[kind] ??= { rotation: 0 });
          if (kindState.dueAt === undefined || kindState.dueAt < end) kindState.dueAt = due[kind];
        }
      }
    });
  }

  /**
   * Time off (vacation, sick) from `start` to `end`: no nudge in between, and every kind due
   * inside it comes after it instead. Days off are logged by the caller (lib/app/logging.ts).
   */
  takeTimeOff(start: number, end: number): Promise<NudgeStatus> {
    return this.statusAfter(async ({ settings, state }) => {
      state.timeOff = { start, end };
      const due = dueTimes(settings.nudges, end, await this.deps.water());
      for (const kind of NUDGE_KINDS) {
        const kindState = (state.kinds[kind] ??= { rotation: 0 });
        if (kindState.dueAt === undefined || (kindState.dueAt >= start && kindState.dueAt < end))
          kindState.dueAt = due[kind];
      }
    });
  }

  /** Ends a pause, and time off that has begun (time off still to come stays planned). */
  resume(): Promise<NudgeStatus> {
    return this.statusAfter(async ({ settings, state, now }) => {
      delete state.pausedUntil;
      delete state.pausedIndefinitely;
      delete state.awaySince;
      if (state.timeOff && state.timeOff.start <= now) delete state.timeOff;
      const due = dueTimes(settings.nudges, now, await this.deps.water());
      for (const kind of NUDGE_KINDS) (state.kinds[kind] ??= { rotation: 0 }).dueAt = due[kind];
    });
  }

  async status(): Promise<NudgeStatus> {
    const [settings, state] = await Promise.all([this.deps.settings(), this.load()]);
    return this.statusOf({ settings, state, now: this.deps.now() });
  }

  /** A transaction that answers the status it leaves. */
  private async statusAfter(
    change: (transaction: Transaction) => Promise<void>,
  ): Promise<NudgeStatus> {
    return this.statusOf(await this.transaction(change));
  }

  private statusOf({ state, settings, now }: Transaction): NudgeStatus {
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
}

/** When the pause or time off in force at `now` ends; undefined when neither holds. */
export function pausedUntilAt(state: NudgeState, now: number): number | undefined {
  const pause = state.pausedUntil !== undefined && state.pausedUntil > now ? state.pausedUntil : 0;
  const off = state.timeOff;
  const timeOff = off && off.start <= now && now < off.end ? off.end : 0;
  const end = Math.max(pause, timeOff);
  return end > 0 ? end : undefined;
}
