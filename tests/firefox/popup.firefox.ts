import { GUIDE, OPTIONS, POPUP, PROGRESS } from '../e2e/pages';
import { expect, test } from './fixtures';
import { FirefoxPage } from './pages';
import { storedTodaySnapshot } from '../e2e/storage';
import { ADDON_ID } from './launch';

/** Opens the quick set, picks an exercise by search and logs one set. */
async function logSet(popup: FirefoxPage, search: string, reps: string, kg: string) {
  await popup.click(POPUP.openQuickSet);
  await popup.fill(POPUP.searchExercises, search);
  await popup.fill(POPUP.reps, reps);
  await popup.fill(POPUP.weight, kg);
  await popup.click(POPUP.logSet);
}

test('on install the event page starts, without a warning, and sets the four nudge alarms', async ({
  firefox,
}) => {
  expect(firefox.alarmsAtInstall).toEqual([
    'nudge:breathing',
    'nudge:movement',
    'nudge:posture',
    'nudge:water',
  ]);
  const manifest = await firefox.background.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.permissions?.toSorted()).toEqual(['alarms', 'idle', 'notifications', 'storage']);
  // Warnings Firefox logs about the add-on as it starts fail this test through the fixture.
});

test('water: add a cup, undo it, add a custom amount', async ({ popup }) => {
  await expect.poll(() => popup.text(POPUP.waterTotal)).toMatch(/^0 ml of 2,000 ml/);
  await popup.click(POPUP.addCup('500 ml'));
  await expect.poll(() => popup.text(POPUP.waterTotal)).toMatch(/^500 ml of 2,000 ml/);
  await popup.click(POPUP.undo);
  await expect.poll(() => popup.text(POPUP.waterTotal)).toMatch(/^0 ml of 2,000 ml/);
  await popup.fill(POPUP.otherAmount, '330');
  await popup.page.keyboard.press('Enter');
  await expect.poll(() => popup.text(POPUP.waterTotal)).toMatch(/^330 ml of 2,000 ml/);
});

test('a set: log it, see the record, repeat it in one click', async ({ popup }) => {
  await logSet(popup, 'deadl', '8', '60');
  await expect.poll(() => popup.text(POPUP.recordBanner)).toBe('Deadlift 8 × 60 kg, new record');
  await popup.click(POPUP.repeat('Deadlift 8 × 60 kg'));
  await expect.poll(() => popup.text(POPUP.workoutToday)).toContain('Done');
  // The set form has the popup to itself; closed, today's log is back.
  await popup.click(POPUP.closeQuickSet);
  await expect
    .poll(async () => (await popup.text(POPUP.todayLog))?.match(/Deadlift, 8 × 60 kg/g)?.length)
    .toBe(2);
});

test('mark today as a rest day, pause nudges and resume them', async ({ popup }) => {
  await popup.click(POPUP.restDay);
  await expect.poll(() => popup.text(POPUP.workoutToday)).toContain('Rest day');
  await popup.click(POPUP.pauseMenu);
  await popup.click(POPUP.pauseFor('30 min'));
  await expect.poll(() => popup.text(POPUP.nudgeStatus)).toMatch(/^Nudges paused until/);
  await popup.click(POPUP.resume);
  await expect.poll(() => popup.text(POPUP.nudgeStatus)).toMatch(/^Next: /);
});

test('progress shows a logged set; every guide renders', async ({ firefox, popup, progress }) => {
  await logSet(popup, 'deadl', '5', '100');
  await expect.poll(() => popup.text(POPUP.recordBanner)).toBeTruthy();
  // Opened again, as a user would to see the new set.
  await firefox.navigate(progress.page, PROGRESS.path);
  await expect.poll(() => progress.text(PROGRESS.records)).toContain('Heaviest: 100 kg');
  await expect.poll(() => progress.text(PROGRESS.habit('water'))).toMatch(/Current streak/);

  const guide = new FirefoxPage(await firefox.open(GUIDE.path('posture')));
  for (const [kind, heading] of [
    ['posture', 'Posture check'],
    ['breathing', 'Breathe'],
    ['water', 'Water'],
    ['movement', 'Time to move'],
  ] as const) {
    await firefox.navigate(guide.page, GUIDE.path(kind));
    await expect.poll(() => guide.text({ role: 'heading', name: heading })).toBe(heading);
    await guide.find(GUIDE.done);
  }
  await guide.page.close();
});

