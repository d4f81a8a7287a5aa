import { IdweaveError } from '../errors.js';
import { resolveOptionsSchema } from './configSchema.js';
import { formatIssues } from './parseConfig.js';
import type { ResolveOptions } from './ResolveOptions.js';

/**
 * Validates untrusted `ResolveOptions` at the library boundary (`resolve`, `resolveFiles`, `createResolver`).
 * Throws an `IdweaveError` with code `config_invalid` listing every problem; returns the options normalized
 * (e.g. `defaultRegion` upper-cased).
 *
 * @example
 * parseResolveOptions({ defaultRegion: 'ae' }) // { defaultRegion: 'AE' }
 */
export function parseResolveOptions(input: unknown): ResolveOptions {
  const parsed = resolveOptionsSchema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issues = formatIssues(parsed.error.issues);
  throw new IdweaveError('config_invalid', `invalid options: ${issues.length} problem${issues.length === 1 ? '' : 's'}\n  ${issues.join('\n  ')}`, issues);
}
