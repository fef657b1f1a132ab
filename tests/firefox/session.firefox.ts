/**
 * A workout session in Firefox, whose notifications have no buttons: the rest alarm fires as
 * Firefox's alert, clicking it opens the session on the guide page, where the next set is logged.
 */
import { storedEntries } from '../e2e/storage';
import { callHandler, fireSoon } from '../e2e/worker';
import { expect, test } from './fixtures';
import { clickAlert, shownAlert } from './internals';
import type { LaunchedFirefox } from './launch';
import { FirefoxPage } from './pages';

const SESSION_PATH = 'guide.html?session';

async function sessionTab(firefox: LaunchedFirefox): Promise<FirefoxPage | undefined> {
  for (const page of await firefox.browser.pages()) {
    const url = await page.evaluate(() => location.href).catch(() => '');
    if (url === firefox.url(SESSION_PATH)) return new FirefoxPage(page);
  }
  return undefined;
}

test('a rest alert clicked opens the session on the guide page; the next set is logged there', async ({
  firefox,
}) => {
  const row = { kind: 'set', exercise: 'bentOverRow', reps: 12 };
  await callHandler(firefox.background, 'startSession', { routine: 'backDay' });
  await callHandler(firefox.background, 'logSessionSet', {
    slot: 0,
    set: { ...row, weight: { amount: 20, unit: 'kg' }, at: Date.now() },
  });
  await fireSoon(firefox.background, 'session:rest');
  const title = await shownAlert(firefox);
  expect(title).toBe('Rest over: set 2 of 3, Bent-over row 12 × 20 kg');
  await clickAlert(firefox, title);
  await expect.poll(() => sessionTab(firefox), { timeout: 15_000 }).toBeDefined();
  const guide = (await sessionTab(firefox))!;
  await expect.poll(() => guide.text({ testId: 'set-of' })).toBe('Set 2 of 3');
  await guide.click({ testId: 'log-session-set' });
  await expect.poll(() => guide.text({ testId: 'set-of' })).toBe('Set 3 of 3');
  const sets = (await storedEntries(firefox.background)).filter((entry) => entry.kind === 'set');
  expect(sets.map((set) => set.kind === 'set' && [set.reps, set.weight?.amount])).toEqual([
    [12, 20],
    [12, 20],
  ]);
  await guide.click({ role: 'button', name: 'End', exact: true });
  await expect.poll(() => guide.text({ testId: 'session-figures' })).toMatch(/^Sets: 2 · /);
});
