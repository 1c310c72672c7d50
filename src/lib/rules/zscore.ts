// zscore: z = (x − mean) ÷ sd over the unit's peers, clipped to ±clip and mapped onto [0, max];
// for analysis only. No spread: the middle (half the points).
import { both, defineRule, num, timesMax } from './kind';
import { peerText, readPeers } from './peers';

const EPS = 1e-9;

export const zscore = defineRule({
  kind: 'zscore',
  measureCount: 1,
  relative: true,
  fields: ['peers', 'clip'],
  read: (c, o, path) => ({
    kind: 'zscore',
    peers: readPeers(c, o.peers, `${path}.peers`),
    clip: o.clip === undefined ? 3 : c.number(o.clip, `${path}.clip`, { min: EPS }),
  }),
  parameters: (r) => ({ peers: r.peers, clip: r.clip }),
  fractionSql: `CASE WHEN a IS NULL THEN NULL WHEN coalesce(peer_sd, 0) = 0 THEN 0.5
      ELSE ((CASE WHEN higher THEN a - peer_mean ELSE peer_mean - a END) / peer_sd + clip) / (2 * clip) END`,
  words: (r, w) =>
    both((lang) => {
      const sign = w.lower ? '−' : '';
      const map = `${num(w.max, lang)} × (z + ${num(r.clip, lang)}) ÷ ${num(2 * r.clip, lang)}`;
      return lang === 'vi'
        ? `z = ${sign}(${w.a.vi} − trung bình) ÷ độ lệch chuẩn trong ${peerText(r.peers, 'vi')}; điểm = ${map} — phụ thuộc đơn vị khác`
        : `z = ${sign}(${w.a.en} − mean) ÷ sd across ${peerText(r.peers, 'en')}; points = ${map} — depends on other units`;
    }),
  formula: (w, lang) => `${num(w.inputs[0]?.value ?? 0, lang)} → ${timesMax(w, lang)}`,
});
