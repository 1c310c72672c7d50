// A chart spec against the columns of the result it draws: which fields are missing or name
// columns that are not there. Checked before drawing, so a mistyped column reads as a sentence.
import type { LocalText } from '../framework/types';
import { HEX_COLOUR } from '../charts/spec';
import type { ChartSpec } from './types';

/** Marks that join or fill between points need both axes. */
const NEEDS_BOTH = new Set(['line', 'areaY', 'cell', 'barX', 'barY']);

export function chartProblems(spec: ChartSpec, columns: readonly string[]): LocalText[] {
  const out: LocalText[] = [];
  const has = new Set(columns);
  const check = (field: 'x' | 'y' | 'facet' | 'colour'): void => {
    const v = spec[field];
    if (v === undefined || (field === 'colour' && HEX_COLOUR.test(v))) return;
    if (!has.has(v))
      out.push({
        vi: `${field}: không có cột "${v}" trong kết quả của "${spec.from}"`,
        en: `${field}: the result of "${spec.from}" has no column "${v}"`,
      });
  };
  check('x');
  check('y');
  check('colour');
  check('facet');
  if (NEEDS_BOTH.has(spec.mark) && (!spec.x || !spec.y))
    out.push({
      vi: `kiểu "${spec.mark}" cần cả cột x và cột y`,
      en: `mark "${spec.mark}" needs both an x and a y column`,
    });
  if (!spec.x && !spec.y)
    out.push({ vi: 'hãy chọn cột x hoặc y', en: 'choose an x or a y column' });
  return out;
}

/** The columns a spec reads, in order, each once. */
export function chartColumns(spec: ChartSpec): string[] {
  const colour = spec.colour && !HEX_COLOUR.test(spec.colour) ? [spec.colour] : [];
  return [...new Set([spec.x, spec.y, ...colour, spec.facet].filter((c): c is string => !!c))];
}
