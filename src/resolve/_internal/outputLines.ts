import { stringAt } from '../../_internal/ByteInterner.js';
import type { SurvivorshipConfig } from '../../merge/buildProfile.js';
import { mappingLine, toProfileJson } from '../../io/outputFiles.js';
import { profileAt, profileIdAt, type BatchColumns } from './BatchColumns.js';

/** A block of output lines, built in any thread, written by the main thread in block order. */
export type LinesTask = { readonly kind: 'mapping' | 'profiles'; readonly from: number; readonly to: number };

/** `mapping.csv` lines of records [from, to) (input order), or `profiles.ndjson` lines of profiles [from, to). */
export function outputLines(c: BatchColumns, config: SurvivorshipConfig, task: LinesTask): string {
  let out = '';
  if (task.kind === 'mapping') {
    for (let i = task.from; i < task.to; i++) out += `${mappingLine(stringAt(c.ids, i), profileIdAt(c, c.profileOf[i]!))}\n`;
  } else {
    for (let p = task.from; p < task.to; p++) out += `${JSON.stringify(toProfileJson(profileAt(c, p, config)))}\n`;
  }
  return out;
}
