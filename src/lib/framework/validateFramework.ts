// Raw framework JSON → a validated Framework, or every problem found, each with its path.
import { MAX_POINTS_OR_WEIGHT } from './bounds';
import { Checker, InvalidSpecError } from './check';
import { readMeasureDef } from './validateMeasures';
import type {
  Aggregation,
  Band,
  ChoiceOption,
  Framework,
  Indicator,
  Level,
  MainIndex,
  MissingPolicy,
  Part,
  PartTest,
  Pillar,
  Rule,
  RuleKind,
  Tier,
} from './types';

export const RULE_KINDS: readonly RuleKind[] = [
  'ratio',
  'percent',
  'tiers',
  'choice',
  'boolean',
  'parts',
  'goalpost',
  'minmax',
  'zscore',
  'points',
];

/** How many measures each rule reads (parts: one per part). */
const MEASURE_COUNT: Record<Exclude<RuleKind, 'parts'>, number> = {
  ratio: 2,
  percent: 1,
  tiers: 1,
  choice: 1,
  boolean: 1,
  goalpost: 1,
  minmax: 1,
  zscore: 1,
  points: 1,
};

const LEVELS: readonly Level[] = ['tinh', 'huyen', 'xa'];
const EPS = 1e-9;

export function validateFramework(raw: unknown): Framework {
  const c = new Checker();
  const fw = readFramework(c, raw);
  if (c.problems.length > 0) {
    throw new InvalidSpecError(
      { vi: 'Bộ chỉ số không hợp lệ', en: 'Invalid framework' },
      c.problems,
    );
  }
  return fw;
}

function readFramework(c: Checker, raw: unknown): Framework {
  const o = c.object(raw, '');
  c.noExtraFields(o, '', [
    'schema',
    'id',
    'title',
    'decision',
    'level',
    'years',
    'illustrative',
    'note',
    'pillars',
    'mainIndices',
    'indicators',
    'measures',
    'aggregation',
    'missing',
    'bands',
    'rankDecimals',
  ]);
  if (o.schema !== 'dti-lab/framework@1') {
    c.fail('schema', 'phải là "dti-lab/framework@1"', 'must be "dti-lab/framework@1"');
  }
  const years = c.object(o.years, 'years');
  const from = c.integer(years.from, 'years.from', { min: 1990, max: 2100 });
  const to =
    years.to === null || years.to === undefined
      ? null
      : c.integer(years.to, 'years.to', { min: from, max: 2100 });

  const pillars = c.codedList(o.pillars, 'pillars', (p, at) => readPillar(c, p, at), true);
  const pillarCodes = new Set(pillars.map((p) => p.code));

  const mainIndices = c.codedList(o.mainIndices, 'mainIndices', (m, at) =>
    readMainIndex(c, m, at, pillarCodes),
  );
  if (mainIndices.length === 0)
    c.fail('mainIndices', 'cần ít nhất một chỉ số chính', 'needs at least one main index');

  const measures = c.codedList(o.measures, 'measures', (m, at) => readMeasureDef(c, m, at), true);

  const mainByCode = new Map(mainIndices.map((m) => [m.code, m]));
  const indicators = c.codedList(o.indicators, 'indicators', (x, at) =>
    readIndicator(c, x, at, mainByCode),
  );
  checkPointSums(c, mainIndices, indicators);

  const fw: Framework = {
    schema: 'dti-lab/framework@1',
    id: c.code(o.id, 'id'),
    title: c.localText(o.title, 'title'),
    decision: c.string(o.decision, 'decision'),
    level: c.oneOf(o.level, 'level', LEVELS),
    years: { from, to },
    illustrative: o.illustrative === undefined ? false : c.boolean(o.illustrative, 'illustrative'),
    pillars,
    mainIndices,
    indicators,
    measures,
    aggregation: readAggregation(c, o.aggregation, 'aggregation', pillarCodes, mainByCode),
    missing: readMissing(c, o.missing, 'missing'),
    bands: readBands(c, o.bands, 'bands'),
    rankDecimals:
      o.rankDecimals === undefined
        ? 4
        : c.integer(o.rankDecimals, 'rankDecimals', { min: 0, max: 12 }),
  };
  const note = c.optionalLocalText(o.note, 'note');
  if (note) fw.note = note;
  return fw;
}

