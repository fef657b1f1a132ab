import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { storedEntries } from './storage';
import { callHandler } from './worker';

test('water: add a cup, undo it from the snackbar, add a custom amount', async ({ popup }) => {
  const { page } = popup;
  await expect.poll(() => popup.waterTotal.textContent()).toContain('0 ml of 2,000 ml');
  await popup.addCupButton('500 ml').click();
  await expect.poll(() => popup.waterTotal.textContent()).toContain('500 ml of 2,000 ml');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => popup.waterTotal.textContent()).toContain('0 ml of 2,000 ml');
  await page.getByLabel('Other amount (ml)').fill('330');
  await page.getByLabel('Other amount (ml)').press('Enter');
  await expect.poll(() => popup.waterTotal.textContent()).toContain('330 ml of 2,000 ml');
  // The field remembers the last amount that was not a cup, in a popup opened later too.
  await page.reload();
  await expect.poll(() => page.getByLabel('Other amount (ml)').inputValue()).toBe('330');
});

test('an amount that is empty, not a number or an emoji is said at the field, and nothing is logged', async ({
  extension,
  popup,
}) => {
  const { page } = popup;
  await expect.poll(() => popup.waterTotal.textContent()).toContain('0 ml of 2,000 ml');
  const amount = page.getByLabel('Other amount (ml)');
  const add = page.getByRole('button', { name: 'Add', exact: true });
  for (const typed of ['', 'abc', '💧', '0', '5001']) {
    await amount.fill(typed);
    await add.click();
    await expect.poll(() => amount.getAttribute('aria-invalid'), { message: typed }).toBe('true');
    const describedBy = await amount.getAttribute('aria-describedby');
    expect(describedBy, typed).toBeTruthy();
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(
      'Enter an amount of water from 1 to 5,000 ml.',
    );
    expect(await amount.evaluate((field) => document.activeElement === field), typed).toBe(true);
  }
  expect(await storedEntries(await extension.worker())).toEqual([]);
  expect(await popup.waterTotal.textContent()).toContain('0 ml of 2,000 ml');
  expect(await seriousViolations(page)).toEqual([]);
  // A real amount, typed and sent with Enter: logged, and the message goes.
  await amount.fill('330');
  await amount.press('Enter');
  await expect.poll(() => popup.waterTotal.textContent()).toContain('330 ml of 2,000 ml');
  expect(await amount.getAttribute('aria-invalid')).toBe('false');
  expect(await amount.getAttribute('aria-describedby')).toBeNull();
});

