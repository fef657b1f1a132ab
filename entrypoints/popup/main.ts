import { browserAreas } from '../../lib/adapters/storage-areas';
import { i18n } from '../../lib/adapters/translate';
import { readSnapshot } from '../../lib/store/first-paint';
import { mountPage } from '../../components/mountPage';
import Popup from '../../components/popup/Popup.svelte';

// Today's snapshot is on its way to the page while the page is made.
const snapshot = readSnapshot(browserAreas().local, Date.now());
mountPage(Popup, i18n.t('app.name'), { snapshot });
