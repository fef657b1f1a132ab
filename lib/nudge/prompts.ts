/**
 * What a prompt offers and says: its text, its buttons, and the catalogue item it offers. A
 * title is the thing to do, short (Firefox on Linux cuts titles at about 40 characters); how, and
 * how much, goes in the message under it.
 */
import {
  BREATHING_PATTERNS,
  POSTURE_CUES,
  breakRotation,
  exerciseCuesKey,
  exerciseNameKey,
  postureTitleKey,
} from '../model/catalogue';
import type { NudgeKind } from '../model/entries';
import { formatVolume, oneSetText, type Translate } from '../model/formatting';
import type { Settings } from '../model/settings';
import type { WaterProgress } from './schedule';

export interface PromptContent {
  title: string;
  message: string;
  /** The catalogue item offered: a desk move's exercise id or a breathing pattern id. */
  detail?: string;
}

/** The desk move a movement prompt offers at this point of its rotation. */
const moveAt = (rotation: number, settings: Settings) => {
  const moves = breakRotation(settings.breakMoves);
  return moves[rotation % moves.length]!;
};

const patternAt = (rotation: number) => BREATHING_PATTERNS[rotation % BREATHING_PATTERNS.length]!;

/** The catalogue item a prompt offers at this point of its rotation, if its kind offers one. */
export function offeredDetail(
  kind: NudgeKind,
  rotation: number,
  settings: Settings,
): string | undefined {
  if (kind === 'movement') return moveAt(rotation, settings).id;
  if (kind === 'breathing') return patternAt(rotation).id;
  return undefined;
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
      const move = moveAt(rotation, settings);
      const amount = oneSetText(t, move.prescription, move.measure === 'repsPerSide');
      return {
        title: t('nudge.movement.instruction', [t(exerciseNameKey(move.id))]),
        message: t('nudge.movement.message', [amount, t(exerciseCuesKey(move.id))]),
        detail: move.id,
      };
    }
    case 'breathing': {
      const pattern = patternAt(rotation);
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

/** A water reminder's buttons: the user's first two cups. */
export const waterButtonCups = (settings: Settings) => settings.cupsMl.slice(0, 2);

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
