import { describe, expect, it } from 'vitest';
import { payloadAt, PayloadStore } from './PayloadStore.js';

describe('PayloadStore', () => {
  for (const shared of [false, true]) {
    it(`sets, replaces, erases and views payloads by index (shared: ${shared})`, () => {
      const store = new PayloadStore(shared);
      store.set(2, '{"a":"ü"}');
      store.setBytes(0, Buffer.from('xx{"b":1}'), 2, 7);
      const base = store.adopt(Buffer.from('{"c":2}{"d":3}'));
      store.setAdopted(1, base + 7, 7);
      expect([store.get(0), store.get(1), store.get(2), store.size]).toEqual(['{"b":1}', '{"d":3}', '{"a":"ü"}', 3]);
      store.set(2, '{"a":"v"}');
      const view = store.view();
      expect([0, 1, 2].map((i) => payloadAt(view, i))).toEqual(['{"b":1}', '{"d":3}', '{"a":"v"}']);
      expect(view.starts.buffer instanceof SharedArrayBuffer).toBe(shared);
      store.erase(0);
      expect(store.get(0)).toBe('');
    });
  }

  it('erasing zeroes the bytes where they lie, not only the length', () => {
    const store = new PayloadStore(false);
    store.set(0, 'secret-123');
    const before = store.view();
    const address = before.starts[0]!;
    store.erase(0);
    const chunk = before.chunks[Math.floor(address / 2 ** 32)]!;
    const at = address % 2 ** 32;
    expect([...chunk.subarray(at, at + 10)].every((b) => b === 0)).toBe(true);
  });

  it('grows past its first capacity, keeping every payload', () => {
    const store = new PayloadStore(true);
    for (let i = 0; i < 5000; i++) store.set(i, `{"i":${i}}`);
    for (const i of [0, 1023, 1024, 4999]) expect(store.get(i)).toBe(`{"i":${i}}`);
  });
});
