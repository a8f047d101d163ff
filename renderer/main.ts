import { mount } from 'svelte';
import App from './App.svelte';
import { keepFocusOnScreen } from './lib/focus.ts';
import './styles/global.css';

keepFocusOnScreen();
mount(App, { target: document.getElementById('app')! });
