// Raw framework JSON → a validated Framework, or every problem found, each with its path.
import { MAX_POINTS_OR_WEIGHT } from './bounds';
import { Checker, InvalidSpecError } from './check';
import { readMeasureDef } from './validateMeasures';
import { checkRuleDirection, readRule, ruleModule, RULES } from '../rules/registry';
import type {
  Aggregation,
  Band,
  Framework,
  Indicator,
  Level,
  MainIndex,
  MissingPolicy,
  Pillar,
  Rule,
} from './types';

const LEVELS: readonly Level[] = ['tinh', 'huyen', 'xa'];

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
  checkRuleDirection(c, rule, direction, path);
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

function readIndicatorMeasures(c: Checker, raw: unknown, path: string, rule: Rule): string[] {
  const named = ruleModule(rule).measuresOf?.(rule);
  if (named) {
    if (raw !== undefined) {
      const given = c.array(raw, path).map((m, i) => c.code(m, `${path}[${i}]`));
      if (given.join('\u0001') !== named.join('\u0001')) {
        c.fail(
          path,
          `với quy tắc "${rule.kind}", danh sách chỉ tiêu phải trùng thứ tự các phần`,
          `with rule "${rule.kind}", measures must list each part's measure in order`,
        );
      }
    }
    return named;
  }
  const measures = c.array(raw, path).map((m, i) => c.code(m, `${path}[${i}]`));
  const need = RULES[rule.kind].measureCount;
  if (measures.length !== need) {
    c.fail(
      path,
      `quy tắc "${rule.kind}" đọc đúng ${need} chỉ tiêu, có ${measures.length}`,
      `rule "${rule.kind}" reads exactly ${need} measure(s), got ${measures.length}`,
    );
  }
  return measures;
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
