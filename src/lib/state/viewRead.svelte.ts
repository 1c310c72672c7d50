// A view's reads of the result tables: run in turn with scoring (never mid-pipeline), again
// whenever what they depend on changes, and shown only while they answer what is asked now —
// a slow read for unit A never appears under unit B's name. A failed read says so.
import type { Engine } from '../db/engine';
import { app } from './app.svelte';
import { SAY } from '../i18n/stateMessages';

export interface ViewRead<T> {
  /** What the view asks for ("unit|year|framework|…"); null when it asks nothing. */
  key: string | null;
  read: (engine: Engine) => Promise<T>;
}

export function viewRead<T>(ask: () => ViewRead<T>): { readonly value: T | null } {
  const asked = $derived(ask());
  let loaded = $state.raw<{ key: string; value: T } | null>(null);
  $effect(() => {
    const { key, read } = asked;
    // Every scoring changes the tables: read again.
    void app.scored;
    if (key === null) return;
    let stale = false;
    app
      .read(read)
      .then((value) => {
        if (!stale) loaded = { key, value };
      })
      .catch((e: unknown) => app.notices.add(SAY.resultsUnread, e));
    return () => {
      stale = true;
    };
  });
  return {
    get value() {
      return loaded !== null && loaded.key === asked.key ? loaded.value : null;
    },
  };
}
