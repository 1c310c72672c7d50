import type { Rule } from './types';

/** The peer group of a relative rule (its points depend on other units), or null. */
export function peerGroupOf(rule: Rule): 'all' | 'parent' | null {
  return rule.kind === 'minmax' || rule.kind === 'zscore' ? rule.peers : null;
}
