import { mountPage } from '../../components/mountPage';
import Options from '../../components/options/Options.svelte';

mountPage(Options);
