import { i18n } from '../../lib/adapters/translate';
import { mountPage } from '../../components/mountPage';
import CheckInPage from '../../components/checkin/CheckInPage.svelte';

mountPage(CheckInPage, i18n.t('checkin.pageTitle'));
