import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { storedEntries } from './storage';
import { callEngine, fireSoon, saveSettings } from './worker';

// The breathing test installs Playwright's clock, which is the whole browser's.
test.override({ ownBrowser: true });

test('a breathing session run to the end is counted', async ({ extension, popup }) => {
  const guide = await extension.context.newPage();
  guide.setDefaultTimeout(5_000);
  // The page's own timers, run ahead: a round takes the user about ten seconds.
  await guide.clock.install();
  await guide.goto(extension.url('guide.html?prompt=breathing'));
  const pattern = guide.getByLabel('Pattern').locator('option:checked');
  await expect.poll(() => pattern.textContent()).toBe('Box breathing');
  await guide.getByLabel('Pattern').selectOption('physiologicalSigh');
  // The page names the pattern chosen, not the one offered.
  await expect.poll(() => pattern.textContent()).toBe('Physiological sigh');
  await expect.poll(() => guide.getByText(/^Two inhales through the nose/).count()).toBe(1);
  await guide.getByLabel('Rounds').fill('1');
  await guide.getByRole('button', { name: 'Start' }).click();
  await expect
    .poll(() => guide.getByTestId('pacer-phase').textContent())
    .toMatch(/Breathe in · \d/);
  await guide.clock.runFor(5_000);
  expect(await guide.getByTestId('pacer-phase').textContent()).not.toContain('Well done');
  await guide.clock.runFor(15_000);
  await expect.poll(() => guide.getByTestId('pacer-phase').textContent()).toContain('Well done');
  await expect.poll(() => popup.page.getByTestId('breathing-count').textContent()).toBe('1 of 1');
  await guide.close();
});

test('under reduced motion the pacer keeps still and only counts', async ({ extension }) => {
  const guide = await extension.context.newPage();
  await guide.emulateMedia({ reducedMotion: 'reduce' });
  await guide.goto(extension.url('guide.html?prompt=breathing'));
  await guide.getByRole('button', { name: 'Start' }).click();
  await expect.poll(() => guide.getByTestId('pacer-phase').textContent()).toMatch(/Breathe in/);
  const circle = guide.locator('.circle');
  expect(await circle.evaluate((element) => getComputedStyle(element).transitionProperty)).toBe(
    'none',
  );
  expect(await circle.evaluate((element) => getComputedStyle(element).transform)).toBe(
    'matrix(0.8, 0, 0, 0.8, 0, 0)',
  );
  await guide.close();
});

test('the movement card shows a desk move; a chosen floor move gets a hold timer; every guide is accessible', async ({
  extension,
}) => {
  const guide = await extension.context.newPage();
  guide.setDefaultTimeout(5_000);
  for (const kind of ['posture', 'breathing', 'water', 'movement']) {
    await guide.goto(extension.url(`guide.html?prompt=${kind}`));
    await expect.poll(() => guide.getByRole('button', { name: 'Done' }).count()).toBe(1);
    expect(await seriousViolations(guide)).toEqual([]);
    // One heading names the guide; the movement card's move is its only subheading.
    expect(await guide.getByRole('heading', { level: 1 }).count(), kind).toBe(1);
    expect(await guide.getByRole('heading', { level: 2 }).count(), kind).toBe(
      kind === 'movement' ? 1 : 0,
    );
    // One main action; the others are drawn as secondary.
    expect(await guide.locator('button:not(.secondary)').count(), kind).toBe(1);
  }
  await expect
    .poll(() => guide.getByRole('heading', { level: 2 }).textContent())
    .toBe('Scapular squeeze');

  // Floor moves only when chosen: the superman hold, 5-10 s.
  const worker = await extension.worker();
  await saveSettings(worker, { ...DEFAULT_SETTINGS, breakMoves: ['supermanHold'] });
  await guide.reload();
  await expect.poll(() => guide.locator('button:not(.secondary)').count()).toBe(1);
  await guide.getByRole('button', { name: 'Start a 10-second hold' }).click();
  await expect.poll(() => guide.getByTestId('hold-timer').textContent()).toMatch(/Hold… \d+/);
  await guide.close();
});

test('a water reminder’s guide: Done logs the first cup once and shows the new total', async ({
  extension,
  popup,
}) => {
  const worker = await extension.worker();
  const activeHours = Array.from({ length: 7 }, () => [{ from: 0, to: 1440 }]);
  await saveSettings(worker, {
    ...DEFAULT_SETTINGS,
    cupsMl: [300, 500],
    nudges: { ...DEFAULT_SETTINGS.nudges, activeHours },
  });
  await fireSoon(worker, 'nudge:water');
  await expect
    .poll(() => worker.evaluate(() => chrome.notifications.getAll()))
    .toHaveProperty('nudge-water');
  const opened = extension.context.waitForEvent('page');
  await callEngine(worker, 'onClicked', 'nudge-water');
  const guide = await opened;
  guide.setDefaultTimeout(5_000);
  const total = guide.getByTestId('guide-water');
  await expect.poll(() => total.textContent()).toContain('0 ml of 2,000 ml');
  expect(await guide.getByTestId('guide-done-hint').textContent()).toContain('Done logs 300 ml');
  await guide.getByRole('button', { name: 'Done' }).click();
  await expect.poll(() => total.textContent()).toContain('300 ml of 2,000 ml');
  expect(await guide.getByTestId('guide-result').textContent()).toBe('Logged 300 ml. Well done.');
  await expect.poll(() => popup.waterTotal.textContent()).toContain('300 ml of 2,000 ml');
  const stored = await storedEntries(worker);
  expect(stored.flatMap((entry) => (entry.kind === 'water' ? [entry.ml] : []))).toEqual([300]);
  expect(
    stored.flatMap((entry) =>
      entry.kind === 'prompt' ? [`${entry.prompt} ${entry.outcome}`] : [],
    ),
  ).toEqual(['water done']);
  await expect
    .poll(() => worker.evaluate(() => chrome.notifications.getAll()))
    .not.toHaveProperty('nudge-water');
  await expect.poll(() => guide.isClosed(), { timeout: 15_000 }).toBe(true);
});
