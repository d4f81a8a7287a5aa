import { describe, expect, it } from 'vitest';
import type { KindCode, RecordKeys } from '../match/createRecordKeyer.js';
import { PreparedChunkWriter, PreparedRecordCursor } from './PreparedChunk.js';

interface Content {
  first: string;
  last: string;
  attributes: string;
  source: string;
  payload: string;
  updatedAt: number;
  keys: string[];
  weak: string[];
}

const BASE: Content = { first: 'sara', last: 'haddad', attributes: 'dob:1984', source: 'crm', payload: '{"firstName":"Sara"}', updatedAt: 1_700_000_000_000, keys: ['e:a@b.com', 'p:+971501234567'], weak: ['e:a@b.con'] };

function fingerprintOf(c: Content, id = 'r1', before = 0): [number, number] {
  const w = new PreparedChunkWriter(1);
  const keys = (k: string[]): RecordKeys => ({ keys: k, kinds: k.map(() => 3 as KindCode), groups: k.map(() => ''), count: k.length, weak: c.weak, weakCount: c.weak.length });
  for (let i = 0; i < before; i++) w.record(i, 0, `other${i}`, 'x', 'y', '', 'pos', w.text('{}'), keys(['e:x@y.com']));
  w.record(before, c.updatedAt, id, c.first, c.last, c.attributes, c.source, w.text(c.payload), keys(c.keys));
  const cur = new PreparedRecordCursor(w.finish(before + 1, 0, {} as never));
  for (let i = 0; i <= before; i++) cur.next();
  return [cur.fingerprintHi, cur.fingerprintLo];
}

describe("a prepared record's content fingerprint", () => {
  it('is the value earlier releases wrote to fingerprints.bin (a change would mark every record changed)', () => {
    expect(fingerprintOf(BASE)).toEqual(PINNED);
  });

  it('depends on the content only: not on the id or on the records before it', () => {
    expect(fingerprintOf(BASE, 'another-id', 3)).toEqual(fingerprintOf(BASE));
  });

  it('changes with anything that decides links or profile fields', () => {
    const changes: Partial<Content>[] = [
      { first: 'sarah' },
      { last: '' },
      { attributes: 'dob:1985' },
      { source: 'pos' },
      { payload: '{"firstName":"Sarah"}' },
      { updatedAt: BASE.updatedAt + 1 },
      { updatedAt: Number.NaN },
      { keys: ['e:a@b.com'] },
      { keys: ['p:+971501234567', 'e:a@b.com'] },
      { weak: [] },
      { keys: [...BASE.keys, 'e:a@b.con'], weak: [] },
    ];
    const seen = new Set([fingerprintOf(BASE).join()]);
    for (const change of changes) seen.add(fingerprintOf({ ...BASE, ...change }).join());
    expect(seen.size).toBe(changes.length + 1);
  });
});

/** `BASE`'s fingerprint as the batch computed it before it moved into the writer (same fingerprints.bin at 1M rows). */
const PINNED: [number, number] = [3627405721, 223143218];
