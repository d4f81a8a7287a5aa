import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fileWriter, profileIdIn, runCapture } from '../_testing/cli.js';
import { EXPLAIN_INDEX_FILE, explainIndexBucketBits, explainIndexLayout, recordIdHash } from '../io/explainIndex.js';
import { resolveFiles } from '../batch/resolveFiles.js';

// `idweave explain` through explain.idx: answers, refusals, hash collisions, and an index it must not trust.

const dir = mkdtempSync(path.join(tmpdir(), 'idweave-explain-'));
let outs = 0;
const out = (): string => path.join(dir, `o${++outs}`);
const write = fileWriter(dir);
const iw = runCapture;

// c2ya8 and czki6 have the same FNV-1a hash (0x2a842a02): one bucket entry each, told apart by profile lines.
const csv = [
  'id,email,phone,first_name,last_name,date_of_birth',
  'a1,ann.lee@gmail.com,,Ann,Lee,',
  'a2,annlee@gmail.com,050 234 5671,Ann,Lee,1990-05-01',
  'a3,,050 234 5671,Ann,Lee,01/05/1990', // first name and date of birth: enough through a phone shared with Bob
  'b1,,050 234 5671,Bob,Lee,', // family phone: the shareable guard refuses Bob
  'c2ya8,desk1@corp.ae,04 312 0000,Cy,,',
  'czki6,desk2@corp.ae,04 312 0000,Di,,',
  'd1,desk3@corp.ae,04 312 0000,Ed,,',
  'd2,desk4@corp.ae,04 312 0000,Fu,,', // front desk on four records: generic with maxRecords 3
  'solo,solo@corp.ae,,Sol,,',
].join('\n') + '\n';
const config = write('explain.config.json', JSON.stringify({ guards: { generic: { maxRecords: 3 } } }));

async function resolved(): Promise<string> {
  const o = out();
  const r = await iw('resolve', write(`in${outs}.csv`, csv), '--out', o, '--config', config, '--no-progress');
  expect(r).toMatchObject({ code: 0, err: '' });
  return o;
}

