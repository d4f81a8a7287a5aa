import type { JsonBytes } from '../_internal/JsonBytes.js';
import type { InternedView } from '../_internal/ByteInterner.js';
import type { PayloadView } from '../_internal/PayloadStore.js';
import { PayloadNames } from '../_internal/PayloadNames.js';

/**
 * Writes into `out` (after a `reset`) the JSON text of one `SnapshotRecord` (see snapshot.ts) from its parts:
 * exactly `JSON.stringify` of the tuple (a property test holds it to that), its id and payload copied from their
 * stored UTF-8 bytes (`ids` entry `record`, `payloads` entry `record`). perf: the batch writes one per record into
 * `resolver.ndjson` (20M at MAF scale): building the tuple and stringifying it generically cost a third more than
 * writing the text directly, and decoding the id and payload to strings and encoding the text again as much more
 * (`JsonBytes`). Key lists are `keys[from, to)` and `weak[weakFrom, weakTo)`.
 */
export function writeSnapshotRecordJson(
  out: JsonBytes,
  ids: InternedView,
  payloads: PayloadView,
  record: number,
  serial: number,
  source: number,
  updatedAt: number | null,
  firstName: number,
  lastName: number,
  keys: ArrayLike<number>,
  from: number,
  to: number,
  weak: ArrayLike<number>,
  weakFrom: number,
  weakTo: number,
  attributes: number | undefined,
): void {
  out.reset();
  out.char(91);
  out.chunkString(ids.chunks, ids.starts[record]!, ids.lengths[record]!);
  out.char(44);
  out.number(serial);
  out.char(44);
  out.number(source);
  out.char(44);
  if (updatedAt === null) out.ascii('null');
  else out.number(updatedAt);
  out.char(44);
  out.number(firstName);
  out.char(44);
  out.number(lastName);
  out.char(44);
  const names = tokensOf(payloads.fields);
  if (names === undefined) out.chunkString(payloads.chunks, payloads.starts[record]!, payloads.lengths[record]!);
  else out.payloadString(payloads.chunks, payloads.starts[record]!, payloads.lengths[record]!, names);
  out.ascii(',[');
  for (let j = from; j < to; j++) {
    if (j > from) out.char(44);
    out.number(keys[j]!);
  }
  out.ascii('],[');
  for (let j = weakFrom; j < weakTo; j++) {
    if (j > weakFrom) out.char(44);
    out.number(weak[j]!);
  }
  out.char(93);
  if (attributes !== undefined) {
    out.char(44);
    out.number(attributes);
  }
  out.char(93);
}

// perf: the table of the view last written, not a lookup by array per record.
let lastFields: readonly string[] | undefined;
let lastNames: PayloadNames | undefined;

function tokensOf(fields: readonly string[] | undefined): PayloadNames | undefined {
  if (fields !== lastFields) {
    lastFields = fields;
    lastNames = fields === undefined ? undefined : PayloadNames.of(fields);
  }
  return lastNames;
}
