import type { LinkEvidence } from '../types.js';
import { describeGeneric, REFUSED_ONLY } from './explain.js';
import type { Explanation } from './types.js';

/** An explanation as text for people (what `idweave explain` prints without `--json`): one line per record or link. */
export function formatExplanation(e: Explanation): string {
  const weighed = (l: LinkEvidence): string => (l.weight === undefined ? '' : ` [weight ${l.weight}: ${Object.entries(l.parts ?? {}).map(([k, v]) => `${k} ${v > 0 ? '+' : ''}${v}`).join(', ')}]`);
  const link = (l: LinkEvidence): string => `  ${l.recordA} -- ${l.key} --> ${l.recordB}${weighed(l)}`;
  const refusal = (l: LinkEvidence): string => `  ${l.recordA} -x- ${l.key} -x- ${l.recordB}: refused by ${l.guard ?? 'a guard'}${l.why ? ` (${l.why})` : ''}`;
  const generic = e.generic.map((g) => `  ${describeGeneric(g)}`);
  const lines: string[] = [];
  if (e.type === 'profile') {
    lines.push(`profile ${e.profileId}: ${e.recordIds.length} record${e.recordIds.length === 1 ? '' : 's'}`);
    for (const r of e.recordIds) lines.push(`  ${r}`);
    if (e.linksNotKept) lines.push(`links: not kept (${REFUSED_ONLY})`);
    else lines.push(`links (${e.links.length}):`, ...e.links.map(link));
    if (e.refused.length > 0) lines.push(`refused links to other profiles (${e.refused.length}):`, ...e.refused.map(refusal));
    if (generic.length > 0) lines.push(`generic identifiers, which do not link (${generic.length}):`, ...generic);
  } else if (e.profileA === undefined || e.profileB === undefined) {
    lines.push(e.message);
  } else if (e.linked) {
    if (e.recordA === e.recordB) lines.push(`${e.recordA} is one record, in profile ${e.profileA}`);
    else if (e.linksNotKept) lines.push(`${e.recordA} and ${e.recordB} are in profile ${e.profileA}; the links that join them were not kept (${REFUSED_ONLY})`);
    else lines.push(`${e.recordA} and ${e.recordB} are in profile ${e.profileA}, joined by:`, ...e.path.map(link));
  } else {
    if (e.refused.length > 0) {
      lines.push(`not linked: ${e.recordA} is in profile ${e.profileA}, ${e.recordB} in ${e.profileB}; links refused between them:`, ...e.refused.map(refusal));
      if (generic.length > 0) lines.push('generic identifiers both hold, which do not link:', ...generic);
    } else if (generic.length > 0) {
      lines.push(`not linked: profile ${e.profileA} (${e.recordA}) and profile ${e.profileB} (${e.recordB}) share only generic identifiers, which do not link:`, ...generic);
    } else {
      lines.push(`not linked: no shared identifier between profile ${e.profileA} (${e.recordA}) and profile ${e.profileB} (${e.recordB})`);
    }
  }
  return `${lines.join('\n')}\n`;
}
