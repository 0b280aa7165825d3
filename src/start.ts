import { mount } from 'svelte';
import App from './ui/App.svelte';

const target = document.getElementById('app')!;
// The static shell of index.html goes in the same task as the app's own frame comes, so no frame
// shows twice or not at all.
target.replaceChildren();
mount(App, { target });
