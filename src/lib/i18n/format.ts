// Numbers as people read them: vi-VN by default (0,8002 · 45,5 % · 1.234), en-US on switch.
export type Lang = 'vi' | 'en';

const locale = (lang: Lang): string => (lang === 'vi' ? 'vi-VN' : 'en-US');

export function formatNumber(x: number | null | undefined, lang: Lang, digits = 2): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return x.toLocaleString(locale(lang), {
    minimumFractionDigits: 0,
    maximumFractionDigits: digits,
  });
}

/** A 0–1 index value, shown like the official tables: 0,8002. */
export function formatIndex(x: number | null | undefined, lang: Lang): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return x.toLocaleString(locale(lang), { minimumFractionDigits: 4, maximumFractionDigits: 4 });
}

/** A 0–1 share as a percentage with a space before the sign, as Vietnamese typesetting does. */
export function formatPercent(x: number | null | undefined, lang: Lang, digits = 1): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return `${(x * 100).toLocaleString(locale(lang), { maximumFractionDigits: digits })} %`;
}
