/**
 * Texts of sets and log entries, for the parts of the popup that load after its first paint:
 * apart from format.ts, which the first paint takes whole.
 */
import type { CustomExercise } from '../lib/model/catalogue';
import type { Entry } from '../lib/model/entries';
import { setAmountText, type SetTarget } from '../lib/model/set-text';
import type { UnitSystem } from '../lib/model/units';
import { exerciseName, formatVolume, translate } from './format';

/** What a set amounted to: "12 × 20 kg", "10 per side", "45 s". */
export const setAmount = (set: SetTarget) => setAmountText(translate, set);

/** One line of today's log. */
export function describeEntry(
  entry: Entry,
  system: UnitSystem,
  custom: readonly CustomExercise[],
): string {
  switch (entry.kind) {
    case 'water':
      return translate('entry.water', [formatVolume(entry.ml, system)]);
    case 'set':
      return translate('entry.set', [exerciseName(entry.exercise, custom), setAmount(entry)]);
    case 'cardio':
      return translate('entry.cardio', [
        exerciseName(entry.exercise, custom),
        Math.round(entry.seconds / 60),
      ]);
    case 'prompt':
      return translate('entry.prompt', [
        translate(`habit.${entry.prompt}`),
        translate(`outcome.${entry.outcome}`),
      ]);
    case 'rest':
      return translate('entry.rest', [translate(`reason.${entry.reason}`)]);
  }
}
