/**
 * The nudge engine's state, kept in storage.local (`nudgeState`): when each kind is due, the
 * prompt waiting for an answer, pauses, time off, absence, the day's skips and the last prompt.
 */
import * as v from 'valibot';
import type { DayKey } from '../model/days';
import { NUDGE_KINDS, type NudgeKind } from '../model/entries';
import type { Format } from '../store/items';

const nudgeKindStateSchema = v.strictObject({
  dueAt: v.optional(v.number()),
  /** A prompt shown and not yet answered. */
  pending: v.optional(
    v.strictObject({
      firedAt: v.number(),
      detail: v.optional(v.string()),
      /** The notification was clicked (its guide opened). */
      clicked: v.optional(v.boolean()),
    }),
  ),
  /** Where the prompt texts are in their rotation. */
  rotation: v.number(),
});

export interface NudgeState {
  kinds: Partial<Record<NudgeKind, v.InferOutput<typeof nudgeKindStateSchema>>>;
  pausedUntil?: number;
  pausedIndefinitely?: boolean;
  /** Time off (vacation, sick): no nudge from start to end. */
  timeOff?: { start: number; end: number };
  /** When the user went away (idle, locked, asleep); no alarm runs meanwhile. */
  awaySince?: number;
  skips: { day: DayKey; count: number };
  /** The nudge settings the due times were computed from; a change recomputes them. */
  basis?: string;
  /** The last prompt shown: another kind's comes SPACING_MINUTES after it. */
  lastPrompt?: { kind: NudgeKind; at: number };
}

export const nudgeStateFormat: Format<NudgeState> = {
  version: 1,
  schema: v.strictObject({
    kinds: v.strictObject({
      posture: v.optional(nudgeKindStateSchema),
      movement: v.optional(nudgeKindStateSchema),
      breathing: v.optional(nudgeKindStateSchema),
      water: v.optional(nudgeKindStateSchema),
    }),
    pausedUntil: v.optional(v.number()),
    pausedIndefinitely: v.optional(v.boolean()),
    timeOff: v.optional(v.strictObject({ start: v.number(), end: v.number() })),
    awaySince: v.optional(v.number()),
    skips: v.strictObject({ day: v.string(), count: v.number() }),
    basis: v.optional(v.string()),
    lastPrompt: v.optional(v.strictObject({ kind: v.picklist(NUDGE_KINDS), at: v.number() })),
  }),
  migrations: {},
  fallback: () => ({ kinds: {}, skips: { day: '', count: 0 } }),
};

/** When the pause or time off in force at `now` ends; undefined when neither holds. */
export function pausedUntilAt(state: NudgeState, now: number): number | undefined {
  const pause = state.pausedUntil !== undefined && state.pausedUntil > now ? state.pausedUntil : 0;
  const off = state.timeOff;
  const timeOff = off && off.start <= now && now < off.end ? off.end : 0;
  const end = Math.max(pause, timeOff);
  return end > 0 ? end : undefined;
}
