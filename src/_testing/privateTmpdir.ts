import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Vitest global setup: the whole test run gets one private temporary directory (`TMPDIR`, which `os.tmpdir()` and
 * the test processes' children read), removed when the run ends. Tests make their scratch directories with
 * `mkdtempSync(path.join(tmpdir(), …))`; many left them behind, and a CI machine's /tmp filled up run after run
 * (the end-to-end files alone are ~80–150 MB each).
 */
export default function setup(): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'idweave-tests-'));
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
