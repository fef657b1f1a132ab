import * as v from 'valibot';
import { formatClock, parseClockList } from '../../lib/model/clock';
import { NUDGE_KINDS } from '../../lib/model/entries';
import { settingsSchema, type Settings } from '../../lib/model/settings';
import { sendMessage } from '../../lib/adapters/send-message';
import { i18n } from '../../lib/adapters/translate';
import { describeError } from '../errors';
import { translate } from '../format';

/** The part of the settings one control changes, as a dot path ("nudges.posture"). */
export type SettingPath = string;

function valueAt(settings: object, path: SettingPath): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown>)?.[key], settings);
}

function withValueAt(settings: Settings, path: SettingPath, value: unknown): Settings {
  const copy = structuredClone(settings);
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce<Record<string, unknown>>(
    (object, key) => object[key] as Record<string, unknown>,
    copy as unknown as Record<string, unknown>,
  );
  if (value === undefined) delete parent[last];
  else parent[last] = structuredClone(value);
  return copy;
}

/**
 * What the options page shows and saves: the fields as typed (the draft), their problems, and
 * the settings last saved. Each change saves only the part its control changed, on top of the
 * last saved settings, and only when that part is valid; one save at a time, so none undoes
 * another.
 */
export class SettingsDraft {
  draft = $state<Settings>();
  timesText = $state<Record<string, string>>({});
  cupsText = $state('');
  /** What each group of fields last said about its save ("Saved", or why not), by group. */
  status = $state<Record<string, string>>({});
  #saved: Settings | undefined;
  #saving: Promise<unknown> = Promise.resolve();

  constructor(stored: Settings) {
    const settings = $state.snapshot(stored) as Settings;
    this.#saved = settings;
    this.draft = structuredClone(settings);
    this.timesText = Object.fromEntries(
      NUDGE_KINDS.map((kind) => [kind, settings.nudges[kind].times.map(formatClock).join(', ')]),
    );
    this.cupsText = settings.cupsMl.join(', ');
  }

  /** Text fields turn into numbers here; what does not parse is reported, not guessed. */
  readonly #parseErrors = $derived.by(() => {
    const errors: Record<string, string> = {};
    for (const kind of NUDGE_KINDS) {
      if (parseClockList(this.timesText[kind] ?? '') === undefined) {
        errors[`nudges.${kind}.times`] = 'invalid.nudge.timeFormat';
      }
    }
    if (!/^\s*\d+(\s*[,;\s]\s*\d+)*\s*$/.test(this.cupsText)) errors.cupsMl = 'invalid.cups';
    return errors;
  });

  readonly candidate = $derived.by(() => {
    if (!this.draft) return undefined;
    const copy = $state.snapshot(this.draft) as Settings;
    for (const kind of NUDGE_KINDS)
      copy.nudges[kind].times = parseClockList(this.timesText[kind] ?? '') ?? [];
    copy.cupsMl = this.cupsText
      .split(/[,;\s]+/)
      .filter(Boolean)
      .map(Number);
    // A cleared number field binds as null: the optional settings are then simply absent.
    if (copy.goals.waterMl == null) delete copy.goals.waterMl;
    if (copy.bodyWeightKg == null) delete copy.bodyWeightKg;
    return copy;
  });

  /** The first problem (an i18n key) of each field, by its path: shown next to the field. */
  readonly errors = $derived.by(() => {
    const errors: Record<string, string> = { ...this.#parseErrors };
    if (!this.candidate) return errors;
    const parsed = v.safeParse(settingsSchema, this.candidate);
    if (!parsed.success) {
      for (const issue of parsed.issues) errors[v.getDotPath(issue) ?? ''] ??= issue.message;
    }
    return errors;
  });

  errorFor(path: SettingPath): string | undefined {
    const key = this.errors[path];
    return key ? translate(key) : undefined;
  }

  /** A field holding a list or an object: its own problem or any of its parts'. */
  errorWithin(path: SettingPath): string | undefined {
    const found = Object.keys(this.errors).find(
      (key) => key === path || key.startsWith(`${path}.`),
    );
    return found === undefined ? undefined : translate(this.errors[found]!);
  }

  /**
   * Saves what a control changed, in one message: `path` is the part of the settings it
   * changed, `group` where its "Saved" is said. While that part is invalid nothing is saved and
   * the control keeps the focus, its message beside it.
   */
  async commit(path: SettingPath, group: string, control?: HTMLElement): Promise<void> {
    if (!this.candidate || !this.#saved) return;
    if (this.errorWithin(path) !== undefined) {
      this.status[group] = '';
      // After the browser has moved the focus on (a change fires as the field is left).
      if (control) setTimeout(() => control.focus());
      return;
    }
    const value = valueAt(this.candidate, path);
    const save = async () => {
      const next = withValueAt(this.#saved!, path, value);
      if (!v.is(settingsSchema, next)) {
        this.status[group] = i18n.t('options.fixErrors');
        return;
      }
      this.status[group] = '';
      try {
        this.#saved = await sendMessage('saveSettings', { settings: next });
        this.status[group] = i18n.t('options.saved');
      } catch (error) {
        this.status[group] = describeError(error);
      }
    };
    this.#saving = this.#saving.then(save);
    await this.#saving;
  }
}