test('a set: pick an exercise, log it, see the record and the suggestion, repeat it in one click', async ({
  popup,
}) => {
  const { page } = popup;
  await page.getByRole('button', { name: 'Log a set', exact: true }).click();
  await page.getByLabel('Search exercises').fill('deadl');
  await expect
    .poll(() => page.getByLabel('Exercise', { exact: true }).inputValue())
    .toBe('deadlift');
  await page.getByLabel('Reps', { exact: true }).fill('8');
  await page.getByLabel('Weight (kg)', { exact: true }).fill('60');
  await page.getByRole('button', { name: 'Log set' }).click();
  await expect
    .poll(() => page.getByTestId('record-banner').textContent())
    .toBe('Deadlift 8 × 60 kg, new record');
  await expect
    .poll(() => page.getByTestId('set-feedback').textContent())
    .toContain('Next time: aim for 9 reps at 60 kg.');
  // A heavier set: the banner says by how much.
  await page.getByRole('button', { name: 'More Weight (kg)' }).click();
  await page.getByRole('button', { name: 'More Weight (kg)' }).click();
  await page.getByRole('button', { name: 'Log set' }).click();
  await expect
    .poll(() => page.getByTestId('record-banner').textContent())
    .toBe('Deadlift 8 × 65 kg, new record, +5 kg');
  await page.getByRole('button', { name: /^Repeat Deadlift 8 × 65 kg/ }).click();
  // The set form has the popup to itself: closed, today's log is back.
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByText("Today's log").click();
  await expect
    .poll(() => page.getByTestId('today-log').getByText('Deadlift, 8 × 65 kg').count())
    .toBe(2);
  // Deleting from today's log can be undone.
  await page.getByRole('button', { name: 'Remove Deadlift, 8 × 60 kg' }).click();
  await expect
    .poll(() => page.getByTestId('today-log').getByText('Deadlift, 8 × 60 kg').count())
    .toBe(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect
    .poll(() => page.getByTestId('today-log').getByText('Deadlift, 8 × 60 kg').count())
    .toBe(1);
  // Open, the log has the popup to itself; closed, the workout card is back.
  await page.getByText("Today's log").click();
  await expect.poll(() => page.getByTestId('workout-today').textContent()).toContain('Done');
});

test('holds are logged in seconds, per-side moves with their side', async ({ popup }) => {
  const { page } = popup;
  await page.getByRole('button', { name: 'Log a set', exact: true }).click();
  await page.getByLabel('Exercise', { exact: true }).selectOption('supermanHold');
  await page.getByLabel('Seconds', { exact: true }).fill('20');
  await page.getByRole('button', { name: 'Log set' }).click();
  await page.getByLabel('Exercise', { exact: true }).selectOption('birdDog');
  await page.getByLabel('Reps', { exact: true }).fill('10');
  await page.getByLabel('Side').selectOption('left');
  await page.getByRole('button', { name: 'Log set' }).click();
  await page.getByRole('button', { name: 'Close', exact: true }).click();
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
  await page.getByRole('button', { name: 'Rest day' }).click();
  await expect.poll(() => page.getByTestId('workout-today').textContent()).toContain('Rest day');
  await page.getByText('Pause', { exact: true }).click();
  await page.getByRole('button', { name: '30 min' }).click();
  await expect
    .poll(() => page.getByTestId('nudge-status').textContent())
    .toMatch(/^Nudges paused until/);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect.poll(() => page.getByTestId('nudge-status').textContent()).toMatch(/^Next: /);
});

test('a change written by the background appears live', async ({ extension, popup }) => {
  const breathing = popup.page.getByTestId('breathing-count');
  await expect.poll(() => breathing.textContent()).toBe('0 of 1');
  await callHandler(await extension.worker(), 'answerPrompt', {
    kind: 'breathing',
    outcome: 'done',
  });
  await expect.poll(() => breathing.textContent()).toBe('1 of 1');
});

test('everything works from the keyboard alone', async ({ popup }) => {
  const { page } = popup;
  await expect.poll(() => popup.waterTotal.textContent()).toContain('0 ml');
  // Tab to the first cup button and press Enter.
  for (let step = 0; step < 20; step++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (focused === '+250 ml') break;
  }
  await page.keyboard.press('Enter');
  await expect.poll(() => popup.waterTotal.textContent()).toContain('250 ml of');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('button', { name: 'Undo' }).count()).toBe(0);
  // A set: Tab to "Log a set", Enter opens the form with the focus on its first field.
  for (let step = 0; step < 30; step++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (focused === 'Log a set') break;
  }
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('exercise-search');
  // Tab on to the reps field, type, and submit with Enter.
  for (let step = 0; step < 10; step++) {
    if (await page.evaluate(() => document.activeElement?.id === 'set-reps')) break;
    await page.keyboard.press('Tab');
  }
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('set-reps');
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

test('a ring acts on click: a cup of water, a posture check done', async ({ popup }) => {
  const { page } = popup;
  await page.getByTestId('ring-water').getByRole('button').click();
  await expect.poll(() => popup.waterTotal.textContent()).toContain('250 ml of 2,000 ml');
  await page.getByTestId('ring-posture').getByRole('button').click();
  await expect.poll(() => page.getByTestId('posture-count').textContent()).toBe('1 of 4');
  await expect.poll(() => page.getByTestId('ring-posture').textContent()).toContain('1/4');
});

test('time off from the pause menu pauses every nudge and keeps each day as time off', async ({
  extension,
  popup,
}) => {
  const { page } = popup;
  await page.getByText('Pause', { exact: true }).click();
  await page.getByRole('button', { name: 'Time off…' }).click();
  // The form opened takes the focus on its first field.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest('label')?.textContent))
    .toContain('Reason');
  await page.getByLabel('Reason').selectOption('sick');
  const today = await page.getByLabel('First day').inputValue();
  const until = await page.evaluate((day) => {
    const date = new Date(`${day}T12:00:00Z`);
    date.setUTCDate(date.getUTCDate() + 2);
    return date.toISOString().slice(0, 10);
  }, today);
  await page.getByLabel('Last day').fill(until);
  await page.getByRole('button', { name: 'Take time off' }).click();
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: 'Every nudge is paused' }).count())
    .toBe(1);
  await expect
    .poll(() => page.getByTestId('nudge-status').textContent())
    .toMatch(/^Time off until \w+, \w+ \d+$/);
  const days = (await storedEntries(await extension.worker()))
    .filter((entry) => entry.kind === 'rest' && 'reason' in entry && entry.reason === 'sick')
    .map((entry) => entry.day)
    .sort();
  expect(days).toHaveLength(3);
  expect(days[0]).toBe(today);
  expect(days[2]).toBe(until);
});
