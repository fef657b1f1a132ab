/**
 * The workout session as the popup shows it: the session under way (or the one just ended), the
 * sessions done before and the user's routines, read from storage and kept up to date from its
 * changes (a set logged from a notification's button shows at once in an open popup).
 */
import type { PageStorage } from '../../lib/adapters/page-storage';
import { DEFAULT_OWN_ROUTINES, type OwnRoutines } from '../../lib/model/routines';
import type { CustomExercise } from '../../lib/model/catalogue';
import type { Session } from '../../lib/model/sessions';
import type { UnitSystem } from '../../lib/model/units';
import {
  activeSessionFormat,
  customExercisesFormat,
  settingsFormat,
  LOCAL_KEYS,
  readVersioned,
  routinesFormat,
  sessionHistoryFormat,
  SYNC_KEYS,
  type StoredSession,
} from '../../lib/store/items';

const LOCAL = [LOCAL_KEYS.session, LOCAL_KEYS.sessions];
const SYNC = [SYNC_KEYS.routines, SYNC_KEYS.settings, SYNC_KEYS.custom];

const values = (changes: Record<string, { newValue?: unknown }>) =>
  Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, change.newValue]));

export class SessionState {
  stored = $state<StoredSession>({});
  history = $state<Session[]>([]);
  routines = $state<OwnRoutines>(DEFAULT_OWN_ROUTINES);
  units = $state<UnitSystem>('metric');
  custom = $state<CustomExercise[]>([]);
  /** Whether storage has been read once. */
  read = $state(false);

  constructor(private readonly storage: PageStorage) {}

  /** Reads everything once, then follows its changes until the returned function is called. */
  follow(): () => void {
    const stopLocal = this.storage.follow({ area: 'local', keys: LOCAL }, (changes) =>
      this.#takeLocal(values(changes)),
    );
    const stopSync = this.storage.follow({ area: 'sync', keys: SYNC }, (changes) =>
      this.#takeSync(values(changes)),
    );
    void Promise.all([this.storage.local.get(LOCAL), this.storage.sync.get(SYNC)]).then(
      ([local, sync]) => {
        this.#takeLocal(local);
        this.#takeSync(sync);
        this.read = true;
      },
    );
    return () => {
      stopLocal();
      stopSync();
    };
  }

  /** The routines alone (what a choice of routine needs), followed like everything in follow(). */
  followRoutines(): () => void {
    const keys = [SYNC_KEYS.routines];
    void this.storage.sync.get(keys).then((sync) => this.#takeSync(sync));
    return this.storage.follow({ area: 'sync', keys }, (changes) =>
      this.#takeSync(values(changes)),
    );
  }

  /** What a message answered: shown at once, before storage says it too. */
  take(stored: StoredSession): void {
    this.stored = stored;
  }

  #takeLocal(values: Record<string, unknown>): void {
    if (LOCAL_KEYS.session in values)
      this.stored = readVersioned(activeSessionFormat, values[LOCAL_KEYS.session]).value;
    if (LOCAL_KEYS.sessions in values)
      this.history = readVersioned(
        sessionHistoryFormat,
        values[LOCAL_KEYS.sessions],
      ).value.sessions;
  }

  #takeSync(values: Record<string, unknown>): void {
    if (SYNC_KEYS.routines in values)
      this.routines = readVersioned(routinesFormat, values[SYNC_KEYS.routines]).value;
    if (SYNC_KEYS.settings in values)
      this.units = readVersioned(settingsFormat, values[SYNC_KEYS.settings]).value.units;
    if (SYNC_KEYS.custom in values)
      this.custom = readVersioned(customExercisesFormat, values[SYNC_KEYS.custom]).value.exercises;
  }
}
