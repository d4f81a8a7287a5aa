import type { SnapshotOverride, SnapshotRecord } from './snapshot.js';
import type { Section } from './snapshotStreamFormat.js';
import type { TableSizes } from './ResolverState.js';

/**
 * What the stream writer (`writeSnapshotStream`) needs to write a resolver snapshot, and nothing more: the
 * resolver's state is one source (`snapshotSourceOfState`); a batch run is another, writing a table of its records
 * that a resolver can be restored from. Nothing here is checked when written — the reader checks everything — so a
 * new source should be tested by reading its output back with `readResolverSnapshot`.
 *
 * The writer iterates each table once, in this order: `groups`, `keys`, `names`, `sources`, `records`, then
 * `overrides` and `erased`. An index in a key or a record is a position in its table as iterated (from 0; -1 for
 * none).
 *
 * - Tables hold only what the records use (a removed record must leave no trace), each entry once; a record
 *   erased for good leaves its id in `erased`, and nothing else.
 * - Entries are interned in table order by the reader, so each table must be free of repeats, and names and
 *   sources non-empty.
 * - Records are `SnapshotRecord` tuples: `[id, serial, source, updatedAt | null, first name, last name, payload,
 *   strong keys, weak keys, attributes]`, names folded and keys normalized as the resolver keeps them
 *   (`prepareRecord`), payload as `payloadOf` writes it. Every record of one profile has the same serial, each
 *   serial is below `nextSerial`, and the partition is the one `resolve()` gives those records (the reader checks
 *   it only with `verify`).
 * - The iterables may compute entries lazily; the source must not change while the writer runs.
 */
export interface SnapshotSource {
  /** `optionsFingerprint` of the resolved options the records were prepared and linked with. */
  readonly options: string;
  /** The next profile serial to allocate: above every record's serial, and never lowered (ids are not reused). */
  readonly nextSerial: number;
  /**
   * The id range the source allocates in (identity/profileIds), with `nextSerial` in it. Absent: the range
   * `nextSerial` lies in, which is the source's own unless it used its range up.
   */
  readonly idRange?: number;
  /** Namespace groups of externalId, login and handle keys (`x:loyalty`, `l:global`, `h:instagram`). */
  readonly groups: Iterable<string>;
  /** `[key, kind code, group index or -1]`: kind 0 `x:`, 1 `l:`, 2 `h:`, 3 `e:`, 4 `p:`; emails and phones have no group. */
  readonly keys: Iterable<readonly [string, number, number]>;
  /** Folded first and last names and folded evidence attributes. */
  readonly names: Iterable<string>;
  readonly sources: Iterable<string>;
  readonly records: Iterable<SnapshotRecord>;
  /**
   * The steward overrides, `[record id, record id, "never" | "always"]`, each pair once, ids not necessarily live.
   * Absent: the source does not know them; the stream says so (`holdsOverrides: false`) and a resolver restored
   * from it sets its `overrides` option instead. Present, even empty, they replace that option.
   */
  readonly overrides?: Iterable<SnapshotOverride>;
  /** Tombstones: ids erased for good, each once, none of them a record's. Absent: none. */
  readonly erased?: Iterable<string>;
  /**
   * Sections given already formatted, in order (a batch formats its large tables in worker threads): blocks of
   * whole lines, each cut by `LineCutter` and ending in a newline, holding `entries` entries in all. The
   * section's iterable above is then not read.
   */
  readonly formatted?: { readonly [S in Section]?: AsyncIterable<FormattedLines> };
  /** How large the tables are (the head carries them, so a reader sizes its tables once). Absent: not said. */
  readonly sizes?: TableSizes;
}

/** Whole lines of one section, each ending in a newline, and the entries they hold. */
export interface FormattedLines {
  /** The lines as UTF-8, each ending in a newline (built as bytes: a worker thread hands them over by transfer). */
  readonly bytes: Uint8Array;
  readonly entries: number;
}
