import { i18n } from '../../lib/adapters/translate';
import { mountPage } from '../../components/mountPage';
import Popup from '../../components/popup/Popup.svelte';

mountPage(Popup, i18n.t('app.name'));
