import type { Overview } from '../../lib/app/overview';
import type { Logged } from '../../lib/store/writer';

/** What the popup hands the quick set, which it loads only when opened. */
export interface QuickSetProps {
  overview: Overview;
  /** The exercise to open on, if not the most recently used one. */
  first?: string | undefined;
  onLogged: (logged: Logged, message: string) => void;
  onClose: () => void;
}
