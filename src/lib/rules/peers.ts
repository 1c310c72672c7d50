// Words shared by the relative kinds (minmax, zscore), whose points depend on the other units.
import type { Checker } from '../framework/check';
import type { Lang } from '../i18n/format';

export type PeerGroup = 'all' | 'parent';

export function readPeers(c: Checker, raw: unknown, path: string): PeerGroup {
  return raw === undefined ? 'all' : c.oneOf(raw, path, ['all', 'parent'] as const);
}

export function peerText(peers: PeerGroup, lang: Lang): string {
  if (lang === 'vi')
    return peers === 'all' ? 'các đơn vị cùng năm' : 'các đơn vị cùng cấp trên, cùng năm';
  return peers === 'all' ? 'all units that year' : 'units of the same parent that year';
}
