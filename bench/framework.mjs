// The benchmark's framework: 100 indicators over 100 measures (the national set's "100
// indicators"), in the format a person loads as a JSON file (`dti-lab/framework@1`). The rule
// kinds come in about the proportions of the built-in commune framework: mostly `percent`, then
// `tiers`, `goalpost`, `boolean`, `choice`, `ratio`, `parts`, and `minmax`/`zscore` in an
// unscored group, as the built-in one keeps relative scores out of the total.

export const FRAMEWORK_ID = 'bench-dti-xa-100';

/** Scored main indices (pillars as in the built-in framework), then the unscored group. */
const MAIN_INDICES = [
  ['nhan_thuc_so', 'nt', 'Nhận thức số', 'Digital awareness', null],
  ['the_che_so', 'tc', 'Thể chế số', 'Digital institutions', null],
  ['ha_tang_so', 'ht', 'Hạ tầng số', 'Digital infrastructure', null],
  ['nhan_luc_so', 'nl', 'Nhân lực số', 'Digital human resources', null],
  ['an_toan_thong_tin_mang', 'at', 'An toàn thông tin mạng', 'Cybersecurity', null],
  ['chinh_quyen_so', 'cq', 'Hoạt động chính quyền số', 'Digital government activity', 'cqs'],
  ['kinh_te_so', 'kt', 'Hoạt động kinh tế số', 'Digital economy activity', 'kts'],
  ['xa_hoi_so', 'xh', 'Hoạt động xã hội số', 'Digital society activity', 'xhs'],
];
const RELATIVE = 'so_sanh_tuong_doi';

/**
 * Indicators per rule kind (92 scored, 8 relative) and the measures each reads: 50 + 14 + 8 + 8
 * + 4 + 2·4 + 2·4 = 100 measures; the relative rules re-read rates already scored.
 */
const PLAN = [
  ['percent', 50],
  ['tiers', 14],
  ['goalpost', 8],
  ['boolean', 8],
  ['choice', 4],
  ['ratio', 4],
  ['parts', 4],
];

const CHOICES = [
  {
    match: ['Bí thư Đảng ủy', 'Chủ tịch UBND xã'],
    vi: 'Người đứng đầu',
    en: 'The head',
    fraction: 1,
  },
  {
    match: ['Phó Bí thư Đảng ủy', 'Phó Chủ tịch UBND xã'],
    vi: 'Cấp phó',
    en: 'A deputy',
    fraction: 0.6,
  },
  { match: ['Công chức văn hóa - xã hội'], vi: 'Công chức', en: 'An official', fraction: 0.3 },
];
/** What the data holds for choice measures: the options' answers and one nobody matches. */
export const CHOICE_ANSWERS = [...CHOICES.flatMap((c) => c.match), 'Chưa phân công'];

const THEME_WORDS = [
  'tuyên truyền chuyển đổi số',
  'văn bản điện tử',
  'hạ tầng viễn thông',
  'kỹ năng số của cán bộ',
  'bảo đảm an toàn thông tin',
  'dịch vụ công trực tuyến',
  'thanh toán không dùng tiền mặt',
  'tiện ích số cho người dân',
];

/**
 * Measures and indicators, built together so every indicator's measures exist. Each measure
 * carries `gen`, how generate.mjs makes its values (not part of the framework file).
 */
