/**
 * The nudge engine's decisions: given the settings, the engine's state, the time and an event
 * (with what the browser said of the moment), what to do. Each changes the state in place and
 * answers the effects to carry out before it is saved (lib/nudge/engine.ts carries them out and
 * sets the alarms), or `unchanged`. Nothing here waits or touches the browser.
 *
 * Rules, beyond the schedule's (lib/nudge/schedule.ts):
 * - When an alarm fires, nothing is shown if nudges are paused or on time off, outside active
 *   hours, while the user is away (idle or locked), or while the focused window is fullscreen or
 *   (when the user chose so) a tab plays sound; those two are checked again in
 *   QUIET_RECHECK_MINUTES. An alarm that fires more than LATE_MINUTES late means the
 *   machine slept: that counts as an absence, so no prompt greets the user on waking.
 * - While the user is away no alarm runs. Coming back applies the after-absence setting:
 *   `reset` restarts every timer, `continue` keeps them (what became due while away comes from a
 *   minute after the return, one at a time, at most one per kind), `pause` pauses until resumed.
 *   An absence always counts as a movement break: the movement timer restarts.
 * - Prompts of different kinds come at least SPACING_MINUTES apart: an alarm that fires sooner
 *   after another kind's prompt (two kinds due in the same second, an alarm the browser fired
 *   late) moves its kind to SPACING_MINUTES after that prompt.
 * - A new prompt replaces an unanswered one of its kind (logged as expired).
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
import { localDayKey } from '../model/days';
import { NUDGE_KINDS, type NewEntry, type NudgeKind, type PromptOutcome } from '../model/entries';
import { ProblemError } from '../model/problem';
import type { Settings } from '../model/settings';
import { offeredDetail, waterButtonCups } from './prompts';
import {
  dueTimes,
  isActive,
  nextDue,
  nextWaterDue,
  pauseEnd,
  type PauseChoice,
  type WaterProgress,
} from './schedule';
import { pausedUntilAt, type NudgeState } from './state';

export const LATE_MINUTES = 5;
/** Prompts of different kinds come at least this far apart, never together. */
export const SPACING_MINUTES = 5;
export const QUIET_RECHECK_MINUTES = 3;
const MINUTE = 60_000;

/** What a decision is taken on. */
export interface Moment {
  settings: Settings;
  /** The engine's state as stored, changed in place by the decision. */
  state: NudgeState;
  now: number;
}

/** What the engine does for a decision, in order, before it saves the state. */
export type Effect =
  | { type: 'log'; entry: NewEntry }
  /** Shows a kind's prompt at this point of its rotation (replacing one shown before). */
  | { type: 'show'; kind: NudgeKind; rotation: number; water: WaterProgress }
  | { type: 'clear'; kind: NudgeKind };

/** The effects to carry out, then save the state; `unchanged`: nothing to save. */
export type Decision = Effect[] | 'unchanged';

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

/** The next due time of one kind, counting from `from`. */
function dueFrom(
  kind: NudgeKind,
  settings: Settings,
  from: number,
  water: WaterProgress,
): number | undefined {
  return kind === 'water'
    ? nextWaterDue(settings.nudges, from, water)
    : nextDue(settings.nudges, settings.nudges[kind], from);
}

const kindState = (state: NudgeState, kind: NudgeKind) => (state.kinds[kind] ??= { rotation: 0 });

/**
 * Brings the state in line with the settings: kinds without a due time (new, enabled, or
 * changed) get one from now, or from the end of a pause. Idempotent.
 */
export function reconcile(
  { settings, state, now }: Moment,
  recompute: boolean,
  water: WaterProgress,
): Decision {
  const basis = JSON.stringify(settings.nudges);
  const again = recompute || state.basis !== basis;
  const from = pausedUntilAt(state, now) ?? now;
  for (const kind of NUDGE_KINDS) {
    const current = kindState(state, kind);
    if (!settings.nudges[kind].enabled) delete current.dueAt;
    else if (again || current.dueAt === undefined || current.dueAt < from - MINUTE) {
      current.dueAt = dueFrom(kind, settings, from, water);
    }
  }
  state.basis = basis;
  return [];
}

/** What the browser says of the moment an alarm fires. */
export interface AlarmMoment {
  scheduledTime: number;
  /** The user is idle or the screen locked. */
  away: boolean;
  /** A fullscreen window or (when chosen) a tab playing sound: not a moment to interrupt. */
  quiet: boolean;
  water: WaterProgress;
}

