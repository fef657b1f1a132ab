import { pageStorage } from '../../lib/adapters/page-storage';
import { i18n } from '../../lib/adapters/translate';
import { readSnapshot } from '../../lib/store/first-paint';
import { mountPage } from '../../components/mountPage';
import Popup from '../../components/popup/Popup.svelte';

// Today's snapshot is on its way to the page while the page is made.
const snapshot = readSnapshot(pageStorage().local, Date.now());
mountPage(Popup, i18n.t('app.name'), { snapshot });