function readPillar(c: Checker, raw: unknown, path: string): Pillar {
  const o = c.object(raw, path);
  c.noExtraFields(o, path, ['code', 'name']);
  return { code: c.code(o.code, `${path}.code`), name: c.localText(o.name, `${path}.name`) };
}

function readMainIndex(c: Checker, raw: unknown, path: string, pillars: Set<string>): MainIndex {
  const o = c.object(raw, path);
  c.noExtraFields(o, path, ['code', 'name', 'maxPoints', 'scored', 'pillar', 'group']);
  const scored = o.scored === undefined ? true : c.boolean(o.scored, `${path}.scored`);
  const m: MainIndex = {
    code: c.code(o.code, `${path}.code`),
    name: c.localText(o.name, `${path}.name`),
    maxPoints: c.number(o.maxPoints, `${path}.maxPoints`, { min: 0, max: MAX_POINTS_OR_WEIGHT }),
    scored,
    pillar: null,
  };
  if (o.pillar !== undefined && o.pillar !== null) {
    m.pillar = c.code(o.pillar, `${path}.pillar`);
    if (m.pillar !== '' && !pillars.has(m.pillar)) {
      c.fail(
        `${path}.pillar`,
        `trụ cột "${m.pillar}" không có trong "pillars"`,
        `pillar "${m.pillar}" is not listed in "pillars"`,
      );
    }
  }
  const group = c.optionalLocalText(o.group, `${path}.group`);
  if (group) m.group = group;
  if (scored && m.maxPoints <= 0) {
    c.fail(
      `${path}.maxPoints`,
      'chỉ số chính được tính điểm phải có điểm tối đa > 0',
      'a scored main index needs maxPoints > 0',
    );
  }
  return m;
}

function readIndicator(
  c: Checker,
  raw: unknown,
  path: string,
  mains: Map<string, MainIndex>,
): Indicator {
  const o = c.object(raw, path);
  c.noExtraFields(o, path, [
    'code',
    'name',
    'mainIndex',
    'maxPoints',
    'rule',
    'measures',
    'direction',
  ]);
  const mainIndex = c.code(o.mainIndex, `${path}.mainIndex`);
  if (mainIndex !== '' && !mains.has(mainIndex)) {
    c.fail(
      `${path}.mainIndex`,
      `chỉ số chính "${mainIndex}" không tồn tại`,
      `main index "${mainIndex}" does not exist`,
    );
  }
  const maxPoints = c.number(o.maxPoints, `${path}.maxPoints`, {
    min: 0,
    max: MAX_POINTS_OR_WEIGHT,
  });
  const rule = readRule(c, o.rule, `${path}.rule`, maxPoints);
  const direction =
    o.direction === undefined
      ? 'higher'
      : c.oneOf(o.direction, `${path}.direction`, ['higher', 'lower'] as const);
  const measures = readIndicatorMeasures(c, o.measures, `${path}.measures`, rule);
  checkDirection(c, rule, direction, path);
  return {
    code: c.code(o.code, `${path}.code`),
    name: c.localText(o.name, `${path}.name`),
    mainIndex,
    maxPoints,
    rule,
    measures,
    direction,
  };
}

