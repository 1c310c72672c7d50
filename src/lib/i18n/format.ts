// Numbers as people read them: vi-VN by default (0,8002 · 45,5 % · 1.234), en-US on switch.
export type Lang = 'vi' | 'en';

const locale = (lang: Lang): string => (lang === 'vi' ? 'vi-VN' : 'en-US');

// toLocaleString with options builds a formatter at every call: a re-score redrew thousands of
// numbers and spent a tenth of its time there. One formatter per language and digits is kept.
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${lang} ${minDigits} ${maxDigits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), {
      minimumFractionDigits: minDigits,
      maximumFractionDigits: maxDigits,
    });
    formatters.set(key, f);
  }
  return f;
}

export function formatNumber(x: number | null | undefined, lang: Lang, digits = 2): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return formatter(lang, 0, digits).format(x);
}

/** With exactly `digits` decimals: 0,80. */
export function formatFixed(x: number | null | undefined, lang: Lang, digits: number): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return formatter(lang, digits, digits).format(x);
}

/** A 0–1 index value, shown like the official tables: 0,8002. */
export function formatIndex(x: number | null | undefined, lang: Lang): string {
  return formatFixed(x, lang, 4);
}

/** A 0–1 share as a percentage with a space before the sign, as Vietnamese typesetting does. */
export function formatPercent(x: number | null | undefined, lang: Lang, digits = 1): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return `${formatter(lang, 0, digits).format(x * 100)} %`;
}
