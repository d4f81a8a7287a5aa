import { IdweaveError } from '../errors.js';
import type { ColumnRoles } from './columnRoles.js';
import { foldColumnName } from './columnRoles.js';
import { looksLikeData } from './_internal/CsvRowReader.js';

/** The columns of one input: a CSV header, a Parquet schema's columns, or the keys seen in an NDJSON file's objects. */
export interface InputColumns {
  readonly file: string;
  readonly format: 'csv' | 'ndjson' | 'parquet';
  readonly columns: readonly string[];
}

/**
 * Checks the inputs' columns against the config, so misconfiguration is loud (spec §1): a column the config
 * maps that no input has is a config error (exit 2) naming it; one that only some inputs lack is a warning per
 * input (multi-source runs are normal: a Wi-Fi export has no loyalty column); an input in which no column
 * holds an identifier is an error (every record would be its own profile); a CSV or Parquet file without its id
 * column is unreadable. Messages list an input's columns unless they look like data (a headerless file's first row is
 * a customer). Returns the warnings; throws `IdweaveError` (`config_invalid` or `input_invalid`).
 */
export function checkColumns(roles: ColumnRoles, inputs: readonly InputColumns[]): string[] {
  const warnings: string[] = [];
  const folded = inputs.map((i) => new Set(i.columns.map(foldColumnName)));
  const describe = (i: number): string => {
    const cols = inputs[i]!.columns;
    // A header is printed only when it looks like one: no cell looks like data, and some cell is a column idweave
    // knows (a headerless file's first row is a customer: "John Smith,Dubai Marina" has neither).
    const recognised = cols.some((c) => roles.roleOf(c) !== undefined || roles.expected.some((e) => foldColumnName(e.input) === foldColumnName(c)));
    if (inputs[i]!.format === 'csv' && (looksLikeData(cols) || !recognised)) {
      return `${cols.length} columns, none recognised; the first row may be data, not column names (no header row?)`;
    }
    const named = inputs[i]!.format !== 'ndjson'; // a header or a schema names the columns; NDJSON shows its keys
    if (cols.length === 0) return named ? 'no columns' : 'no fields seen';
    const shown = cols.slice(0, 30).map((c) => `"${c}"`).join(', ') + (cols.length > 30 ? ', …' : '');
    return `${named ? 'columns' : 'fields seen'}: ${shown}`;
  };

  const configProblems: string[] = [];
  for (const column of roles.expected) {
    const missing = inputs.map((_, i) => i).filter((i) => !folded[i]!.has(foldColumnName(column.input)));
    if (missing.length === 0) continue;
    if (missing.length === inputs.length) {
      configProblems.push(`${column.where}: no input has a column "${column.input}" (${inputs.map((x, i) => `${x.file}: ${describe(i)}`).join('; ')})`);
    } else {
      for (const i of missing) warnings.push(`${inputs[i]!.file}: no column "${column.input}" (${column.where}); its rows are read without it`);
    }
  }
  if (configProblems.length > 0) {
    throw new IdweaveError('config_invalid', configProblems.length === 1 ? configProblems[0]! : `the config names columns no input has:\n  ${configProblems.join('\n  ')}`, configProblems);
  }

  const noId: string[] = [];
  const inputProblems: string[] = [];
  inputs.forEach((input, i) => {
    const columns = input.columns;
    if (input.format !== 'ndjson' && !columns.some((c) => roles.idColumns.includes(foldColumnName(c)))) {
      noId.push(`${input.file}: no id column ${roles.idColumns.length === 1 && roles.idColumns[0] === 'id' ? '"id"' : `(${roles.idColumns.join(' or ')})`} (${describe(i)}); map one in the config, e.g. "columns": { "id": "<column>" }`);
    }
    if (!columns.some((c) => roles.isIdentifier(roles.roleOf(c)))) {
      inputProblems.push(
        `${input.file}: no identifier column (email, phone, login, a social platform, or an external id declared in the config as "externalIds": { "<column>": "<namespace>" }) (${describe(i)})`,
      );
    }
  });
  if (noId.length > 0) throw new IdweaveError('input_invalid', noId.join('\n'), noId);
  if (inputProblems.length > 0) throw new IdweaveError('config_invalid', inputProblems.join('\n'), inputProblems);
  return warnings;
}
