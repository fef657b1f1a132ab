import { mount } from 'svelte';
import '../../components/theme.css';
import Popup from '../../components/popup/Popup.svelte';

mount(Popup, { target: document.getElementById('app')! });
