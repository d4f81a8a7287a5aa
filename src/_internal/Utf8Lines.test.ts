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

  it('keeps neither a buffer too small for the next nor one too large to hold on to', () => {
    Utf8Lines.recycle(new ArrayBuffer(16));
    const small = new Utf8Lines(1 << 10).finish();
    expect(small.buffer.byteLength).toBe(1 << 10);
    const huge = new ArrayBuffer(32 << 20);
    Utf8Lines.recycle(huge);
    expect(new Utf8Lines().finish().buffer).not.toBe(huge);
  });
});
