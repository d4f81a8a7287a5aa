import type { SnapshotRecordScalars } from './snapshot.js';

/**
 * The JSON text of one `SnapshotRecord` (see snapshot.ts), from its parts: exactly `JSON.stringify` of the tuple
 * (a property test holds it to that). perf: the batch writes one per record into `resolver.ndjson` (20M at MAF
 * scale); building the tuple, copying its key lists into arrays and stringifying it generically cost a third more
 * than writing the text directly. Key lists are `keys[from, to)` and `weak[weakFrom, weakTo)`.
 */
export function snapshotRecordJson(
  ...[id, serial, source, updatedAt, firstName, lastName, payload, keys, from, to, weak, weakFrom, weakTo, attributes]: [
    ...SnapshotRecordScalars,
    keys: ArrayLike<number>,
    from: number,
    to: number,
    weak: ArrayLike<number>,
    weakFrom: number,
    weakTo: number,
    attributes: number | undefined,
  ]
): string {
  let text = `[${JSON.stringify(id)},${num(serial)},${num(source)},${updatedAt === null ? 'null' : num(updatedAt)},${num(firstName)},${num(lastName)},${JSON.stringify(payload)},[`;
  for (let j = from; j < to; j++) text += j === from ? num(keys[j]!) : `,${num(keys[j]!)}`;
  text += '],[';
  for (let j = weakFrom; j < weakTo; j++) text += j === weakFrom ? num(weak[j]!) : `,${num(weak[j]!)}`;
  return attributes === undefined ? `${text}]]` : `${text}],${num(attributes)}]`;
}

/** A number as JSON writes it (NaN and infinities as null; -0 as 0, which `String` also gives). */
function num(x: number): string {
  return Number.isFinite(x) ? String(x) : 'null';
}
