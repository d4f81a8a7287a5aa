import { chunkByte } from '../_internal/chunkString.js';
import { jsonText, type JsonBytes, type JsonText } from '../_internal/JsonBytes.js';
import { GUARD_OF_OUTCOME, isAcceptedOutcome, OUTCOME, OVERRIDE_KEY } from '../cluster/EvidenceLog.js';
import type { BatchColumns } from '../engine/BatchColumns.js';
import { OVERRIDE_ALWAYS_KEY } from '../engine/linkEvidenceAt.js';
import { KIND, kindOfKeyText } from '../match/createRecordKeyer.js';
import { unpackFacts, weightPartsInto } from '../match/matchWeights.js';
import type { IdentifierKind } from '../types.js';

/**
 * Writes into `out` (after a `reset`) decision `i` of the batch's evidence log as its `evidence.ndjson` line, without
 * the newline: exactly `JSON.stringify(toEvidenceJson(linkEvidenceAt(…)))` (a test holds it to that), the record
 * ids, the key and the reason copied from their stored bytes (`JsonBytes`). `why`: the decision's index in
 * `c.evidence.why` (reasons are kept for refusals only), or -1.
 *
 * perf: at 20M records the batch writes ~20M decisions. Decoding their ids, keys and reasons to strings, building
 * a `LinkEvidence` and its JSON object, stringifying and encoding it again was most of the evidence stage.
 */
export function writeEvidenceJson(out: JsonBytes, c: BatchColumns, i: number, why: number): void {
  const ev = c.evidence;
  const ids = c.ids;
  const outcome = ev.outcome[i]!;
  const keyId = ev.key[i]!;
  out.reset();
  out.text(RECORD_A);
  const a = ev.recordA[i]!;
  out.chunkString(ids.chunks, ids.starts[a]!, ids.lengths[a]!);
  out.text(RECORD_B);
  const b = ev.recordB[i]!;
  out.chunkString(ids.chunks, ids.starts[b]!, ids.lengths[b]!);
  let kind: IdentifierKind | 'override';
  let weight = Number.NaN;
  // Constant pieces only: a template string per line would be built, then copied byte by byte.
  if (keyId === OVERRIDE_KEY) {
    out.text(outcome === OUTCOME.accepted ? OVERRIDE_ACCEPTED : OVERRIDE_REFUSED);
    kind = 'override';
  } else {
    const keys = c.keys;
    const at = keys.starts[keyId]!;
    kind = kindOfKeyText(chunkByte(keys.chunks, at));
    // Weak evidence through an email is a typo-corrected address; a weak phone keeps its kind.
    out.text((outcome === OUTCOME.acceptedFuzzy || outcome === OUTCOME.fuzzy) && kind === 'email' ? FUZZY_EMAIL_PIECE : KIND_PIECE[kind]);
    // The readable key, `email:x` for `e:x` (`readableKey`).
    out.chunkString(keys.chunks, at, keys.lengths[keyId]!, 2, KEY_PREFIX[kind]);
    out.text(isAcceptedOutcome(outcome) ? ACCEPTED : REFUSED);
    weight = ev.weight[i]!;
  }
  const guard = GUARD_PIECE[outcome];
  if (guard !== undefined) out.text(guard);
  if (why >= 0) {
    const text = ev.why.text;
    if (text.lengths[why]! > 0) {
      out.text(WHY);
      out.chunkString(text.chunks, text.starts[why]!, text.lengths[why]!);
    }
  }
  if (kind !== 'override' && !Number.isNaN(weight)) {
    out.text(WEIGHT);
    out.number(Math.round(weight * 100) / 100);
    out.text(PARTS);
    const n = weightPartsInto(unpackFacts(ev.facts[i]!, KIND[kind], weight), partNames, partValues);
    for (let p = 0; p < n; p++) {
      if (p > 0) out.char(44);
      out.text(partText(partNames[p]!));
      out.number(partValues[p]!);
    }
    out.char(125);
  }
  out.char(125);
}

const RECORD_A = jsonText('{"record_a":');
const RECORD_B = jsonText(',"record_b":');
const OVERRIDE_ACCEPTED = jsonText(`,"kind":"override","key":"${OVERRIDE_ALWAYS_KEY}","accepted":true`);
const OVERRIDE_REFUSED = jsonText(`,"kind":"override","key":"${OVERRIDE_ALWAYS_KEY}","accepted":false`);
const FUZZY_EMAIL_PIECE = jsonText(',"kind":"fuzzyEmail","key":');
const KINDS = Object.keys(KIND) as IdentifierKind[];
const KIND_PIECE = Object.fromEntries(KINDS.map((k) => [k, jsonText(`,"kind":"${k}","key":`)])) as Record<IdentifierKind, JsonText>;
const KEY_PREFIX = Object.fromEntries(KINDS.map((k) => [k, `${k}:`])) as Record<IdentifierKind, string>;
const ACCEPTED = jsonText(',"accepted":true');
const REFUSED = jsonText(',"accepted":false');
const GUARD_PIECE = GUARD_OF_OUTCOME.map((g) => (g === undefined ? undefined : jsonText(`,"guard":"${g}"`)));
const WHY = jsonText(',"why":');
const WEIGHT = jsonText(',"weight":');
const PARTS = jsonText(',"parts":{');
const partTexts = new Map<string, JsonText>();

/** A weight part's name as the start of its member, `"name":` (the names are a fixed few). */
function partText(name: string): JsonText {
  let t = partTexts.get(name);
  if (t === undefined) partTexts.set(name, (t = jsonText(`${JSON.stringify(name)}:`)));
  return t;
}
/** Scratch for one decision's weight parts (`weightPartsInto`). */
const partNames: string[] = [];
const partValues: number[] = [];
