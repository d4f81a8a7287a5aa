/**
 * The streamed resolver snapshot (docs/incremental.md, "Streamed snapshots"): NDJSON, one JSON object per line.
 *
 *   {"format":"idweave.resolver.stream","version":3,"options":"…","idRange":R,"nextSerial":N,"holdsOverrides":true,
 *    "sizes":{"records":…,"keys":…,"names":…,"profiles":…,"strongKeys":…,"weakKeys":…}}
 *   {"groups":[…]}   {"keys":[…]}   {"names":[…]}   {"sources":[…]}   {"records":[…]}   {"overrides":[…]}   {"erased":[…]}
 *       (zero or more lines each, in this order)
 *   {"end":{"groups":g,"keys":k,"names":n,"sources":s,"records":r,"overrides":o,"erased":e},"checksum":"sha256:…"}
 *
 * Entries are those of the object snapshot (`ResolverSnapshot`), cut into lines of at most `MAX_LINE_ENTRIES`
 * entries and about `MAX_LINE_CHARS` characters, so neither side ever holds more than one line as a string. The
 * checksum is SHA-256 over every byte before the end line; the end line and the counts in it detect truncation.
 * `holdsOverrides: false` (a source that does not know the overrides) allows no `overrides` line; restoring then
 * sets the `overrides` option, as for version 1, whose head has neither `idRange` nor `holdsOverrides` and whose
 * lines and end counts stop at the records. Version 3 adds `sizes` to the head (optional; hints a reader sizes its
 * tables with, never trusted beyond what the file could hold); versions 1 and 2 are still read.
 */

export const STREAM_FORMAT = 'idweave.resolver.stream';
export const STREAM_VERSION = 3;
/** The fields of a head's `sizes` (`TableSizes`). */
export const SIZE_FIELDS = ['records', 'keys', 'names', 'profiles', 'strongKeys', 'weakKeys'] as const;
export const STREAM_CHECKSUM_PREFIX = 'sha256:';

/** The tables, the records, the overrides and the tombstones, in the order their lines must come. */
export const SECTIONS = ['groups', 'keys', 'names', 'sources', 'records', 'overrides', 'erased'] as const;
export type Section = (typeof SECTIONS)[number];

/** The sections of a stream of `version` (version 1 ends with the records). */
export function sectionsOf(version: number): readonly Section[] {
  return version === 1 ? SECTIONS.slice(0, 5) : SECTIONS;
}

/** Most entries per line. */
export const MAX_LINE_ENTRIES = 10_000;
/**
 * A line is closed before it passes this many UTF-16 characters (unless it holds one entry): parsing one line is
 * the one step the reader cannot cut, and at 256 Ki characters (~1–2k records) it takes a few ms.
 */
export const MAX_LINE_CHARS = 1 << 18;
/**
 * The longest line the reader takes, in bytes. Far above what the writer writes (one entry can exceed
 * `MAX_LINE_CHARS` only alone on its line), and far below V8's ~2^29-character string limit, so a hostile file
 * without newlines is refused instead of exhausting memory.
 */
export const MAX_LINE_BYTES = 1 << 28;

/**
 * Work between two turns of the event loop, in ms. The writer and the reader check the clock after each entry and
 * yield once a slice has passed, so a server stays responsive (the task asks for no stall above ~50 ms; a slice
 * leaves room for one entry's or one line's parse and for GC).
 */
export const SLICE_MS = 10;

/** Gives the event loop a turn (`setImmediate`, so I/O callbacks and timers run) once a slice of work has passed. */
export class Pacer {
  private last = performance.now();

  /** True when a slice has passed since the last turn; then `await pacer.turn()`. */
  due(): boolean {
    return performance.now() - this.last >= SLICE_MS;
  }

  async turn(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.last = performance.now();
  }
}
