// A rule written out in words, in Vietnamese and English, for tables and the explain trace.
import { formatNumber } from '../i18n/format';
import type { Indicator, LocalText, PartTest } from './types';

const vn = (x: number): string => formatNumber(x, 'vi', 4);
const en = (x: number): string => formatNumber(x, 'en', 4);
const pct = (x: number, f: (n: number) => string): string => `${f(x * 100)} %`;

/**
 * `nameOf` gives measures their names, so officers read "tỷ lệ “Hồ sơ giải quyết theo DVCTT
 * toàn trình”" rather than a code; without it (or for an unknown code) the code is shown.
 */
export function ruleText(
  ind: Indicator,
  nameOf: (code: string) => LocalText | undefined = () => undefined,
): LocalText {
  const r = ind.rule;
  const m = ind.maxPoints;
  const [a = 'a', b = 'b'] = ind.measures;
  const named = (code: string, lang: 'vi' | 'en'): string => {
    const n = nameOf(code)?.[lang];
    return n ? `“${n}”` : code;
  };
  const [av, bv, ae, be] = [named(a, 'vi'), named(b, 'vi'), named(a, 'en'), named(b, 'en')];
  // A named rate says what it is ("Tỷ lệ …"); a bare code gets the word.
  const rv = av === a ? `tỷ lệ ${a}` : av;
  const re = ae === a ? `rate ${a}` : ae;
  const lower = ind.direction === 'lower';
  switch (r.kind) {
    case 'ratio':
      return lower
        ? {
            vi: `điểm = (1 − min(${av} ÷ ${bv}; 1)) × ${vn(m)}; ${bv} = 0 → không áp dụng`,
            en: `points = (1 − min(${ae} ÷ ${be}, 1)) × ${en(m)}; ${be} = 0 → not applicable`,
          }
        : {
            vi: `điểm = min(${av} ÷ ${bv}; 1) × ${vn(m)}; ${bv} = 0 → không áp dụng`,
            en: `points = min(${ae} ÷ ${be}, 1) × ${en(m)}; ${be} = 0 → not applicable`,
          };
    case 'percent': {
      if (lower)
        return {
          vi: `điểm = (1 − ${rv}) × ${vn(m)}`,
          en: `points = (1 − ${re}) × ${en(m)}`,
        };
      const full = r.fullAt ?? 1;
      return full === 1
        ? {
            vi: `điểm = ${rv} × ${vn(m)} (tối đa 100 %)`,
            en: `points = ${re} × ${en(m)} (capped at 100 %)`,
          }
        : {
            vi: `điểm = min(${rv} ÷ ${pct(full, vn)}; 1) × ${vn(m)}`,
            en: `points = min(${re} ÷ ${pct(full, en)}, 1) × ${en(m)}`,
          };
    }
    case 'tiers': {
      const op = lower ? '≤' : '≥';
      const sorted = [...r.tiers].sort((x, y) => (lower ? x.at - y.at : y.at - x.at));
      return {
        vi: `${av} ${sorted.map((t) => `${op} ${vn(t.at)} → ${vn(t.points)} điểm`).join('; ')}; còn lại → 0`,
        en: `${ae} ${sorted.map((t) => `${op} ${en(t.at)} → ${en(t.points)} pts`).join('; ')}; otherwise 0`,
      };
    }
    case 'choice':
      return {
        vi: r.options.map((o) => `${o.label.vi} → ${vn(o.fraction * m)} điểm`).join('; '),
        en: r.options.map((o) => `${o.label.en} → ${en(o.fraction * m)} pts`).join('; '),
      };
    case 'boolean':
      return lower
        ? { vi: `có → 0 điểm; không → ${vn(m)} điểm`, en: `yes → 0 pts; no → ${en(m)} pts` }
        : { vi: `có → ${vn(m)} điểm; không → 0 điểm`, en: `yes → ${en(m)} pts; no → 0 pts` };
    case 'parts':
      return {
        vi: r.parts
          .map((p) => `${p.label.vi} (${testText(p.test, 'vi')}) → ${vn(p.share * m)} điểm`)
          .join(' + '),
        en: r.parts
          .map((p) => `${p.label.en} (${testText(p.test, 'en')}) → ${en(p.share * m)} pts`)
          .join(' + '),
      };
    case 'goalpost':
      return {
        vi: `điểm = ${vn(m)} × min(max((${av} − ${vn(r.worst)}) ÷ (${vn(r.best)} − ${vn(r.worst)}); 0); 1)`,
        en: `points = ${en(m)} × clamp((${ae} − ${en(r.worst)}) ÷ (${en(r.best)} − ${en(r.worst)}), 0, 1)`,
      };
    case 'minmax':
      return {
        vi: `điểm = ${vn(m)} × ${lower ? `(lớn nhất − ${av})` : `(${av} − nhỏ nhất)`} ÷ (lớn nhất − nhỏ nhất) trong ${peerText(r.peers, 'vi')} — phụ thuộc đơn vị khác`,
        en: `points = ${en(m)} × ${lower ? `(max − ${ae})` : `(${ae} − min)`} ÷ (max − min) across ${peerText(r.peers, 'en')} — depends on other units`,
      };
    case 'points':
      return {
        vi: `điểm = giá trị ${av} (là điểm đã chấm), tối đa ${vn(m)}`,
        en: `points = the value of ${ae} (points as given), at most ${en(m)}`,
      };
    case 'zscore':
      return {
        vi: `z = ${lower ? '−' : ''}(${av} − trung bình) ÷ độ lệch chuẩn trong ${peerText(r.peers, 'vi')}; điểm = ${vn(m)} × (z + ${vn(r.clip)}) ÷ ${vn(2 * r.clip)} — phụ thuộc đơn vị khác`,
        en: `z = ${lower ? '−' : ''}(${ae} − mean) ÷ sd across ${peerText(r.peers, 'en')}; points = ${en(m)} × (z + ${en(r.clip)}) ÷ ${en(2 * r.clip)} — depends on other units`,
      };
  }
}

function testText(t: PartTest, lang: 'vi' | 'en'): string {
  const f = lang === 'vi' ? vn : en;
  if (t.kind === 'yes') return lang === 'vi' ? 'có' : 'yes';
  return `${t.kind === 'atLeast' ? '≥' : '≤'} ${f(t.value)}`;
}

function peerText(peers: 'all' | 'parent', lang: 'vi' | 'en'): string {
  if (lang === 'vi')
    return peers === 'all' ? 'các đơn vị cùng năm' : 'các đơn vị cùng cấp trên, cùng năm';
  return peers === 'all' ? 'all units that year' : 'units of the same parent that year';
}
