import { mount } from 'svelte';
import App from './components/App.svelte';
import { installAutomation } from './lib/automation';
import { app } from './lib/state/app.svelte';
import { browserSession } from './lib/state/browserSession';
import { syncUrl } from './lib/state/urlSync.svelte';
import './app.css';

app.attach(browserSession(app));
installAutomation(app);
syncUrl(app);
// The engine reports its own failure on screen; keep the console free of a duplicate.
app.ready.catch(() => undefined);
mount(App, { target: document.getElementById('app')! });
// The offline copy (see src/offline/serviceWorker.js); a page opened from file:// has none.
if (import.meta.env.PROD && 'serviceWorker' in navigator && location.protocol.startsWith('http'))
  navigator.serviceWorker.register('./sw.js').catch(() => undefined);