describe('idweave explain (explain.idx)', () => {
  test('the index is listed in the manifest, and the same whatever the threads', async () => {
    expect(recordIdHash('c2ya8')).toBe(recordIdHash('czki6'));
    const o = await resolved();
    const manifest = JSON.parse(readFileSync(path.join(o, 'manifest.json'), 'utf8')) as { files: { name: string; bytes: number; sha256: string }[] };
    const entry = manifest.files.find((f) => f.name === EXPLAIN_INDEX_FILE)!;
    const bytes = readFileSync(path.join(o, EXPLAIN_INDEX_FILE));
    expect(entry).toMatchObject({ bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    const input = write('threads.csv', csv);
    const options = { guards: { generic: { maxRecords: 3 } } };
    const one = out();
    const two = out();
    await resolveFiles([input], { outDir: one, threads: 0, ...options });
    await resolveFiles([input], { outDir: two, threads: 2, pieceBytes: 40, ...options });
    expect(readFileSync(path.join(two, EXPLAIN_INDEX_FILE)).equals(readFileSync(path.join(one, EXPLAIN_INDEX_FILE)))).toBe(true);
  });

  test('records: linked (the path), apart (the refusal), apart through a generic identifier only', async () => {
    const o = await resolved();
    const linked = await iw('explain', o, '--records', 'a1', 'a3');
    expect(linked).toMatchObject({ code: 0, err: '' });
    expect(linked.out).toBe(`a1 and a3 are in profile ${profileIdIn(o, 'a1')}, joined by:\n  a1 -- email:annlee@gmail.com --> a2 [weight 18: identifier +10, first_name +4, last_name +4]\n  a2 -- phone:+971502345671 --> a3 [weight 15.5: household_identifier +1.5, first_name +4, last_name +4, date_of_birth +6]\n`);
    const apart = JSON.parse((await iw('explain', o, '--records', 'a1', 'b1', '--json')).out);
    expect(apart).toMatchObject({ type: 'records', linked: false, profileA: profileIdIn(o, 'a1'), profileB: profileIdIn(o, 'b1'), path: [], generic: [] });
    expect(apart.refused).toHaveLength(1);
    expect(apart.refused[0]).toMatchObject({ key: 'phone:+971502345671', guard: 'shareable', accepted: false });
    const generic = await iw('explain', o, '--records', 'c2ya8', 'czki6');
    expect(generic.out).toMatch(/^not linked: profile P[0-9a-z]{8} \(c2ya8\) and profile P[0-9a-z]{8} \(czki6\) share only generic identifiers, which do not link:\n {2}phone:\+97143120000 \(shared by 4 records/);
  });

  test('profile: records, links, refusals towards other profiles, generic identifiers; a profile of one', async () => {
    const o = await resolved();
    const p = JSON.parse((await iw('explain', o, '--profile', profileIdIn(o, 'a1'), '--json')).out);
    expect(p).toMatchObject({ type: 'profile', profileId: profileIdIn(o, 'a1'), recordIds: ['a1', 'a2', 'a3'], generic: [] });
    expect(p.links).toHaveLength(2);
    expect(p.refused.map((e: { recordB: string; guard: string }) => e.guard)).toEqual(['shareable']);
    const solo = JSON.parse((await iw('explain', o, '--profile', profileIdIn(o, 'solo'), '--json')).out);
    expect(solo).toMatchObject({ recordIds: ['solo'], links: [], refused: [], generic: [], message: `profile ${profileIdIn(o, 'solo')} holds one record (solo)` });
    const desk = JSON.parse((await iw('explain', o, '--profile', profileIdIn(o, 'czki6'), '--json')).out);
    expect(desk.generic).toEqual([{ key: 'phone:+97143120000', records: 4, distinctIdentifiers: 4 }]);
  });

  test('unknown ids → exit 2, also an id that shares a hash with a record', async () => {
    const o = out();
    await iw('resolve', write('one.csv', 'id,email\nc2ya8,x@corp.ae\n'), '--out', o, '--no-progress');
    expect((await iw('explain', o, '--records', 'c2ya8', 'c2ya8')).out).toBe(`c2ya8 is one record, in profile ${profileIdIn(o, 'c2ya8')}\n`);
    const collision = await iw('explain', o, '--records', 'c2ya8', 'czki6');
    expect(collision.code).toBe(2);
    expect(collision.err).toMatch(/record "czki6" is not an accepted record of this run/);
    expect((await iw('explain', o, '--profile', 'P0000zzzz')).code).toBe(2);
    expect((await iw('explain', o, '--profile', 'not-an-id')).code).toBe(2);
  });

  test('a damaged index is an error, never a wrong answer', async () => {
    const o = await resolved();
    const file = path.join(o, EXPLAIN_INDEX_FILE);
    const good = readFileSync(file);
    const damage = async (edit: (b: Buffer) => void): Promise<{ code: number; err: string }> => {
      const b = Buffer.from(good);
      edit(b);
      writeFileSync(file, b);
      return iw('explain', o, '--records', 'a1', 'a3');
    };
    // Same size (the manifest check passes), wrong content.
    expect((await damage((b) => b.write('NOTANIDX', 0, 'latin1'))).err).toMatch(/explain\.idx: damaged or from another run \(not an idweave explain index\)/);
    expect((await damage((b) => b.writeUInt32LE(99, 16))).err).toMatch(/99 records, the manifest says 9/);
    const bits = good.readUInt32LE(12);
    expect(bits).toBe(explainIndexBucketBits(9));
    const layout = explainIndexLayout({ bucketBits: bits, records: 9, profiles: 7, evidence: 0, evidenceRefs: 0, generic: 0, genericRefs: 0, profilesBytes: 0, evidenceBytes: 0 });
    const bucket = recordIdHash('a1') >>> (32 - bits);
    // Any other byte, in any section (record table, evidence references, generic counts), fails the index's
    // checksum: a damaged index never answers (a review found dropped links and wrong counts with exit 0).
    const checksum = /explain\.idx: damaged or from another run \(its checksum differs from the manifest\)/;
    const wild = await damage((b) => b.writeUInt32LE(1_000_000, layout.recordDir + 4 * (bucket + 1)));
    expect(wild).toMatchObject({ code: 1, err: expect.stringMatching(checksum) });
    const offProfile = await damage((b) => {
      for (let p = 0; p <= 7; p++) b.writeDoubleLE(3 + p, layout.profileLines + 8 * p);
    });
    expect(offProfile).toMatchObject({ code: 1, err: expect.stringMatching(checksum) });
    for (let at = 64; at < good.length; at += Math.max(1, Math.floor(good.length / 40))) {
      const flipped = await damage((b) => void (b[at] = b[at]! ^ 0x01));
      expect(flipped, `byte ${at}`).toMatchObject({ code: 1, err: expect.stringMatching(checksum) });
    }
    // A changed size is caught by the manifest.
    writeFileSync(file, good.subarray(0, good.length - 4));
    expect((await iw('explain', o, '--records', 'a1', 'a3')).err).toMatch(/do not match manifest\.json/);
  });

  test('a run without the index (an older idweave) is refused with what to do', async () => {
    const o = await resolved();
    const manifestPath = path.join(o, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: { name: string }[] };
    manifest.files = manifest.files.filter((f) => f.name !== EXPLAIN_INDEX_FILE);
    writeFileSync(manifestPath, JSON.stringify(manifest));
    rmSync(path.join(o, EXPLAIN_INDEX_FILE));
    const r = await iw('explain', o, '--profile', profileIdIn(o, 'a1'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no explain\.idx \(written by an older idweave\); run idweave resolve again/);
  });
});

describe('idweave explain on each --evidence mode (#15)', () => {
  const resolvedWith = async (evidence: string): Promise<string> => {
    const o = out();
    const r = await iw('resolve', write(`in${outs}.csv`, csv), '--out', o, '--config', config, '--evidence', evidence, '--no-progress');
    expect(r).toMatchObject({ code: 0, err: '' });
    return o;
  };
  const json = async (...argv: string[]): Promise<Record<string, unknown>> => {
    const r = await iw('explain', ...argv, '--json');
    expect(r).toMatchObject({ code: 0, err: '' });
    return JSON.parse(r.out) as Record<string, unknown>;
  };

  test('refused: every profile keeps its records, refusals and generic identifiers, and says its links were not kept', async () => {
    const all = await resolvedWith('all');
    const refused = await resolvedWith('refused');
    const profiles = readFileSync(path.join(all, 'profiles.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { profile_id: string; record_ids: string[] });
    expect(profiles.map((p) => p.record_ids.length).sort()).toEqual([1, 1, 1, 1, 1, 1, 3]);
    for (const { profile_id: id, record_ids: records } of profiles) {
      const full = await json(all, '--profile', id);
      const partial = await json(refused, '--profile', id);
      expect(full).not.toHaveProperty('linksNotKept');
      expect(partial).toMatchObject({ recordIds: full.recordIds, refused: full.refused, generic: full.generic, links: [] });
      if (records.length === 1) {
        expect(partial).toEqual(full);
      } else {
        expect(full.links).toHaveLength(records.length - 1);
        expect(partial.linksNotKept).toBe(true);
        expect(partial.message).toMatch(new RegExp(`^profile ${id} joins 3 records; the links that join them were not kept \\(the run was written with --evidence refused`));
      }
    }
    const text = await iw('explain', refused, '--profile', profileIdIn(refused, 'a1'));
    expect(text.out).toBe(
      `profile ${profileIdIn(refused, 'a1')}: 3 records\n  a1\n  a2\n  a3\n` +
        'links: not kept (the run was written with --evidence refused, which keeps refused links only: resolve again with --evidence all to see them)\n' +
        'refused links to other profiles (1):\n  a2 -x- phone:+971502345671 -x- b1: refused by shareable (names differ: ann lee vs bob lee (weight -8.5 < 8))\n',
    );
  });

  test('refused: apart records are explained in full; linked records say the path was not kept, never "no links"', async () => {
    const all = await resolvedWith('all');
    const refused = await resolvedWith('refused');
    for (const [a, b] of [['a1', 'b1'], ['a2', 'b1'], ['c2ya8', 'czki6'], ['solo', 'a1'], ['solo', 'solo']] as const) {
      expect(await json(refused, '--records', a, b), `${a} ${b}`).toEqual(await json(all, '--records', a, b));
    }
    const linked = await json(refused, '--records', 'a1', 'a3');
    expect(linked).toMatchObject({ linked: true, path: [], linksNotKept: true, profileA: profileIdIn(refused, 'a1'), profileB: profileIdIn(refused, 'a1') });
    expect((await json(all, '--records', 'a1', 'a3')).path).toHaveLength(2);
    const text = await iw('explain', refused, '--records', 'a1', 'a3');
    expect(text.out).toBe(
      `a1 and a3 are in profile ${profileIdIn(refused, 'a1')}; the links that join them were not kept ` +
        '(the run was written with --evidence refused, which keeps refused links only: resolve again with --evidence all to see them)\n',
    );
  });

  test('the index says what evidence.ndjson holds: version 2 for every decision, 3 for refusals only; a mix is damage', async () => {
    const all = readFileSync(path.join(await resolvedWith('all'), EXPLAIN_INDEX_FILE));
    expect([all.readUInt32LE(8), all.readUInt32LE(56)]).toEqual([2, 0]);
    const o = await resolvedWith('refused');
    const file = path.join(o, EXPLAIN_INDEX_FILE);
    const refused = readFileSync(file);
    expect([refused.readUInt32LE(8), refused.readUInt32LE(56)]).toEqual([3, 1]);
    // Read as version 2, the index would show the profile without its links as if it had none.
    const edited = Buffer.from(refused);
    edited.writeUInt32LE(2, 8);
    writeFileSync(file, edited);
    const r = await iw('explain', o, '--profile', profileIdIn(o, 'a1'));
    expect(r).toMatchObject({ code: 1, err: expect.stringMatching(/explain\.idx: damaged or from another run \(version 2 with evidence kept 1\)/) });
  });

  test('none: explain says the run was written without evidence, and what to do', async () => {
    const o = await resolvedWith('none');
    for (const query of [['--profile', profileIdIn(o, 'a1')], ['--records', 'a1', 'b1']]) {
      const r = await iw('explain', o, ...query);
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toBe(
        `idweave: ${o}: the run was made without evidence (--evidence none: no evidence.ndjson, no explain.idx), so it cannot be explained; ` +
          'run idweave resolve again with --evidence all (the default) to explain it, or --evidence refused to see only why records were not merged\n',
      );
    }
  });
});
