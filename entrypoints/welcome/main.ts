import { mountPage } from '../../components/mountPage';
import Welcome from '../../components/welcome/Welcome.svelte';

mountPage(Welcome);
