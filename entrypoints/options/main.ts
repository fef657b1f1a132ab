import { mount } from 'svelte';
import '../../components/theme.css';
import Options from '../../components/options/Options.svelte';

mount(Options, { target: document.getElementById('app')! });
