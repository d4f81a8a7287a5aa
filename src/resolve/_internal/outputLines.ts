import { stringAt } from '../../_internal/ByteInterner.js';
import type { SurvivorshipConfig } from '../../merge/buildProfile.js';
import { evidenceReader } from '../../cluster/EvidenceLog.js';
import { mappingLine, toEvidenceJson, toProfileJson } from '../../io/outputFiles.js';
import { linkEvidenceAt } from './linkEvidenceAt.js';
import { profileAt, profileIdAt, type BatchColumns } from './BatchColumns.js';
import { profileBlockStats, type ProfileBlockStats } from './profileStats.js';

/** A block of output lines, built in any thread, written by the main thread in block order. */
export type LinesTask = {
  readonly kind: 'mapping' | 'profiles' | 'evidence';
  readonly from: number;
  readonly to: number;
  /** mapping: escape formula-leading cells (`--csv-safe`). */
  readonly csvSafe?: boolean;
  /** profiles: also count the block's profiles for the report, naming these source ids (`profileStats`). */
  readonly statsSources?: readonly number[];
};

/** A block of lines, and for a profiles block asked for them, its stats for the report. */
export interface LinesBlock {
  readonly text: string;
  readonly stats?: ProfileBlockStats;
}

/**
 * Lines [from, to) of an output file, each ending in a newline: `mapping.csv` (records in input order),
 * `profiles.ndjson` (profiles in id order) or `evidence.ndjson` (links in decision order).
 */
export function outputLines(c: BatchColumns, config: SurvivorshipConfig, task: LinesTask): LinesBlock {
  let out = '';
  switch (task.kind) {
    case 'mapping':
      for (let i = task.from; i < task.to; i++) out += `${mappingLine(stringAt(c.ids, i), profileIdAt(c, c.profileOf[i]!), task.csvSafe)}\n`;
      break;
    case 'profiles':
      for (let p = task.from; p < task.to; p++) out += `${JSON.stringify(toProfileJson(profileAt(c, p, config)))}\n`;
      if (task.statsSources !== undefined) return { text: out, stats: profileBlockStats(c, task.from, task.to, task.statsSources) };
      break;
    case 'evidence': {
      const ev = evidenceReader(c.evidence);
      const record = (r: number): string => stringAt(c.ids, r);
      const key = (k: number): string => stringAt(c.keys, k);
      for (let i = task.from; i < task.to; i++) out += `${JSON.stringify(toEvidenceJson(linkEvidenceAt(ev, i, record, key)))}\n`;
      break;
    }
  }
  return { text: out };
}