function build() {
  const measures = [];
  const indicators = [];
  let n = 0;
  const main = (i) => MAIN_INDICES[i % MAIN_INDICES.length];
  const measure = (theme, kind, suffix, name, gen, unit) => {
    const m = {
      code: `${theme[1]}_${String(measures.length + 1).padStart(3, '0')}_${suffix}`,
      name: { vi: name.vi, en: name.en },
      kind,
      ...(unit ? { unit } : {}),
      gen,
    };
    measures.push(m);
    return m.code;
  };
  const rate = (t, k) =>
    measure(
      t,
      'rate',
      'tl',
      {
        vi: `Tỷ lệ ${THEME_WORDS[k % THEME_WORDS.length]} đạt yêu cầu, tiêu chí ${k + 1}`,
        en: `Share meeting the requirement, ${t[3].toLowerCase()}, criterion ${k + 1}`,
      },
      { type: 'rate', difficulty: ((k * 37) % 30) / 100 },
    );
  const count = (t, k, max, lower = false) =>
    measure(
      t,
      'count',
      'sl',
      {
        vi: `Số lượng ${THEME_WORDS[k % THEME_WORDS.length]}, tiêu chí ${k + 1}`,
        en: `Count, ${t[3].toLowerCase()}, criterion ${k + 1}`,
      },
      { type: 'count', max, lower },
      'lượt',
    );
  const yesNo = (t, k) =>
    measure(
      t,
      'boolean',
      'cc',
      {
        vi: `Đã triển khai ${THEME_WORDS[k % THEME_WORDS.length]} (có/không), tiêu chí ${k + 1}`,
        en: `Deployed (yes/no), ${t[3].toLowerCase()}, criterion ${k + 1}`,
      },
      { type: 'boolean' },
    );

  for (const [kind, howMany] of PLAN) {
    for (let k = 0; k < howMany; k++, n++) {
      const t = main(n);
      const base = {
        code: `${t[1]}_ct_${String(n + 1).padStart(3, '0')}`,
        mainIndex: t[0],
        // 5–15 points, so indicators weigh differently within a main index.
        maxPoints: 5 + ((n * 7) % 11),
        direction: 'higher',
      };
      const name = (vi, en) => ({ vi: `${vi} (${n + 1})`, en: `${en} (${n + 1})` });
      switch (kind) {
        case 'percent': {
          const m = rate(t, n);
          indicators.push({
            ...base,
            name: name('Tỷ lệ đạt yêu cầu', 'Share meeting the requirement'),
            rule: k % 4 === 0 ? { kind, fullAt: 0.8 } : { kind },
            measures: [m],
          });
          break;
        }
        case 'tiers': {
          // Two of them count incidents: fewer is better.
          const lower = k % 7 === 3;
          const max = lower ? 6 : 40;
          const m = count(t, n, max, lower);
          const p = base.maxPoints;
          const tiers = lower
            ? [
                { at: 0, points: p },
                { at: 2, points: Math.round(p / 2) },
              ]
            : [
                { at: 30, points: p },
                { at: 20, points: Math.round(p * 0.7) },
                { at: 10, points: Math.round(p * 0.4) },
                { at: 1, points: 1 },
              ];
          indicators.push({
            ...base,
            name: name(lower ? 'Số sự cố (càng ít càng tốt)' : 'Số lượng đạt', 'Count reached'),
            rule: { kind, tiers },
            measures: [m],
            direction: lower ? 'lower' : 'higher',
          });
          break;
        }
        case 'goalpost': {
          const onCount = k % 4 === 3;
          const m = onCount ? count(t, n, 30) : rate(t, n);
          indicators.push({
            ...base,
            name: name('Mức đạt giữa hai mốc', 'Between two goalposts'),
            rule: onCount ? { kind, worst: 0, best: 24 } : { kind, worst: 0.5, best: 1 },
            measures: [m],
          });
          break;
        }
        case 'boolean':
          indicators.push({
            ...base,
            name: name('Đã triển khai', 'Deployed'),
            rule: { kind },
            measures: [yesNo(t, n)],
          });
          break;
        case 'choice': {
          const m = measure(
            t,
            'choice',
            'cd',
            {
              vi: `Người phụ trách ${THEME_WORDS[n % THEME_WORDS.length]} (chức danh), ${n + 1}`,
              en: `Person in charge (title), ${n + 1}`,
            },
            { type: 'choice' },
          );
          indicators.push({
            ...base,
            name: name('Người phụ trách', 'Person in charge'),
            rule: {
              kind,
              options: CHOICES.map((c) => ({
                match: c.match,
                label: { vi: c.vi, en: c.en },
                fraction: c.fraction,
              })),
            },
            measures: [m],
          });
          break;
        }
        case 'ratio': {
          const denominator = measure(
            t,
            'count',
            'ts',
            { vi: `Tổng số đối tượng, tiêu chí ${n + 1}`, en: `All subjects, criterion ${n + 1}` },
            { type: 'denominator' },
            'người',
          );
          const numerator = measure(
            t,
            'count',
            'sl',
            {
              vi: `Số đối tượng đạt yêu cầu, tiêu chí ${n + 1}`,
              en: `Subjects meeting the requirement, criterion ${n + 1}`,
            },
            { type: 'numerator', of: denominator },
            'người',
          );
          indicators.push({
            ...base,
            name: name('Tỷ lệ trên tổng số', 'Share of all'),
            rule: { kind },
            measures: [numerator, denominator],
          });
          break;
        }
        case 'parts': {
          const team = count(t, n, 8);
          const plan = yesNo(t, n + 1);
          indicators.push({
            ...base,
            name: name('Tổ chức bộ máy', 'Organisation'),
            rule: {
              kind,
              parts: [
                {
                  measure: team,
                  share: 0.5,
                  test: { kind: 'atLeast', value: 1 },
                  label: { vi: 'có tổ giúp việc', en: 'a support team' },
                },
                {
                  measure: plan,
                  share: 0.5,
                  test: { kind: 'yes' },
                  label: { vi: 'có kế hoạch', en: 'a plan' },
                },
              ],
            },
            measures: [team, plan],
          });
          break;
        }
      }
    }
  }
  // Relative scores of eight scored rates, against the commune's district (its peers).
  const rates = measures.filter((m) => m.kind === 'rate').slice(0, 8);
  rates.forEach((m, k) => {
    indicators.push({
      code: `ss_ct_${String(++n).padStart(3, '0')}`,
      name: {
        vi: `So với các xã cùng huyện (${k < 4 ? 'min–max' : 'z-score'}) (${n})`,
        en: `Against the district's communes (${k < 4 ? 'min–max' : 'z-score'}) (${n})`,
      },
      mainIndex: RELATIVE,
      maxPoints: 10,
      rule:
        k < 4 ? { kind: 'minmax', peers: 'parent' } : { kind: 'zscore', peers: 'parent', clip: 3 },
      measures: [m.code],
      direction: 'higher',
    });
  });
  return { measures, indicators };
}

