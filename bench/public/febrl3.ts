/**
 * idweave on Febrl dataset 3 (../shared/datasets/febrl3, BSD-3-Clause via the Python Record Linkage Toolkit,
 * see its SOURCE.txt): 5,000 person records (2,000 originals, 3,000 corrupted duplicates) with given name,
 * surname, address, suburb, postcode, state, date of birth and a social security number; no emails or phones.
 * The social security number is the only identifier (an external id, itself corrupted in some duplicates);
 * names, date of birth, address, suburb (city) and postcode are evidence. Truth: the entity number in `rec_id`
 * (`rec-<entity>-org`, `rec-<entity>-dup-<k>`).
 *
 *   npx tsx bench/public/febrl3.ts   → prints the scores, writes bench/results/febrl3.json
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { resolveFiles } from '../../src/batch/resolveFiles.js';

const root = path.resolve(import.meta.dirname, '../..');
const data = path.resolve(root, '../shared/datasets/febrl3/dataset3.csv');
const work = path.join(root, 'bench/data/febrl3');
mkdirSync(work, { recursive: true });

const rows = Papa.parse<Record<string, string>>(readFileSync(data, 'utf8'), { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim() }).data;
const entity = (id: string): string => /^rec-(\d+)-/.exec(id.trim())?.[1] ?? id;
writeFileSync(path.join(work, 'truth.csv'), ['record_id,person_id', ...rows.map((r) => `${r.rec_id!.trim()},${entity(r.rec_id!)}`)].join('\n') + '\n');

const report = await resolveFiles([data], {
  outDir: path.join(work, 'out'),
  columns: { id: 'rec_id', first_name: 'given_name', last_name: 'surname', address: 'address_1', city: 'suburb' },
  externalIds: { soc_sec_id: 'ssn' },
});
const scoreFile = path.join(work, 'score.json');
execFileSync(process.execPath, ['--import', 'tsx', 'bench/score/main.ts', '--truth', path.join(work, 'truth.csv'), '--mapping', path.join(work, 'out/mapping.csv'), '--json', scoreFile], { cwd: root, stdio: 'inherit' });
const score = JSON.parse(readFileSync(scoreFile, 'utf8'));
const result = { dataset: 'febrl3', records: report.recordsIn, profiles: report.profiles, linksRefused: report.linksRefused, date: new Date().toISOString(), score };
writeFileSync(path.join(root, 'bench/results/febrl3.json'), JSON.stringify(result, null, 2) + '\n');
