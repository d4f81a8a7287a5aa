import { IdweaveError } from '../errors.js';

/**
 * Which link decisions a batch run writes to `evidence.ndjson` (`--evidence`, option `evidence` of
 * `resolveFiles`):
 *
 * - `all` (the default): every decision, accepted and refused. `idweave explain` needs the accepted links to say
 *   how a profile holds together and how two records are joined, so nothing less is the default.
 * - `refused`: only the decisions that were refused (`"accepted": false`: a guard's or a steward override's
 *   refusal, and each generic identifier's line), what a steward needs to see why two records were *not* merged.
 *   `idweave explain` still lists a profile's records, its refusals and its generic identifiers, and says that the
 *   links joining the records were not kept.
 * - `none`: no `evidence.ndjson` and no `explain.idx`; `idweave explain` refuses the run.
 */
export type EvidenceMode = 'all' | 'refused' | 'none';

/** The modes, in the order error messages name them. */
export const EVIDENCE_MODES: readonly EvidenceMode[] = ['all', 'refused', 'none'];

/**
 * The mode an option value names: one of `EVIDENCE_MODES`, `true` (the default, `all`), `false` (`none`), or
 * `undefined` (the default). Throws `IdweaveError('config_invalid')` naming the allowed values for anything else;
 * `where` names the option in the message (`evidence`, `--evidence`).
 *
 * @example
 * parseEvidenceMode(false, 'evidence'); // 'none'
 * parseEvidenceMode('some', '--evidence'); // throws: --evidence: expected all, refused or none, got "some"
 */
export function parseEvidenceMode(value: unknown, where: string): EvidenceMode {
  if (value === undefined || value === true) return 'all';
  if (value === false) return 'none';
  if (typeof value === 'string' && (EVIDENCE_MODES as readonly string[]).includes(value)) return value as EvidenceMode;
  const got = typeof value === 'string' ? JSON.stringify(value) : value !== null && typeof value === 'object' ? 'an object' : String(value);
  const issue = `${where}: expected all, refused or none (true is all, false is none), got ${got}`;
  throw new IdweaveError('config_invalid', issue, [issue]);
}