/** A kind's alarm fired: show its prompt if this is a good moment, and schedule the next. */
export function alarmFired(moment: Moment, kind: NudgeKind, fired: AlarmMoment): Decision {
  const { settings, state, now } = moment;
  const current = kindState(state, kind);
  const reschedule = (from: number) => (current.dueAt = dueFrom(kind, settings, from, fired.water));
  const nextPromptAt = earliestPrompt(state, kind, now);
  if (!settings.nudges[kind].enabled || state.pausedIndefinitely) {
    delete current.dueAt;
  } else if (pausedUntilAt(state, now) !== undefined) {
    reschedule(pausedUntilAt(state, now)!);
  } else if (now - fired.scheduledTime > LATE_MINUTES * MINUTE) {
    // The machine slept through this alarm: an absence, not a moment to prompt.
    comeBack(moment, fired.water);
  } else if (state.awaySince !== undefined || fired.away) {
    state.awaySince ??= now;
  } else if (!isActive(settings.nudges, now)) {
    reschedule(now);
  } else if (fired.quiet) {
    current.dueAt = now + QUIET_RECHECK_MINUTES * MINUTE;
  } else if (nextPromptAt > now) {
    current.dueAt = nextPromptAt;
  } else {
    const shown = show(moment, kind, fired.water);
    reschedule(now);
    return shown;
  }
  return [];
}

/** The earliest time for a prompt of `kind`: SPACING_MINUTES after another kind's last. */
function earliestPrompt(state: NudgeState, kind: NudgeKind, now: number): number {
  const last = state.lastPrompt;
  // A last prompt still to come is a clock set back: it holds nothing back.
  return last === undefined || last.kind === kind || last.at > now
    ? now
    : last.at + SPACING_MINUTES * MINUTE;
}

/** A kind's prompt, replacing an unanswered one; none for water when today's goal is met. */
function show({ state, settings, now }: Moment, kind: NudgeKind, water: WaterProgress): Effect[] {
  const current = kindState(state, kind);
  if (kind === 'water' && water.todayMl >= water.goalMl) return [];
  const effects: Effect[] = [];
  if (current.pending) effects.push(outcome(kind, current.pending, 'expired', now, false));
  const { rotation } = current;
  effects.push({ type: 'show', kind, rotation, water });
  current.rotation = (rotation + 1) % 1000;
  const detail = offeredDetail(kind, rotation, settings);
  current.pending = { firedAt: now, ...(detail ? { detail } : {}) };
  state.lastPrompt = { kind, at: now };
  return effects;
}

/** The log entry of a prompt's outcome; `answered` when the user gave it. */
function outcome(
  kind: NudgeKind,
  pending: { firedAt: number; detail?: string },
  given: PromptOutcome,
  now: number,
  answered = true,
): Effect {
  const at = Math.max(now, pending.firedAt);
  return {
    type: 'log',
    entry: {
      kind: 'prompt',
      prompt: kind,
      outcome: given,
      firedAt: pending.firedAt,
      at,
      ...(answered ? { answeredAt: at } : {}),
      ...(pending.detail ? { detail: pending.detail } : {}),
    },
  };
}

/** The user came back (from idle, lock or sleep): apply the after-absence setting. */
function comeBack({ state, settings, now }: Moment, water: WaterProgress): void {
  delete state.awaySince;
  if (settings.nudges.afterAbsence === 'pause') {
    state.pausedIndefinitely = true;
    return;
  }
  const due = dueTimes(settings.nudges, now, water);
  for (const kind of NUDGE_KINDS) {
    const current = kindState(state, kind);
    const keep = settings.nudges.afterAbsence === 'continue' && kind !== 'movement';
    if (!keep || current.dueAt === undefined) current.dueAt = due[kind];
    // Overdue ones come a minute after the return; saving spreads them apart.
    else if (current.dueAt <= now) current.dueAt = now + MINUTE;
  }
}

/** The idle API's state changed: the user went away, or came back. */
export function idleChanged(moment: Moment, away: boolean, water: WaterProgress): Decision {
  if (away) moment.state.awaySince ??= moment.now;
  else if (moment.state.awaySince !== undefined) comeBack(moment, water);
  else return 'unchanged';
  return [];
}

export type Answer = 'done' | 'snoozed' | 'skipped';

/**
 * Done, snooze or skip, from a notification button, the guide page or the popup. `prompt` names
 * the prompt answered (its firing time): when that prompt is no longer open, it was answered
 * already and nothing changes. Without it, the answer is the user's own (a break taken
 * unprompted) and answers whatever prompt of the kind is open.
 */
export function answerPrompt(
  moment: Moment,
  kind: NudgeKind,
  given: Answer,
  water: WaterProgress,
  { snoozeMinutes, prompt }: { snoozeMinutes?: number; prompt?: number } = {},
): Decision {
  if (prompt !== undefined && moment.state.kinds[kind]?.pending?.firedAt !== prompt) {
    throw new ProblemError('nudge.alreadyAnswered');
  }
  // Done on a water reminder means a glass drunk: the first cup, as the keyboard command logs.
  if (kind === 'water' && given === 'done') return drink(moment, moment.settings.cupsMl[0]!, water);
  return answer(moment, kind, given, water, snoozeMinutes);
}

