// Keeps the URL and the view in step: a reload or a shared link opens the same page, framework,
// year, profile and units; Back and Forward move between pages. No data goes into the URL.
import type { app as appState } from '../state/app.svelte';
import { parseView, viewQuery, type ViewChoice } from './viewUrl';

type App = typeof appState;

function currentChoice(app: App): ViewChoice {
  return {
    page: app.view.page,
    framework: app.frameworkId,
    year: app.year,
    profile: app.profileId ?? 'none',
    unit: app.view.unit,
    compare: app.view.compare,
    parent: app.view.parent,
  };
}

function applyView(app: App, v: ViewChoice): void {
  app.view.page = v.page;
  app.view.unit = v.unit;
  app.view.compare = v.compare;
  app.view.parent = v.parent;
}

export function syncUrl(app: App): void {
  const initial = parseView(location.search);
  applyView(app, initial);
  void app.ready.then(() => app.applyChoice(initial));
  window.addEventListener('popstate', () => {
    const v = parseView(location.search);
    applyView(app, v);
    void app.applyChoice(v);
  });
  $effect.root(() => {
    let lastPage = `${app.view.page}|${app.view.unit}`;
    $effect(() => {
      const query = viewQuery(currentChoice(app));
      if (app.phase === 'starting' || query === location.search) return;
      // A new page or unit is a step Back can return to; other choices refine the same step.
      const page = `${app.view.page}|${app.view.unit}`;
      const url = `${location.pathname}${query}`;
      if (page !== lastPage) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
      lastPage = page;
    });
  });
}
