import type { z } from 'zod';
import { configSchema, type IdweaveConfig } from './configSchema.js';

/** Outcome of `parseConfig`: the config, or every problem found, each prefixed with its path. */
export type ParseConfigResult = { readonly ok: true; readonly config: IdweaveConfig } | { readonly ok: false; readonly issues: string[] };

/**
 * Validates a parsed JSON config file (spec §5 `--config`). Never throws; lists every problem at once.
 *
 * @example
 * parseConfig({ guards: { generic: { maxRecords: 0 } }, colums: {} })
 * // { ok: false, issues: ['(root): unknown key "colums"', 'guards.generic.maxRecords: expected a positive integer'] }
 */
export function parseConfig(json: unknown): ParseConfigResult {
  const parsed = configSchema.safeParse(json);
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, issues: formatIssues(parsed.error.issues) };
}

/** One line per issue, `path: message`, sorted by path so related problems sit together. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    const where = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) lines.push(`${where === '(root)' ? '' : `${where}.`}${key}: unknown key`);
    } else if (issue.code === 'invalid_type' && issue.input === undefined && issue.path.length > 0) {
      lines.push(`${where}: required`);
    } else {
      lines.push(`${where}: ${issue.message}`);
    }
  }
  return lines.sort();
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}
