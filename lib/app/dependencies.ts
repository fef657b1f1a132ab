/**
 * What the worker is given (every browser API, the clock), and what its parts share: this
 * device's id and the one writer, both ready once storage has been read.
 */
import type { NudgeDependencies } from '../nudge/engine';
import type { TodaySnapshot } from '../stats/today';
import type { DrawnPage } from '../store/first-paint';
import type { KeyValueArea } from '../store/items';
import type { Writer } from '../store/writer';
import type { KeptOverview } from './kept-overview';

export type AlarmsApi = NudgeDependencies['alarms'];

interface ActionApi {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
  setBadgeTextColor?(details: { color: string }): Promise<void> | void;
  setTitle(details: { title: string }): Promise<void> | void;
}

export interface WorkerDependencies extends Pick<
  NudgeDependencies,
  | 'notifications'
  | 'queryIdle'
  | 'isFullscreen'
  | 'isAudible'
  | 'openGuide'
  | 't'
  | 'iconUrl'
  | 'buttons'
  | 'closedByUser'
> {
  local: KeyValueArea;
  sync: KeyValueArea;
  /** storage.session, where logs wait while storage.local is full (absent: they are refused). */
  session?: KeyValueArea;
  alarms: AlarmsApi;
  action: ActionApi;
  /** Sets after how long without input the idle API reports the user away. */
  setIdleThreshold: (seconds: number) => void;
  now: () => number;
  version: string;
  randomId: () => string;
  /** Opens the workout session on the guide page (a rest notification's click). */
  openSession?: () => Promise<void>;
  /** Opens an extension page (a path such as `/checkin.html`) in a new tab. */
  openPage?: (path: string) => Promise<void>;
  /**
   * Draws the popup's first paint from today's snapshot, as the popup's own components would
   * (components/popup/first-paint-html.ts): the popup shows it before its script has run. `build`
   * names what drew it (firstPaintBuild in lib/store/first-paint.ts).
   */
  firstPaint?: { draw: (snapshot: TodaySnapshot) => DrawnPage; build: string };
  /** storage.local's quota; Chrome's 10 MiB when not given. */
  localQuotaBytes?: number;
}

/** The worker's parts all work through these. */
export interface WorkerContext {
  deps: WorkerDependencies;
  /** This browser's device id. */
  device: Promise<string>;
  /** The one writer: every change to stored data is queued through it. */
  writer: Promise<Writer>;
  /** Today as the badge and the water reminder see it, kept up to date from storage changes. */
  today: KeptOverview;
}
