// A value typed into the what-if form, read as the person meant it: "1.500" is fifteen hundred
// in Vietnamese and "1,5" one and a half; "-" or "N/A" says there is no data.
import { MISSING_MARKERS } from '../text/cellWords';
import type { Lang } from '../i18n/format';
import { fold } from '../sql/fold';

export type TypedValue = { kind: 'number'; value: number } | { kind: 'missing'; text: string };

export function readTypedValue(typed: string, lang: Lang): TypedValue | null {
  const text = typed.trim();
  if (text !== '' && MISSING_MARKERS.includes(fold(text))) return { kind: 'missing', text };
  let s = text.replace(/[\s\u00a0]/g, '').replace(/%$/, '');
  if (s === '') return null;
  const dots = s.includes('.');
  const commas = s.includes(',');
  if (dots && commas) {
    // Both: the last one is the decimal mark.
    const decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    s = s.replaceAll(decimal === ',' ? '.' : ',', '').replace(',', '.');
  } else if (commas) {
    s =
      lang === 'en' && /^-?\d{1,3}(,\d{3})+$/.test(s) ? s.replaceAll(',', '') : s.replace(',', '.');
  } else if (dots && lang === 'vi' && /^-?\d{1,3}(\.\d{3})+$/.test(s)) {
    s = s.replaceAll('.', '');
  }
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const value = Number(s);
  return Number.isFinite(value) ? { kind: 'number', value } : null;
}