test('the harness notices console errors and outside requests', async ({ firefox, popup }) => {
  await popup.page.evaluate(() => console.error('deliberate'));
  await popup.page.evaluate(() => fetch('http://127.0.0.1:45679/').catch(() => undefined));
  await expect
    .poll(async () => (await firefox.problems()).join('\n'))
    .toMatch(
      /deliberate[^]*network request: http:\/\/127\.0\.0\.1:45679\/|network request: http:\/\/127\.0\.0\.1:45679\/[^]*deliberate/,
    );
  await firefox.clearProblems();
});

test('pages closed or left let go of their listeners: Firefox logs no closed conduit', async ({
  firefox,
}) => {
  // The check can see it: Firefox's own error, naming the add-on's connection.
  await firefox.privileged(
    `Cu.reportError(new Error('sendRemoveListener on closed conduit ${ADDON_ID}.1'))`,
  );
  await expect.poll(async () => (await firefox.problems()).join('\n')).toContain('closed conduit');
  await firefox.clearProblems();
  // Each page, opened and closed; the guide also left for another address, as the reused tab is.
  for (const path of [POPUP.path, OPTIONS.path, PROGRESS.path, GUIDE.path('breathing')]) {
    const page = new FirefoxPage(await firefox.open(path));
    await page.find({ role: 'heading', name: /\S/ });
    if (path.startsWith('guide')) await firefox.navigate(page.page, GUIDE.path('water'));
    await page.page.close();
  }
  // An error the add-on's process reports after the pages closed: once it has arrived, so has
  // anything their closing reported before it.
  await firefox.driver.evaluate(() => {
    setTimeout(() => {
      throw new Error('after the pages closed');
    });
  });
  let problems: string[] = [];
  await expect
    .poll(async () => (problems = await firefox.problems()).join('\n'))
    .toContain('after the pages closed');
  expect(problems.filter((problem) => problem.includes('conduit'))).toEqual([]);
  await firefox.clearProblems();
});

test('the popup paints the event page’s HTML of today first, then takes it over', async ({
  firefox,
  popup,
}) => {
  // A cup logged: the event page draws today anew.
  await popup.click(POPUP.addCup('250 ml'));
  await expect
    .poll(async () => (await storedTodaySnapshot(firefox.background))?.firstPaint?.html)
    .toMatch(/data-testid="water-total"[^>]*>250 ml/);
  const page = await firefox.open(POPUP.path);
  // Pressed as soon as it shows: on the first paint, or on the live popup if that came first.
  const reopened = new FirefoxPage(page);
  await reopened.click(POPUP.addCup('250 ml'));
  const marks = await page.waitForFunction(() => {
    const [ready, interactive] = ['popup-ready', 'popup-interactive'].map(
      (name) => performance.getEntriesByName(name)[0]?.startTime,
    );
    return ready !== undefined && interactive !== undefined && { ready, interactive };
  });
  const { ready, interactive } = (await marks.jsonValue()) as Record<string, number>;
  // Marked by the first script when it showed the HTML; by the components only without it.
  expect(ready).toBeLessThanOrEqual(interactive!);
  expect(await page.evaluate(() => document.querySelectorAll('main').length)).toBe(1);
  await expect.poll(() => reopened.text(POPUP.waterTotal)).toMatch(/^500 ml of 2,000 ml/);
  await reopened.click(POPUP.addCup('250 ml'));
  await expect.poll(() => reopened.text(POPUP.waterTotal)).toMatch(/^750 ml of 2,000 ml/);
  await page.close();
});
