import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { callHandler } from './worker';

test('water: add a cup, undo it from the snackbar, add a custom amount', async ({ popup }) => {
  const { page } = popup;
  await expect.poll(() => popup.waterTotal.textContent()).toContain('0 ml of 2,000 ml');
  await popup.addCupButton('500 ml').click();
  await expect.poll(() => popup.waterTotal.textContent()).toContain('500 ml of 2,000 ml');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => popup.waterTotal.textContent()).toContain('0 ml of 2,000 ml');
  await page.getByPlaceholder('Other amount (ml)').fill('330');
  await page.getByPlaceholder('Other amount (ml)').press('Enter');
  await expect.poll(() => popup.waterTotal.textContent()).toContain('330 ml of 2,000 ml');
});

test('a set: pick an exercise, log it, see the record and the suggestion, repeat it in one click', async ({
  popup,
}) => {
  const { page } = popup;
  await page.getByLabel('Search exercises').fill('deadl');
  await expect
    .poll(() => page.getByLabel('Exercise', { exact: true }).inputValue())
    .toBe('deadlift');
  await page.getByLabel('Reps').fill('8');
  await page.getByLabel('Weight (kg)').fill('60');
  await page.getByRole('button', { name: 'Log set' }).click();
  await expect
    .poll(() => page.getByTestId('set-feedback').textContent())
    .toContain('New record: your heaviest weight!');
  await expect
    .poll(() => page.getByTestId('set-feedback').textContent())
    .toContain('Next time: aim for 9 reps at 60 kg.');
  await page.getByRole('button', { name: /^Repeat Deadlift 8 × 60 kg/ }).click();
  await page.getByText("Today's log").click();
  await expect
    .poll(() => page.getByTestId('today-log').getByText('Deadlift, 8 × 60 kg').count())
    .toBe(2);
  await expect.poll(() => page.getByTestId('workout-today').textContent()).toContain('Done');
});

test('holds are logged in seconds, per-side moves with their side', async ({ popup }) => {
  const { page } = popup;
  await page.getByLabel('Exercise', { exact: true }).selectOption('supermanHold');
  await page.getByLabel('Seconds').fill('20');
  await page.getByRole('button', { name: 'Log set' }).click();
  await page.getByLabel('Exercise', { exact: true }).selectOption('birdDog');
  await page.getByLabel('Reps').fill('10');
  await page.getByLabel('Side').selectOption('left');
  await page.getByRole('button', { name: 'Log set' }).click();
  await page.getByText("Today's log").click();
  await expect
    .poll(() => page.getByTestId('today-log').textContent())
    .toContain('Superman hold, 20 s');
  await expect
    .poll(() => page.getByTestId('today-log').textContent())
    .toContain('Bird dog, 10 (Left)');
});

test('mark today as a rest day, and pause nudges from the popup', async ({ popup }) => {
  const { page } = popup;
  await page.getByRole('button', { name: 'Mark today as a rest day' }).click();
  await expect.poll(() => page.getByTestId('workout-today').textContent()).toContain('Rest day');
  await page.getByRole('button', { name: '30 min' }).click();
  await expect
    .poll(() => page.getByTestId('nudge-status').textContent())
    .toMatch(/^Nudges paused until/);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect.poll(() => page.getByTestId('nudge-status').textContent()).toMatch(/^Next: /);
});

test('a change written by the background appears live', async ({ extension, popup }) => {
  await expect.poll(() => popup.page.getByTestId('breathing-count').textContent()).toBe('0 of 1');
  await callHandler(await extension.worker(), 'answerPrompt', {
    kind: 'breathing',
    outcome: 'done',
  });
  await expect.poll(() => popup.page.getByTestId('breathing-count').textContent()).toBe('1 of 1');
});

test('everything works from the keyboard alone', async ({ popup }) => {
  const { page } = popup;
  await expect.poll(() => popup.waterTotal.textContent()).toContain('0 ml');
  // Tab to the first cup button and press Enter.
  for (let step = 0; step < 20; step++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (focused === 'Add 250 ml') break;
  }
  await page.keyboard.press('Enter');
  await expect.poll(() => popup.waterTotal.textContent()).toContain('250 ml of');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('button', { name: 'Undo' }).count()).toBe(0);
  // A set: focus the reps field, type, and submit with Enter.
  await page.getByLabel('Reps').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('11');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('set-feedback').count()).toBe(1);
  await expect.poll(() => page.getByTestId('workout-today').textContent()).toContain('Done');
});

test('is accessible, fits 380 px without scrolling sideways, and follows the dark theme', async ({
  popup,
}) => {
  const { page } = popup;
  await expect.poll(() => popup.waterTotal.textContent()).toContain('ml');
  await page.getByText("Today's log").click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 380, height: 600 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(380);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
    'rgb(16, 23, 22)',
  );
  expect(await seriousViolations(page)).toEqual([]);
});
