/**
 * The options' settings as typed: each change saves only what its control changed, through the
 * real worker on fakeBrowser, and an invalid value saves nothing.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { SettingsDraft } from '../../components/options/SettingsDraft.svelte';
import { uiLanguage } from '../../lib/adapters/translate';
import { formatTime, timeOfDay } from '../../lib/model/clock';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/model/settings';
import { readVersioned, settingsFormat, SYNC_KEYS } from '../../lib/store/items';

async function stored(): Promise<Settings | undefined> {
  const raw = (await fakeBrowser.storage.sync.get(SYNC_KEYS.settings))[SYNC_KEYS.settings];
  return raw === undefined ? undefined : readVersioned(settingsFormat, raw).value;
}

beforeEach(async () => {
  Object.assign(fakeBrowser.runtime, { getManifest: () => ({ version: '1.0.0' }) });
  Object.assign(fakeBrowser.i18n, { getMessage: (key: string) => key });
  vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockResolvedValue({ state: 'normal' } as never);
  background.main();
  await vi.waitFor(async () => expect(await fakeBrowser.alarms.getAll()).not.toHaveLength(0));
});

describe('SettingsDraft', () => {
  it('saves the part a control changed, and says so in its group', async () => {
    const form = new SettingsDraft(DEFAULT_SETTINGS);
    form.draft!.nudges.posture.everyMinutes = 45;
    await form.commit('nudges.posture', 'posture');
    expect((await stored())?.nudges.posture.everyMinutes).toBe(45);
    expect(form.status.posture).toBe('options_saved');
  });

  it('saves nothing while the part is invalid, and gives the focus back to its control', async () => {
    const form = new SettingsDraft(DEFAULT_SETTINGS);
    const field = document.body.appendChild(document.createElement('input'));
    form.draft!.nudges.posture.everyMinutes = 5;
    form.cupsText = '250, teacup';
    await form.commit('nudges.posture', 'posture', field);
    await form.commit('cupsMl', 'units');
    await vi.waitFor(() => expect(document.activeElement).toBe(field));
    expect(await stored()).toBeUndefined();
    expect(form.status).toEqual({ posture: '', units: '' });
    field.remove();
  });

  it('keeps every change when they are saved at once, and leaves out the invalid ones', async () => {
    const form = new SettingsDraft(DEFAULT_SETTINGS);
    form.draft!.goals.postureChecks = 6;
    form.draft!.units = 'imperial';
    form.draft!.nudges.skipCap = 99;
    form.cupsText = '10; 20.5';
    await Promise.all([
      form.commit('goals.postureChecks', 'habitGoals'),
      form.commit('units', 'units'),
      form.commit('nudges.skipCap', 'behaviour'),
      form.commit('cupsMl', 'units'),
    ]);
    expect(await stored()).toMatchObject({
      goals: { postureChecks: 6 },
      units: 'imperial',
      cupsMl: [296, 606],
      nudges: { skipCap: DEFAULT_SETTINGS.nudges.skipCap },
    });
  });

  it('removes an optional setting whose field was cleared', async () => {
    const form = new SettingsDraft({ ...DEFAULT_SETTINGS, bodyWeightKg: 80 });
    form.bodyWeight = null;
    await form.commit('bodyWeightKg', 'waterGoal');
    expect(await stored()).not.toHaveProperty('bodyWeightKg');
    expect(await stored()).toMatchObject({ units: DEFAULT_SETTINGS.units });
  });

  it('shows and takes body weight, water goal and cups in imperial units, keeping kg and ml', async () => {
    const form = new SettingsDraft({
      ...DEFAULT_SETTINGS,
      units: 'imperial',
      bodyWeightKg: 81.65,
      goals: { ...DEFAULT_SETTINGS.goals, waterMl: 2000 },
      cupsMl: [237, 473],
    });
    expect([form.bodyWeight, form.waterGoal, form.cupsText]).toEqual([180, 67.6, '8, 16']);
    form.bodyWeight = 200;
    form.waterGoal = 80;
    form.cupsText = '12, 16.5';
    await form.commit(['bodyWeightKg', 'goals.waterMl', 'cupsMl'], 'waterGoal');
    expect(await stored()).toMatchObject({
      bodyWeightKg: 90.72,
      goals: { waterMl: 2366 },
      cupsMl: [355, 488],
    });
    form.bodyWeight = 700;
    expect(form.errorFor('bodyWeightKg')).toBe('invalid_bodyWeightLb');
  });

  it('turns the usual cups into ounces with the units, and saves both at once', async () => {
    const form = new SettingsDraft({ ...DEFAULT_SETTINGS, bodyWeightKg: 80 });
    await form.changeUnits('imperial', 'units');
    expect([form.bodyWeight, form.cupsText]).toEqual([176.4, '8, 16']);
    expect(await stored()).toMatchObject({
      units: 'imperial',
      cupsMl: [237, 473],
      bodyWeightKg: 80,
    });
    await form.changeUnits('metric', 'units');
    expect(form.cupsText).toBe('250, 500');
    expect(await stored()).toMatchObject({ units: 'metric', cupsMl: [250, 500] });
  });

  it('shows set times as the UI language writes them, and reads them back', () => {
    const form = new SettingsDraft(DEFAULT_SETTINGS);
    const { times } = DEFAULT_SETTINGS.nudges.breathing;
    expect(form.timesText.breathing).toBe(
      times.map((minutes) => formatTime(timeOfDay(minutes), uiLanguage)).join(', '),
    );
    expect(form.candidate!.nudges.breathing.times).toEqual(times);
    form.timesText.breathing = '9:15 am, 16:45';
    expect(form.candidate!.nudges.breathing.times).toEqual([555, 1005]);
  });
});