/** Rule parameters that only make sense one way round. */
function checkDirection(c: Checker, rule: Rule, direction: 'higher' | 'lower', path: string): void {
  if (rule.kind === 'percent' && rule.fullAt !== undefined && direction === 'lower') {
    c.fail(
      `${path}.rule.fullAt`,
      '"fullAt" chỉ dùng khi giá trị càng cao càng tốt',
      '"fullAt" only applies when higher is better',
    );
  }
  if (rule.kind === 'points' && direction === 'lower') {
    c.fail(
      `${path}.direction`,
      'quy tắc "points" đọc thẳng số điểm: chỉ dùng "higher"',
      'rule "points" reads the points themselves: only "higher" applies',
    );
  }
  if (rule.kind === 'goalpost' && rule.best < rule.worst !== (direction === 'lower')) {
    c.fail(
      `${path}.direction`,
      `"best" ${rule.best < rule.worst ? '<' : '>'} "worst" nghĩa là "${rule.best < rule.worst ? 'lower' : 'higher'}"`,
      `"best" ${rule.best < rule.worst ? '<' : '>'} "worst" means "${rule.best < rule.worst ? 'lower' : 'higher'}"`,
    );
  }
}

function readIndicatorMeasures(c: Checker, raw: unknown, path: string, rule: Rule): string[] {
  if (rule.kind === 'parts') {
    const fromParts = rule.parts.map((p) => p.measure);
    if (raw !== undefined) {
      const given = c.array(raw, path).map((m, i) => c.code(m, `${path}[${i}]`));
      if (given.join('\u0001') !== fromParts.join('\u0001')) {
        c.fail(
          path,
          'với quy tắc "parts", danh sách chỉ tiêu phải trùng thứ tự các phần',
          'with rule "parts", measures must list each part\'s measure in order',
        );
      }
    }
    return fromParts;
  }
  const measures = c.array(raw, path).map((m, i) => c.code(m, `${path}[${i}]`));
  const need = MEASURE_COUNT[rule.kind];
  if (measures.length !== need) {
    c.fail(
      path,
      `quy tắc "${rule.kind}" đọc đúng ${need} chỉ tiêu, có ${measures.length}`,
      `rule "${rule.kind}" reads exactly ${need} measure(s), got ${measures.length}`,
    );
  }
  return measures;
}

export function readRule(c: Checker, raw: unknown, path: string, maxPoints: number): Rule {
  const o = c.object(raw, path);
  const kind = c.oneOf(o.kind, `${path}.kind`, RULE_KINDS);
  switch (kind) {
    case 'ratio':
    case 'boolean':
    case 'points':
      c.noExtraFields(o, path, ['kind']);
      return { kind };
    case 'percent': {
      c.noExtraFields(o, path, ['kind', 'fullAt']);
      if (o.fullAt === undefined) return { kind };
      return { kind, fullAt: c.number(o.fullAt, `${path}.fullAt`, { min: EPS, max: 1 }) };
    }
    case 'tiers': {
      c.noExtraFields(o, path, ['kind', 'tiers']);
      const tiers = c
        .array(o.tiers, `${path}.tiers`)
        .map((t, i) => readTier(c, t, `${path}.tiers[${i}]`, maxPoints));
      if (tiers.length === 0)
        c.fail(`${path}.tiers`, 'cần ít nhất một bậc', 'needs at least one tier');
      return { kind, tiers };
    }
    case 'choice': {
      c.noExtraFields(o, path, ['kind', 'options']);
      const options = c
        .array(o.options, `${path}.options`)
        .map((x, i) => readOption(c, x, `${path}.options[${i}]`));
      if (options.length === 0)
        c.fail(`${path}.options`, 'cần ít nhất một lựa chọn', 'needs at least one option');
      return { kind, options };
    }
    case 'parts': {
      c.noExtraFields(o, path, ['kind', 'parts']);
      const parts = c
        .array(o.parts, `${path}.parts`)
        .map((x, i) => readPart(c, x, `${path}.parts[${i}]`));
      const total = parts.reduce((s, p) => s + p.share, 0);
      if (parts.length === 0)
        c.fail(`${path}.parts`, 'cần ít nhất một phần', 'needs at least one part');
      if (total > 1 + EPS)
        c.fail(
          `${path}.parts`,
          `tổng tỷ trọng các phần là ${total}, phải ≤ 1`,
          `part shares sum to ${total}, must be ≤ 1`,
        );
      return { kind, parts };
    }
    case 'goalpost': {
      c.noExtraFields(o, path, ['kind', 'worst', 'best']);
      const worst = c.number(o.worst, `${path}.worst`);
      const best = c.number(o.best, `${path}.best`);
      if (worst === best)
        c.fail(`${path}.best`, '"best" phải khác "worst"', '"best" must differ from "worst"');
      return { kind, worst, best };
    }
    case 'minmax':
      c.noExtraFields(o, path, ['kind', 'peers']);
      return {
        kind,
        peers:
          o.peers === undefined
            ? 'all'
            : c.oneOf(o.peers, `${path}.peers`, ['all', 'parent'] as const),
      };
    case 'zscore':
      c.noExtraFields(o, path, ['kind', 'peers', 'clip']);
      return {
        kind,
        peers:
          o.peers === undefined
            ? 'all'
            : c.oneOf(o.peers, `${path}.peers`, ['all', 'parent'] as const),
        clip: o.clip === undefined ? 3 : c.number(o.clip, `${path}.clip`, { min: EPS }),
      };
  }
}

