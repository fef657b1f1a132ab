import type { Locator, Worker } from 'playwright-core';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { alarms, recordNotifications, shownNotifications } from './worker';

type StoredSettings = {
  nudges: {
    activeHours: { from: number; to: number }[][];
    posture: { everyMinutes: number };
  };
  goals: object;
  breakMoves: string[];
};

async function storedSettings(worker: Worker): Promise<StoredSettings | undefined> {
  const stored = await worker.evaluate(() => chrome.storage.sync.get('settings'));
  return stored.settings as StoredSettings | undefined;
}

function isFocused(field: Locator): Promise<boolean> {
  return field.evaluate((element) => document.activeElement === element);
}

test('changing active hours moves the nudge alarms, each change saved as it is made', async ({
  extension,
  options,
}) => {
  const { page } = options;
  const worker = await extension.worker();
  const before = await alarms(worker);
  // Monday to Friday start at 07:00 instead of 09:00, and Saturday gets a range.
  for (const weekday of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
    await page.getByLabel(`${weekday} from`).fill('07:00');
  }
  await page.getByRole('button', { name: 'Add a range on Saturday' }).click();
  await expect
    .poll(async () => (await storedSettings(worker))?.nudges.activeHours[5])
    .toEqual([{ from: 540, to: 1080 }]);
  expect((await storedSettings(worker))?.nudges.activeHours[0]).toEqual([{ from: 420, to: 1080 }]);
  await expect.poll(() => page.getByTestId('saved-activeHours').textContent()).toBe('Saved');
  await expect
    .poll(async () => JSON.stringify(await alarms(worker)))
    .not.toBe(JSON.stringify(before));
});

test('a valid change is saved without any button, and its group says Saved', async ({
  extension,
  options,
}) => {
  const { page } = options;
  const worker = await extension.worker();
  expect(await page.getByRole('button', { name: /^Save/ }).count()).toBe(0);
  const every = page.getByTestId('every-posture');
  await every.fill('45');
  // Typing saves nothing; leaving the field does.
  expect(await storedSettings(worker)).toBeUndefined();
  await every.press('Tab');
  await expect.poll(() => page.getByTestId('saved-posture').textContent()).toBe('Saved');
  expect((await storedSettings(worker))?.nudges.posture.everyMinutes).toBe(45);
  // A tick is a change of its own.
  await page.getByRole('checkbox', { name: /^Superman hold/ }).check();
  await expect
    .poll(async () => (await storedSettings(worker))?.breakMoves)
    .toContain('supermanHold');
  await expect.poll(() => page.getByTestId('saved-breakMoves').textContent()).toBe('Saved');
});

test('an invalid value keeps its message and the focus at the field, and nothing is saved', async ({
  extension,
  options,
}) => {
  const { page } = options;
  const worker = await extension.worker();
  const every = page.getByTestId('every-posture');
  await every.fill('5');
  await expect
    .poll(() => page.getByRole('alert').first().textContent())
    .toBe('Intervals are from 10 to 480 minutes.');
  await every.press('Tab');
  await expect.poll(() => isFocused(every)).toBe(true);
  expect(await every.getAttribute('aria-invalid')).toBe('true');
  const times = page.getByLabel(/^Times \(for example/);
  await times.fill('11:00, teatime');
  await expect
    .poll(() => page.getByText('Write clock times separated by commas, as in the example.').count())
    .toBe(1);
  await times.press('Tab');
  await expect.poll(() => isFocused(times)).toBe(true);
  expect(await page.getByTestId('saved-posture').textContent()).toBe('');
  expect(await storedSettings(worker)).toBeUndefined();
  // Once fixed, it saves.
  await every.fill('45');
  await every.press('Tab');
  await expect.poll(() => page.getByTestId('saved-posture').textContent()).toBe('Saved');
  expect((await storedSettings(worker))?.nudges.posture.everyMinutes).toBe(45);
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
    await cups.press('Tab');
    await expect.poll(() => cups.getAttribute('aria-invalid'), { message: size }).toBe('true');
    await expect
      .poll(() => page.getByText('Cup sizes are from 50 to 2,000 ml.').count(), { message: size })
      .toBe(1);
  }
  expect(await storedSettings(worker)).toBeUndefined();
  await cups.fill('300');
  await expect.poll(() => cups.getAttribute('aria-invalid')).toBe('false');
  const newer = { v: 99, units: 'cubits', updatedAt: 1 };
  await worker.evaluate((settings) => chrome.storage.sync.set({ settings }), newer);
  await cups.press('Tab');
  await expect
    .poll(() => page.getByTestId('saved-units').textContent())
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
  const worker = await extension.worker();
  await page.getByLabel('Body weight (kg), for a suggested water goal').fill('80');
  await expect.poll(() => page.getByPlaceholder('suggested 2650').count()).toBe(1);
  const goal = page.getByLabel('Water a day (ml); leave empty to use the suggestion');
  await goal.fill('2000');
  await goal.press('Tab');
  await expect
    .poll(async () => (await storedSettings(worker))?.goals)
    .toMatchObject({ waterMl: 2000 });
  await goal.fill('');
  await goal.press('Tab');
  await expect
    .poll(async () => (await storedSettings(worker))?.goals)
    .not.toHaveProperty('waterMl');
  expect(await storedSettings(worker)).toMatchObject({ bodyWeightKg: 80 });
  expect(await page.getByTestId('saved-waterGoal').textContent()).toBe('Saved');
});

