// Keeps the URL and the view in step: a reload or a shared link opens the same page, framework,
// year, profile and units; Back and Forward move between pages. No data goes into the URL.
import type { app as appState } from './app.svelte';
import { parseView, viewQuery, type ViewChoice } from '../view/viewUrl';

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
    notebook: app.view.notebook,
  };
}

function applyView(app: App, v: ViewChoice): void {
  app.view.page = v.page;
  app.view.unit = v.unit;
  app.view.compare = v.compare;
  app.view.parent = v.parent;
  app.view.notebook = v.notebook;
}

export function syncUrl(app: App): void {
  const initial = parseView(location.search);
  applyView(app, initial);
  let lastPage = `${initial.page}|${initial.unit}`;
  // While Back/Forward restores a view (part of it through the task queue), the URL already
  // says where we are: writing it then would push a step and lose Forward.
  let restoring = false;
  void app.ready.then(() => app.session.applyChoice(initial));
  window.addEventListener('popstate', () => {
    const v = parseView(location.search);
    restoring = true;
    lastPage = `${v.page}|${v.unit}`;
    applyView(app, v);
    void app.session.applyChoice(v).finally(() => {
      restoring = false;
    });
  });
  $effect.root(() => {
    $effect(() => {
      const query = viewQuery(currentChoice(app));
      const page = `${app.view.page}|${app.view.unit}`;
      if (restoring || app.phase === 'starting' || query === location.search) {
        lastPage = page;
        return;
      }
      // A new page or unit is a step Back can return to; other choices refine the same step.
      const url = `${location.pathname}${query}`;
      if (page !== lastPage) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
      lastPage = page;
    });
  });
}
