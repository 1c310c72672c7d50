// A framework scored from the points forms give rather than from raw data: the same main
// indices, weights and bands, each indicator taking the points of its row in the units' forms
// (appraised, or self-assessed) as given. Forms alone then rank a district the way the
// appraisal council does; the computed ranking stays the one of the framework itself.
import type { Framework, LocalText, MeasureDef } from './types';
import { validateFramework } from './validateFramework';

export type FormPoints = 'appraised' | 'self';

const WORDS: Record<FormPoints, { id: string; measure: string; label: LocalText }> = {
  appraised: {
    id: 'tham-dinh',
    measure: 'tham_dinh',
    label: { vi: 'theo điểm thẩm định', en: 'by appraised points' },
  },
  self: {
    id: 'tu-cham',
    measure: 'tu_cham',
    label: { vi: 'theo điểm tự chấm', en: 'by self-assessed points' },
  },
};

/** The last part of the code of the measure a form's points of one indicator load as. */
export const formPointsSuffix = (kind: FormPoints): string => WORDS[kind].measure;

/** The measure a form's points of one indicator load as: "<framework>.<indicator>.tham_dinh". */
export const formPointsMeasure = (
  frameworkId: string,
  indicator: string,
  kind: FormPoints,
): string => `${frameworkId}.${indicator}.${formPointsSuffix(kind)}`;

/** The id of the framework scored from forms' points. */
export const assessedFrameworkId = (frameworkId: string, kind: FormPoints): string =>
  `${frameworkId}.${WORDS[kind].id}`;

export function assessedFramework(fw: Framework, kind: FormPoints): Framework {
  const w = WORDS[kind];
  const measures: MeasureDef[] = fw.indicators.map((x) => ({
    code: formPointsMeasure(fw.id, x.code, kind),
    name: {
      vi: `${x.name.vi} (điểm ${kind === 'self' ? 'tự chấm' : 'thẩm định'})`,
      en: `${x.name.en} (${kind === 'self' ? 'self-assessed' : 'appraised'} points)`,
    },
    kind: 'number',
  }));
  return validateFramework({
    ...fw,
    id: assessedFrameworkId(fw.id, kind),
    title: { vi: `${fw.title.vi} — ${w.label.vi}`, en: `${fw.title.en} — ${w.label.en}` },
    note: {
      vi: 'Điểm từng chỉ số lấy đúng như phiếu tự đánh giá ghi (không tính lại từ số liệu).',
      en: 'Each indicator takes the points the self-assessment forms give (not computed from data).',
    },
    indicators: fw.indicators.map((x, i) => ({
      code: x.code,
      name: x.name,
      mainIndex: x.mainIndex,
      maxPoints: x.maxPoints,
      rule: { kind: 'points' },
      measures: [measures[i]!.code],
      direction: 'higher',
    })),
    measures,
  });
}
