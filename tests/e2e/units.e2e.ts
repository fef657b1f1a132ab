import type { Worker } from 'playwright-core';
import { expect, test } from './fixtures';
import { localDayKey } from '../../lib/model/days';

async function storedSettings(worker: Worker): Promise<Record<string, unknown> | undefined> {
  const stored = await worker.evaluate(() => chrome.storage.sync.get('settings'));
  return stored.settings as Record<string, unknown> | undefined;
}

test('imperial units: the options, the popup and Progress speak lb and fl oz; kg and ml are kept', async ({
  extension,
  options,
  popup,
  progress,
}) => {
  const worker = await extension.worker();
  const { page } = options;
  await page.getByRole('combobox', { name: /^Units/ }).selectOption('imperial');
  // The usual cups become the usual cups in ounces, kept in ml.
  await expect
    .poll(() => storedSettings(worker))
    .toMatchObject({
      units: 'imperial',
      cupsMl: [237, 473],
    });
  const cups = page.getByLabel('Your cup sizes (fl oz, whole or half), for one-click logging');
  expect(await cups.inputValue()).toBe('8, 16');
  const weight = page.getByLabel('Body weight (lb), for a suggested water goal');
  await weight.fill('180');
  await weight.press('Tab');
  await expect.poll(() => storedSettings(worker)).toMatchObject({ bodyWeightKg: 81.65 });
  const goal = page.getByLabel('Water a day (fl oz); leave empty to use the suggestion');
  // 81.65 kg suggests 2,700 ml.
  expect(await goal.getAttribute('placeholder')).toBe('suggested 91.3');
  await weight.fill('700');
  await weight.press('Tab');
  await expect
    .poll(() => page.getByText('Enter a body weight from 66.2 to 661.3 lb.').count())
    .toBe(1);

  // The popup's cups are poured in ounces, and its amount field says its unit whole.
  await popup.page.setViewportSize({ width: 380, height: 600 });
  await expect.poll(() => popup.addCupButton('8 fl oz').count()).toBe(1);
  await popup.addCupButton('16 fl oz').click();
  await expect.poll(() => popup.waterTotal.textContent()).toMatch(/^16 fl oz of /);
  const amount = popup.page.getByRole('textbox', { name: /fl oz/ });
  expect(await amount.getAttribute('placeholder')).toBe('fl oz');
  const room = await amount.evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = style.font;
    const inner =
      input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return inner - context.measureText(input.placeholder).width;
  });
  expect(room).toBeGreaterThanOrEqual(0);

  // Progress: a record of 100 kg reads in pounds, water in fluid ounces.
  const at = Date.now() - 86_400_000;
  const [reply] = await progress.send([
    {
      type: 'logEntries',
      data: {
        entries: [
          {
            kind: 'set',
            exercise: 'deadlift',
            reps: 5,
            weight: { amount: 100, unit: 'kg' },
            at,
            day: localDayKey(at),
          },
        ],
      },
    },
  ]);
  expect(reply).toMatchObject({ ok: true });
  await progress.page.reload();
  const records = progress.page.getByTestId('records');
  await expect.poll(() => records.textContent()).toContain('Heaviest: 220.5 lb');
  expect(await records.textContent()).not.toMatch(/kg/);
  await expect.poll(() => progress.page.getByText('Water (fl oz)').count()).toBeGreaterThan(0);
  expect(await progress.page.locator('main').textContent()).not.toMatch(/\d ?(kg|ml)\b/);
});

test('time is written in one hour cycle on the welcome page and in the options', async ({
  extension,
  options,
}) => {
  const { page } = options;
  const twelveHours = await page.evaluate(
    () => new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).resolvedOptions().hour12,
  );
  const inCycle = (texts: string[]) =>
    texts.every((text) => /\b(AM|PM)\b/.test(text) === Boolean(twelveHours));
  // Options: the start of the day, the example and the breathing times.
  const startOfDay = page.getByRole('combobox', { name: /^A new day starts at/ });
  expect(inCycle(await startOfDay.locator('option').allTextContents())).toBe(true);
  const times = page.getByLabel(/^Times \(for example/).first();
  expect(inCycle([(await times.inputValue()).split(',')[0]!])).toBe(true);

  const welcome = await extension.context.newPage();
  welcome.setDefaultTimeout(5_000);
  await welcome.goto(extension.url('welcome.html'));
  const timeline = welcome.getByTestId('timeline');
  await expect.poll(() => timeline.count()).toBe(1);
  const caption = (await timeline.locator('figcaption').textContent())!;
  const axis = await timeline.locator('.hours span').allTextContents();
  expect(axis.length).toBeGreaterThan(5);
  expect(inCycle([caption, ...axis])).toBe(true);
  await welcome.close();
});
