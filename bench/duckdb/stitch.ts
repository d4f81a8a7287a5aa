/**
 * The peer baseline: identity stitching as a data engineer would write it in DuckDB SQL, without idweave.
 *
 *   npx tsx bench/duckdb/stitch.ts --records DIR/records.csv --out OUTDIR [--threads 2] [--memory-limit 12GB]
 *
 * Load the CSV (all VARCHAR) → unpivot and split the `|` cells → normalize each identifier kind in SQL →
 * (record, key) edges with a generic-key cut (> 100 records) → connected components by iterative label
 * propagation (one UPDATE per iteration, looped here until no label changes) → COPY `mapping.csv`.
 *
 * Writes OUTDIR/mapping.csv (`record_id,profile_id`) and OUTDIR/duckdb-report.json, and prints the report.
 * Deliberately plain: no guards beyond the generic cut, no fuzzy evidence, no survivorship (see README.md).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/** Options of {@link stitch}. */
export interface StitchOptions {
  /** Path of the input CSV (header as written by the bench generator). */
  records: string;
  /** Output directory; created if missing. */
  out: string;
  /** DuckDB worker threads (default 2). */
  threads?: number;
  /** DuckDB memory_limit (default `12GB`). */
  memoryLimit?: string;
  /** Where DuckDB spills when over the memory limit (default `bench/.tmp/duckdb-spill`). */
  tempDirectory?: string;
  /** A key held by more records than this stops linking (default 100). */
  genericCut?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

/** What one run did and how long each phase took. */
export interface StitchReport {
  tool: 'duckdb-sql-baseline';
  duckdbVersion: string;
  input: string;
  rows: number;
  profiles: number;
  largestProfile: number;
  iterations: number;
  labelChangesPerIteration: number[];
  identifiers: { kind: string; status: 'ok' | 'invalid' | 'junk'; count: number }[];
  keys: { distinct: number; linking: number; singleton: number; generic: number; edges: number };
  genericCut: number;
  seconds: { load: number; normalize: number; edges: number; propagate: number; write: number };
  totalSeconds: number;
  recordsPerSecond: number;
  peakRssBytes: number;
  threads: number;
  memoryLimit: string;
}

/** Identifier columns of the input, unpivoted into (rid, kind, value). `whatsapp` is a phone number. */
const IDENTIFIER_COLUMNS = ['email', 'phone', 'whatsapp', 'login', 'instagram', 'twitter', 'tiktok', 'facebook', 'loyalty_id'];

/** The small placeholder list a data engineer would type in (compared after trim + lower). */
const JUNK_VALUES = ['test@test.com', 'n/a', 'na', 'null', 'none', '-', 'unknown', '0000000000', '1234567890'];

/** Providers whose `+tag` sub-addressing is folded (Gmail also folds dots; googlemail.com is gmail.com). */
const PLUS_TAG_DOMAINS = ['outlook.com', 'hotmail.com', 'live.com', 'icloud.com'];

function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

const sqlList = (items: string[]): string => items.map(sqlString).join(', ');

/** RE2 has no back-references, so "all one digit" is spelled out. */
const REPEATED_DIGITS = Array.from({ length: 10 }, (_, d) => `${d}+`).join('|');

/** Phase SQL, kept as plain statements so the job reads like the script it stands for. */
function loadSql(csv: string): string {
  // perf: integer row ids; every later join and the propagation work on INTEGER rid/kid, never on strings.
  // Only the id and the identifier columns are kept: the mapping needs nothing else (no golden profiles here).
  return `
    CREATE TABLE raw AS
    SELECT CAST(row_number() OVER () AS INTEGER) AS rid, id, ${IDENTIFIER_COLUMNS.join(', ')}
    FROM read_csv(${sqlString(csv)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`;
}

function normalizeSql(): string {
  const junk = sqlList(JUNK_VALUES);
  return `
    CREATE TABLE norm AS
    WITH vals AS (
      SELECT rid, kind, trim(v) AS v
      FROM (
        SELECT rid, kind, unnest(string_split(val, '|')) AS v
        FROM (UNPIVOT (SELECT rid, ${IDENTIFIER_COLUMNS.join(', ')} FROM raw)
              ON ${IDENTIFIER_COLUMNS.join(', ')} INTO NAME kind VALUE val)
      )
      WHERE trim(v) <> ''
    ),
    -- email: trim + lower, split at the last @, googlemail → gmail, Gmail folds dots and +tag, others only +tag
    em AS (
      SELECT rid, lower(v) AS e,
             regexp_extract(lower(v), '^([^@\\s]+)@([a-z0-9.-]+\\.[a-z]{2,})$', ['loc', 'dom']) AS p
      FROM vals WHERE kind = 'email'
    ),
    em2 AS (
      SELECT rid, e, p.loc AS loc,
             CASE p.dom WHEN 'googlemail.com' THEN 'gmail.com' ELSE p.dom END AS dom
      FROM em
    ),
    emails AS (
      SELECT rid, 'email' AS kind,
             CASE WHEN e IN (${junk}) THEN 'junk' WHEN loc = '' THEN 'invalid' ELSE 'ok' END AS status,
             'email:' || CASE
               WHEN dom = 'gmail.com' THEN replace(regexp_replace(loc, '\\+.*$', ''), '.', '')
               WHEN dom IN (${sqlList(PLUS_TAG_DOMAINS)}) THEN regexp_replace(loc, '\\+.*$', '')
               ELSE loc END || '@' || dom AS key
      FROM em2
    ),
    -- phone (and whatsapp): digits only; +… and 00… are international, 0 + 9 digits is local AE, else as is
    ph AS (
      SELECT rid, lower(v) AS lv, starts_with(v, '+') AS plus, regexp_replace(v, '[^0-9]', '', 'g') AS d
      FROM vals WHERE kind IN ('phone', 'whatsapp')
    ),
    ph2 AS (
      SELECT rid, lv, d, CASE
               WHEN plus THEN d
               WHEN starts_with(d, '00') THEN substr(d, 3)
               WHEN regexp_full_match(d, '0[0-9]{9}') THEN '971' || substr(d, 2)
               ELSE d END AS intl
      FROM ph
    ),
    phones AS (
      SELECT rid, 'phone' AS kind,
             CASE WHEN lv IN (${junk}) OR d IN (${junk})
                       OR regexp_full_match(d, '${REPEATED_DIGITS}')
                       OR regexp_full_match(regexp_replace(intl, '^971', ''), '${REPEATED_DIGITS}') THEN 'junk'
                  WHEN NOT regexp_full_match(intl, '[1-9][0-9]{7,14}') THEN 'invalid'
                  ELSE 'ok' END AS status,
             'phone:+' || intl AS key
      FROM ph2
    ),
    -- social handles: lower, drop query/fragment, profile-URL prefix, trailing slashes and a leading @
    so AS (
      SELECT rid, kind, lower(v) AS lv,
             ltrim(regexp_replace(regexp_replace(regexp_replace(lower(v),
               '[?#].*$', ''),
               '^(https?://)?(www\\.|m\\.|mobile\\.)?(instagram\\.com|x\\.com|twitter\\.com|tiktok\\.com|facebook\\.com|fb\\.com)/', ''),
               '/+$', ''), '@') AS h
      FROM vals WHERE kind IN ('instagram', 'twitter', 'tiktok', 'facebook')
    ),
    handles AS (
      SELECT rid, kind,
             CASE WHEN lv IN (${junk}) OR h IN (${junk}) THEN 'junk'
                  WHEN NOT regexp_full_match(h, '[a-z0-9._-]+') THEN 'invalid'
                  ELSE 'ok' END AS status,
             kind || ':' || h AS key
      FROM so
    ),
    logins AS (
      SELECT rid, 'login' AS kind, CASE WHEN lower(v) IN (${junk}) THEN 'junk' ELSE 'ok' END AS status,
             'login:' || lower(v) AS key
      FROM vals WHERE kind = 'login'
    ),
    loyalty AS (
      SELECT rid, 'loyalty_id' AS kind, CASE WHEN lower(v) IN (${junk}) THEN 'junk' ELSE 'ok' END AS status,
             'loyalty:' || v AS key
      FROM vals WHERE kind = 'loyalty_id'
    )
    SELECT * FROM emails UNION ALL SELECT * FROM phones UNION ALL SELECT * FROM handles
    UNION ALL SELECT * FROM logins UNION ALL SELECT * FROM loyalty`;
}

function edgesSql(genericCut: number): string[] {
  return [
    `CREATE TABLE key_counts AS
     SELECT key, count(DISTINCT rid) AS n FROM norm WHERE status = 'ok' GROUP BY key`,
    // perf: keys held by one record link nothing; keys held by more than the cut are "generic" and dropped.
    `CREATE TABLE key_ids AS
     SELECT CAST(row_number() OVER () AS INTEGER) AS kid, key
     FROM key_counts WHERE n BETWEEN 2 AND ${genericCut}`,
    `CREATE TABLE edges AS
     SELECT DISTINCT n.rid, k.kid FROM norm n JOIN key_ids k USING (key) WHERE n.status = 'ok'`,
  ];
}

/** Start: each record takes the smallest rid among the records sharing any of its keys. */
const INIT_LABELS_SQL = `
  CREATE TABLE labels AS
  WITH key_min AS (SELECT kid, min(rid) AS m FROM edges GROUP BY kid)
  SELECT e.rid, min(k.m) AS label FROM edges e JOIN key_min k USING (kid) GROUP BY e.rid`;

/** One propagation step: label = min(label of every record sharing a key); returns rows changed. */
const PROPAGATE_SQL = `
  UPDATE labels SET label = nl.label
  FROM (
    SELECT e.rid, min(kl.label) AS label
    FROM edges e
    JOIN (SELECT e.kid, min(l.label) AS label FROM edges e JOIN labels l USING (rid) GROUP BY e.kid) kl USING (kid)
    GROUP BY e.rid
  ) nl
  WHERE labels.rid = nl.rid AND nl.label < labels.label`;

function writeSql(mappingCsv: string): string {
  return `
    COPY (
      SELECT r.id AS record_id, 'dk' || coalesce(l.label, r.rid) AS profile_id
      FROM raw r LEFT JOIN labels l USING (rid)
    ) TO ${sqlString(mappingCsv)} (HEADER, DELIMITER ',')`;
}

async function scalar(conn: DuckDBConnection, sql: string): Promise<number> {
  const reader = await conn.runAndReadAll(sql);
  return Number(reader.getRows()[0]?.[0] ?? 0);
}

/**
 * Runs the DuckDB baseline end to end on one CSV and writes `mapping.csv` and `duckdb-report.json` into `out`.
 *
 * @example
 * const report = await stitch({ records: 'bench/data/100000/records.csv', out: 'bench/data/100000/duckdb-out' });
 */
export async function stitch(options: StitchOptions): Promise<StitchReport> {
  const threads = options.threads ?? 2;
  const memoryLimit = options.memoryLimit ?? '12GB';
  const genericCut = options.genericCut ?? 100;
  const tempDirectory = options.tempDirectory ?? path.resolve(import.meta.dirname, '../.tmp/duckdb-spill');
  const log = options.log ?? (() => {});
  const out = path.resolve(options.out);
  const input = path.resolve(options.records);
  mkdirSync(out, { recursive: true });
  mkdirSync(tempDirectory, { recursive: true });

  const t0 = performance.now();
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(threads),
    memory_limit: memoryLimit,
    temp_directory: tempDirectory,
  });
  const conn = await instance.connect();
  try {
    const seconds = { load: 0, normalize: 0, edges: 0, propagate: 0, write: 0 };
    const phase = async (name: keyof typeof seconds, body: () => Promise<void>): Promise<void> => {
      const start = performance.now();
      await body();
      seconds[name] = (performance.now() - start) / 1000;
      log(`${name}: ${seconds[name].toFixed(2)} s`);
    };

    await phase('load', async () => {
      await conn.run(loadSql(input));
    });
    await phase('normalize', async () => {
      await conn.run(normalizeSql());
    });
    await phase('edges', async () => {
      for (const sql of edgesSql(genericCut)) await conn.run(sql);
    });

    const labelChangesPerIteration: number[] = [];
    await phase('propagate', async () => {
      await conn.run(INIT_LABELS_SQL);
      for (;;) {
        const result = await conn.run(PROPAGATE_SQL);
        const changed = Number(result.rowsChanged);
        labelChangesPerIteration.push(changed);
        log(`iteration ${labelChangesPerIteration.length}: ${changed} labels changed`);
        if (changed === 0) break;
      }
    });
    await phase('write', async () => {
      await conn.run(writeSql(path.join(out, 'mapping.csv')));
    });
    const totalSeconds = (performance.now() - t0) / 1000;

    // Counters for the report (after the clock stops; they are not part of the job).
    const rows = await scalar(conn, 'SELECT count(*) FROM raw');
    const labelled = await scalar(conn, 'SELECT count(*) FROM labels');
    const components = await scalar(conn, 'SELECT count(DISTINCT label) FROM labels');
    const largestProfile = Math.max(
      rows > 0 ? 1 : 0,
      await scalar(conn, 'SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM labels GROUP BY label)'),
    );
    const keyStats = (
      await conn.runAndReadAll(`
        SELECT count(*), count(*) FILTER (n BETWEEN 2 AND ${genericCut}), count(*) FILTER (n = 1),
               count(*) FILTER (n > ${genericCut}), (SELECT count(*) FROM edges)
        FROM key_counts`)
    ).getRows()[0]!.map(Number);
    const identifiers = (
      await conn.runAndReadAll('SELECT kind, status, count(*) FROM norm GROUP BY ALL ORDER BY ALL')
    )
      .getRows()
      .map(([kind, status, count]) => ({
        kind: String(kind),
        status: String(status) as 'ok' | 'invalid' | 'junk',
        count: Number(count),
      }));
    const duckdbVersion = String((await conn.runAndReadAll('SELECT version()')).getRows()[0]?.[0]);

    const report: StitchReport = {
      tool: 'duckdb-sql-baseline',
      duckdbVersion,
      input,
      rows,
      profiles: rows - labelled + components,
      largestProfile,
      iterations: labelChangesPerIteration.length,
      labelChangesPerIteration,
      identifiers,
      keys: {
        distinct: keyStats[0]!,
        linking: keyStats[1]!,
        singleton: keyStats[2]!,
        generic: keyStats[3]!,
        edges: keyStats[4]!,
      },
      genericCut,
      seconds,
      totalSeconds,
      recordsPerSecond: Math.round(rows / totalSeconds),
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      threads,
      memoryLimit,
    };
    writeFileSync(path.join(out, 'duckdb-report.json'), JSON.stringify(report, null, 2) + '\n');
    return report;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      records: { type: 'string' },
      out: { type: 'string' },
      threads: { type: 'string', default: '2' },
      'memory-limit': { type: 'string', default: '12GB' },
      'generic-cut': { type: 'string', default: '100' },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (!values.records || !values.out) {
    console.error('usage: npx tsx bench/duckdb/stitch.ts --records DIR/records.csv --out OUTDIR [--threads 2]');
    process.exit(2);
  }
  const threads = Number(values.threads);
  const genericCut = Number(values['generic-cut']);
  if (!Number.isInteger(threads) || threads < 1 || !Number.isInteger(genericCut) || genericCut < 2) {
    console.error('--threads must be an integer ≥ 1 and --generic-cut an integer ≥ 2');
    process.exit(2);
  }
  const report = await stitch({
    records: values.records,
    out: values.out,
    threads,
    memoryLimit: values['memory-limit'],
    genericCut,
    log: values.quiet ? undefined : (line) => console.error(`[duckdb] ${line}`),
  });
  console.log(JSON.stringify(report, null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
