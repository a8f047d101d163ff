import { mount } from 'svelte';
import App from './App.svelte';
import { keepFocusOnScreen } from './lib/focus.ts';
import { startTheme } from './lib/theme.ts';
import './styles/global.css';

startTheme();
keepFocusOnScreen();
mount(App, { target: document.getElementById('app')! });
