// A target and a measure value as people read them: rates as percentages, counts as numbers,
// "≥ 45 %", "> 70 %", "≥ 15 % (phấn đấu 20 %)" for a plan's "15–20 %", "trong 10 – 20 %".
import { measureValueText, type Lang } from '../i18n/format';
import { t as say } from '../i18n/strings';

const SIGNS: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

export interface TargetShape {
  comparator: string;
  target: number;
  targetHigh: number | null;
  kind: string | null;
  /** The measure's better way, for a range; higher when not known. */
  direction?: string | null;
}

export function targetText(t: TargetShape, lang: Lang): string {
  const v = (x: number) => measureValueText(x, t.kind, lang);
  const high = t.targetHigh ?? t.target;
  if (t.comparator === 'band') return `${say(lang, 'targetWithin')} ${v(t.target)} – ${v(high)}`;
  if (t.comparator === 'range') {
    // The near end binds; the far end is what the plan strives for.
    return t.direction === 'lower'
      ? `≤ ${v(high)} (${say(lang, 'targetAim')} ${v(t.target)})`
      : `≥ ${v(t.target)} (${say(lang, 'targetAim')} ${v(high)})`;
  }
  return `${SIGNS[t.comparator] ?? t.comparator} ${v(t.target)}`;
}

/** A strict target ("trên 70 %") not met by a value equal to it: the gap is nil but it is behind. */
export function atStrictBound(s: {
  comparator: string;
  status: string;
  gap: number | null;
}): boolean {
  return (
    (s.comparator === '>' || s.comparator === '<') &&
    s.status === 'behind' &&
    s.gap !== null &&
    Math.abs(s.gap) < 1e-9
  );
}
