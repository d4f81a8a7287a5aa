/**
 * idweave on the public Splink "fake_1000" dataset (../shared/datasets/splink-fake_1000, MIT, see its
 * SOURCE.txt): 1,000 synthetic people records in 251 true entities, typo-corrupted names and emails.
 * Its only strong identifier is the email; names, dob and city are attributes here (idweave never links on
 * names alone). Truth is the `cluster` column.
 *
 *   npx tsx bench/public/splinkFake1000.ts   → prints the scores, writes bench/results/splink-fake-1000.json
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { resolveFiles } from '../../src/batch/resolveFiles.js';

const root = path.resolve(import.meta.dirname, '../..');
const data = path.resolve(root, '../shared/datasets/splink-fake_1000/fake_1000.csv');
const work = path.join(root, 'bench/data/splink-fake-1000');
mkdirSync(work, { recursive: true });

const rows = Papa.parse<Record<string, string>>(readFileSync(data, 'utf8'), { header: true, skipEmptyLines: true }).data;
writeFileSync(path.join(work, 'truth.csv'), ['record_id,person_id', ...rows.map((r) => `${r.unique_id},${r.cluster}`)].join('\n') + '\n');

const report = await resolveFiles([data], {
  outDir: path.join(work, 'out'),
  columns: { id: 'unique_id', last_name: 'surname' },
});
const scoreFile = path.join(work, 'score.json');
execFileSync(process.execPath, ['--import', 'tsx', 'bench/score/main.ts', '--truth', path.join(work, 'truth.csv'), '--mapping', path.join(work, 'out/mapping.csv'), '--json', scoreFile], { cwd: root, stdio: 'inherit' });
const score = JSON.parse(readFileSync(scoreFile, 'utf8'));
const result = { dataset: 'splink fake_1000', records: report.recordsIn, profiles: report.profiles, date: new Date().toISOString(), score };
writeFileSync(path.join(root, 'bench/results/splink-fake-1000.json'), JSON.stringify(result, null, 2) + '\n');
