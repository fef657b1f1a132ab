/**
 * What a user does to Firefox itself rather than to a page (clicking its alert, being at the
 * keyboard) and what Firefox does on its own (stopping an idle event page), through privileged
 * script in the browser window.
 */
import { expect } from 'vitest';
import { ADDON_ID, type LaunchedFirefox } from './launch';
import { FirefoxPage } from './pages';

const EXTENSION = `WebExtensionPolicy.getByID(${JSON.stringify(ADDON_ID)}).extension`;

/**
 * Headless Firefox counts the user idle from its start, and WebDriver input does not reset that:
 * reset it before anything that asks whether the user is away.
 */
export function userIsActive(firefox: LaunchedFirefox): Promise<void> {
  return firefox.privileged(
    `Cc['@mozilla.org/widget/useridleservice;1']
      .getService(Ci.nsIUserIdleServiceInternal).resetIdleTimeOut(0)`,
  );
}

/** `running`, `suspending`, `stopped`... as Firefox keeps it for the add-on's event page. */
export function backgroundState(firefox: LaunchedFirefox): Promise<string> {
  return firefox.privileged(`${EXTENSION}.backgroundState`);
}

/**
 * Stops the event page as its idle timeout would. Firefox lets a page with listener calls still
 * running live one more idle period: the timeout comes again until the page stops.
 */
export async function stopBackground(firefox: LaunchedFirefox): Promise<void> {
  await expect
    .poll(
      () =>
        firefox.privileged(`(async () => {
          if (${EXTENSION}.backgroundState === 'running') await ${EXTENSION}.terminateBackground();
          return ${EXTENSION}.backgroundState;
        })()`),
      { timeout: 15_000 },
    )
    .toBe('stopped');
}

export interface Alert {
  title: string;
  text: string;
}

/** The alert windows Firefox shows now (laid out, so a user could read and click them). */
export function openAlerts(firefox: LaunchedFirefox): Promise<Alert[]> {
  return firefox.privileged(`[...Services.wm.getEnumerator('alert:alert')]
    .filter((w) => w.document.readyState === 'complete' &&
      w.document.getElementById('alertBox')?.getBoundingClientRect().width > 10)
    .map((w) => ({
      title: w.document.getElementById('alertTitleLabel').value,
      text: w.document.getElementById('alertTextLabel').textContent,
    }))`);
}

/** The title of the one alert Firefox shows, once it shows one. */
export async function shownAlert(firefox: LaunchedFirefox): Promise<string> {
  let titles: string[] = [];
  await expect
    .poll(async () => (titles = (await openAlerts(firefox)).map((alert) => alert.title)), {
      timeout: 15_000,
    })
    .toHaveLength(1);
  return titles[0]!;
}

/**
 * Waits for the alert with this title, then gives privileged script that finds its window.
 */
async function alertWindow(firefox: LaunchedFirefox, title: string): Promise<string> {
  await expect
    .poll(async () => (await openAlerts(firefox)).map((alert) => alert.title), { timeout: 15_000 })
    .toContain(title);
  return `[...Services.wm.getEnumerator('alert:alert')].find(
      (w) => w.document.getElementById('alertTitleLabel').value === ${JSON.stringify(title)})`;
}

/** Clicks the body of the alert with this title, as a user's mouse would. */
export async function clickAlert(firefox: LaunchedFirefox, title: string): Promise<void> {
  await firefox.privileged(`(() => {
    const alert = ${await alertWindow(firefox, title)};
    const box = alert.document.getElementById('alertBox').getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    alert.synthesizeMouseEvent('mousedown', x, y, { button: 0, buttons: 1, clickCount: 1 }, {});
    alert.synthesizeMouseEvent('mouseup', x, y, { button: 0, buttons: 0, clickCount: 1 }, {});
  })()`);
}

/**
 * Lets the alert with this title time out now rather than in 20 s: Firefox's alert closes itself
 * when its `alert-animation` ends, so that animation is shortened and Firefox's own code closes it.
 */
export async function letAlertTimeOut(firefox: LaunchedFirefox, title: string): Promise<void> {
  await firefox.privileged(`(() => {
    const alert = ${await alertWindow(firefox, title)};
    alert.document.getElementById('alertBox').style.animationDuration = '10ms';
  })()`);
}

/** The tabs showing this page of the add-on. */
export async function tabsAt(firefox: LaunchedFirefox, path: string): Promise<FirefoxPage[]> {
  const tabs: FirefoxPage[] = [];
  for (const page of await firefox.browser.pages()) {
    const url = await page.evaluate(() => location.href).catch(() => '');
    if (url === firefox.url(path)) tabs.push(new FirefoxPage(page));
  }
  return tabs;
}

/** The tab the add-on opened at this page, once it is there. */
export async function openedTab(firefox: LaunchedFirefox, path: string): Promise<FirefoxPage> {
  await expect.poll(() => tabsAt(firefox, path), { timeout: 15_000 }).toHaveLength(1);
  return (await tabsAt(firefox, path))[0]!;
}
