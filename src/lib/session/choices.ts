// What a link or Back/Forward chooses: the framework, profile and year, where they exist here.
import type { Core } from './core';
import { showYear } from './scoring';

export interface ChosenView {
  framework: string | null;
  /** A profile id, or "none" for no plan. */
  profile: string | null;
  year: number | null;
}

export async function applyChoice(c: Core, v: ChosenView): Promise<void> {
  const { s } = c;
  let changed = false;
  if (
    v.framework &&
    v.framework !== s.frameworkId &&
    s.frameworks.some((f) => f.id === v.framework)
  ) {
    s.frameworkId = v.framework;
    changed = true;
  }
  const profile = v.profile === 'none' ? null : v.profile;
  if (
    v.profile &&
    profile !== s.profileId &&
    (profile === null || s.profiles.some((p) => p.id === profile))
  ) {
    s.profileId = profile;
    changed = true;
  }
  if (changed) {
    await c.rescore(v.year);
    c.save();
  } else if (v.year !== null && v.year !== s.year && s.years.includes(v.year)) {
    await showYear(c, v.year);
  }
}
