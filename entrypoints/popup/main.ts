import { i18n } from '../../lib/adapters/translate';
import { mountPage } from '../../components/mountPage';
import {
  FIRST_PAINT_GLOBAL,
  GO_LIVE_GLOBAL,
  type FirstPaintPage,
} from '../../components/popup/first-paint-page';
import Popup from '../../components/popup/Popup.svelte';

// Read by the popup's first script (entrypoints/first-paint.ts), which loads this module once
// it has shown the worker's HTML of today, if there was any: the components take that over
// rather than draw it again.
const page = globalThis as FirstPaintPage;
const firstPaint = page[FIRST_PAINT_GLOBAL] ?? Promise.resolve(undefined);
void firstPaint.then((found) => {
  mountPage(
    Popup,
    i18n.t('app.name'),
    { snapshot: found?.snapshot },
    { hydrate: found?.drawn !== undefined },
  );
  // From here a click is the popup's: before, the worker's HTML was on screen, not yet live,
  // and what the user pressed on it was held until now.
  page[GO_LIVE_GLOBAL]?.();
  performance.mark('popup-interactive');
});
