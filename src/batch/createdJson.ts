import { jsonText, type JsonBytes } from '../_internal/JsonBytes.js';
import { profileIdAt, type BatchColumns } from '../engine/BatchColumns.js';
import { sortedMembers } from './profileJson.js';

/**
 * Writes into `head` the `changes.ndjson` event of profile `p` created by this run, without its newline: exactly
 * `changeLine({ type: 'created', profileId, recordIds })` with the record ids sorted (a test holds it to that),
 * the ids copied from their stored bytes. perf: a batch without a previous run creates every profile (10M lines
 * at 20M); each decoded its ids, sorted the strings and stringified an object.
 */
export function writeCreatedJson(head: JsonBytes, c: BatchColumns, p: number): void {
  const members = sortedMembers(c, c.memberStart[p]!, c.memberStart[p + 1]!);
  head.reset();
  head.text(OPEN);
  // A profile id is `P` and base-36 digits: nothing to escape.
  head.ascii(profileIdAt(c, p));
  head.text(RECORD_IDS);
  for (let j = 0; j < members.length; j++) {
    const r = members[j]!;
    if (j > 0) head.char(44);
    head.chunkString(c.ids.chunks, c.ids.starts[r]!, c.ids.lengths[r]!);
  }
  head.text(CLOSE);
}

/**
 * Appends to `out` the `created` event of the profile whose `profiles.ndjson` line `line` holds, its record ids
 * ending at `idsEnd` (`writeProfileJson`), with a newline: the bytes `writeCreatedJson` writes (an event is the
 * line's profile id and sorted record ids), copied from the line. perf: a first run creates every profile; a pass of
 * its own sorted every profile's members again and read their ids at random places of the batch (~1 µs a profile,
 * 6 s of a 20M-row run).
 */
export function appendCreatedFromProfile(out: JsonBytes, line: Uint8Array, idsEnd: number): void {
  out.text(TYPE);
  // The line's `{` left out: `"profile_id":"…","record_ids":[…`.
  out.raw(line, 1, idsEnd);
  out.text(CLOSE_LINE);
}

const TYPE = jsonText('{"type":"created",');
const CLOSE_LINE = jsonText(']}\n');
const OPEN = jsonText('{"type":"created","profile_id":"');
const RECORD_IDS = jsonText('","record_ids":[');
const CLOSE = jsonText(']}');
