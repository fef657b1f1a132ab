import { browser } from '../../lib/adapters/browser-api';
import { i18n } from '../../lib/adapters/translate';
import { firstPaintBuild, readFirstPaint } from '../../lib/store/first-paint';
import { mountPage } from '../../components/mountPage';
import { FIRST_PAINT_GLOBAL, type FirstPaintPage } from '../../components/popup/first-paint-page';
import Popup from '../../components/popup/Popup.svelte';

// Read by the popup's first script (entrypoints/first-paint.ts), which may have shown the
// worker's HTML of it: the components take that over rather than draw it again.
const firstPaint =
  (globalThis as FirstPaintPage)[FIRST_PAINT_GLOBAL] ??
  readFirstPaint(
    browser.storage.session,
    Date.now(),
    firstPaintBuild(browser.runtime.getManifest().version, browser.i18n.getUILanguage()),
  );
void firstPaint
  .catch(() => undefined)
  .then((found) => {
    mountPage(
      Popup,
      i18n.t('app.name'),
      { snapshot: found?.snapshot },
      { hydrate: found?.drawn !== undefined && document.body.hasChildNodes() },
    );
    // From here a click is the popup's: before, the worker's HTML was on screen, not yet live.
    performance.mark('popup-interactive');
  });
