import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { fileWriter, runCapture } from '../_testing/cli.js';
import { resolveFiles } from '../batch/resolveFiles.js';

// The hardening issue's attacks, run as written against the command line (`iw` there is `node dist/cli.js`;
// here `runCli` in this process, or `src/cli/main.ts` in a child process where signals and pipes matter),
// plus a property: any bytes, as CSV or NDJSON, never crash a run and keep the count law.

const dir = mkdtempSync(path.join(tmpdir(), 'idweave-adv-'));
// Each run writes ~200 MB here (the huge-input attacks); a leaked directory per CI run fills /tmp.
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MAIN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.ts');
let outs = 0;
const out = (): string => path.join(dir, `o${++outs}`);
const write = fileWriter(dir);
const iw = runCapture;
const lines = (file: string): string[] => readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
const rejectsOf = (o: string): { row: number; reasons: string[]; input: unknown }[] => lines(path.join(o, 'rejects.ndjson')).map((l) => JSON.parse(l));
const mappedIds = (o: string): string[] => lines(path.join(o, 'mapping.csv')).slice(1).map((l) => l.slice(0, l.lastIndexOf(',')));

/** The CLI in a child process (through the real wrapper that re-runs itself with a larger heap). */
function spawnIw(argv: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...argv], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, IDWEAVE_DEBUG: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, out: stdout, err: stderr })),
  );
  return { child, exit };
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A CSV large enough that a run lasts a few seconds. */
function bigCsv(): string {
  const f = path.join(dir, 'big.csv');
  if (existsSync(f)) return f;
  let s = 'id,email,phone,first_name\n';
  for (let i = 0; i < 300_000; i++) s += `c${i},user${i}@corp${i % 97}.ae,+97150${String(1000000 + i)},Name${i % 1000}\n`;
  writeFileSync(f, s);
  return f;
}

