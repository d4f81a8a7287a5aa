/**
 * Gathers the outputs of runs already made under bench/data/<records>/ (idweave-out/report.json, score.json,
 * duckdb-out/duckdb-report.json, duckdb-score.json, meta.json) into bench/results/scale.json, with machine facts
 * (`--profile hard`: bench/data/<records>-hard/ into bench/results/scale-hard.json).
 * runScale.ts makes the runs and collects in one go; this re-collects without re-running.
 *
 *   npx tsx bench/scale/collect.ts --sizes 1000000,20000000 [--note "..."]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { sizes: { type: 'string' }, note: { type: 'string', default: '' }, profile: { type: 'string', default: 'default' }, label: { type: 'string' } } });
// The hard profile's runs live in bench/data/<records>-hard/ and are gathered into scale-hard.json.
const suffix = values.profile === 'hard' ? '-hard' : '';
const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string): any => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

const results = (values.sizes ?? '').split(',').filter(Boolean).map((s) => {
  const dir = path.join(root, 'bench/data', `${s.trim()}${suffix}`);
  // With several runs (runScale --runs), the report of the median-time run.
  const median = (runsFile: string, reportOf: (run: number) => string, fallback: string): { report: any; walls?: number[] } => {
    const walls: number[] | undefined = read(path.join(dir, runsFile))?.wallSeconds;
    if (!walls || walls.length === 0) return { report: read(path.join(dir, fallback)) };
    const order = walls.map((w, i) => [w, i] as const).sort((a, b) => a[0] - b[0]);
    const mid = order[(order.length - 1) >> 1]![1];
    return { report: read(path.join(dir, reportOf(mid + 1))) ?? read(path.join(dir, fallback)), walls };
  };
  const { report, walls } = median('idweave-runs.json', (r) => `idweave-out/report-run${r}.json`, 'idweave-out/report.json');
  const score = read(path.join(dir, 'score.json'));
  const { report: duck, walls: duckWalls } = median('duckdb-runs.json', (r) => `duckdb-out/duckdb-report-run${r}.json`, 'duckdb-out/duckdb-report.json');
  const duckScore = read(path.join(dir, 'duckdb-score.json'));
  const pick = (sc: any) => sc && { pairwise: sc.pairwise, bcubed: sc.bcubed, oracleRecall: sc.oracle?.pairwise?.recall, recallGap: sc.recallGap };
  const wall = report?.stages?.reduce((a: number, st: any) => a + st.seconds, 0);
  return {
    records: Number(s),
    persons: read(path.join(dir, 'meta.json'))?.persons,
    idweave: report && {
      seconds: wall,
      recordsPerSecond: Math.round(Number(s) / wall),
      ...(walls ? { runs: walls.length, processWallSeconds: walls } : {}),
      peakRssBytes: report.peakRssBytes,
      profiles: report.profiles,
      stages: report.stages,
      linksRefused: report.linksRefused,
      accuracy: pick(score),
    },
    duckdb: duck && { seconds: duck.totalSeconds, ...(duckWalls ? { runs: duckWalls.length, processWallSeconds: duckWalls } : {}), phases: duck.seconds, peakRssBytes: duck.peakRssBytes, profiles: duck.profiles, accuracy: pick(duckScore) },
  };
});

const out = {
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, totalMemoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  date: new Date().toISOString(),
  note: values.note,
  profile: values.profile,
  results,
};
// `--label L`: a campaign of its own (bench/results/scale[-hard]-L.json), beside the full curve.
writeFileSync(path.join(root, `bench/results/scale${suffix}${values.label ? `-${values.label}` : ''}.json`), JSON.stringify(out, null, 2) + '\n');
console.log(JSON.stringify(results.map((r) => ({ records: r.records, seconds: r.idweave?.seconds, rss: r.idweave?.peakRssBytes })), null, 1));
