import { describe, expect, it } from 'vitest';
import { Utf8Lines } from './Utf8Lines.js';

describe('Utf8Lines', () => {
  it('holds the lines as UTF-8, each ending in a newline, growing past its first size', () => {
    const lines = new Utf8Lines(4);
    const texts = ['a', '', 'é漢字😀', 'x'.repeat(1000), '"quoted", \\ and \u2028'];
    for (const t of texts) lines.add(t);
    const bytes = lines.bytes();
    expect(Buffer.from(bytes).equals(Buffer.from(texts.map((t) => `${t}\n`).join(''), 'utf8'))).toBe(true);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
  });

  it('writes a lone surrogate as U+FFFD, as TextEncoder does', () => {
    const lines = new Utf8Lines();
    lines.add('a\ud800b');
    expect(Buffer.from(lines.bytes())).toEqual(Buffer.from(new TextEncoder().encode('a\ud800b\n')));
  });

  it('is empty with no lines', () => {
    expect(new Utf8Lines().bytes().byteLength).toBe(0);
  });
});

describe('Utf8Lines in pieces', () => {
  it('appends pieces to one line, and takeLines hands out whole lines only', () => {
    const lines = new Utf8Lines(2);
    lines.append('{"a":[');
    lines.append('1');
    lines.endLine();
    lines.append('é漢');
    expect(Buffer.from(lines.takeLines()).toString()).toBe('{"a":[1\n');
    lines.append('字😀');
    lines.endLine();
    lines.add('z');
    expect(Buffer.from(lines.takeLines()).toString()).toBe('é漢字😀\nz\n');
    expect(lines.takeLines().byteLength).toBe(0);
    expect(lines.bytes().byteLength).toBe(0);
  });

  it('appends bytes short and long (loop or set), and single bytes, growing as it goes', () => {
    const lines = new Utf8Lines(1);
    const long = Buffer.from('ü'.repeat(100));
    const short = Buffer.from('abcdef');
    lines.appendBytes(short, 3);
    lines.appendByte(44);
    lines.appendBytes(long, long.length);
    lines.appendByte(44);
    lines.appendBytes(long, 10);
    lines.endLine();
    expect(Buffer.from(lines.bytes()).toString()).toBe(`abc,${'ü'.repeat(100)},${'ü'.repeat(5)}\n`);
  });

  it('an empty line is a newline, even in a full buffer', () => {
    const lines = new Utf8Lines(1);
    lines.endLine();
    lines.append('x');
    lines.endLine();
    expect(Buffer.from(lines.bytes()).toString()).toBe('\nx\n');
  });

  it('finish hands over its buffer; the next lines never touch it unless it is recycled', () => {
    const first = new Utf8Lines(4);
    for (let i = 0; i < 100; i++) first.add(`line ${i} é`);
    const a = first.finish();
    expect(first.bytes().byteLength).toBe(0);
    const second = new Utf8Lines(4);
    second.add('x'.repeat(50));
    for (let i = 0; i < 100; i++) second.add(`other ${i}`);
    const b = second.finish();
    expect(Buffer.from(a).toString()).toBe(Array.from({ length: 100 }, (_, i) => `line ${i} é\n`).join(''));
    expect(Buffer.from(b).toString()).toBe('x'.repeat(50) + '\n' + Array.from({ length: 100 }, (_, i) => `other ${i}\n`).join(''));
    expect(a.buffer).not.toBe(b.buffer);
  });
});

