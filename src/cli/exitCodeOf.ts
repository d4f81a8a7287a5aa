import { isIdweaveError } from '../errors.js';

/** spec §5 exit codes. */
export const EXIT = { ok: 0, inputOrIo: 1, usageOrConfig: 2 } as const;

/** Exit code for an error: 2 for usage and config errors, 1 for bad input files, I/O and anything unexpected. */
export function exitCodeOf(error: unknown): number {
  if (isIdweaveError(error)) return error.code === 'usage' || error.code === 'config_invalid' ? EXIT.usageOrConfig : EXIT.inputOrIo;
  return EXIT.inputOrIo;
}
