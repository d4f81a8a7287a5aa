import { readFile } from 'node:fs/promises';
import type { IdweaveConfig } from '../config/configSchema.js';
import { parseConfig } from '../config/parseConfig.js';
import { IdweaveError } from '../errors.js';

/**
 * Reads and validates a JSON config file (spec §5 `--config`). Throws `IdweaveError`: `config_invalid` for
 * unreadable files, bad JSON (with the parser's position) or failed validation (every problem in `issues`).
 *
 * @example
 * const config = await loadConfigFile('idweave.config.json');
 */
export async function loadConfigFile(file: string): Promise<IdweaveConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
    throw new IdweaveError('config_invalid', `${file}: cannot read config (${why})`, [why]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const why = `not valid JSON: ${(e as Error).message}`;
    throw new IdweaveError('config_invalid', `${file}: ${why}`, [why]);
  }
  const parsed = parseConfig(json);
  if (!parsed.ok) {
    const n = parsed.issues.length;
    throw new IdweaveError('config_invalid', `${file}: invalid config (${n} problem${n === 1 ? '' : 's'}):\n  ${parsed.issues.join('\n  ')}`, parsed.issues);
  }
  return parsed.config;
}