describe('Utf8Lines hands its buffer over', () => {
  it('finish gives the bytes without a copy, and a recycled buffer is built in next, its old bytes overwritten', () => {
    const first = new Utf8Lines(1 << 10);
    first.add('one');
    first.add('two');
    const bytes = first.finish();
    expect(Buffer.from(bytes).toString()).toBe('one\ntwo\n');
    expect(bytes.buffer.byteLength).toBe(1 << 10); // the working buffer itself, slack included
    expect(first.bytes().byteLength).toBe(0);

    Utf8Lines.recycle(bytes.buffer);
    const next = new Utf8Lines(1 << 8);
    next.add('x');
    const again = next.finish();
    expect(again.buffer).toBe(bytes.buffer);
    expect(Buffer.from(again).toString()).toBe('x\n');
  });

  it('builds in no buffer too small for the next, and keeps none too large to hold on to', () => {
    Utf8Lines.recycle(new ArrayBuffer(16));
    const small = new Utf8Lines(1 << 10).finish();
    expect(small.buffer.byteLength).toBe(1 << 10);
    const huge = new ArrayBuffer(32 << 20);
    Utf8Lines.recycle(huge);
    expect(new Utf8Lines().finish().buffer).not.toBe(huge);
  });
});

describe('Utf8Lines blocks of a kind', () => {
  /** Takes every spare this thread holds (at most six), so a test starts with none. */
  const drain = (): void => {
    for (let i = 0; i < 8; i++) new Utf8Lines(1);
  };

  it("starts a block with room for the last block of its kind, a little more, in whole size classes", () => {
    drain();
    const first = Utf8Lines.forBlock('test:sized');
    for (let i = 0; i < 2000; i++) first.add(`line ${i} ${'y'.repeat(90)}`);
    const bytes = first.finish();
    const next = Utf8Lines.forBlock('test:sized');
    const room = next.finish().buffer.byteLength;
    // ~200 KB of lines: the next starts at 1/8 more, rounded up to 64 KiB, not at 64 KiB to grow by doubling.
    expect(room).toBeGreaterThanOrEqual(bytes.byteLength + (bytes.byteLength >> 3));
    expect(room % (1 << 16)).toBe(0);
    expect(room).toBeLessThan(bytes.byteLength * 2);
    // Another kind starts small.
    expect(Utf8Lines.forBlock('test:other').finish().buffer.byteLength).toBe(1 << 16);
  });

  it('starts no larger than the largest spare it would keep, after a block with a huge line', () => {
    drain();
    const huge = Utf8Lines.forBlock('test:huge');
    huge.add('h'.repeat(20 << 20));
    huge.finish();
    const next = Utf8Lines.forBlock('test:huge');
    next.add('small');
    expect(next.finish().buffer.byteLength).toBe(16 << 20);
  });

  it('takes a spare large enough for the block, and leaves smaller ones for smaller blocks', () => {
    drain();
    const block = Utf8Lines.forBlock('test:spares');
    for (let i = 0; i < 3000; i++) block.add('z'.repeat(99));
    block.finish();
    const large = new ArrayBuffer(1 << 20);
    const small = new ArrayBuffer(1 << 16);
    Utf8Lines.recycle(large);
    Utf8Lines.recycle(small);
    // The next block of the kind wants ~330 KB: the 64 KiB spare, given back last, does not do; the 1 MiB one does.
    const next = Utf8Lines.forBlock('test:spares').finish().buffer;
    const smaller = new Utf8Lines(1 << 16).finish().buffer;
    // (Compared as identities: a failed toBe would print both buffers byte by byte.)
    expect(next === large).toBe(true);
    expect(smaller === small).toBe(true);
  });

  it('when it holds all the spares it keeps, a larger buffer given back takes the smallest one\'s place', () => {
    drain();
    const smalls = Array.from({ length: 6 }, () => new ArrayBuffer(1 << 16));
    for (const b of smalls) Utf8Lines.recycle(b);
    const large = new ArrayBuffer(2 << 20);
    Utf8Lines.recycle(large);
    expect(new Utf8Lines(1 << 20).finish().buffer === large).toBe(true);
    // Full again with the six small ones: a smaller one than all it holds is dropped.
    Utf8Lines.recycle(new ArrayBuffer(1 << 16));
    Utf8Lines.recycle(new ArrayBuffer(1 << 10));
    const taken = new Set<ArrayBuffer>();
    for (let i = 0; i < 6; i++) taken.add(new Utf8Lines(1).finish().buffer);
    expect([...taken].every((b) => b.byteLength >= 1 << 16)).toBe(true);
  });
});
