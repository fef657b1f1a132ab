/**
 * A workout session in the real toolbar popup (headed Chromium, opened as a click on the icon
 * opens it): started from the suggestion, sets logged, the rest alarm fired as Chromium fires
 * it, the next set logged from the notification's button, the end and its summary; the session
 * on the guide page, where a Firefox click leads; and a worker stopped during a rest. Another
 * routine, or an empty session where the user picks each set's exercise, started from the popup.
 */
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import type { LaunchedExtension } from './launch';
import { storageArea, storedEntries, storedTodaySnapshot } from './storage';
import { aWorkoutDay } from './workout-days';
import {
  callHandler,
  fireSoon,
  saveSettings,
  recordNotifications,
  shownNotifications,
  stopWorkers,
  type Background,
} from './worker';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { readVersioned, routinesFormat, SYNC_KEYS } from '../../lib/store/items';

test.override({ headed: true });

const sets = async (worker: Background) =>
  (await storedEntries(worker)).filter((entry) => entry.kind === 'set');

const setOf = async (page: Page) => (await page.getByTestId('set-of').textContent())?.trim();

async function noScroll(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          document.documentElement.scrollHeight <= innerHeight &&
          document.documentElement.scrollWidth <= innerWidth &&
          innerHeight <= 600,
      ),
    )
    .toBe(true);
}

test('a routine from the suggestion: sets, the rest alarm, the button, the end and its records', async ({
  extension,
}) => {
  const worker = await extension.worker();
  await aWorkoutDay(worker);
  await recordNotifications(worker);
  const page = await extension.openPopup();
  const start = page.getByTestId('start-session');
  await expect
    .poll(async () => await page.getByTestId('suggestion').textContent())
    .toContain('Back day: 6 exercises, about 35 min');
  await start.click();
  await expect.poll(() => setOf(page)).toBe('Set 1 of 3');
  // Last time 3 × 12 × 20 kg, the top of the range: 2.5 kg more.
  await expect
    .poll(async () => (await page.getByTestId('log-session-set').textContent())?.trim())
    .toBe('Log set 12 × 22.5 kg');
  await noScroll(page);
  await page.getByTestId('log-session-set').click();
  await expect.poll(() => setOf(page)).toBe('Set 2 of 3');
  await expect
    .poll(async () => await page.getByTestId('rest').textContent())
    .toMatch(/Rest 1:[23]\d/);
  await noScroll(page);

  await fireSoon(worker, 'session:rest');
  await expect
    .poll(async () => (await shownNotifications(worker)).map(({ options }) => options.title))
    .toContain('Rest over: set 2 of 3, Bent-over row 12 × 22.5 kg');
  const shown = (await shownNotifications(worker)).find(({ id }) => id === 'session-rest')!;
  expect(shown.options.buttons?.map((button) => button.title)).toEqual([
    'Log 12 × 22.5 kg',
    'Snooze 30 s',
  ]);
  // Chromium has no API to press a notification's button: its listener's handler, as pressed.
  const press = () =>
    worker.evaluate(() =>
      (
        globalThis as unknown as {
          backbone: { onButtonClicked(id: string, index: number): Promise<void> };
        }
      ).backbone.onButtonClicked('session-rest', 0),
    );
  await press();
  await press();
  await expect.poll(() => setOf(page)).toBe('Set 3 of 3');
  expect(await sets(worker)).toHaveLength(4);

  await page.getByRole('button', { name: 'End' }).click();
  const summary = page.getByTestId('session-summary');
  await expect.poll(async () => await summary.textContent()).toContain('Sets: 2 · ');
  await expect
    .poll(async () => await page.getByTestId('session-records').textContent())
    .toContain('Bent-over row 12 × 22.5 kg');
  await expect.poll(async () => await summary.textContent()).toContain('Stretch your back');
  await noScroll(page);
  await page.getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => summary.count()).toBe(0);
  // Back on the Now view: the session's sets count as the day's workout.
  await expect.poll(async () => await page.getByTestId('workout-today').textContent()).toBe('Done');
});

/** On a workout day, the workout card's "Start a routine…" choice, chosen. */
async function startOther(extension: LaunchedExtension, option: string | { label: string }) {
  const worker = await extension.worker();
  await aWorkoutDay(worker);
  const page = await extension.openPopup();
  await expect.poll(() => page.getByTestId('start-session').count()).toBe(1);
  await page.getByTestId('other-routine').selectOption(option);
  return { worker, page };
}

