// An indicator's inputs as a table cell shows them: the raw values as written, and the cells
// they came from (file / sheet ! cell), so every number on screen points back to its source.
import { formatNumber, type Lang } from '../i18n/format';
import type { TraceStep } from '../scoring/explainTrace';

export function rawValuesText(step: TraceStep | undefined, lang: Lang): string {
  if (!step) return '—';
  return step.inputs
    .map((i) => (i.missing ? '—' : (i.text ?? formatNumber(i.rawValue, lang, 4))))
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
