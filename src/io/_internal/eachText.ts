/** Decoders kept for the lines that need one: `decode` without `stream` keeps no state between calls. */
const DROP_BOM = new TextDecoder('utf-8');
const KEEP_BOM = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The text of `bytes` (UTF-8 cut at line ends, as file pieces are) as strings handed to `visit` in order that,
 * joined, are exactly `new TextDecoder('utf-8', { ignoreBOM: !atStart }).decode(bytes)` (a property test holds it
 * to that, invalid bytes included): each run of ASCII lines as one string, each line holding another byte decoded
 * on its own. A BOM is dropped only at the start of a piece that starts its file. Runs are cut at line starts, so
 * no UTF-8 sequence, valid or not, is split.
 *
 * perf: V8 keeps a string holding one character above U+00FF at two bytes a character, and every slice of it
 * too. In the hard data one row in 200 holds an Arabic name, so every 4 MiB piece was one two-byte string: its
 * decode ran at ~130 MB/s, and each cell cut from it went through the slower two-byte paths (split, regular
 * expressions, hashing, packing). Cut this way, the 115 MB of 1M hard rows decode in ~0.12 s
 * instead of ~0.8 s (one thread, steady state).
 *
 * perf: each string is decoded only as `visit` is ready for it. A piece's texts built at once (~400 strings of
 * ~10 KB in a 4 MiB piece of the default data) all lived until the reader reached them, through the young
 * generation's collections, and were promoted: ~100 bytes a row copied into the old generation, whose fresh pages
 * then cost a page fault each (docs/benchmarks.md, "Page faults, deoptimization loops and fixed costs").
 */
export function eachText(bytes: Uint8Array, atStart: boolean, visit: (text: string) => void): void {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.length;
  let from = 0; // start of the ASCII run not yet cut
  for (let i = firstHigh(bytes, 0, n); i < n; i = firstHigh(bytes, from, n)) {
    // The bytes since `from` are ASCII: the line of byte i starts after the last newline among them.
    const start = Math.max(from, i === 0 ? 0 : bytes.lastIndexOf(10, i - 1) + 1);
    const nl = bytes.indexOf(10, i);
    const end = nl === -1 ? n : nl + 1;
    if (start > from) visit(text.toString('latin1', from, start));
    visit((atStart && start === 0 ? DROP_BOM : KEEP_BOM).decode(bytes.subarray(start, end)));
    from = end;
  }
  if (from < n) visit(text.toString('latin1', from, n));
}

/**
 * The first byte of `bytes[i, n)` above 0x7F, or n. perf: a loop of its own; written inside the loop above, V8
 * compiled the scan ~7× slower (850 against 115 ms over 115 MB).
 */
function firstHigh(bytes: Uint8Array, i: number, n: number): number {
  while (i < n && bytes[i]! < 0x80) i++;
  return i;
}
