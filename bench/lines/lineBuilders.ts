/**
 * The output line builders on one thread: a batch of the first `--rows` rows of a CSV file (default 200,000) is
 * linked in memory, then every block of each kind of line is built `--reps` times (default 7) and the minimum and
 * median are printed, with µs per item (profile, decision, record). An instrument for A/B work on
 * `batch/profileJson`, `batch/evidenceJson`, `batch/createdJson`, `batch/mappingCsv` and `batch/tableLines`
 * (`resolver.ndjson`'s tables): the CLI runs these in
 * worker threads, where a whole run's noise hides a 10% change.
 *
 *   npx tsx bench/lines/lineBuilders.ts --records bench/data/1000000-hard/records.csv [--rows 200000] [--kind profiles|table:records] [--stats] [--tokens]
 *
 * For numbers as the built CLI runs the code, bundle the script first (tsx adds a getter per imported binding):
 *   npx esbuild bench/lines/lineBuilders.ts --bundle --platform=node --format=esm --outfile=/tmp/lines.mjs && node /tmp/lines.mjs …
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { columnRoles } from '../../src/io/columnRoles.js';
import { payloadFieldsOf } from '../../src/batch/preparePiece.js';
import { linkedColumns } from '../../src/_testing/linkedColumns.js';
import { outputLines, type LinesTask } from '../../src/batch/outputLines.js';
import { ProfileStatsTotal } from '../../src/batch/profileStats.js';
import { tableLines, type TableSection } from '../../src/batch/tableLines.js';
import { generatedRecords } from './generatedRecords.js';
import { Utf8Lines } from '../../src/_internal/Utf8Lines.js';

const { values } = parseArgs({ options: { records: { type: 'string' }, rows: { type: 'string', default: '200000' }, kind: { type: 'string', default: 'all' }, reps: { type: 'string', default: '7' }, stats: { type: 'boolean', default: false }, tokens: { type: 'boolean', default: false } } });
if (values.records === undefined) throw new Error('usage: lineBuilders.ts --records FILE.csv [--rows N] [--kind profiles|evidence|created|mapping|table:keys|table:names|table:records|all] [--reps N] [--stats] [--tokens]');
const rows = Number(values.rows);
const reps = Number(values.reps);

const records = generatedRecords(values.records, rows);
// `--tokens`: payloads written with the field table a file batch makes from the header (`PayloadNames`).
const header = readFileSync(values.records, 'utf8').slice(0, 4096).split('\n')[0]!.split(',');
const { c, config, profiles } = linkedColumns(records, {}, values.tokens ? payloadFieldsOf(columnRoles({}), [header]) : undefined);
type Kind = LinesTask['kind'] | `table:${TableSection}`;
const items: Record<Kind, number> = {
  profiles,
  created: profiles,
  mapping: c.profileOf.length,
  evidence: c.evidence.key.length,
  'table:keys': c.keys.lengths.length,
  'table:names': c.names.lengths.length,
  'table:records': c.profileOf.length,
};
const all: Kind[] = ['mapping', 'profiles', 'evidence', 'created', 'table:keys', 'table:names', 'table:records'];
const kinds = (values.kind === 'all' ? all : [values.kind]) as Kind[];
const BLOCK = 5000;
// `--stats`: profile blocks also count their sources for the report, as the batch job's do.
const statsSources = values.stats ? new ProfileStatsTotal(c).tracked : undefined;
/** One block built, and its buffer given back once "written", as the batch job gives it back to its workers. */
const block = (kind: Kind, from: number, to: number): number => {
  const bytes = kind.startsWith('table:')
    ? tableLines(c, { section: kind.slice(6) as TableSection, from, to }).bytes
    : outputLines(c, config, { kind: kind as LinesTask['kind'], from, to, lineage: 'full', statsSources }).bytes;
  Utf8Lines.recycle(bytes.buffer as ArrayBuffer);
  return bytes.length;
};
for (const kind of kinds) {
  const n = items[kind];
  const times: number[] = [];
  let bytes = 0;
  for (let rep = 0; rep < reps; rep++) {
    const t0 = process.hrtime.bigint();
    bytes = 0;
    for (let from = 0; from < n; from += BLOCK) bytes += block(kind, from, Math.min(n, from + BLOCK));
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const min = times[0]!;
  console.log(`${kind}: ${n} items, ${bytes} bytes; min ${min.toFixed(0)} ms (${((1000 * min) / n).toFixed(2)} µs an item), median ${times[reps >> 1]!.toFixed(0)} ms`);
}
