import { i18n } from '../../lib/adapters/translate';
import { mountPage } from '../../components/mountPage';
import Options from '../../components/options/Options.svelte';

mountPage(Options, i18n.t('options.pageTitle'));