function answer(
  { state, settings, now }: Moment,
  kind: NudgeKind,
  given: Answer,
  water: WaterProgress,
  snoozeMinutes?: number,
): Effect[] {
  const today = localDayKey(now, settings.startOfDayHour);
  const current = kindState(state, kind);
  if (given === 'skipped') {
    const used = state.skips.day === today ? state.skips.count : 0;
    if (settings.nudges.skipCap > 0 && used >= settings.nudges.skipCap)
      throw new ProblemError('nudge.skipCapReached');
    state.skips = { day: today, count: used + 1 };
  }
  const logged = outcome(kind, current.pending ?? { firedAt: now }, given, now);
  delete current.pending;
  if (given === 'snoozed') {
    current.dueAt = now + (snoozeMinutes ?? settings.nudges.snoozeMinutes) * MINUTE;
  } else if (kind === 'water' || current.dueAt === undefined || current.dueAt <= now) {
    current.dueAt = dueFrom(kind, settings, now, water);
  }
  return [logged, { type: 'clear', kind }];
}

/** Whether water logged now answers a reminder: one is open. */
export const waterReminderOpen = (state: NudgeState) => state.kinds.water?.pending !== undefined;

/** Water was logged (popup, shortcut, guide, another page): an open water reminder is answered. */
export function waterLogged(moment: Moment, water: WaterProgress): Decision {
  if (!waterReminderOpen(moment.state)) return 'unchanged';
  return answer(moment, 'water', 'done', water);
}

/** A notification was closed: perhaps a dismissal (`isDismissal`). */
export function notificationClosed(
  { state, now }: Moment,
  kind: NudgeKind,
  byUser: boolean,
  closedByUser: ClosedByUser,
): Decision {
  const pending = state.kinds[kind]?.pending;
  if (!pending || !isDismissal(closedByUser, byUser, pending.clicked === true)) return 'unchanged';
  delete state.kinds[kind]!.pending;
  return [outcome(kind, pending, 'dismissed', now)];
}

/**
 * A notification button: on a water reminder it logs that cup, on the others it is Done or
 * Snooze. A button of a prompt already answered elsewhere (the notification outlived it) does
 * nothing.
 */
export function buttonClicked(
  moment: Moment,
  kind: NudgeKind,
  buttonIndex: number,
  water: WaterProgress,
): Decision {
  if (!moment.state.kinds[kind]?.pending) return 'unchanged';
  if (kind !== 'water') return answer(moment, kind, buttonIndex === 0 ? 'done' : 'snoozed', water);
  const cup = waterButtonCups(moment.settings)[buttonIndex];
  if (cup === undefined) return 'unchanged';
  return drink(moment, cup, water);
}

/** A cup drunk on a water reminder: it is logged and answers the reminder. */
function drink(moment: Moment, cup: number, water: WaterProgress): Effect[] {
  // The reminder's next time counts the cup.
  const withCup = { ...water, todayMl: water.todayMl + cup };
  return [
    { type: 'log', entry: { kind: 'water', ml: cup, at: moment.now } },
    ...answer(moment, 'water', 'done', withCup),
  ];
}

/**
 * The notification was clicked (its guide opens, where it can be answered): the prompt
 * remembers the click, so the close that may follow is not a dismissal.
 */
export function clicked({ state }: Moment, kind: NudgeKind): Decision {
  const pending = state.kinds[kind]?.pending;
  if (!pending || pending.clicked) return 'unchanged';
  pending.clicked = true;
  return [];
}

export function pause(
  { settings, state, now }: Moment,
  choice: PauseChoice,
  water: WaterProgress,
): Decision {
  const end = pauseEnd(settings.nudges, choice, now);
  if (end === undefined) {
    state.pausedIndefinitely = true;
    delete state.pausedUntil;
    return [];
  }
  state.pausedUntil = end;
  delete state.pausedIndefinitely;
  const due = dueTimes(settings.nudges, end, water);
  for (const kind of NUDGE_KINDS) {
    const current = kindState(state, kind);
    if (current.dueAt === undefined || current.dueAt < end) current.dueAt = due[kind];
  }
  return [];
}

/**
 * Time off (vacation, sick) from `start` to `end`: no nudge in between, and every kind due
 * inside it comes after it instead. Days off are logged by the caller (lib/app/logging.ts).
 */
export function takeTimeOff(
  { settings, state }: Moment,
  { start, end }: { start: number; end: number },
  water: WaterProgress,
): Decision {
  state.timeOff = { start, end };
  const due = dueTimes(settings.nudges, end, water);
  for (const kind of NUDGE_KINDS) {
    const current = kindState(state, kind);
    if (current.dueAt === undefined || (current.dueAt >= start && current.dueAt < end))
      current.dueAt = due[kind];
  }
  return [];
}

/** Ends a pause, and time off that has begun (time off still to come stays planned). */
export function resume({ settings, state, now }: Moment, water: WaterProgress): Decision {
  delete state.pausedUntil;
  delete state.pausedIndefinitely;
  delete state.awaySince;
  if (state.timeOff && state.timeOff.start <= now) delete state.timeOff;
  const due = dueTimes(settings.nudges, now, water);
  for (const kind of NUDGE_KINDS) kindState(state, kind).dueAt = due[kind];
  return [];
}
