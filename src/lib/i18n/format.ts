// Numbers as people read them: vi-VN by default (0,8002 · 45,5 % · 1.234), en-US on switch.
export type Lang = 'vi' | 'en';

const locale = (lang: Lang): string => (lang === 'vi' ? 'vi-VN' : 'en-US');

// toLocaleString with options builds a formatter at every call (≈ 30 µs): a re-score redrew
// thousands of numbers and spent a tenth of its time there. One formatter per language and
// options is kept, for every number the app writes.
const formatters = new Map<string, Intl.NumberFormat>();

export function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), options);
    formatters.set(key, f);
  }
  return f;
}

const digits = (lang: Lang, min: number, max: number): Intl.NumberFormat =>
  numberFormat(lang, { minimumFractionDigits: min, maximumFractionDigits: max });

export function formatNumber(x: number | null | undefined, lang: Lang, places = 2): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return digits(lang, 0, places).format(x);
}

/** With exactly `places` decimals: 0,80. */
export function formatFixed(x: number | null | undefined, lang: Lang, places: number): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return digits(lang, places, places).format(x);
}

/** A 0–1 index value, shown like the official tables: 0,8002. */
export function formatIndex(x: number | null | undefined, lang: Lang): string {
  return formatFixed(x, lang, 4);
}

/** A 0–1 share as a percentage with a space before the sign, as Vietnamese typesetting does. */
export function formatPercent(x: number | null | undefined, lang: Lang, places = 1): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return `${digits(lang, 0, places).format(x * 100)} %`;
}

/** A measured value as people read it; `bound` when the report gave only a bound ("> 70 %"). */
export function measureValueText(
  x: number | null,
  kind: string | null,
  lang: Lang,
  bound: string | null = null,
): string {
  if (x === null) return '—';
  const v = kind === 'rate' ? formatPercent(x, lang, 1) : formatNumber(x, lang);
  return bound ? `${bound} ${v}` : v;
}
