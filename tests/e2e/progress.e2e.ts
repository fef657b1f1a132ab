import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { writeSampleHistory } from './sample-history';
import { addDays, localDayKey } from '../../lib/model/days';
import { emptyDeviceDay, type DeviceDay } from '../../lib/stats/summary';
import { ownItems } from '../../lib/sync/plan';

test('a logged set appears in the strength chart and the records', async ({ popup, progress }) => {
  await popup.openSetForm();
  await popup.page.locator('#exercise').selectOption('deadlift');
  await popup.page.getByLabel('Reps', { exact: true }).fill('5');
  await popup.page.getByLabel('Weight (kg)', { exact: true }).fill('100');
  await popup.page.getByRole('button', { name: 'Log set' }).click();
  await expect.poll(() => popup.page.getByTestId('record-banner').count()).toBe(1);
  const { page } = progress;
  await expect.poll(() => page.getByTestId('records').textContent()).toContain('Heaviest: 100 kg');
  await expect.poll(() => page.getByTestId('records').textContent()).toContain('5 reps at 100 kg');
  await page.getByText('Deadlift over time').click();
  await expect
    .poll(() => page.getByRole('table').first().textContent())
    .toMatch(/100 kg\s*112\.5 kg/);
});

test('the strength chart reads the last 12 months first and every year when asked', async ({
  progress,
}) => {
  const { page } = progress;
  const twoYearsAgo = Date.now() - 730 * 86_400_000;
  const set = (exercise: string, kg: number, at: number) => ({
    kind: 'set',
    exercise,
    reps: 5,
    weight: { amount: kg, unit: 'kg' },
    at,
    day: localDayKey(at),
  });
  const [reply] = await progress.send([
    {
      type: 'logEntries',
      data: {
        entries: [
          set('deadlift', 140, twoYearsAgo),
          set('bentOverRow', 40, Date.now() - 86_400_000),
          set('bentOverRow', 40, Date.now() - 86_000_000),
        ],
      },
    },
  ]);
  expect(reply).toMatchObject({ ok: true });
  // Opened afresh: the first read is of the recent months only.
  await page.reload();
  // A select's name is its label and its chosen option.
  const exercise = page.getByRole('combobox', { name: /^Exercise/ });
  const exercises = exercise.locator('option');
  await expect.poll(() => exercises.allTextContents()).toEqual(['Bent-over row']);
  await page.getByRole('combobox', { name: /^Period/ }).selectOption('All years');
  await expect.poll(() => exercises.allTextContents()).toEqual(['Bent-over row', 'Deadlift']);
  await exercise.selectOption('Deadlift');
  await page.getByText('Deadlift over time').click();
  await expect
    .poll(() => page.getByRole('table').first().textContent())
    .toContain(
      `${new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${localDayKey(twoYearsAgo)}T12:00:00Z`))}140 kg`,
    );
  // Back to the last 12 months: the old year is read, only no longer shown.
  await page.getByRole('combobox', { name: /^Period/ }).selectOption('The last 12 months');
  await expect.poll(() => exercises.allTextContents()).toEqual(['Bent-over row']);
});

test('habits show a year of days with streaks and strength; water and nudges have their numbers', async ({
  extension,
  progress,
}) => {
  await writeSampleHistory(await extension.worker(), 40);
  const { page } = progress;
  await expect
    .poll(() => progress.habit('water').textContent())
    .toMatch(/Current streak .* habit strength \d+%/);
  expect(await progress.habit('posture').locator('svg').getAttribute('aria-label')).toMatch(
    /^Posture checks: Met on \d+ of \d+ days since/,
  );
  await expect
    .poll(() => progress.habit('workout').textContent())
    .toMatch(/Target met in \d+ of \d+ weeks? since .*; workout days: \d+/);
  await expect
    .poll(() => page.getByTestId('week-water').textContent())
    .toMatch(/\d of \d days.*Streak: \d+ days?/);
  // The calendar's one tooltip names the day under the pointer and its state: the first day is
  // in the first column (a week a column, 13 px apart), the last in the last.
  const calendar = progress.habit('water').locator('svg');
  const { width } = (await calendar.boundingBox())!;
  const tooltip = async (column: number, rows: number[]) => {
    for (const row of rows) {
      await calendar.hover({ position: { x: column * 13 + 5, y: row * 13 + 5 } });
      const text = await calendar.locator('> title').textContent();
      if (text) return text;
    }
    return undefined;
  };
  const day = /^(.+): (met|missed|rest or pause|today, so far|no data)$/;
  const columns = Math.round(width / 13);
  const last = await tooltip(columns - 1, [6, 5, 4, 3, 2, 1, 0]);
  const first = await tooltip(0, [0, 1, 2, 3, 4, 5, 6]);
  expect(last).toMatch(day);
  expect(first).toMatch(day);
  // Days in the page's language: the calendar runs from the first day of the history to today.
  const named = (back: number) =>
    new Intl.DateTimeFormat(undefined, {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${addDays(localDayKey(Date.now()), -back)}T12:00:00Z`));
  expect(last!.startsWith(`${named(0)}: `)).toBe(true);
  expect(first!.startsWith(`${named(40)}: `)).toBe(true);
  await expect
    .poll(() => page.getByTestId('water-averages').textContent())
    .toMatch(/Average a day \(goal [\d,]+ ml\):\s*[\d,]+ ml over the last 7 days/);
  await expect
    .poll(() => page.getByTestId('nudge-weeks').locator('tbody tr').count())
    .toBeGreaterThan(3);
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);
  // Two axe runs over five year-long calendars take most of this on a loaded 2-core machine.
}, 90_000);

test('water averages count the days since the first use on any device, without time off', async ({
  extension,
  progress,
}) => {
  const { page } = progress;
  const today = localDayKey(Date.now());
  const noon = (back: number) => new Date(`${addDays(today, -back)}T12:00:00`).getTime();
  // This device: 1,000 ml ten days ago, 1,500 ml two days ago, and 400 ml today (not counted).
  const [reply] = await progress.send([
    {
      type: 'logEntries',
      data: {
        entries: [10, 2, 0].map((back, index) => ({
          kind: 'water',
          ml: [1000, 1500, 400][index],
          at: back === 0 ? Date.now() : noon(back),
        })),
      },
    },
  ]);
  expect(reply).toMatchObject({ ok: true });
  // Another device, as its sync items arrive: the first use, 2,000 ml a day 12 to 10 days ago,
  // and a day of vacation yesterday.
  const days = new Map<string, DeviceDay>([
    ...[12, 11, 10].map((back): [string, DeviceDay] => [
      addDays(today, -back),
      { ...emptyDeviceDay(1), waterMl: 2000 },
    ]),
    [addDays(today, -1), { ...emptyDeviceDay(1), rest: 'vacation' }],
  ]);
  const items = ownItems('devB2second', days, {
    today,
    first: addDays(today, -12),
    rev: Date.now(),
    goalMl: 2000,
    level: { fullMonths: 2, years: 100 },
  });
  await (await extension.worker()).evaluate((values) => chrome.storage.sync.set(values), items);
  const averages = page.getByTestId('water-averages').getByRole('listitem');
  // 1,500 ml over the six days of the last seven that were not time off; 8,500 ml over the 11
  // days of the 12 since the first use that were not.
  await expect
    .poll(() => averages.allTextContents())
    .toEqual([
      '250 ml over 6 of the last 7 days, leaving out 1 day of time off',
      '773 ml over 11 of the 12 days since you started, leaving out 1 day of time off',
    ]);
  await expect
    .poll(() => page.getByTestId('water-averages').textContent())
    .toContain('Today counts once it is over.');
});
