import { expect, test } from './fixtures';
import { writeSampleHistory } from './sample-history';

test('adding Sunday active hours leaves the breathing streak and its best as they were', async ({
  extension,
  options,
  popup,
  progress,
}) => {
  // Five weeks of breathing on weekdays, with the default hours: none on weekends.
  await writeSampleHistory(await extension.worker(), 35);
  await popup.page.reload();
  await progress.page.reload();
  const streak = popup.streak('breathing');
  const card = progress.habit('breathing');
  await expect.poll(() => streak.textContent()).toMatch(/25 days/);
  await expect.poll(() => card.textContent()).toMatch(/best 25 days/);
  const streakBefore = await streak.textContent();
  const cardBefore = await card.textContent();

  const { page } = options;
  await page.reload();
  await page.getByRole('button', { name: 'Add a range on Sunday' }).click();
  await expect.poll(() => page.getByTestId('saved-activeHours').textContent()).toBe('Saved');
  const worker = await extension.worker();
  const saved = await worker.evaluate(() => chrome.storage.sync.get('settings'));
  expect(saved.settings).toMatchObject({
    nudges: { activeHours: { 6: [{ from: 540, to: 1080 }] } },
  });

  // Opened afresh, both pages read the new settings; every past Sunday stays not expected.
  await popup.page.reload();
  await progress.page.reload();
  await expect.poll(() => streak.textContent()).toBe(streakBefore);
  await expect.poll(() => card.textContent()).toBe(cardBefore);
});
