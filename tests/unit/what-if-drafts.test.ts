// The what-if form's rules as pure functions: what a typed value makes, and whether an edit
// does anything under the framework and plan in use.
import { describe, expect, it } from 'vitest';
import { loadBuiltins } from '../../src/lib/framework/builtin';
import type { MeasureKind } from '../../src/lib/framework/types';
import { draftEdit, type EditTarget } from '../../src/lib/whatif/draftEdit';
import { editApplies, weightGroups } from '../../src/lib/whatif/edits';

const value = (measureKind: MeasureKind): EditTarget => ({
  kind: 'value',
  unit: '17971',
  year: 2024,
  measure: 'm',
  measureKind,
});

describe('drafting a what-if edit', () => {
  it('reads a rate in percent, as the person writes it in their language', () => {
    expect(draftEdit(value('rate'), '74,6', 'vi').edit).toMatchObject({ value: 0.746, text: null });
    expect(draftEdit(value('rate'), '74.6 %', 'en').edit).toMatchObject({ value: 0.746 });
    expect(draftEdit(value('count'), '1.500', 'vi').edit).toMatchObject({ value: 1500 });
    expect(draftEdit(value('rate'), '74,6', 'vi').percent).toBe(true);
  });

  it('makes "-" or "N/A" a missing figure, and nothing of text that is no number', () => {
    expect(draftEdit(value('count'), ' N/A ', 'vi').edit).toMatchObject({
      value: null,
      text: 'N/A',
    });
    expect(draftEdit(value('count'), 'mười', 'vi').edit).toBeNull();
    expect(draftEdit(value('count'), '', 'vi').edit).toBeNull();
  });

  it('keeps an answer as typed, and yes/no as 1 or 0 with the word', () => {
    expect(draftEdit(value('choice'), ' Cấp độ 2 ', 'vi')).toMatchObject({
      answer: 'text',
      edit: { value: null, text: 'Cấp độ 2' },
    });
    expect(draftEdit(value('boolean'), 'yes', 'vi')).toMatchObject({
      answer: 'yesNo',
      edit: { value: 1, text: 'có' },
    });
    expect(draftEdit(value('boolean'), 'no', 'en').edit).toMatchObject({ value: 0, text: 'no' });
    expect(draftEdit(value('boolean'), '', 'vi').edit).toBeNull();
  });

  it('takes a plan target in percent for a rate; a missing mark is no target', () => {
    const target: EditTarget = { kind: 'target', profile: 'p', target: 't1', measureKind: 'rate' };
    expect(draftEdit(target, '80', 'vi').edit).toEqual({
      kind: 'target',
      profile: 'p',
      target: 't1',
      value: 0.8,
    });
    expect(draftEdit(target, '-', 'vi').edit).toBeNull();
  });

  it('refuses a max or a weight below 0 or past the bound, and says so', () => {
    const max: EditTarget = { kind: 'maxPoints', framework: 'f', indicator: 'i' };
    expect(draftEdit(max, '20', 'vi').edit).toEqual({
      kind: 'maxPoints',
      framework: 'f',
      indicator: 'i',
      value: 20,
    });
    expect(draftEdit(max, '-5', 'vi')).toMatchObject({ outOfRange: true, edit: null });
    const weight: EditTarget = { kind: 'weight', framework: 'f', group: 'g' };
    expect(draftEdit(weight, '2000000000', 'vi')).toMatchObject({ outOfRange: true, edit: null });
  });
});

describe('whether an edit applies', () => {
  const { frameworks, profiles } = loadBuiltins();
  const fw = frameworks.find((f) => f.id === 'dti-xa-minh-hoa')!;
  const other = frameworks.find((f) => f.id !== fw.id)!;
  const plan = profiles[0]!;

  it('a value edit always; others only under their own framework or plan, on what it has', () => {
    expect(
      editApplies(
        { kind: 'value', unit: 'u', year: 2024, measure: 'm', value: 1, text: null },
        undefined,
        undefined,
      ),
    ).toBe(true);
    const indicator = fw.indicators[0]!.code;
    expect(
      editApplies({ kind: 'maxPoints', framework: fw.id, indicator, value: 1 }, fw, plan),
    ).toBe(true);
    expect(
      editApplies({ kind: 'maxPoints', framework: fw.id, indicator, value: 1 }, other, plan),
    ).toBe(false);
    expect(
      editApplies({ kind: 'maxPoints', framework: fw.id, indicator: 'none', value: 1 }, fw, plan),
    ).toBe(false);
    const group = weightGroups(fw)[0]?.code;
    if (group !== undefined)
      expect(editApplies({ kind: 'weight', framework: fw.id, group, value: 1 }, fw, plan)).toBe(
        true,
      );
    expect(
      editApplies({ kind: 'weight', framework: fw.id, group: 'none', value: 1 }, fw, plan),
    ).toBe(false);
    const target = plan.targets[0]!.id;
    expect(editApplies({ kind: 'target', profile: plan.id, target, value: 1 }, fw, plan)).toBe(
      true,
    );
    expect(editApplies({ kind: 'target', profile: plan.id, target, value: 1 }, fw, undefined)).toBe(
      false,
    );
    expect(
      editApplies({ kind: 'target', profile: plan.id, target: 'none', value: 1 }, fw, plan),
    ).toBe(false);
  });
});
