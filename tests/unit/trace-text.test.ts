// Raw values on screen are read as people read them — "69,6 %", "32 camera" — and the value as
// the file wrote it stays at hand for the tooltip.
import { describe, expect, it } from 'vitest';
import type { TraceInput, TraceStep } from '../../src/lib/scoring/explainTrace';
import { inputValueText, rawValuesText, writtenValuesText } from '../../src/lib/view/traceText';

const input = (over: Partial<TraceInput>): TraceInput => ({
  measure: 'm',
  kind: 'rate',
  unit: null,
  value: null,
  rawValue: null,
  text: null,
  imputed: false,
  imputeMethod: null,
  missing: false,
  source: { file: 'a.csv', sheet: null, row: 2, column: 'C', cell: 'C2' },
  ...over,
});

describe('raw values as shown', () => {
  it('a rate in vi-VN percent, a count with its unit, an answer as written, nothing as —', () => {
    expect(inputValueText(input({ value: 0.696, rawValue: 69.6, text: '69.6' }), 'vi')).toBe(
      '69,6 %',
    );
    expect(inputValueText(input({ value: 0.696, rawValue: 69.6, text: '69.6' }), 'en')).toBe(
      '69.6 %',
    );
    const camera = input({ kind: 'count', unit: 'camera', value: 1234, rawValue: 1234 });
    expect(inputValueText(camera, 'vi')).toBe('1.234 camera');
    expect(inputValueText(input({ kind: 'boolean', value: 1, text: 'Có' }), 'vi')).toBe('Có');
    expect(inputValueText(input({ kind: null, value: 12.5, rawValue: 12.5 }), 'vi')).toBe('12,5');
    expect(inputValueText(input({ missing: true }), 'vi')).toBe('—');
    // A value the report gives only as a bound says so.
    expect(inputValueText(input({ value: 0.7, rawValue: 70, text: 'Trên 70%' }), 'vi')).toBe(
      '> 70 %',
    );
    expect(inputValueText(input({ value: 0.1, rawValue: 10, text: 'chưa đạt (10%)' }), 'vi')).toBe(
      '< 10 %',
    );
    expect(inputValueText(input({ value: 0.7, rawValue: 70, text: '70' }), 'vi')).toBe('70 %');
  });

  it('several inputs joined; the tooltip keeps the text as written', () => {
    const step = {
      inputs: [
        input({ kind: 'count', value: 17, rawValue: 17, text: '17' }),
        input({ kind: 'count', value: 20, rawValue: 20, text: '20' }),
        input({ value: 0.5, rawValue: 50, text: '50%' }),
      ],
    } as TraceStep;
    expect(rawValuesText(step, 'vi')).toBe('17 ; 20 ; 50 %');
    expect(writtenValuesText(step)).toBe('17 ; 20 ; 50%');
  });
});
