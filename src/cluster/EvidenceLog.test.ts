import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { EvidenceLog, evidenceReader, OUTCOME, type EvidenceEntries } from './EvidenceLog.js';

/** A log with a reason on every third entry: long, short, non-ASCII (two- and four-byte UTF-8), empty. */
function filled(shared: boolean, n: number): { log: EvidenceLog; why: (string | undefined)[] } {
  const log = new EvidenceLog(shared);
  const why: (string | undefined)[] = [];
  for (let i = 0; i < n; i++) {
    const w = i % 3 !== 0 ? undefined : i % 2 === 0 ? `names differ: محمد ${i} vs 😀 Zoë ${'x'.repeat(i % 500)}` : i % 9 === 3 ? '' : `r${i}`;
    log.add(i, i, i + 1, w === undefined ? OUTCOME.accepted : OUTCOME.shareable, w, i / 2, i);
    why.push(w);
  }
  return { log, why };
}

describe('EvidenceLog reasons', () => {
  for (const shared of [false, true]) {
    it(`keeps every reason, and only those, across slab chunks (shared: ${shared})`, () => {
      // 30k entries, 10k reasons of up to ~560 bytes: several of the slab's chunks.
      const { log, why } = filled(shared, 30_000);
      const reader = evidenceReader(log.entries());
      for (let i = 0; i < why.length; i++) {
        expect(log.whyOf(i)).toBe(why[i]);
        expect(reader.whyOf(i)).toBe(why[i]);
      }
      expect(log.whyOf(why.length)).toBeUndefined();
      const { text } = log.entries().why;
      expect([...text.chunks, text.starts, text.lengths].every((c) => c.buffer instanceof SharedArrayBuffer)).toBe(true);
    });
  }

  for (const shared of [false, true]) {
    it(`an empty first reason reads back as empty (shared: ${shared})`, () => {
      const log = new EvidenceLog(shared);
      log.add(1, 2, 3, OUTCOME.fuzzy, '');
      log.add(4, 5, 6, OUTCOME.fuzzy, 'second');
      expect(log.whyOf(0)).toBe('');
      expect(log.whyOf(1)).toBe('second');
      const reader = evidenceReader(log.entries());
      expect(reader.whyOf(0)).toBe('');
      expect(reader.whyOf(1)).toBe('second');
    });
  }

  it('a log without reasons reads none', () => {
    const log = new EvidenceLog();
    log.add(1, 2, 3, OUTCOME.accepted);
    expect(log.whyOf(0)).toBeUndefined();
    expect(evidenceReader(log.entries()).whyOf(0)).toBeUndefined();
  });

  it('crosses to a worker thread without a copy and reads the same there', async () => {
    const { log, why } = filled(true, 3_000);
    const entries = log.entries();
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const e = workerData;
       const t = e.why.text;
       const chunks = t.chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength));
       const out = [];
       for (let k = 0; k < e.why.entry.length; k++) {
         const a = t.starts[k], c = Math.floor(a / 2 ** 32), o = a - c * 2 ** 32;
         out[e.why.entry[k]] = chunks[c].toString('utf8', o, o + t.lengths[k]);
       }
       t.chunks[0][0] = 42;
       parentPort.postMessage(out);`,
      { eval: true, workerData: entries satisfies EvidenceEntries },
    );
    const seen = await new Promise<(string | undefined)[]>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    for (let i = 0; i < why.length; i++) if (why[i] !== undefined && why[i] !== '') expect(seen[i], `entry ${i}`).toBe(why[i]);
    // The worker's write is seen here: the chunks were shared, not copied.
    expect(entries.why.text.chunks[0]![0]).toBe(42);
  });
});