describe('hardening repros', () => {
  test('#1 a column named toString (or another Object method) is an attribute, not a crash', async () => {
    const input = write('ts.csv', 'id,email,first_name,toString,constructor,__proto__\nc1,ann@corp.ae,Ann,a,x,p\nc2,ann@corp.ae,Ann,b,y,q\nc3,bo@corp.ae,Bo,c,z,r\n');
    const o = out();
    const r = await iw('resolve', input, '--out', o, '--no-progress');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const profiles = lines(path.join(o, 'profiles.ndjson')).map((l) => JSON.parse(l) as { record_ids: string[]; fields: Record<string, { value: string }> });
    expect(profiles.map((p) => p.record_ids)).toEqual(expect.arrayContaining([['c1', 'c2'], ['c3']]));
    for (const p of profiles) expect(Object.keys(p.fields).sort()).toEqual(['__proto__', 'constructor', 'first_name', 'toString']);
    const single = profiles.find((p) => p.record_ids[0] === 'c3')!;
    expect(Object.getOwnPropertyDescriptor(single.fields, "toString")?.value.value).toBe('c');
  });

  test('#2 one deeply nested NDJSON line costs one reject', async () => {
    const input = write('d.ndjson', `{"id":"a","note":${'['.repeat(5000)}${']'.repeat(5000)}}\n{"id":"b","email":"bo@corp.ae"}\n`);
    for (const threads of ['0', '2']) {
      const o = out();
      const r = await iw('resolve', input, '--out', o, '--no-progress', '--threads', threads);
      expect(r.code).toBe(0);
      expect(mappedIds(o)).toEqual(['b']);
      expect(rejectsOf(o)).toEqual([
        { row: 1, file: input, input: '(not shown: nested deeper than 64 levels)', reasons: ['note: nested deeper than 64 levels'], issues: [{ code: 'too_deep', path: 'note', message: 'nested deeper than 64 levels' }] },
      ]);
    }
  });

  test('#3 SIGTERM stops the run: exit 143, no orphan publishes later, staging and lock removed', async () => {
    const input = bigCsv();
    const o = out();
    const run = spawnIw(['resolve', input, '--out', o, '--no-progress', '--threads', '0']);
    await until(() => existsSync(o) && readdirSync(o).some((f) => f.startsWith('.idweave-staging-')), 30_000);
    run.child.kill('SIGTERM');
    const result = await run.exit;
    expect(result.code).toBe(143);
    expect(result.err).toMatch(/stopped by SIGTERM; nothing was published/);
    await new Promise((r) => setTimeout(r, 2000));
    expect(readdirSync(o)).toEqual([]);
  }, 60_000);

  test('#3 a second run into a directory in use fails fast (exit 1) naming the holder', async () => {
    const input = bigCsv();
    const o = out();
    const first = spawnIw(['resolve', input, '--out', o, '--no-progress', '--threads', '0']);
    await until(() => existsSync(path.join(o, '.idweave.lock')) && readFileSync(path.join(o, '.idweave.lock'), 'utf8') !== '', 30_000);
    const second = await iw('resolve', write('small.csv', 'id,email\nx1,a@corp.ae\n'), '--out', o, '--no-progress');
    expect(second.code).toBe(1);
    expect(second.err).toMatch(/another idweave run is writing here \(pid \d+ on .+, started .+\)/);
    const done = await first.exit;
    expect(done.code).toBe(0);
    expect(mappedIds(o)).toHaveLength(300_000);
  }, 120_000);

  test('#4 a cell of thousands of emails is a reject, in linear time', async () => {
    const cell = Array.from({ length: 16_000 }, (_, i) => `u${i}@corp.ae`).join('|');
    let csv = 'id,email\n';
    for (let i = 0; i < 30; i++) csv += `r${i},${cell}\n`;
    csv += 'ok,ann@corp.ae\n';
    const o = out();
    const t = performance.now();
    const r = await iw('resolve', write('wide.csv', csv), '--out', o, '--no-progress');
    expect(performance.now() - t).toBeLessThan(20_000);
    expect(r.code).toBe(0);
    expect(mappedIds(o)).toEqual(['ok']);
    expect(rejectsOf(o).map((x) => x.reasons)).toEqual(Array(30).fill(['emails: 16000 values, more than the 100 one record may hold (a list pasted into one cell?)']));
  });

  test('#5 large numeric NDJSON ids are refused, not rounded; small ones are their decimal strings', async () => {
    const input = write('n.ndjson', '{"id":9007199254740993,"email":"a@corp.ae"}\n{"id":9007199254740992,"email":"b@corp.ae"}\n{"id":12}\n{"id":1e3}\n{"id":1.5}\n');
    const o = out();
    expect((await iw('resolve', input, '--out', o, '--no-progress')).code).toBe(0);
    expect(mappedIds(o)).toEqual(['12']);
    expect(rejectsOf(o).map((x) => x.row)).toEqual([1, 2, 4, 5]);
  });

  test('#6 a stray quote does not swallow the rows after it', async () => {
    const input = write('q.csv', 'id,email,note\nq1,a@x.ae,"""\nq2,b@x.ae,ok\nq3,c@x.ae,x"\nq4,d@x.ae,ok\n');
    const o = out();
    const r = await iw('resolve', input, '--out', o, '--no-progress');
    expect(r.code).toBe(0);
    expect(mappedIds(o).sort()).toEqual(['q2', 'q3', 'q4']);
    expect(rejectsOf(o).map((x) => x.row)).toEqual([1]);
    // A real multi-line cell still reads as one row.
    const ok = write('ml.csv', 'id,email,address\nm1,a@x.ae,"1 Main St\nApt 4\nDubai"\nm2,b@x.ae,here\n');
    const o2 = out();
    await iw('resolve', ok, '--out', o2, '--no-progress');
    expect(mappedIds(o2)).toEqual(['m1', 'm2']);
  });

  test('#7 --csv-safe escapes formula-leading cells in mapping.csv; without it ids stay joinable', async () => {
    const input = write('f.csv', 'id,email\n=HYPERLINK("http://x"),a@corp.ae\n+971501234567,b@corp.ae\n@SUM(1),c@corp.ae\n-1,d@corp.ae\n\tx,e@corp.ae\nplain,f@corp.ae\n');
    const safe = out();
    expect((await iw('resolve', input, '--out', safe, '--no-progress', '--csv-safe')).code).toBe(0);
    const cells = lines(path.join(safe, 'mapping.csv')).slice(1).map((l) => l.slice(0, l.lastIndexOf(',')));
    // (ids are trimmed, so the tab-led id arrives as `x`; csvCell's own test covers tab and CR)
    expect(cells).toEqual(['"\'=HYPERLINK(""http://x"")"', '"\'+971501234567"', '"\'@SUM(1)"', '"\'-1"', 'x', 'plain']);
    const plain = out();
    await iw('resolve', input, '--out', plain, '--no-progress');
    expect(mappedIds(plain)).toContain('+971501234567');
  });

  test('#8 outputs are published with a manifest; a run without evidence removes the stale evidence, and explain refuses it', async () => {
    const input = write('e.csv', 'id,email\na,ann@corp.ae\nb,ann@corp.ae\n');
    const o = out();
    await resolveFiles([input], { outDir: o });
    expect(readdirSync(o).sort()).toEqual(['changes.ndjson', 'evidence.ndjson', 'explain.idx', 'fingerprints.bin', 'identity.json', 'manifest.json', 'mapping.csv', 'profiles.ndjson', 'rejects.ndjson', 'report.html', 'report.json', 'resolver.ndjson']);
    expect((await iw('explain', o, '--records', 'a', 'b')).code).toBe(0);
    await resolveFiles([input], { outDir: o, evidence: false });
    expect(readdirSync(o)).not.toContain('evidence.ndjson');
    expect(readdirSync(o)).not.toContain('explain.idx');
    const r = await iw('explain', o, '--records', 'a', 'b');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/made without evidence/);
    // A file replaced by hand (another run's, or damaged) makes the directory unreadable, not misread.
    writeFileSync(path.join(o, 'mapping.csv'), 'record_id,profile_id\nzzz,P1\n');
    expect((await iw('explain', o, '--records', 'a', 'b')).err).toMatch(/do not match manifest\.json/);
  });

  test('#8 a failed run leaves the previous published run untouched', async () => {
    const good = write('g.csv', 'id,email\na,ann@corp.ae\n');
    const o = out();
    await iw('resolve', good, '--out', o, '--no-progress');
    const before = readFileSync(path.join(o, 'mapping.csv'), 'utf8');
    const bad = await iw('resolve', good, path.join(dir, 'missing.csv'), '--out', o, '--no-progress');
    expect(bad.code).toBe(1);
    const gz = write('bad.csv.gz', Buffer.from('not gzip at all'));
    expect((await iw('resolve', gz, '--out', o, '--no-progress')).code).toBe(1);
    expect(readFileSync(path.join(o, 'mapping.csv'), 'utf8')).toBe(before);
    expect(readdirSync(o).sort()).toEqual(['changes.ndjson', 'evidence.ndjson', 'explain.idx', 'fingerprints.bin', 'identity.json', 'manifest.json', 'mapping.csv', 'profiles.ndjson', 'rejects.ndjson', 'report.html', 'report.json', 'resolver.ndjson']);
  });

  test('#9 links planted in the output directory are not followed', async () => {
    const input = write('s.csv', 'id,email\na,ann@corp.ae\n');
    const o = out();
    mkdirSync(o);
    const victim = write('victim.txt', 'precious');
    for (const name of ['.mapping.csv.partial', 'mapping.csv', 'profiles.ndjson', 'report.json', 'manifest.json']) symlinkSync(victim, path.join(o, name));
    const r = await iw('resolve', input, '--out', o, '--no-progress');
    expect(r.code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(mappedIds(o)).toEqual(['a']);
  });

  test('#11 --threads above the core count is capped with a warning', async () => {
    const input = write('t.csv', 'id,email\na,ann@corp.ae\n');
    const o = out();
    const r = await iw('resolve', input, '--out', o, '--no-progress', '--threads', '999');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^idweave: warning: threads: 999 asked, this machine has \d+ cores; using \d+\n$/);
    expect(JSON.parse(readFileSync(path.join(o, 'report.json'), 'utf8')).warnings).toHaveLength(1);
  });

  test('#11 ids with NUL, CR or lone surrogates are rejects; none reaches mapping.csv', async () => {
    const input = write('ids.ndjson', ['{"id":"x\\ud800","email":"a@corp.ae"}', '{"id":"x\\ud801"}', '{"id":"x\\ufffd"}', '{"id":"a\\u0000b"}', '{"id":"a\\rb"}'].join('\n') + '\n');
    const o = out();
    await iw('resolve', input, '--out', o, '--no-progress');
    expect(mappedIds(o)).toEqual(['x\ufffd']);
    expect(rejectsOf(o).map((x) => x.row)).toEqual([1, 2, 4, 5]);
  });

  test('#11 CR-only line endings and a headerless file: no customer data on the terminal', async () => {
    const cr = write('cr.csv', 'id,email\rc1,ann@corp.ae\rc2,bo@corp.ae\r');
    const r = await iw('resolve', cr, '--out', out(), '--no-progress');
    expect(r.err).not.toMatch(/ann@corp\.ae/);
    expect(r.code === 0 || r.err !== '').toBe(true);
    const headerless = write('nohead.csv', 'c1,ann@corp.ae,+971501234567\nc2,bo@corp.ae,+971501234568\n');
    const h = await iw('resolve', headerless, '--out', out(), '--no-progress');
    expect(h.code).not.toBe(0);
    expect(h.err).not.toMatch(/ann@corp\.ae|971501234567/);
  });

  test('#11 a config reading one column in two roles is refused (exit 2)', async () => {
    const input = write('c.csv', 'id,email\na,ann@corp.ae\n');
    const cfg = write('c.json', JSON.stringify({ externalIds: { id: 'crm' } }));
    const r = await iw('resolve', input, '--out', out(), '--config', cfg, '--no-progress');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/externalIds\.id: input column "id" is already read as id/);
  });

  test('#11 a closed stdout ends the command quietly (no EPIPE trace)', async () => {
    const input = write('p.csv', 'id,email\na,ann@corp.ae\nb,ann@corp.ae\n');
    const o = out();
    await iw('resolve', input, '--out', o, '--no-progress');
    const run = spawnIw(['explain', o, '--profile', JSON.parse(lines(path.join(o, 'profiles.ndjson'))[0]!).profile_id]);
    run.child.stdout.destroy(); // the reader went away, as `| head -0` would
    const result = await run.exit;
    expect(result.err).not.toMatch(/EPIPE|Error/);
  }, 30_000);
});

