import { i18n } from '#i18n';
import { formatVolume as formatVolumeWith, type Translate } from '../lib/format';
import type { UnitSystem } from '../lib/units';

export { formatNumber } from '../lib/format';

/** The browser's messages, as lib/format.ts and the nudges expect them. */
export const translate: Translate = (key, substitutions) =>
  (i18n.t as (key: string, substitutions?: string[]) => string)(key, substitutions?.map(String));

export function formatVolume(ml: number, system: UnitSystem): string {
  return formatVolumeWith(translate, ml, system);
}
