import { mountPage } from '../../components/mountPage';
import Progress from '../../components/progress/Progress.svelte';

mountPage(Progress);
