// Raw target-profile JSON → validated TargetProfile.
import { Checker, InvalidSpecError } from './check';
import type { Comparator, Level, Target, TargetProfile } from './types';

const COMPARATORS: readonly Comparator[] = ['>=', '>', '<=', '<', '=', 'range', 'band'];
const LEVELS: readonly Level[] = ['tinh', 'huyen', 'xa'];

export function validateTargetProfile(raw: unknown): TargetProfile {
  const c = new Checker();
  const o = c.object(raw, '');
  c.noExtraFields(o, '', ['schema', 'id', 'title', 'unit', 'plan', 'baselineYear', 'targets']);
  if (o.schema !== 'dti-lab/targets@1') {
    c.fail('schema', 'phải là "dti-lab/targets@1"', 'must be "dti-lab/targets@1"');
  }
  const u = c.object(o.unit, 'unit');
  c.noExtraFields(u, 'unit', ['code', 'name', 'level', 'parentCode', 'parentName']);
  const unit: TargetProfile['unit'] = {
    code: c.code(u.code, 'unit.code'),
    name: c.string(u.name, 'unit.name'),
    level: c.oneOf(u.level, 'unit.level', LEVELS),
  };
  const parentCode = c.optionalString(u.parentCode, 'unit.parentCode');
  if (parentCode !== undefined) unit.parentCode = parentCode;
  const parentName = c.optionalString(u.parentName, 'unit.parentName');
  if (parentName !== undefined) unit.parentName = parentName;

  const p = c.object(o.plan, 'plan');
  c.noExtraFields(p, 'plan', ['title', 'year', 'source']);
  const profile: TargetProfile = {
    schema: 'dti-lab/targets@1',
    id: c.code(o.id, 'id'),
    title: c.localText(o.title, 'title'),
    unit,
    plan: {
      title: c.string(p.title, 'plan.title'),
      year: c.integer(p.year, 'plan.year', { min: 1990, max: 2100 }),
      source: c.string(p.source, 'plan.source'),
    },
    targets: c.array(o.targets, 'targets').map((t, i) => readTarget(c, t, `targets[${i}]`)),
  };
  if (o.baselineYear !== undefined) {
    profile.baselineYear = c.integer(o.baselineYear, 'baselineYear', { min: 1990, max: 2100 });
  }
  c.unique(
    profile.targets.map((t) => t.id),
    (i) => `targets[${i}].id`,
  );
  if (c.problems.length > 0) {
    throw new InvalidSpecError(
      { vi: 'Bộ chỉ tiêu kế hoạch không hợp lệ', en: 'Invalid target profile' },
      c.problems,
    );
  }
  return profile;
}

function readTarget(c: Checker, raw: unknown, path: string): Target {
  const o = c.object(raw, path);
  c.noExtraFields(o, path, [
    'id',
    'measure',
    'comparator',
    'value',
    'high',
    'deadline',
    'quote',
    'section',
  ]);
  const t: Target = {
    id: c.code(o.id, `${path}.id`),
    measure: c.code(o.measure, `${path}.measure`),
    comparator: c.oneOf(o.comparator, `${path}.comparator`, COMPARATORS),
    value: c.number(o.value, `${path}.value`),
    deadline: c.integer(o.deadline, `${path}.deadline`, { min: 1990, max: 2100 }),
    quote: c.string(o.quote, `${path}.quote`),
  };
  if (t.comparator === 'range' || t.comparator === 'band') {
    t.high = c.number(o.high, `${path}.high`, { min: t.value });
  } else if (o.high !== undefined) {
    c.fail(
      `${path}.high`,
      'chỉ dùng với so sánh "range" hoặc "band"',
      'only allowed with comparator "range" or "band"',
    );
  }
  const section = c.optionalString(o.section, `${path}.section`);
  if (section !== undefined) t.section = section;
  return t;
}
