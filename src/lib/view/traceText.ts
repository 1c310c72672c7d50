// An indicator's inputs as a table cell shows them: each value formatted as people read it, with
// its unit (69,6 %, 32 camera), the value as written in the file for the tooltip, and the cells
// they came from (file / sheet ! cell), so every number on screen points back to its source.
import { formatNumber, formatPercent, type Lang } from '../i18n/format';
import type { TraceInput, TraceStep } from '../scoring/explainTrace';
import { valueBound } from '../text/valueBound';

/** One input as read: a rate as a percentage, a count with its unit, an answer as written. */
export function inputValueText(i: TraceInput, lang: Lang): string {
  if (i.missing || (i.value === null && i.text === null)) return '—';
  if (i.value === null || i.kind === 'boolean' || i.kind === 'choice' || i.kind === 'text')
    return i.text ?? formatNumber(i.rawValue, lang, 4);
  // "Trên 70%" in the file: the value is only known to be above 70 %.
  const bound = valueBound(i.text);
  const shown =
    i.kind === 'rate'
      ? formatPercent(i.value, lang, 1)
      : `${formatNumber(i.value, lang, 4)}${i.unit ? ` ${i.unit}` : ''}`;
  return bound ? `${bound} ${shown}` : shown;
}

export function rawValuesText(step: TraceStep | undefined, lang: Lang): string {
  if (!step) return '—';
  return step.inputs.map((i) => inputValueText(i, lang)).join(' ; ');
}

/** The values exactly as the file wrote them ("69.6", "69,6%", "Có"). */
export function writtenValuesText(step: TraceStep): string {
  return step.inputs
    .map((i) => (i.missing ? '—' : (i.text ?? (i.rawValue === null ? '—' : String(i.rawValue)))))
    .join(' ; ');
}

export function sourceCellsText(step: TraceStep): string {
  return step.inputs
    .filter((i) => i.source.cell)
    .map(
      (i) => `${i.source.file}${i.source.sheet ? ` / ${i.source.sheet}` : ''} ! ${i.source.cell}`,
    )
    .join(' ; ');
}
