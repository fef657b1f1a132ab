/**
 * What the popup reads for its first paint, before (and without) loading lib/store/items.ts and
 * everything lib/app/overview.ts needs: the worker's snapshot of today (in session storage), kept
 * after every change. lib/store/items.ts declares these two items from here.
 */
import { localDayKey } from '../model/days';
import type { TodaySnapshot } from '../stats/today';
import type { KeyValueArea } from './area';

export const FIRST_PAINT_KEYS = {
  /** When each nudge is due: the popup reads the next one again when it changes. */
  nudgeState: 'nudgeState',
  todaySnapshot: 'todaySnapshot',
} as const;

/** The snapshot's format version; it has no migrations: any other version is not read. */
export const TODAY_SNAPSHOT_VERSION = 1;

/** The popup's body as the worker drew it from the snapshot, and the page's language and direction. */
export interface DrawnPage {
  html: string;
  lang: string;
  dir: string;
}

/** The popup's first paint as stored: the drawn page, and what drew it. */
export type FirstPaintHtml = DrawnPage & { build: string };

/**
 * What a drawing depends on besides the snapshot: the code that drew it and the language of its
 * words. The popup takes only HTML drawn by its own version in its own language.
 */
export function firstPaintBuild(version: string, language: string): string {
  return `${version} ${language}`;
}

/** The stored item: the snapshot, its format version and (when the worker drew it) its HTML. */
export type StoredSnapshot = TodaySnapshot & { v: number; firstPaint?: FirstPaintHtml };

export interface FirstPaint {
  snapshot: TodaySnapshot;
  /** The popup's own render of the snapshot, if this version of it drew it in this language. */
  drawn?: DrawnPage;
}

/**
 * The worker's snapshot, if it is of today (otherwise the page must read everything), with its
 * HTML when drawn by `build` (firstPaintBuild): another version's would not match the popup's
 * markup, another language's its words.
 */
export async function readFirstPaint(
  area: KeyValueArea,
  now: number,
  build: string,
): Promise<FirstPaint | undefined> {
  const key = FIRST_PAINT_KEYS.todaySnapshot;
  const raw = (await area.get(key))[key] as Partial<StoredSnapshot> | undefined;
  if (typeof raw !== 'object' || raw === null || raw.v !== TODAY_SNAPSHOT_VERSION) return undefined;
  const { v: _version, firstPaint, ...snapshot } = raw as StoredSnapshot;
  if (snapshot.today !== localDayKey(now, snapshot.settings.startOfDayHour)) return undefined;
  if (firstPaint?.build !== build) return { snapshot };
  const { html, lang, dir } = firstPaint;
  const drawn = [html, lang, dir].every((part) => typeof part === 'string');
  return drawn ? { snapshot, drawn: { html, lang, dir } } : { snapshot };
}
