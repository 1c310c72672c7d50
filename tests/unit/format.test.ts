// Numbers as people read them, from formatters kept per language and digits: the same text as
// toLocaleString gives, in either order of calls.
import { describe, expect, it } from 'vitest';
import { formatFixed, formatIndex, formatNumber, formatPercent } from '../../src/lib/i18n/format';

describe('number formats', () => {
  it('read as the official tables do, in Vietnamese and English', () => {
    expect(formatIndex(0.80021, 'vi')).toBe('0,8002');
    expect(formatIndex(0.8, 'en')).toBe('0.8000');
    expect(formatNumber(1234.567, 'vi')).toBe('1.234,57');
    expect(formatNumber(1234.5, 'en', 0)).toBe('1,235');
    expect(formatPercent(0.455, 'vi')).toBe('45,5 %');
    expect(formatFixed(0.5, 'vi', 2)).toBe('0,50');
    for (const f of [formatIndex, formatNumber, formatPercent])
      expect([f(null, 'vi'), f(undefined, 'en'), f(Number.NaN, 'vi')]).toEqual(['—', '—', '—']);
  });

  it('give what toLocaleString gives, whichever formatter was made first', () => {
    const values = [0, 1, -0.5, 0.123456, 98765.4321, 1e9 + 0.25];
    for (const lang of ['en', 'vi', 'en'] as const) {
      const locale = lang === 'vi' ? 'vi-VN' : 'en-US';
      for (const x of values) {
        for (const digits of [0, 1, 2, 4]) {
          expect(formatNumber(x, lang, digits)).toBe(
            x.toLocaleString(locale, { minimumFractionDigits: 0, maximumFractionDigits: digits }),
          );
          expect(formatFixed(x, lang, digits)).toBe(
            x.toLocaleString(locale, {
              minimumFractionDigits: digits,
              maximumFractionDigits: digits,
            }),
          );
        }
      }
    }
  });
});
