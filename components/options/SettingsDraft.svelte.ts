import * as v from 'valibot';
import { parseClockList, timeOfDay } from '../../lib/model/clock';
import { formatTime } from '../format';
import { NUDGE_KINDS } from '../../lib/model/entries';
import { CUP_ML, settingsSchema, type Settings } from '../../lib/model/settings';
import {
  weightFromKg,
  weightToKg,
  cupInUnit,
  cupsInUnit,
  displayVolume,
  unitsOf,
  volumeToMl,
  type UnitSystem,
} from '../../lib/model/units';
import { sendMessage } from '../../lib/adapters/send-message';
import { i18n, uiLanguage } from '../../lib/adapters/translate';
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

/** A refusal whose figures are in kg or ml, as said to a user of imperial units. */
const IMPERIAL_REFUSALS: Record<string, string> = {
  'invalid.bodyWeight': 'invalid.bodyWeightLb',
  'invalid.goal.water': 'invalid.goal.waterFlOz',
  'invalid.cup': 'invalid.cupFlOz',
};

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
  /** The body weight and water goal as shown, in the user's units (empty: not set). */
  bodyWeight = $state<number | null>(null);
  waterGoal = $state<number | null>(null);
  /** What each group of fields last said about its save ("Saved", or why not), by group. */
  status = $state<Record<string, string>>({});
  #saved: Settings | undefined;
  #saving: Promise<unknown> = Promise.resolve();

  constructor(stored: Settings) {
    const settings = $state.snapshot(stored) as Settings;
    this.#saved = settings;
    this.draft = structuredClone(settings);
    this.timesText = Object.fromEntries(
      NUDGE_KINDS.map((kind) => [
        kind,
        settings.nudges[kind].times.map((minutes) => formatTime(timeOfDay(minutes))).join(', '),
      ]),
    );
    this.#showInUnits(settings);
  }

  /** Writes the body weight, water goal and cups into their fields in the settings' units. */
  #showInUnits(settings: Pick<Settings, 'units' | 'bodyWeightKg' | 'goals' | 'cupsMl'>) {
    const units = unitsOf(settings.units);
    this.bodyWeight =
      settings.bodyWeightKg === undefined
        ? null
        : weightFromKg(settings.bodyWeightKg, units.weight);
    this.waterGoal =
      settings.goals.waterMl === undefined
        ? null
        : displayVolume(settings.goals.waterMl, units.volume);
    this.cupsText = settings.cupsMl.map((ml) => cupInUnit(ml, units.volume)).join(', ');
  }

  /**
   * Turns the page to other units and saves them: the fields are shown again in the new units,
   * and the cups become the nearest cups of those units (250 ml is saved as 8 fl oz).
   */
  async changeUnits(system: UnitSystem, group: string, control?: HTMLElement): Promise<void> {
    const before = this.candidate;
    if (!before || !this.draft) return;
    const cupsReadable = this.#parseErrors.cupsMl === undefined;
    const cupsMl = cupsReadable
      ? cupsInUnit(before.cupsMl, unitsOf(system).volume, CUP_ML)
      : before.cupsMl;
    this.draft.units = system;
    const cupsText = this.cupsText;
    this.#showInUnits({ ...before, units: system, cupsMl });
    if (!cupsReadable) this.cupsText = cupsText;
    await this.commit(cupsReadable ? ['units', 'cupsMl'] : ['units'], group, control);
  }

  /** Text fields turn into numbers here; what does not parse is reported, not guessed. */
  readonly #parseErrors = $derived.by(() => {
    const errors: Record<string, string> = {};
    for (const kind of NUDGE_KINDS) {
      if (parseClockList(this.timesText[kind] ?? '', uiLanguage) === undefined) {
        errors[`nudges.${kind}.times`] = 'invalid.nudge.timeFormat';
      }
    }
    if (!/^\s*\d+(\.\d+)?(\s*[,;\s]\s*\d+(\.\d+)?)*\s*$/.test(this.cupsText))
      errors.cupsMl = 'invalid.cups';
    return errors;
  });

  readonly candidate = $derived.by(() => {
    if (!this.draft) return undefined;
    const copy = $state.snapshot(this.draft) as Settings;
    for (const kind of NUDGE_KINDS)
      copy.nudges[kind].times = parseClockList(this.timesText[kind] ?? '', uiLanguage) ?? [];
    const units = unitsOf(copy.units);
    copy.cupsMl = this.cupsText
      .split(/[,;\s]+/)
      .filter(Boolean)
      .map((amount) => volumeToMl(Number(amount), units.volume));
    // A cleared number field binds as null: the optional settings are then simply absent.
    if (this.waterGoal == null) delete copy.goals.waterMl;
    else copy.goals.waterMl = volumeToMl(this.waterGoal, units.volume);
    if (this.bodyWeight == null) delete copy.bodyWeightKg;
    else copy.bodyWeightKg = weightToKg(this.bodyWeight, units.weight);
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
    return key ? this.#say(key) : undefined;
  }

  #say(key: string): string {
    return translate((this.draft?.units === 'imperial' && IMPERIAL_REFUSALS[key]) || key);
  }

  /** A field holding a list or an object: its own problem or any of its parts'. */
  errorWithin(path: SettingPath): string | undefined {
    const found = Object.keys(this.errors).find(
      (key) => key === path || key.startsWith(`${path}.`),
    );
    return found === undefined ? undefined : this.#say(this.errors[found]!);
  }

  /**
   * Saves what a control changed, in one message: `path` is the part of the settings it
   * changed, `group` where its "Saved" is said. While that part is invalid nothing is saved and
   * the control keeps the focus, its message beside it.
   */
  async commit(
    path: SettingPath | readonly SettingPath[],
    group: string,
    control?: HTMLElement,
  ): Promise<void> {
    if (!this.candidate || !this.#saved) return;
    const paths = typeof path === 'string' ? [path] : path;
    if (paths.some((one) => this.errorWithin(one) !== undefined)) {
      this.status[group] = '';
      // After the browser has moved the focus on (a change fires as the field is left).
      if (control) setTimeout(() => control.focus());
      return;
    }
    const candidate = this.candidate;
    const save = async () => {
      const next = paths.reduce(
        (settings, one) => withValueAt(settings, one, valueAt(candidate, one)),
        this.#saved!,
      );
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
