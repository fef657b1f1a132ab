import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { alarms, recordNotifications, shownNotifications } from './worker';

test('changing active hours moves the nudge alarms', async ({ extension, options }) => {
  const { page } = options;
  const worker = await extension.worker();
  const before = await alarms(worker);
  // Monday to Friday start at 07:00 instead of 09:00, and Saturday gets a range.
  for (const weekday of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
    await page.getByLabel(`${weekday} from`).fill('07:00');
  }
  await page.getByRole('button', { name: 'Add a range on Saturday' }).click();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect
    .poll(() => page.getByTestId('settings-result').textContent())
    .toBe('Settings saved.');
  await expect
    .poll(async () => JSON.stringify(await alarms(worker)))
    .not.toBe(JSON.stringify(before));
  const stored = await worker.evaluate(() => chrome.storage.sync.get('settings'));
  const hours = (stored.settings as { nudges: { activeHours: { from: number; to: number }[][] } })
    .nudges.activeHours;
  expect(hours[0]).toEqual([{ from: 420, to: 1080 }]);
  expect(hours[5]).toEqual([{ from: 540, to: 1080 }]);
});

test('invalid settings get a clear message and nothing is saved', async ({
  extension,
  options,
}) => {
  const { page } = options;
  const worker = await extension.worker();
  await page.getByTestId('every-posture').fill('5');
  await expect
    .poll(() => page.getByRole('alert').first().textContent())
    .toBe('Intervals are from 10 to 480 minutes.');
  await page.getByLabel('Times (for example 11:00, 14:30)').fill('11:00, teatime');
  await expect
    .poll(() => page.getByText('Write times as HH:MM, separated by commas.').count())
    .toBe(1);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect
    .poll(() => page.getByTestId('settings-result').textContent())
    .toContain('need fixing');
  expect(await worker.evaluate(() => chrome.storage.sync.get('settings'))).toEqual({});
});

test('a cup size of 0, 49 or 2001 gets its message at the field, and a newer version’s settings are not overwritten', async ({
  extension,
  options,
}) => {
  const { page } = options;
  const worker = await extension.worker();
  const cups = page.getByLabel('Your cup sizes (ml), for one-click logging');
  for (const size of ['0', '49', '250, 2001']) {
    await cups.fill(size);
    await expect.poll(() => cups.getAttribute('aria-invalid'), { message: size }).toBe('true');
    await expect
      .poll(() => page.getByText('Cup sizes are from 50 to 2,000 ml.').count(), { message: size })
      .toBe(1);
  }
  await cups.fill('300');
  await expect.poll(() => cups.getAttribute('aria-invalid')).toBe('false');
  const newer = { v: 99, units: 'cubits', updatedAt: 1 };
  await worker.evaluate((settings) => chrome.storage.sync.set({ settings }), newer);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect
    .poll(() => page.getByTestId('settings-result').textContent())
    .toContain('saved by a newer version of Backbone');
  expect(await worker.evaluate(() => chrome.storage.sync.get('settings'))).toEqual({
    settings: newer,
  });
});

test('a cleared water goal falls back to the body-weight suggestion', async ({
  extension,
  options,
}) => {
  const { page } = options;
  await page.getByLabel('Body weight (kg), for a suggested water goal').fill('80');
  await expect.poll(() => page.getByPlaceholder('suggested 2650').count()).toBe(1);
  await page.getByLabel('Water a day (ml); leave empty to use the suggestion').fill('');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect
    .poll(() => page.getByTestId('settings-result').textContent())
    .toBe('Settings saved.');
  const stored = await (
    await extension.worker()
  ).evaluate(() => chrome.storage.sync.get('settings'));
  expect(stored.settings).toMatchObject({ bodyWeightKg: 80 });
  expect((stored.settings as { goals: object }).goals).not.toHaveProperty('waterMl');
});

test('a test notification can be sent', async ({ extension, options }) => {
  const worker = await extension.worker();
  await recordNotifications(worker);
  await options.page.getByRole('button', { name: 'Send a test notification' }).click();
  await expect
    .poll(async () => (await shownNotifications(worker)).map((shown) => shown.id))
    .toEqual(['nudge-test']);
});

test('the options page is accessible in both themes', async ({ options }) => {
  const { page } = options;
  await expect.poll(() => page.getByRole('button', { name: 'Save settings' }).count()).toBe(1);
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);
});

test('a custom exercise can be added, is offered in the popup, and can be removed', async ({
  options,
  popup,
}) => {
  const { page } = options;
  await page.getByLabel('Name').fill('Towel row');
  await page.getByLabel('Body region').selectOption('middle');
  await page.getByRole('button', { name: 'Add exercise' }).click();
  await expect
    .poll(() => page.getByTestId('custom-exercises').textContent())
    .toContain('Towel row · Middle back · Reps');
  await popup.page.reload();
  await popup.openSetForm();
  await expect
    .poll(() => popup.page.locator('#exercise option', { hasText: 'Towel row' }).count())
    .toBe(1);
  await page.getByRole('button', { name: /^Remove Towel row/ }).click();
  await expect.poll(() => page.getByTestId('custom-exercises').count()).toBe(0);
});

test('a custom exercise without a name, or named with only invisible characters, is refused at the field', async ({
  extension,
  options,
}) => {
  const { page } = options;
  const name = page.getByLabel('Name', { exact: true });
  for (const typed of ['', '\u200B', ' \u200B\u200D\u2060 ']) {
    await name.fill(typed);
    await page.getByRole('button', { name: 'Add exercise' }).click();
    await expect
      .poll(() => name.getAttribute('aria-invalid'), { message: JSON.stringify(typed) })
      .toBe('true');
    const describedBy = await name.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(
      'Give the exercise a name of 1 to 60 characters.',
    );
    expect(await name.evaluate((field) => document.activeElement === field)).toBe(true);
  }
  expect(await seriousViolations(page)).toEqual([]);
  // The worker refuses it too, whoever sends it; nothing is stored.
  const worker = await extension.worker();
  const reply = await page.evaluate(() =>
    chrome.runtime.sendMessage({
      type: 'saveCustomExercise',
      data: {
        exercise: {
          id: 'custom-zerowidth1',
          name: '\u200B',
          region: 'upper',
          measure: 'reps',
          updatedAt: 0,
        },
      },
    }),
  );
  expect(reply).toEqual({ ok: false, error: { key: 'invalid.customExercise.name' } });
  expect(await worker.evaluate(() => chrome.storage.sync.get('custom'))).toEqual({});
});

test('an active-hours range that ends before it starts marks both its times and points them to the message', async ({
  options,
}) => {
  const { page } = options;
  const from = page.getByLabel('Monday from');
  const until = page.getByLabel('Monday until');
  await from.fill('15:00');
  await until.fill('11:00');
  for (const field of [from, until]) {
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await field.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(
      'A range must end after it starts.',
    );
  }
  // Tuesday's range is fine: neither of its times is marked.
  expect(await page.getByLabel('Tuesday from').getAttribute('aria-invalid')).toBe('false');
  expect(await seriousViolations(page)).toEqual([]);
  await until.fill('18:00');
  await expect.poll(() => from.getAttribute('aria-invalid')).toBe('false');
  expect(await from.getAttribute('aria-describedby')).toBeNull();
});
