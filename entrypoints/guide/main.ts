import { mountPage } from '../../components/mountPage';
import Guide from '../../components/guide/Guide.svelte';

mountPage(Guide);
