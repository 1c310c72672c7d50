// What the what-if form makes of what the person typed: the edit it adds, or why it cannot yet.
// A rate is typed in percent and stored 0–1; "-" or "N/A" for a commune's figure makes it
// missing; an answer (a choice, a text, a date) is kept as typed; yes/no becomes 1 or 0.
import { MAX_POINTS_OR_WEIGHT } from '../framework/bounds';
import type { MeasureKind } from '../framework/types';
import type { Lang } from '../i18n/format';
import { wt } from '../i18n/workshopStrings';
import type { WhatIfEdit } from './edits';
import { readTypedValue } from './typedValue';

/** What the edit changes, as chosen in the form. */
export type EditTarget =
  | { kind: 'value'; unit: string; year: number; measure: string; measureKind: MeasureKind | null }
  | { kind: 'target'; profile: string; target: string; measureKind: MeasureKind | null }
  | { kind: 'maxPoints'; framework: string; indicator: string }
  | { kind: 'weight'; framework: string; group: string };

/** How the form asks for the new value. */
export type Answer = 'number' | 'text' | 'yesNo';

export interface Draft {
  answer: Answer;
  /** A rate, typed in percent. */
  percent: boolean;
  /** A max or a weight outside 0 … the bound the scoring sums hold (framework/bounds.ts). */
  outOfRange: boolean;
  /** The edit to add; null while what is typed does not make one. */
  edit: WhatIfEdit | null;
}

const ANSWER_KINDS: ReadonlySet<MeasureKind> = new Set(['choice', 'text', 'date']);

export function answerOf(target: EditTarget): Answer {
  if (target.kind !== 'value') return 'number';
  if (target.measureKind === 'boolean') return 'yesNo';
  return target.measureKind !== null && ANSWER_KINDS.has(target.measureKind) ? 'text' : 'number';
}

/** `typed` is what the field holds; for a yes/no answer, "yes" or "no". */
export function draftEdit(target: EditTarget, typed: string, lang: Lang): Draft {
  const answer = answerOf(target);
  const percent = 'measureKind' in target && target.measureKind === 'rate';
  const read = readTypedValue(typed, lang);
  const number = read?.kind === 'number' ? (percent ? read.value / 100 : read.value) : null;
  const outOfRange =
    (target.kind === 'maxPoints' || target.kind === 'weight') &&
    number !== null &&
    (number < 0 || number > MAX_POINTS_OR_WEIGHT);
  const draft = (edit: WhatIfEdit | null): Draft => ({ answer, percent, outOfRange, edit });
  switch (target.kind) {
    case 'value': {
      const { unit, year, measure } = target;
      if (answer !== 'number') {
        if (typed.trim() === '') return draft(null);
        const yes = typed === 'yes';
        return draft(
          answer === 'yesNo'
            ? {
                kind: 'value',
                unit,
                year,
                measure,
                value: yes ? 1 : 0,
                text: wt(lang, yes ? 'yes' : 'no'),
              }
            : { kind: 'value', unit, year, measure, value: null, text: typed.trim() },
        );
      }
      if (read?.kind === 'missing')
        return draft({ kind: 'value', unit, year, measure, value: null, text: read.text });
      return draft(
        number === null ? null : { kind: 'value', unit, year, measure, value: number, text: null },
      );
    }
    case 'target':
      return draft(
        number === null
          ? null
          : { kind: 'target', profile: target.profile, target: target.target, value: number },
      );
    case 'maxPoints':
      return draft(
        number === null || outOfRange
          ? null
          : {
              kind: 'maxPoints',
              framework: target.framework,
              indicator: target.indicator,
              value: number,
            },
      );
    case 'weight':
      return draft(
        number === null || outOfRange
          ? null
          : { kind: 'weight', framework: target.framework, group: target.group, value: number },
      );
  }
}
