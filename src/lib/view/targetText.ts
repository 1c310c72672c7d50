// A target and a measure value as people read them: rates as percentages, counts as numbers,
// "≥ 45 %", "60 – 80 %".
import { formatNumber, formatPercent, type Lang } from '../i18n/format';

export function measureValueText(x: number | null, kind: string | null, lang: Lang): string {
  if (x === null) return '—';
  return kind === 'rate' ? formatPercent(x, lang, 1) : formatNumber(x, lang);
}

export function targetText(
  t: { comparator: string; target: number; targetHigh: number | null; kind: string | null },
  lang: Lang,
): string {
  const v = (x: number) => measureValueText(x, t.kind, lang);
  if (t.comparator === 'range') return `${v(t.target)} – ${v(t.targetHigh ?? t.target)}`;
  const op = t.comparator === '>=' ? '≥' : t.comparator === '<=' ? '≤' : '=';
  return `${op} ${v(t.target)}`;
}
