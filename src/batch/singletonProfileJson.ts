import { stringAt } from '../_internal/ByteInterner.js';
import { chunkByte } from '../_internal/chunkString.js';
import { compareStrings } from '../_internal/compareStrings.js';
import type { JsonBytes } from '../_internal/JsonBytes.js';
import { payloadAt } from '../_internal/PayloadStore.js';
import type { Utf8Lines } from '../_internal/Utf8Lines.js';
import { profileIdAt, sourceName, type BatchColumns } from '../engine/BatchColumns.js';
import { setProfileField, type ProfileJson } from '../io/outputFiles.js';
import type { ProfileLineage } from '../io/profileLineage.js';
import { kindOfKeyText } from '../match/createRecordKeyer.js';
import { KIND_ORDER } from '../merge/buildProfile.js';
import { ruleFor, type SurvivorshipConfig } from '../merge/survivorshipConfig.js';

/**
 * Writes into `out` the `profiles.ndjson` line of profile `p`, which has one record, with its newline: exactly
 * `JSON.stringify(toProfileJson(profileAt(c, p, config), lineage))` (a test holds it to that). Its id, source and
 * identifiers are copied from their stored bytes (`JsonBytes`, through `head`); only the fields are parsed from the
 * payload and stringified, as the general path does.
 *
 * perf: most profiles have one record (60% at 1M in the hard data). For them the general path decoded every key,
 * built the member, the golden profile and its JSON object, and stringified and encoded the whole line.
 */
export function writeSingletonProfile(out: Utf8Lines, head: JsonBytes, c: BatchColumns, p: number, config: SurvivorshipConfig, lineage: ProfileLineage): void {
  const r = c.members[c.memberStart[p]!]!;
  const s = c.sourceOf[r]!;
  head.reset();
  head.ascii('{"profile_id":"');
  // A profile id is `P` and base-36 digits: nothing to escape.
  head.ascii(profileIdAt(c, p));
  head.ascii('","record_ids":[');
  head.chunkString(c.ids.chunks, c.ids.starts[r]!, c.ids.lengths[r]!);
  head.ascii('],"sources":[');
  if (s >= 0) head.chunkString(c.sources.chunks, c.sources.starts[s]!, c.sources.lengths[s]!);
  head.char(93);
  const t = c.updatedAt[r]!;
  if (!Number.isNaN(t)) {
    head.ascii(',"first_seen":"');
    head.isoTime(t);
    head.ascii('","last_seen":"');
    head.isoTime(t);
    head.char(34);
  }
  head.ascii(',"identifiers":[');
  const keys = orderedKeys(c, c.keyStart[r]!, c.keyStart[r + 1]!);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const at = c.keys.starts[k]!;
    head.ascii(i === 0 ? '{"kind":"' : ',{"kind":"');
    head.ascii(kindOfKeyText(chunkByte(c.keys.chunks, at)));
    head.ascii('","value":');
    head.chunkString(c.keys.chunks, at, c.keys.lengths[k]!, 2);
    head.ascii(',"records":1,"sources":[');
    if (s >= 0) head.chunkString(c.sources.chunks, c.sources.starts[s]!, c.sources.lengths[s]!);
    head.ascii(']}');
  }
  head.ascii('],"fields":');
  out.appendBytes(head.bytes, head.length);
  out.append(JSON.stringify(fieldsOf(c, r, s, config, lineage)));
  out.append('}');
  out.endLine();
}

/** The record's fields as `toProfileJson` writes a one-record profile's: every non-empty payload field, by name. */
function fieldsOf(c: BatchColumns, r: number, s: number, config: SurvivorshipConfig, lineage: ProfileLineage): ProfileJson['fields'] {
  const payload = JSON.parse(payloadAt(c.payloads, r)) as Record<string, string | number | boolean | null>;
  const recordId = stringAt(c.ids, r);
  const source = s === -1 ? undefined : sourceName(c, s);
  const out: ProfileJson['fields'] = {};
  for (const field of Object.keys(payload).sort(compareStrings)) {
    const value = payload[field]!;
    if (value === null || value === '') continue;
    setProfileField(out, field, value, recordId, source, ruleFor(config, field), lineage);
  }
  return out;
}

const scratch: number[] = [];

/**
 * The keys `keyIds[from, to)` in the order a profile lists its identifiers: by kind, then by value (the text after
 * the two-character prefix, compared as strings), as `buildProfile` orders identifiers (`KIND_ORDER`). A record's keys are distinct (its keyer adds each once), as
 * identifiers. Valid until the next call.
 */
function orderedKeys(c: BatchColumns, from: number, to: number): readonly number[] {
  scratch.length = 0;
  for (let j = from; j < to; j++) scratch.push(c.keyIds[j]!);
  if (scratch.length > 1) {
    const rank = (k: number): number => KIND_ORDER[kindOfKeyText(chunkByte(c.keys.chunks, c.keys.starts[k]!))]!;
    scratch.sort((a, b) => rank(a) - rank(b) || compareStrings(stringAt(c.keys, a).slice(2), stringAt(c.keys, b).slice(2)));
  }
  return scratch;
}