test('another routine than the one due, started from the popup, logs its sets', async ({
  extension,
}) => {
  const { worker, page } = await startOther(extension, 'homeBodyweight');
  await expect
    .poll(async () => await page.getByTestId('session').textContent())
    .toContain('Home day, bodyweight only');
  await expect.poll(() => setOf(page)).toBe('Set 1 of 3');
  await noScroll(page);
  await page.getByTestId('log-session-set').click();
  await expect.poll(() => setOf(page)).toBe('Set 2 of 3');
  expect((await sets(worker)).map((set) => set.exercise).slice(-1)).toEqual(['handReleasePushUp']);
});

test('an empty session from the popup: the user picks the exercise of each set', async ({
  extension,
}) => {
  const { worker, page } = await startOther(extension, { label: 'Empty session' });
  const exercise = page.getByTestId('session-exercise');
  await expect.poll(() => exercise.count()).toBe(1);
  await exercise.selectOption('deadlift');
  await expect
    .poll(async () => (await page.getByTestId('log-session-set').textContent())?.trim())
    .toMatch(/^Log set 8\b/);
  await noScroll(page);
  await page.getByTestId('log-session-set').click();
  await expect
    .poll(async () => (await sets(worker)).map((set) => [set.exercise, set.reps]).slice(2))
    .toEqual([['deadlift', 8]]);
  // The next set: the same exercise by default, or another one picked.
  await expect.poll(() => exercise.inputValue()).toBe('deadlift');
  await exercise.selectOption('facePull');
  await page.getByTestId('log-session-set').click();
  await expect
    .poll(async () => (await sets(worker)).map((set) => set.exercise).slice(2))
    .toEqual(['deadlift', 'facePull']);
  await noScroll(page);
});

