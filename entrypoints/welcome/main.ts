import { i18n } from '../../lib/adapters/translate';
import { mountPage } from '../../components/mountPage';
import Welcome from '../../components/welcome/Welcome.svelte';

mountPage(Welcome, i18n.t('welcome.title'));
