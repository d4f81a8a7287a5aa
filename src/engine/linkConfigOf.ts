import type { ResolvedOptions } from '../config/ResolveOptions.js';
import type { LinkConfig } from '../cluster/linkRecords.js';
import { KIND } from '../match/createRecordKeyer.js';

/** The linker's configuration from resolved options (shared by the batch engine and the incremental resolver). */
export function linkConfigOf(o: ResolvedOptions): LinkConfig {
  return {
    generic: o.generic,
    shareableEnabled: o.shareable !== false,
    shareableKinds: o.shareable === false ? 0 : o.shareable.kinds.reduce((bits, k) => bits | (1 << KIND[k]), 0),
    minNameSimilarity: o.shareable === false ? 0 : o.shareable.minNameSimilarity,
    maxClusterSize: o.maxClusterSize,
  };
}

/** Whether a namespace group (`l:global`, `h:instagram`, `x:loyalty`) holds at most one value per profile. */
export function isExclusiveGroup(group: string, o: ResolvedOptions): boolean {
  const kind = group.startsWith('l:') ? 'login' : group.startsWith('h:') ? 'handle' : 'externalId';
  return o.exclusiveKinds.includes(kind);
}
