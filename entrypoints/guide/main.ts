import { i18n } from '../../lib/adapters/translate';
import { mountPage } from '../../components/mountPage';
import Guide from '../../components/guide/Guide.svelte';

mountPage(Guide, i18n.t('guide.pageTitle'));
