import { mountPage } from '../../components/mountPage';
import Popup from '../../components/popup/Popup.svelte';

mountPage(Popup);
