// The frameworks, measure catalog and target profiles that ship with the app — plain JSON
// files, validated exactly like the ones a person loads.
import { validateFramework } from '../validateFramework';
import { validateMeasureCatalog } from '../validateMeasures';
import { validateTargetProfile } from '../validateTargets';
import type { Framework, MeasureDef, TargetProfile } from '../types';
import catalogJson from './measures.json';

const frameworkFiles = import.meta.glob<unknown>('./frameworks/*.json', {
  eager: true,
  import: 'default',
});
const profileFiles = import.meta.glob<unknown>('./targets/*.json', {
  eager: true,
  import: 'default',
});

export interface Builtins {
  frameworks: Framework[];
  profiles: TargetProfile[];
  measures: MeasureDef[];
}

const byTitle = <T extends { title: { vi: string } }>(a: T, b: T): number =>
  a.title.vi.localeCompare(b.title.vi, 'vi');

/** Read and checked once: every workspace (and every test's) shares these frozen definitions. */
let builtins: Builtins | null = null;

export function loadBuiltins(): Builtins {
  builtins ??= deepFreeze({
    frameworks: Object.values(frameworkFiles).map(validateFramework).sort(byTitle),
    profiles: Object.values(profileFiles).map(validateTargetProfile).sort(byTitle),
    measures: validateMeasureCatalog(catalogJson).measures,
  });
  // Lists of one's own: a caller may add to them without adding to the next one's.
  return {
    frameworks: [...builtins.frameworks],
    profiles: [...builtins.profiles],
    measures: [...builtins.measures],
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
