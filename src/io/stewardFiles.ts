import { readFile } from 'node:fs/promises';
import type { RecordOverride } from '../config/ResolveOptions.js';
import { IdweaveError } from '../errors.js';

/**
 * The data steward's files of `idweave resolve` (SPEC §8): `--overrides FILE` (CSV, header
 * `record_a,record_b,rule`, rule `never` or `always`) and `--erased FILE` (one record id per line, or a CSV with
 * a `record_id` column). Small files written by people: read whole, every line checked, every problem named.
 */

/** Reads an overrides CSV. Throws `IdweaveError` `input_unreadable` / `input_invalid` naming the file and line. */
export async function readOverridesFile(file: string): Promise<RecordOverride[]> {
  const lines = await linesOf(file, '--overrides');
  const header = lines.length > 0 ? splitCsvLine(lines[0]!.text).map(fold) : [];
  const a = header.indexOf('record_a');
  const b = header.indexOf('record_b');
  const r = header.indexOf('rule');
  if (a < 0 || b < 0 || r < 0) throw new IdweaveError('input_invalid', `--overrides ${file}: line 1: expected the header record_a,record_b,rule`);
  const out: RecordOverride[] = [];
  const problems: string[] = [];
  for (const { line, text } of lines.slice(1)) {
    const cells = splitCsvLine(text);
    const recordA = (cells[a] ?? '').trim();
    const recordB = (cells[b] ?? '').trim();
    const rule = (cells[r] ?? '').trim().toLowerCase();
    if (recordA === '' || recordB === '') problems.push(`line ${line}: record_a and record_b must both be given`);
    else if (rule !== 'never' && rule !== 'always') problems.push(`line ${line}: rule must be never or always, got "${rule.slice(0, 40)}"`);
    else if (recordA === recordB) problems.push(`line ${line}: record_a and record_b are the same record`);
    else out.push({ recordA, recordB, rule });
    if (problems.length >= 20) break;
  }
  if (problems.length > 0) throw new IdweaveError('input_invalid', `--overrides ${file}:\n  ${problems.join('\n  ')}`, problems);
  return out;
}

/** Reads an erasure list: ids one per line, or a CSV whose header has `record_id`. */
export async function readErasedFile(file: string): Promise<string[]> {
  const lines = await linesOf(file, '--erased');
  if (lines.length === 0) return [];
  const header = splitCsvLine(lines[0]!.text).map(fold);
  const column = header.indexOf('record_id');
  if (column < 0) return lines.map((l) => l.text.trim()).filter((id) => id !== '');
  const ids: string[] = [];
  for (const { text } of lines.slice(1)) {
    const id = (splitCsvLine(text)[column] ?? '').trim();
    if (id !== '') ids.push(id);
  }
  return ids;
}

async function linesOf(file: string, flag: string): Promise<{ line: number; text: string }[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new IdweaveError('input_unreadable', `${flag} ${file}: ${code === 'ENOENT' ? 'file not found' : (e as Error).message}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text
    .split('\n')
    .map((t, i) => ({ line: i + 1, text: t.endsWith('\r') ? t.slice(0, -1) : t }))
    .filter((l) => l.text.trim() !== '');
}

function fold(s: string): string {
  return s.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** The cells of one CSV line (RFC 4180 quotes; a steward's file has no cell spanning lines). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}
