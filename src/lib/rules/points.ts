// points: the value is the points themselves (as appraised or published), capped at max. Also
// what a method text the app cannot read becomes: the points are taken as given, and listed.
import { argSep, both, defineRule, num, ptsWord } from './kind';

export const points = defineRule({
  kind: 'points',
  measureCount: 1,
  relative: false,
  fields: [],
  read: () => ({ kind: 'points' }),
  checkDirection: (c, _rule, direction, path) => {
    if (direction === 'lower')
      c.fail(
        `${path}.direction`,
        'quy tắc "points" đọc thẳng số điểm: chỉ dùng "higher"',
        'rule "points" reads the points themselves: only "higher" applies',
      );
  },
  fractionSql: 'CASE WHEN max_points > 0 THEN a / max_points ELSE 0.0 END',
  words: (_r, w) =>
    both((lang) =>
      lang === 'vi'
        ? `điểm = giá trị ${w.a.vi} (là điểm đã chấm), tối đa ${num(w.max, 'vi')}`
        : `points = the value of ${w.a.en} (points as given), at most ${num(w.max, 'en')}`,
    ),
  formula: (w, lang) =>
    `min(${num(w.inputs[0]?.value ?? 0, lang)}${argSep(lang)}${num(w.max, lang)}) = ${num(w.points, lang)} ${ptsWord(lang)}`,
});
