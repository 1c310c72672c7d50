// Raw measure catalog JSON → validated MeasureCatalog.
import { Checker, InvalidSpecError } from './check';
import type { Direction, MeasureCatalog, MeasureDef, MeasureKind, RateScale } from './types';

const KINDS: readonly MeasureKind[] = [
  'rate',
  'count',
  'number',
  'boolean',
  'choice',
  'text',
  'date',
];
const SCALES: readonly RateScale[] = ['auto', 'fraction', 'percent'];
const DIRECTIONS: readonly Direction[] = ['higher', 'lower'];

export function validateMeasureCatalog(raw: unknown): MeasureCatalog {
  const c = new Checker();
  const o = c.object(raw, '');
  c.noExtraFields(o, '', ['schema', 'measures']);
  if (o.schema !== 'dti-lab/measures@1') {
    c.fail('schema', 'phải là "dti-lab/measures@1"', 'must be "dti-lab/measures@1"');
  }
  const measures = c.codedList(o.measures, 'measures', (m, at) => readMeasureDef(c, m, at));
  if (c.problems.length > 0) {
    throw new InvalidSpecError(
      { vi: 'Danh mục chỉ tiêu không hợp lệ', en: 'Invalid measure catalog' },
      c.problems,
    );
  }
  return { schema: 'dti-lab/measures@1', measures };
}

export function readMeasureDef(c: Checker, raw: unknown, path: string): MeasureDef {
  const o = c.object(raw, path);
  c.noExtraFields(o, path, [
    'code',
    'name',
    'kind',
    'unit',
    'scale',
    'direction',
    'description',
    'aliases',
  ]);
  const m: MeasureDef = {
    code: c.code(o.code, `${path}.code`),
    name: c.localText(o.name, `${path}.name`),
    kind: c.oneOf(o.kind, `${path}.kind`, KINDS),
  };
  const unit = c.optionalString(o.unit, `${path}.unit`);
  if (unit !== undefined) m.unit = unit;
  if (o.scale !== undefined) m.scale = c.oneOf(o.scale, `${path}.scale`, SCALES);
  if (o.direction !== undefined)
    m.direction = c.oneOf(o.direction, `${path}.direction`, DIRECTIONS);
  const description = c.optionalLocalText(o.description, `${path}.description`);
  if (description) m.description = description;
  if (o.aliases !== undefined)
    m.aliases = c
      .array(o.aliases, `${path}.aliases`)
      .map((a, i) => c.string(a, `${path}.aliases[${i}]`));
  return m;
}
