/**
 * The error class thrown at idweave's boundaries (tiers 2 and 3 of the error model: 1, bad data in a record, is a value; 2, a bad input file or output, and 3, misuse, throw): bad
 * configuration, unreadable or malformed input files, unwritable outputs, command-line misuse. Bad data in one
 * record is never thrown; it becomes a reject.
 */

/** What went wrong, as a closed vocabulary (the CLI maps each code to an exit code). */
export type IdweaveErrorCode =
  /** The configuration (file or `ResolveOptions`) failed validation; `issues` lists every problem. */
  | 'config_invalid'
  /** An input file could not be opened or read (not found, permission, directory, corrupt gzip). */
  | 'input_unreadable'
  /** An input file was read but cannot be processed as a whole (no header, no id column, unknown type). */
  | 'input_invalid'
  /** An output directory or file could not be created or written. */
  | 'output_unwritable'
  /** Another run holds the output directory's lock. */
  | 'output_locked'
  /** A published output directory is incomplete or damaged (no valid `manifest.json`, a file that does not match it). */
  | 'output_invalid'
  /** A resolver snapshot failed validation (shape, bounds, checksum); it was edited or damaged. */
  | 'snapshot_invalid'
  /**
   * An incremental resolver's edit failed part way (an allocation failed, or a bug): its state may be
   * inconsistent, so it refuses every later call. Restore it from a snapshot taken before.
   */
  | 'resolver_failed'
  /** The command line or API was used wrongly. */
  | 'usage';

/**
 * An expected failure with a code and every issue found. The message is the first line a user sees; `issues`
 * holds one line per problem, each naming where (`guards.generic.maxRecords: expected a positive integer`).
 *
 * @example
 * try { parseResolveOptions(input) } catch (e) { if (e instanceof IdweaveError) console.error(e.issues.join('\n')) }
 */
export class IdweaveError extends Error {
  readonly code: IdweaveErrorCode;
  readonly issues: readonly string[];

  constructor(code: IdweaveErrorCode, message: string, issues: readonly string[] = []) {
    super(message);
    this.name = 'IdweaveError';
    this.code = code;
    this.issues = issues;
  }
}

/** True for an `IdweaveError` (also across duplicated module copies, by name and code). */
export function isIdweaveError(error: unknown): error is IdweaveError {
  return error instanceof IdweaveError || (error instanceof Error && error.name === 'IdweaveError' && typeof (error as { code?: unknown }).code === 'string');
}
