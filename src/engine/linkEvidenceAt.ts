import { GUARD_OF_OUTCOME, isAcceptedOutcome, OUTCOME, OVERRIDE_KEY, type EvidenceReader } from '../cluster/EvidenceLog.js';
import { describeKey, KIND } from '../match/createRecordKeyer.js';
import { unpackFacts, weightParts } from '../match/matchWeights.js';
import type { LinkEvidence } from '../types.js';

/**
 * Entry `i` of an evidence log as a `LinkEvidence`, given how to name records and keys (shared by the batch
 * engine and the incremental resolver's `explain`).
 */
export function linkEvidenceAt(ev: EvidenceReader, i: number, recordId: (index: number) => string, keyString: (key: number) => string): LinkEvidence {
  const outcome = ev.outcome.get(i);
  const keyId = ev.key.get(i);
  if (keyId === OVERRIDE_KEY) return overrideEvidenceAt(ev, i, recordId);
  const { kind, value } = describeKey(keyString(keyId));
  const guard = GUARD_OF_OUTCOME[outcome];
  const why = ev.whyOf(i);
  const weight = ev.weight.get(i);
  const weighed = !Number.isNaN(weight);
  const e: Mutable<LinkEvidence> = {
    recordA: recordId(ev.recordA.get(i)),
    recordB: recordId(ev.recordB.get(i)),
    // Weak evidence through an email is a typo-corrected address; a weak phone keeps its kind.
    kind: (outcome === OUTCOME.acceptedFuzzy || outcome === OUTCOME.fuzzy) && kind === 'email' ? 'fuzzyEmail' : kind,
    key: readableKeyOf(kind, value),
    accepted: isAcceptedOutcome(outcome),
  };
  // perf: fields added in place, not spread in (a spread builds a throwaway object and copies it: a third of the
  // evidence stage's time and much of its garbage).
  if (guard) e.guard = guard;
  if (why) e.why = why;
  if (weighed) {
    e.weight = Math.round(weight * 100) / 100;
    e.parts = weightParts(unpackFacts(ev.facts.get(i), KIND[kind], weight));
  }
  return e;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A decision on an `always` override pair: no key and no weight, the pair named in `why`. */
function overrideEvidenceAt(ev: EvidenceReader, i: number, recordId: (index: number) => string): LinkEvidence {
  const outcome = ev.outcome.get(i);
  const guard = GUARD_OF_OUTCOME[outcome];
  const why = ev.whyOf(i);
  const e: Mutable<LinkEvidence> = {
    recordA: recordId(ev.recordA.get(i)),
    recordB: recordId(ev.recordB.get(i)),
    kind: 'override',
    key: OVERRIDE_ALWAYS_KEY,
    accepted: outcome === OUTCOME.accepted,
  };
  if (guard) e.guard = guard;
  if (why) e.why = why;
  return e;
}

/** How evidence and explanations show the key of an `always` override. */
export const OVERRIDE_ALWAYS_KEY = 'override:always';

/** `e:x` → `email:x` for people and tools reading reports and evidence. */
export function readableKey(key: string): string {
  const { kind, value } = describeKey(key);
  return readableKeyOf(kind, value);
}

/** `readableKey` of a key already described. */
function readableKeyOf(kind: string, value: string): string {
  return `${kind}:${value}`;
}