describe('any bytes never crash a run and keep the count law', () => {
  // Bytes biased towards what breaks readers: quotes, separators, CR/LF, NUL, invalid UTF-8, surrogates' UTF-8
  // forms, braces, and long runs.
  const piece = fc.oneof(
    fc.constantFrom('"', ',', '\n', '\r', '\r\n', '|', '\u0000', '{', '}', '[', ']', ':', '"id"', 'id', '\\', ' ', 'a@corp.ae', '+971501234567', '﻿'),
    fc.string({ maxLength: 8 }),
    fc.uint8Array({ maxLength: 6 }).map((b) => Buffer.from(b).toString('latin1')),
    fc.constantFrom('\xed\xa0\x80', '\xff\xfe', '\xc3'),
  );
  const bytesArb = fc.array(piece, { maxLength: 80 }).map((parts) => Buffer.from(parts.join(''), 'latin1'));
  const header = fc.constantFrom('id,email,note\n', 'id,email\n', '');

  test('CSV (pinned seed): no crash; mapping + rejects = rows read; no id twice; rows numbered once', async () => {
    await fc.assert(
      fc.asyncProperty(header, bytesArb, async (head, body) => {
        const file = write(`p${++outs}.csv`, Buffer.concat([Buffer.from(head), body]));
        const o = out();
        let report;
        try {
          report = await resolveFiles([file], { outDir: o, threads: 0 });
        } catch (e) {
          // A whole-file problem (no header, bad header) is an error with a code, never a crash.
          expect((e as { code?: string }).code).toMatch(/^input_/);
          return;
        }
        const ids = mappedIds(o);
        const rejects = rejectsOf(o);
        expect(ids.length + rejects.length).toBe(report.recordsIn);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(rejects.map((r) => r.row)).size).toBe(rejects.length);
        for (const r of rejects) expect(r.row).toBeGreaterThan(0);
      }),
      { seed: 20261202, numRuns: 120 },
    );
  }, 120_000);

  test('NDJSON (pinned seed): every non-blank line is in exactly one of mapping.csv and rejects.ndjson', async () => {
    const lineArb = fc.oneof(
      bytesArb,
      fc.record({ id: fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant('\ud800')), email: fc.string(), note: fc.jsonValue({ maxDepth: 3 }) }).map((o) => Buffer.from(JSON.stringify(o))),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { maxLength: 12 }), async (rows) => {
        const bytes = Buffer.concat(rows.flatMap((r) => [r, Buffer.from('\n')]));
        const file = write(`p${++outs}.ndjson`, bytes);
        const o = out();
        let report;
        try {
          report = await resolveFiles([file], { outDir: o, threads: 0 });
        } catch (e) {
          // Objects that name no identifier field at all: a loud config error, by design (never a crash).
          expect((e as Error).message).toMatch(/no identifier column/);
          return;
        }
        const text = new TextDecoder().decode(bytes);
        const nonBlank = text.split('\n').filter((l) => l.replace(/\r$/, '').trim() !== '').length;
        const ids = mappedIds(o);
        const rejects = rejectsOf(o);
        expect(report.recordsIn).toBe(nonBlank);
        expect(ids.length + rejects.length).toBe(nonBlank);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { seed: 20261202, numRuns: 120 },
    );
  }, 120_000);

  // An oracle independent of the reader: without quotes, every non-blank line after the header is one row, so a
  // row swallowed by the reader (the stray-quote bug) would show here, not only in the reader's own count.
  test('CSV without quotes (pinned seed): every non-blank line after the header is in exactly one output', async () => {
    const cell = fc.oneof(fc.string({ maxLength: 6 }).map((t) => t.replace(/["\r\n,]/g, '')), fc.constantFrom('ann@corp.ae', '+971501234567', 'a|b', ''));
    const line = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 15 }), async (rows) => {
        const file = write(`nq${++outs}.csv`, `id,email,note\n${rows.join('\n')}\n`);
        const o = out();
        await resolveFiles([file], { outDir: o, threads: 0 });
        const expected = rows.filter((r) => r !== '').length; // only an empty line is blank in CSV
        expect(mappedIds(o).length + rejectsOf(o).length).toBe(expected);
      }),
      { seed: 20261202, numRuns: 100 },
    );
  }, 120_000);

  test('a huge cell (2 MiB) costs its row only', async () => {
    const input = write('huge.csv', `id,email,note\nh1,ann@corp.ae,${'x'.repeat(2 << 20)}\nh2,bo@corp.ae,ok\n`);
    for (const threads of [0, 2]) {
      const o = out();
      await resolveFiles([input], { outDir: o, threads });
      expect(mappedIds(o)).toEqual(['h2']);
      expect(rejectsOf(o).map((r) => r.row)).toEqual([1]);
    }
  }, 60_000);

  test('the same bytes give the same outputs with 0 or 2 threads and tiny pieces (pinned seed)', async () => {
    await fc.assert(
      fc.asyncProperty(header, bytesArb, async (head, body) => {
        const file = write(`t${++outs}.csv`, Buffer.concat([Buffer.from(head), body]));
        const results: string[] = [];
        for (const threads of [0, 2]) {
          const o = out();
          try {
            await resolveFiles([file], { outDir: o, threads, pieceBytes: 16 });
          } catch (e) {
            results.push(`error ${(e as Error).message}`);
            continue;
          }
          results.push(['mapping.csv', 'rejects.ndjson', 'profiles.ndjson'].map((f) => readFileSync(path.join(o, f), 'utf8')).join('\u0001'));
        }
        expect(results[1]).toBe(results[0]);
      }),
      { seed: 20261202, numRuns: 25 },
    );
  }, 120_000);
});