test('a popup opened during a session opens on it, never on the Now screen first', async ({
  extension,
}) => {
  const worker = await extension.worker();
  await callHandler(worker, 'startSession', {});
  await expect
    .poll(async () => {
      const stored = await storedTodaySnapshot(worker);
      return stored?.onSession && stored.firstPaint?.html.includes('<main');
    })
    .toBe(true);
  // Notes whether any part of the Now screen ever shows in a popup.
  await extension.context.addInitScript(() => {
    if (!location.pathname.endsWith('/popup.html')) return;
    const seen = new Set<string>();
    Object.assign(globalThis, { nowScreenParts: seen });
    new MutationObserver(() => {
      for (const part of ['water-total', 'workout-today'])
        if (document.querySelector(`[data-testid="${part}"]`)) seen.add(part);
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await extension.openPopup();
  await expect.poll(() => page.getByTestId('session-exercise').count()).toBe(1);
  expect(
    await page.evaluate(() => [
      ...(globalThis as { nowScreenParts?: Set<string> }).nowScreenParts!,
    ]),
  ).toEqual([]);
  await page.getByRole('button', { name: 'End' }).click();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => page.getByTestId('water-total').count()).toBe(1);
});

test('on a rest day, where nothing suggests a session, any routine starts from the workout card', async ({
  extension,
}) => {
  const worker = await extension.worker();
  await callHandler(worker, 'logEntries', {
    entries: [{ kind: 'rest', reason: 'rest', at: Date.now() }],
  });
  const page = await extension.openPopup();
  await expect
    .poll(async () => await page.getByTestId('workout-today').textContent())
    .toBe('Rest day');
  await expect.poll(() => page.getByTestId('other-routine').count()).toBe(1);
  expect(await page.getByTestId('start-session').count()).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('other-routine').selectOption('homeBodyweight');
  await expect.poll(() => setOf(page)).toBe('Set 1 of 3');
  await noScroll(page);
  await page.getByTestId('log-session-set').click();
  await expect.poll(() => setOf(page)).toBe('Set 2 of 3');
  expect((await sets(worker)).map((set) => set.exercise)).toEqual(['handReleasePushUp']);
});

test('a finished empty session saved as a routine, then offered among the routines to start', async ({
  extension,
}) => {
  const worker = await extension.worker();
  const page = await extension.openPopup();
  await page.getByTestId('other-routine').selectOption({ label: 'Empty session' });
  const exercise = page.getByTestId('session-exercise');
  for (const picked of ['deadlift', 'deadlift', 'facePull']) {
    await exercise.selectOption(picked);
    const before = (await sets(worker)).length;
    await page.getByTestId('log-session-set').click();
    await expect.poll(async () => (await sets(worker)).length).toBe(before + 1);
  }
  await page.getByRole('button', { name: 'End' }).click();
  await page.getByRole('button', { name: 'Save as routine' }).click();
  const name = page.getByRole('textbox', { name: 'Name of the routine' });
  // Prefilled with the session's day, and focused.
  expect(await name.inputValue()).toBe(await page.locator('h1').textContent());
  expect(await name.evaluate((field) => field === document.activeElement)).toBe(true);
  // A name the routines cannot take is said at the field, by the worker's own check.
  await name.fill(' ');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
  await expect
    .poll(async () => await page.getByRole('alert').textContent())
    .toBe('Give the routine a name of up to 40 characters.');
  expect(await seriousViolations(page)).toEqual([]);
  await noScroll(page);
  await name.fill('Pull day');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect
    .poll(async () => await page.getByTestId('routine-saved').textContent())
    .toBe('Saved as a routine of yours: Pull day');
  await noScroll(page);
  const stored = readVersioned(
    routinesFormat,
    (await storageArea(worker, 'sync'))[SYNC_KEYS.routines],
  );
  expect(stored.value.routines.map(({ name, exercises }) => ({ name, exercises }))).toEqual([
    {
      name: 'Pull day',
      exercises: [
        { exercise: 'deadlift', sets: 2, reps: [8, 8], restSeconds: 90 },
        { exercise: 'facePull', sets: 1, reps: [12, 12], restSeconds: 90 },
      ],
    },
  ]);
  await page.getByRole('button', { name: 'Close' }).click();
  await expect
    .poll(() => page.getByTestId('other-routine').locator('option').allTextContents())
    .toContain('Pull day');
});

test('the summary says the weight lifted in the units the user chose', async ({ extension }) => {
  const worker = await extension.worker();
  await saveSettings(worker, { ...DEFAULT_SETTINGS, units: 'imperial' });
  const page = await extension.openPopup();
  await page.getByTestId('other-routine').selectOption({ label: 'Empty session' });
  await page.getByTestId('session-exercise').selectOption('deadlift');
  await page.getByTestId('log-session-set').click();
  await expect.poll(async () => (await sets(worker)).length).toBe(1);
  await page.getByRole('button', { name: 'End' }).click();
  await expect
    .poll(async () => await page.getByTestId('session-figures').textContent())
    .toMatch(/^Sets: 1 · [\d,.]+ lb lifted · [1-9]\d* min$/);
});

test('on the guide page, where a click on the rest notification leads, the next set is logged', async ({
  extension,
}) => {
  const worker = await extension.worker();
  await callHandler(worker, 'startSession', { routine: 'homeBodyweight' });
  const guide = await extension.context.newPage();
  await guide.goto(extension.url('guide.html?session'));
  await expect.poll(() => setOf(guide)).toBe('Set 1 of 3');
  await guide.getByRole('button', { name: 'More Reps' }).click();
  await guide.getByTestId('log-session-set').click();
  await expect.poll(() => setOf(guide)).toBe('Set 2 of 3');
  expect((await sets(worker)).map((set) => [set.exercise, set.reps])).toEqual([
    ['handReleasePushUp', 13],
  ]);
  await guide.close();
});

test('a worker stopped during the rest: the notification comes on time, its button logs once', async ({
  extension,
}) => {
  const worker = await extension.worker();
  await callHandler(worker, 'startSession', { routine: 'backDay' });
  await callHandler(worker, 'logSessionSet', {
    slot: 0,
    set: { kind: 'set', exercise: 'bentOverRow', reps: 12, at: Date.now() },
    restSeconds: 3,
  });
  const tab = await extension.context.newPage();
  await stopWorkers(extension, tab);
  // Woken by the alarm alone, a new worker shows what comes next.
  await expect
    .poll(
      async () =>
        Object.keys(await (await extension.worker()).evaluate(() => chrome.notifications.getAll())),
      { timeout: 15_000 },
    )
    .toContain('session-rest');
  const again = await extension.worker();
  await again.evaluate(() =>
    Promise.all(
      [0, 0].map(() =>
        (
          globalThis as unknown as {
            backbone: { onButtonClicked(id: string, index: number): Promise<void> };
          }
        ).backbone.onButtonClicked('session-rest', 0),
      ),
    ),
  );
  expect((await sets(again)).map((set) => set.exercise)).toEqual(['bentOverRow', 'bentOverRow']);
  await tab.close();
});