function readTier(c: Checker, raw: unknown, path: string, maxPoints: number): Tier {
  const o = c.object(raw, path);
  c.noExtraFields(o, path, ['at', 'points']);
  return {
    at: c.number(o.at, `${path}.at`),
    points: c.number(o.points, `${path}.points`, { min: 0, max: maxPoints }),
  };
}

function readOption(c: Checker, raw: unknown, path: string): ChoiceOption {
  const o = c.object(raw, path);
  c.noExtraFields(o, path, ['match', 'label', 'fraction']);
  const match = c.array(o.match, `${path}.match`).map((m, i) => c.string(m, `${path}.match[${i}]`));
  if (match.length === 0)
    c.fail(`${path}.match`, 'cần ít nhất một câu trả lời', 'needs at least one accepted answer');
  return {
    match,
    label: c.localText(o.label, `${path}.label`),
    fraction: c.number(o.fraction, `${path}.fraction`, { min: 0, max: 1 }),
  };
}

function readPart(c: Checker, raw: unknown, path: string): Part {
  const o = c.object(raw, path);
  c.noExtraFields(o, path, ['measure', 'share', 'test', 'label']);
  const t = c.object(o.test, `${path}.test`);
  const kind = c.oneOf(t.kind, `${path}.test.kind`, ['yes', 'atLeast', 'atMost'] as const);
  const test: PartTest =
    kind === 'yes' ? { kind } : { kind, value: c.number(t.value, `${path}.test.value`) };
  return {
    measure: c.code(o.measure, `${path}.measure`),
    share: c.number(o.share, `${path}.share`, { min: 0, max: 1 }),
    test,
    label: c.localText(o.label, `${path}.label`),
  };
}

function readAggregation(
  c: Checker,
  raw: unknown,
  path: string,
  pillars: Set<string>,
  mains: Map<string, MainIndex>,
): Aggregation {
  if (raw === undefined) return { method: 'points' };
  const o = c.object(raw, path);
  const method = c.oneOf(o.method, `${path}.method`, ['points', 'weighted', 'geometric'] as const);
  const scoredMains = new Set([...mains.values()].filter((m) => m.scored).map((m) => m.code));
  if (method === 'geometric') {
    c.noExtraFields(o, path, ['method']);
    return { method };
  }
  if (method === 'points') {
    c.noExtraFields(o, path, ['method', 'weights']);
    if (o.weights === undefined) return { method };
    // A main index left out keeps its max points as its weight.
    return {
      method,
      weights: readWeights(c, o.weights, `${path}.weights`, scoredMains, 'mainIndex'),
    };
  }
  c.noExtraFields(o, path, ['method', 'by', 'weights']);
  const by = c.oneOf(o.by, `${path}.by`, ['pillar', 'mainIndex'] as const);
  const groups = by === 'pillar' ? pillars : scoredMains;
  const weights = readWeights(c, o.weights, `${path}.weights`, groups, by);
  for (const g of groups) {
    if (!(g in weights))
      c.fail(`${path}.weights`, `thiếu trọng số cho "${g}"`, `no weight for "${g}"`);
  }
  return { method, by, weights };
}

