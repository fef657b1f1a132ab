import { i18n } from '../../lib/adapters/translate';
import { mountPage } from '../../components/mountPage';
import Guide from '../../components/guide/Guide.svelte';
import SessionPage from '../../components/guide/SessionPage.svelte';

// `?session`: a rest notification's click opens the workout session here.
if (new URLSearchParams(location.search).has('session'))
  mountPage(SessionPage, i18n.t('session.heading'));
else mountPage(Guide, i18n.t('guide.pageTitle'));
