// Which indicators of a framework read a measure, and as what: the mapping view shows it beside
// each suggestion, so a count column ("Tổng số hồ sơ") is seen to feed a ratio indicator.
import type { Framework, LocalText } from '../framework/types';

export interface MeasureUse {
  indicator: LocalText;
  /** For a ratio a ÷ b: which side the measure is. */
  part: 'numerator' | 'denominator' | null;
}

export function measureUses(framework: Framework | undefined): Map<string, MeasureUse[]> {
  const uses = new Map<string, MeasureUse[]>();
  for (const ind of framework?.indicators ?? []) {
    ind.measures.forEach((measure, i) => {
      const part =
        ind.rule.kind === 'ratio' && ind.measures.length === 2
          ? i === 0
            ? 'numerator'
            : 'denominator'
          : null;
      uses.set(measure, [...(uses.get(measure) ?? []), { indicator: ind.name, part }]);
    });
  }
  return uses;
}

/** Indicators of the framework that need a measure none of `supplied` is. */
export function indicatorsWithout(
  framework: Framework | undefined,
  supplied: ReadonlySet<string>,
): Framework['indicators'] {
  return (framework?.indicators ?? []).filter((ind) => ind.measures.some((m) => !supplied.has(m)));
}