function readWeights(
  c: Checker,
  raw: unknown,
  path: string,
  groups: Set<string>,
  by: 'pillar' | 'mainIndex',
): Record<string, number> {
  const w = c.object(raw, path);
  const weights: Record<string, number> = {};
  for (const [k, v] of Object.entries(w)) {
    weights[k] = c.number(v, `${path}.${k}`, { min: 0, max: MAX_POINTS_OR_WEIGHT });
    if (!groups.has(k))
      c.fail(
        `${path}.${k}`,
        `"${k}" không phải ${by === 'pillar' ? 'trụ cột' : 'chỉ số chính được tính điểm'}`,
        `"${k}" is not a ${by === 'pillar' ? 'pillar' : 'scored main index'}`,
      );
  }
  return weights;
}

function readMissing(c: Checker, raw: unknown, path: string): MissingPolicy {
  if (raw === undefined) return { policy: 'zero' };
  const o = c.object(raw, path);
  const policy = c.oneOf(o.policy, `${path}.policy`, ['zero', 'exclude', 'impute'] as const);
  if (policy !== 'impute') {
    c.noExtraFields(o, path, ['policy']);
    return { policy };
  }
  c.noExtraFields(o, path, ['policy', 'method']);
  return {
    policy,
    method: c.oneOf(o.method, `${path}.method`, ['carryForward', 'groupMedian'] as const),
  };
}

function readBand(c: Checker, raw: unknown, p: string): Band {
  const o = c.object(raw, p);
  c.noExtraFields(o, p, ['code', 'name', 'min']);
  return {
    code: c.code(o.code, `${p}.code`),
    name: c.localText(o.name, `${p}.name`),
    min: c.number(o.min, `${p}.min`, { min: 0, max: 1 }),
  };
}

function readBands(c: Checker, raw: unknown, path: string): Band[] {
  const bands = c.codedList(raw, path, (b, at) => readBand(c, b, at), true);
  bands.forEach((b, i) => {
    if (i > 0 && b.min <= bands[i - 1]!.min)
      c.fail(
        `${path}[${i}].min`,
        'các ngưỡng xếp loại phải tăng dần',
        'band thresholds must increase',
      );
  });
  if (bands.length > 0 && bands[0]!.min !== 0)
    c.fail(
      `${path}[0].min`,
      'xếp loại đầu tiên phải bắt đầu từ 0',
      'the first band must start at 0',
    );
  return bands;
}

/** Σ indicator max points must equal each main index's max, or totals would not mean what they say. */
function checkPointSums(c: Checker, mains: MainIndex[], indicators: Indicator[]): void {
  mains.forEach((m, i) => {
    const own = indicators.filter((x) => x.mainIndex === m.code);
    if (own.length === 0) {
      c.fail(
        `mainIndices[${i}]`,
        `chỉ số chính "${m.code}" không có chỉ số thành phần nào`,
        `main index "${m.code}" has no indicators`,
      );
      return;
    }
    const sum = own.reduce((s, x) => s + x.maxPoints, 0);
    if (m.scored && Math.abs(sum - m.maxPoints) > 1e-6) {
      c.fail(
        `mainIndices[${i}].maxPoints`,
        `là ${m.maxPoints} nhưng tổng điểm tối đa các chỉ số thành phần là ${sum}`,
        `is ${m.maxPoints} but its indicators' max points sum to ${sum}`,
      );
    }
  });
}