test('the contents list reaches each section; device details wait under Advanced', async ({
  options,
}) => {
  const { page } = options;
  const links = page.getByRole('navigation', { name: 'On this page' }).getByRole('link');
  await expect.poll(() => links.count()).toBe(7);
  await expect
    .poll(() => page.getByRole('button', { name: 'Send a test notification' }).count())
    .toBe(1);
  for (const link of await links.all()) {
    const id = (await link.getAttribute('href'))!.slice(1);
    await link.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${id}`);
    // The section is in view, its top at the top of the view unless the page ends first.
    await expect
      .poll(() =>
        page.evaluate((id) => {
          const { top } = document.getElementById(id)!.getBoundingClientRect();
          const atEnd = scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
          return top >= 0 && (top < 40 || (atEnd && top < innerHeight - 100));
        }, id),
      )
      .toBe(true);
    const heading = page.locator(`[id="${id}"] h2`).first();
    expect(await heading.textContent()).toBe(await link.textContent());
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  expect(await page.getByRole('region', { name: 'Advanced' }).count()).toBe(1);
  expect(
    await page.locator('#advanced details').evaluate((d) => (d as HTMLDetailsElement).open),
  ).toBe(false);
  expect(await page.getByTestId('device-id').isVisible()).toBe(false);
  await page.getByText('Sync and storage', { exact: true }).click();
  await expect.poll(() => page.getByTestId('device-id').isVisible()).toBe(true);
});

test('each break move’s box stands beside its name, in a group drawn in the theme’s colour', async ({
  options,
}) => {
  const { page } = options;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const group = page.getByRole('group', { name: 'Moves in your movement breaks' });
    await expect.poll(() => group.getByRole('checkbox').count()).toBeGreaterThan(5);
    const misplaced = await group.evaluate((fieldset) =>
      [...fieldset.querySelectorAll('label')].flatMap((label) => {
        const box = label.querySelector('input')!.getBoundingClientRect();
        const name = label.querySelector('span')!.getBoundingClientRect();
        const beside = box.right <= name.left && box.top < name.top + 20 && box.bottom > name.top;
        return beside ? [] : [label.textContent];
      }),
    );
    expect(misplaced, scheme).toEqual([]);
    const colours = await group.evaluate((fieldset) => ({
      drawn: getComputedStyle(fieldset).borderTopColor,
      theme: (() => {
        const probe = document.createElement('div');
        probe.style.color = 'var(--border)';
        document.body.append(probe);
        const colour = getComputedStyle(probe).color;
        probe.remove();
        return colour;
      })(),
    }));
    expect(colours.drawn, scheme).toBe(colours.theme);
  }
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
  await expect.poll(() => page.getByTestId('saved-posture').count()).toBe(1);
  // With a change saved, a field in error and the advanced details open.
  await page.getByLabel('Skips allowed a day (0 for no limit)').fill('2');
  await page.getByLabel('Skips allowed a day (0 for no limit)').press('Tab');
  await expect.poll(() => page.getByTestId('saved-behaviour').textContent()).toBe('Saved');
  await page.getByTestId('every-posture').fill('5');
  await page.getByText('Sync and storage', { exact: true }).click();
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

test('Advanced lists the shortcuts, says which are not set and opens the shortcut settings by keyboard', async ({
  extension,
  options,
}) => {
  const { page } = options;
  const advanced = page.getByRole('region', { name: 'Advanced' });
  const shortcuts = advanced.getByTestId('shortcuts');
  await expect.poll(() => shortcuts.locator('dd').count()).toBe(3);
  const worker = await extension.worker();
  const unset = await worker.evaluate(
    async () => (await chrome.commands.getAll()).filter((c) => c.description && !c.shortcut).length,
  );
  expect(await shortcuts.getByText('not set').count()).toBe(unset);
  // From the contents list to the button with the keyboard alone.
  await page.getByRole('link', { name: 'Advanced' }).focus();
  await page.keyboard.press('Enter');
  const button = advanced.getByRole('button', { name: 'Open shortcut settings' });
  for (let presses = 0; presses < 10 && !(await isFocused(button)); presses++)
    await page.keyboard.press('Tab');
  expect(await isFocused(button)).toBe(true);
  const opened = extension.context.waitForEvent('page');
  await page.keyboard.press('Enter');
  const settings = await opened;
  await expect.poll(() => settings.url()).toBe('chrome://extensions/shortcuts');
  await settings.close();
  // Chromium's own page loads its own scripts: those requests are the browser's, not Backbone's.
  const browsers = (problem: string) => problem.startsWith('network request: chrome://');
  extension.problems.splice(0, Infinity, ...extension.problems.filter((p) => !browsers(p)));
});
