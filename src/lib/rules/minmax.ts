// minmax: points = max × (x − min) ÷ (max − min) over the unit's peers (COINr-style); for
// analysis only — a unit's points then depend on the others. All equal: full points.
import { both, defineRule, num, timesMax } from './kind';
import { peerText, readPeers } from './peers';

export const minmax = defineRule({
  kind: 'minmax',
  measureCount: 1,
  relative: true,
  fields: ['peers'],
  read: (c, o, path) => ({ kind: 'minmax', peers: readPeers(c, o.peers, `${path}.peers`) }),
  parameters: (r) => ({ peers: r.peers }),
  fractionSql: `CASE WHEN a IS NULL THEN NULL WHEN peer_max - peer_min = 0 THEN 1.0
      ELSE (CASE WHEN higher THEN a - peer_min ELSE peer_max - a END) / (peer_max - peer_min) END`,
  words: (r, w) =>
    both((lang) =>
      lang === 'vi'
        ? `điểm = ${num(w.max, 'vi')} × ${w.lower ? `(lớn nhất − ${w.a.vi})` : `(${w.a.vi} − nhỏ nhất)`} ÷ (lớn nhất − nhỏ nhất) trong ${peerText(r.peers, 'vi')} — phụ thuộc đơn vị khác`
        : `points = ${num(w.max, 'en')} × ${w.lower ? `(max − ${w.a.en})` : `(${w.a.en} − min)`} ÷ (max − min) across ${peerText(r.peers, 'en')} — depends on other units`,
    ),
  formula: (w, lang) => `${num(w.inputs[0]?.value ?? 0, lang)} → ${timesMax(w, lang)}`,
});
