/**
 * The members of a flat JSON object as `JSON.stringify` writes one (no spaces; values strings, numbers, `true`,
 * `false` or `null`), found in its UTF-8 bytes `bytes[from, to)` without decoding them: for member i, its key's
 * JSON text (quotes included) is `bytes[spans[4i], spans[4i + 1])`, or that one byte when it is a field name's
 * token (`PayloadNames`: a byte in 1..31 where a key starts, standing for the key and its colon), and its value's
 * `bytes[spans[4i + 2], spans[4i + 3])`. Returns the number of members, or -1 when the text is not such an object (nested values,
 * spaces, a cut text, a malformed literal). Strings are not checked inside: an escape or a control character is
 * taken as it stands, which is exact for every text `JSON.stringify` writes.
 *
 * perf: the batch stores each record's fields as such a text (its payload) and copies values from it into
 * profile lines, where `JSON.parse` of every payload and `JSON.stringify` of every profile's fields were a third
 * of writing them.
 */
export function flatJsonMembers(bytes: Uint8Array, from: number, to: number, spans: number[]): number {
  // perf: written by index, never emptied (setting an array's length is a builtin call per payload); past
  // 4 * (the count returned), `spans` holds what earlier calls left.
  let n = 0;
  if (to - from < 2 || bytes[from] !== 123 /* { */ || bytes[to - 1] !== 125 /* } */) return -1;
  let i = from + 1;
  const end = to - 1;
  if (i === end) return 0;
  for (;;) {
    let keyEnd: number;
    let valueStart: number;
    const k = bytes[i]!;
    if (k >= 1 && k < 0x20) {
      // A field name's token (`PayloadNames`): the key is that one byte, the value follows it.
      keyEnd = i + 1;
      valueStart = keyEnd;
      if (valueStart === end) return -1;
    } else {
      if (k !== 34) return -1;
      keyEnd = stringEnd(bytes, i, end);
      if (keyEnd === -1 || bytes[keyEnd] !== 58 /* : */) return -1;
      valueStart = keyEnd + 1;
    }
    let valueEnd: number;
    if (bytes[valueStart] === 34) valueEnd = stringEnd(bytes, valueStart, end);
    else {
      valueEnd = valueStart;
      while (valueEnd < end && bytes[valueEnd] !== 44 /* , */) valueEnd++;
      if (!isLiteral(bytes, valueStart, valueEnd)) return -1; // nested, spaced or cut: not as JSON.stringify writes
    }
    if (valueEnd === -1) return -1;
    spans[4 * n] = i;
    spans[4 * n + 1] = keyEnd;
    spans[4 * n + 2] = valueStart;
    spans[4 * n + 3] = valueEnd;
    n++;
    if (valueEnd === end) return n;
    if (bytes[valueEnd] !== 44) return -1;
    i = valueEnd + 1;
  }
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** Whether `bytes[from, to)` is a JSON number, `true`, `false` or `null`. */
function isLiteral(bytes: Uint8Array, from: number, to: number): boolean {
  if (to === from || to - from > 32) return false;
  const text = String.fromCharCode(...bytes.subarray(from, to));
  return text === 'true' || text === 'false' || text === 'null' || NUMBER.test(text);
}

/** Where the JSON string starting at `bytes[at]` (a quote) ends (after its closing quote), or -1 before `end`. */
function stringEnd(bytes: Uint8Array, at: number, end: number): number {
  for (let i = at + 1; i < end; i++) {
    const b = bytes[i]!;
    if (b === 92 /* \ */) i++;
    else if (b === 34) return i + 1;
  }
  return -1;
}

/**
 * The value of the JSON text `bytes[from, to)`, a member's value as `flatJsonMembers` finds it (only such a span:
 * a quote inside the string is not looked for, where `JSON.parse` of a malformed text would throw), as `JSON.parse`
 * reads it. perf: most values are short ASCII strings without escapes, whose characters are their bytes; decoding
 * them as Latin-1 skips the UTF-8 decoder and the parser (survivorship reads every candidate of a compared field).
 */
export function flatJsonValue(bytes: Buffer, from: number, to: number): unknown {
  if (to - from >= 2 && bytes[from] === 34 && bytes[to - 1] === 34) {
    let plain = true;
    for (let i = from + 1; i < to - 1; i++) {
      const b = bytes[i]!;
      if (b < 0x20 || b >= 0x7f || b === 92 /* \ */) {
        plain = false;
        break;
      }
    }
    if (plain) return bytes.toString('latin1', from + 1, to - 1);
  }
  return JSON.parse(bytes.toString('utf8', from, to)) as unknown;
}
