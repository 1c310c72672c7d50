// A what-if edit in words, for the list of edits: "Xã Nam Hưng, 2024: Tỷ lệ hộ có băng rộng →
// 90 %". Names come from the caller, so the sentence stays true to what is loaded.
import type { Lang } from '../i18n/format';
import { formatNumber, measureValueText } from '../i18n/format';
import type { MeasureKind } from '../framework/types';
import type { WhatIfEdit } from './edits';

export interface EditNames {
  unit(code: string): string;
  measure(code: string): { name: string; kind: MeasureKind | null };
  target(profile: string, target: string): { name: string; kind: MeasureKind | null };
  indicator(framework: string, code: string): string;
  group(framework: string, code: string): string;
}

/** A value as people read it: rates as percentages, answers as written. */
export function showValue(
  value: number | null,
  text: string | null,
  kind: MeasureKind | null,
  lang: Lang,
): string {
  if (kind === 'boolean' && value !== null)
    return `“${value > 0 ? (lang === 'vi' ? 'có' : 'yes') : lang === 'vi' ? 'không' : 'no'}”`;
  // A number is shown as a number (rates as percentages); only answers are quoted as written.
  if (value !== null && kind !== 'text' && kind !== 'choice')
    return measureValueText(value, kind, lang);
  if (text !== null && text !== '') return `“${text}”`;
  return measureValueText(value, kind, lang);
}

export function describeEdit(e: WhatIfEdit, names: EditNames, lang: Lang): string {
  switch (e.kind) {
    case 'value': {
      const m = names.measure(e.measure);
      return `${names.unit(e.unit)}, ${e.year}: ${m.name} → ${showValue(e.value, e.text, m.kind, lang)}`;
    }
    case 'target': {
      const t = names.target(e.profile, e.target);
      const label = lang === 'vi' ? 'Chỉ tiêu' : 'Target';
      return `${label} “${t.name}” → ${showValue(e.value, null, t.kind, lang)}`;
    }
    case 'maxPoints': {
      const label = lang === 'vi' ? 'điểm tối đa' : 'max points';
      return `${names.indicator(e.framework, e.indicator)}: ${label} → ${formatNumber(e.value, lang)}`;
    }
    case 'weight': {
      const label = lang === 'vi' ? 'trọng số' : 'weight';
      return `${names.group(e.framework, e.group)}: ${label} → ${formatNumber(e.value, lang)}`;
    }
  }
}
