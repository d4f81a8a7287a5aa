import { readFileSync, rmSync, unlinkSync } from 'node:fs';

/** What a signal handler needs of a run that has not published yet (`OutputDir`). */
export interface OpenOutput {
  readonly staging: string;
  readonly lockFile: string;
  readonly lockToken: string;
  readonly isCommitting: boolean;
}

/**
 * Runs of this process not yet published or aborted. Kept apart from `OutputDir` so the command line's signal
 * handling can reach it without loading the output code (and zod) at start-up.
 */
export const OPEN_OUTPUTS = new Set<OpenOutput>();

/**
 * For a process about to exit on a signal: drops every unpublished run's staging directory and lock, at once and
 * synchronously (no awaiting in a signal handler). Published outputs are not touched, and a run already moving
 * its files into place keeps its staging for the next run to finish (roll forward).
 */
export function abandonOpenOutputsSync(): void {
  for (const out of OPEN_OUTPUTS) {
    OPEN_OUTPUTS.delete(out);
    try {
      if (!out.isCommitting) rmSync(out.staging, { recursive: true, force: true });
      if (readFileSync(out.lockFile, 'utf8').includes(out.lockToken)) unlinkSync(out.lockFile);
    } catch {
      // best effort: the next run removes what is left
    }
  }
}