/** The framework object (as its JSON file holds it) and the measures with their generators. */
export function benchFramework() {
  const { measures, indicators } = build();
  const points = (code) =>
    indicators.filter((i) => i.mainIndex === code).reduce((s, i) => s + i.maxPoints, 0);
  const framework = {
    schema: 'dti-lab/framework@1',
    id: FRAMEWORK_ID,
    title: {
      vi: 'DTI cấp xã — bộ 100 chỉ số để đo hiệu năng',
      en: 'Commune DTI — 100-indicator benchmark set',
    },
    decision: 'Tổng hợp để đo hiệu năng (benchmark) — không phải bộ chỉ số chính thức',
    level: 'xa',
    years: { from: 2020, to: null },
    illustrative: true,
    pillars: [
      { code: 'cqs', name: { vi: 'Chính quyền số', en: 'Digital government' } },
      { code: 'kts', name: { vi: 'Kinh tế số', en: 'Digital economy' } },
      { code: 'xhs', name: { vi: 'Xã hội số', en: 'Digital society' } },
    ],
    mainIndices: [
      ...MAIN_INDICES.map(([code, , vi, en, pillar]) => ({
        code,
        name: { vi, en },
        maxPoints: points(code),
        scored: true,
        pillar,
      })),
      {
        code: RELATIVE,
        name: { vi: 'So sánh tương đối', en: 'Relative comparison' },
        maxPoints: 0,
        scored: false,
        pillar: null,
      },
    ],
    indicators,
    measures: measures.map(({ gen: _gen, ...m }) => m),
    aggregation: { method: 'points' },
    missing: { policy: 'zero' },
    bands: [
      { code: 'khoi_dong', name: { vi: 'Khởi động', en: 'Starting' }, min: 0 },
      { code: 'hinh_thanh', name: { vi: 'Hình thành', en: 'Forming' }, min: 0.6 },
      { code: 'nang_cao', name: { vi: 'Nâng cao', en: 'Advanced' }, min: 0.8 },
    ],
    rankDecimals: 4,
  };
  return { framework, measures };
}
