/**
 * Per-stage micro benchmarks of the engine on 50k seeded MAF-like records: keying (normalize + intern),
 * clustering (guards + ordered linking) and merging (golden profiles). Data is built outside the timed bodies.
 *
 *   npm run bench:stages            # writes bench/results/stages.json
 *   npm run bench:stages:compare    # compares with the committed baseline
 */
import { bench, describe } from 'vitest';
import { ResolutionBatch } from '../src/engine/ResolutionBatch.js';
import type { CustomerRecord } from '../src/types.js';
import { prng } from './normalizeInputs.js';

const N = 50_000;

const FIRST = ['Ahmed', 'Sara', 'Omar', 'Layla', 'Mohammed', 'Fatima', 'Khalid', 'Noura', 'Yousef', 'Mariam'];
const LAST = ['Khan', 'Haddad', 'Saleh', 'Mansour', 'Qasim', 'Rahman'];
const SOURCES = ['share-app', 'vox-cinemas', 'pos', 'mall-wifi', 'ecommerce'];

function makeRecords(): CustomerRecord[] {
  const rnd = prng(42);
  const out: CustomerRecord[] = [];
  let person = 0;
  while (out.length < N) {
    const copies = 1 + Math.floor(rnd() * rnd() * 5);
    const first = FIRST[person % FIRST.length]!;
    const last = LAST[(person * 7) % LAST.length]!;
    const local = `${first}.${last}${person}`.toLowerCase();
    const phone = `+97150${String(1_000_000 + ((person * 7919) % 8_999_999))}`;
    for (let c = 0; c < copies && out.length < N; c++) {
      const r = rnd();
      out.push({
        id: `r${out.length}`,
        source: SOURCES[Math.floor(rnd() * SOURCES.length)]!,
        updatedAt: new Date(1_600_000_000_000 + Math.floor(rnd() * 2e11)).toISOString(),
        emails: r < 0.8 ? [c % 2 ? `${local}@gmail.com` : `${local.replace('.', '')}+x@googlemail.com`] : [],
        phones: r > 0.3 ? [c % 2 ? phone : `0${phone.slice(4)}`] : [],
        externalIds: r > 0.5 ? [{ namespace: 'loyalty', value: `L${person}` }] : [],
        firstName: first,
        lastName: last,
        attributes: { city: c % 2 ? 'Dubai' : 'Sharjah' },
      });
    }
    person++;
  }
  return out;
}

const records = makeRecords();
const linkedBatch = (): ResolutionBatch => {
  const b = new ResolutionBatch();
  for (const r of records) b.add(r);
  b.link();
  return b;
};
const forMerge = linkedBatch();

describe(`engine stages, ${N} records`, () => {
  bench('keying: normalize + intern', () => {
    const b = new ResolutionBatch();
    for (const r of records) b.add(r);
  }, { iterations: 5, warmupIterations: 1 });

  bench('keying + clustering', () => {
    linkedBatch();
  }, { iterations: 5, warmupIterations: 1 });

  bench('merge: golden profiles', () => {
    let n = 0;
    for (const _ of forMerge.profiles()) n++;
    if (n === 0) throw new Error('no profiles');
  }, { iterations: 5, warmupIterations: 1 });
});
