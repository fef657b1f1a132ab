import { i18n } from '../../lib/adapters/translate';
import { mountPage } from '../../components/mountPage';
import Progress from '../../components/progress/Progress.svelte';

mountPage(Progress, i18n.t('progress.pageTitle'));
