// What-if edits read back from storage field by field: storage can be edited by hand, and an
// edit that does not read is reported, never applied half-understood.
import { MAX_POINTS_OR_WEIGHT } from '../framework/bounds';
import type { Checker } from '../framework/check';
import type { WhatIfEdit } from './edits';

export const MAX_EDITS = 1000;

export function readEdits(c: Checker, raw: unknown, path: string): WhatIfEdit[] {
  const list = c.array(raw, path);
  if (list.length > MAX_EDITS)
    c.fail(path, `quá ${MAX_EDITS} thay đổi thử`, `more than ${MAX_EDITS} what-if edits`);
  return list.slice(0, MAX_EDITS).map((e, i) => readEdit(c, e, `${path}[${i}]`));
}

function readEdit(c: Checker, raw: unknown, path: string): WhatIfEdit {
  const o = c.object(raw, path);
  const kind = c.oneOf(o.kind, `${path}.kind`, ['value', 'target', 'maxPoints', 'weight'] as const);
  const value = (range?: { min: number; max: number }): number =>
    c.number(o.value, `${path}.value`, range);
  switch (kind) {
    case 'value':
      c.noExtraFields(o, path, ['kind', 'unit', 'year', 'measure', 'value', 'text']);
      return {
        kind,
        unit: c.code(o.unit, `${path}.unit`),
        year: c.integer(o.year, `${path}.year`, { min: 1990, max: 2100 }),
        measure: c.code(o.measure, `${path}.measure`),
        value: o.value === null ? null : value(),
        text: o.text === null ? null : c.string(o.text, `${path}.text`).slice(0, 500),
      };
    case 'target':
      c.noExtraFields(o, path, ['kind', 'profile', 'target', 'value']);
      return {
        kind,
        profile: c.code(o.profile, `${path}.profile`),
        target: c.code(o.target, `${path}.target`),
        value: value(),
      };
    case 'maxPoints':
    case 'weight':
      c.noExtraFields(o, path, [
        'kind',
        'framework',
        kind === 'maxPoints' ? 'indicator' : 'group',
        'value',
      ]);
      return kind === 'maxPoints'
        ? {
            kind,
            framework: c.code(o.framework, `${path}.framework`),
            indicator: c.code(o.indicator, `${path}.indicator`),
            value: value({ min: 0, max: MAX_POINTS_OR_WEIGHT }),
          }
        : {
            kind,
            framework: c.code(o.framework, `${path}.framework`),
            group: c.code(o.group, `${path}.group`),
            value: value({ min: 0, max: MAX_POINTS_OR_WEIGHT }),
          };
  }
}
