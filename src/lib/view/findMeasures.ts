// The measure search of the mapping view: a person types a few letters of a measure's name or
// code or of another name officials give it, with or without marks ("camera", "so hoa"), and
// gets the measures holding them all.
import type { MeasureDef } from '../framework/types';
import { fold } from '../sql/fold';

export function findMeasures(
  measures: readonly MeasureDef[],
  query: string,
  limit = 8,
): MeasureDef[] {
  const words = fold(query)
    .split(' ')
    .filter((w) => w !== '');
  if (words.length === 0) return [];
  return measures
    .filter((m) => {
      const names = [m.name.vi, m.name.en, ...(m.aliases ?? []), m.code.replace(/_/g, ' ')];
      const text = fold(names.join(' '));
      return words.every((w) => text.includes(w));
    })
    .slice(0, limit);
}
