/**
 * What a set amounts to, in words: "12 × 20 kg", "10 (Left)", "45 s". Shared by the pages and the
 * worker's rest notification; apart from formatting.ts's other texts so the popup's first paint
 * takes only this.
 */
import { formatNumber, formatWeightIn, type Translate } from './formatting';
import type { Weight } from './units';

export interface SetTarget {
  reps?: number;
  seconds?: number;
  weight?: Weight;
  side?: 'left' | 'right' | 'both';
}

export function setAmountText(t: Translate, set: SetTarget): string {
  const parts: string[] = [];
  if (set.reps !== undefined)
    parts.push(
      set.side && set.side !== 'both'
        ? `${formatNumber(set.reps, t.locale)} (${t(`side.${set.side}`)})`
        : formatNumber(set.reps, t.locale),
    );
  if (set.weight && set.weight.amount > 0)
    parts.push(formatWeightIn(t, set.weight.amount, set.weight.unit));
  if (set.seconds !== undefined)
    parts.push(t('unit.seconds', [formatNumber(set.seconds, t.locale)]));
  return parts.join(' × ');
}
