const utf8 = new TextEncoder();

/** Pieces up to this many bytes are copied by a loop, longer ones by `set`. */
const SHORT_COPY = 64;

/**
 * Buffers given back for reuse (`Utf8Lines.recycle`): blocks of lines handed over by `finish` come back here once
 * written. perf: a block of 5,000 profile lines (~4 MB) grew its buffer from 64 KB by doubling: ~8 MB allocated,
 * zero-filled and first touched, and ~4 MB copied, for every block (10% of writing profile lines); and a fresh
 * buffer for each block, dropped by the thread that wrote it, made that thread's V8 start a full collection every
 * 64 MB of them (external memory): ~120 on the main thread of a 2M-row run.
 */
const spares: Uint8Array<ArrayBuffer>[] = [];
/**
 * A thread holds at most this many spare buffers (blocks in flight come back to it a few at a time). They stay
 * with the thread: at most 6 × 16 MiB on a library caller's main thread after a run without worker threads.
 */
const MAX_SPARES = 6;
/** Larger buffers (a block with a huge line) are not kept. */
const MAX_SPARE_BYTES = 16 << 20;

/** A spare of at least `bytes` (the most recently given back of them), taken out; undefined when none is that large. */
function takeSpare(bytes: number): Uint8Array<ArrayBuffer> | undefined {
  for (let i = spares.length - 1; i >= 0; i--) {
    const spare = spares[i]!;
    if (spare.length < bytes) continue;
    spares.splice(i, 1);
    return spare;
  }
  return undefined;
}

/**
 * `bytes` rounded up to a whole MiB (64 KiB below 1 MiB): blocks of a kind vary by a few percent, and a spare one of
 * them gave back must fit the next.
 */
function sizeClass(bytes: number): number {
  const unit = bytes >= 1 << 20 ? 1 << 20 : 1 << 16;
  return Math.ceil(bytes / unit) * unit;
}

/** Per kind of block (`Utf8Lines.forBlock`), the bytes this thread's last one came to. */
const lastBlockBytes = new Map<string, number>();

/**
 * Lines encoded as UTF-8 as they are made, each followed by a newline: a block of output lines built in a worker
 * thread and handed over as bytes. A line can be added whole (`add`) or in pieces (`append`, then `endLine`).
 * perf: appending to a string and encoding the whole at the end built a rope of thousands of parts, flattened it
 * and then encoded it; `encodeInto` piece by piece does one pass and measured about twice as fast (5,000 profile
 * lines of ~650 bytes).
 */
export class Utf8Lines {
  private buf: Uint8Array<ArrayBuffer>;
  private used = 0;
  /** Where the line being appended to starts (= `used` between lines). */
  private lineStart = 0;
  /** The kind of block this one is (`forBlock`): `finish` notes its size for the next of its kind. */
  private kind: string | undefined;

  constructor(initialBytes = 1 << 16) {
    this.buf = takeSpare(initialBytes) ?? new Uint8Array(initialBytes);
  }

  /**
   * Lines for a block of `kind` (an output file's blocks, a section's), starting with room for as many bytes as this
   * thread's last block of that kind came to, and a little more. perf: blocks of one kind are about one size
   * (50,000 evidence lines are ~9 MB), and each grown by doubling from 64 KB, or from a spare recycled from a smaller
   * kind, was allocated, zero-filled, first touched and copied up to twice its size: at 2M hard rows, 242 growths
   * allocated 633 MB; sized ahead, 40 buffers and 16 growths allocate 241 MB (minor page faults 151-155k ->
   * 136-146k a run, system time 3.0 -> 2.6 s).
   */
  static forBlock(kind: string): Utf8Lines {
    const last = lastBlockBytes.get(kind);
    // At most what a spare may be: one block with a huge line must not make the next of its kind start that large.
    const lines = new Utf8Lines(last === undefined ? 1 << 16 : Math.min(MAX_SPARE_BYTES, sizeClass(last + (last >> 3))));
    lines.kind = kind;
    return lines;
  }

  /**
   * Gives `buffer` (the buffer of bytes `finish` handed over, once written; possibly back from another thread) to
   * the next `Utf8Lines` of this thread. Its bytes may be overwritten from now on.
   */
  static recycle(buffer: ArrayBuffer): void {
    if (buffer.byteLength === 0 || buffer.byteLength > MAX_SPARE_BYTES) return;
    if (spares.length < MAX_SPARES) {
      spares.push(new Uint8Array(buffer));
      return;
    }
    // Full: a larger buffer takes the smallest one's place, so that blocks of a larger kind find one (`forBlock`).
    let smallest = 0;
    for (let i = 1; i < spares.length; i++) if (spares[i]!.length < spares[smallest]!.length) smallest = i;
    if (buffer.byteLength > spares[smallest]!.length) {
      spares.splice(smallest, 1);
      spares.push(new Uint8Array(buffer));
    }
  }

  /** Appends `line` and a newline. */
  add(line: string): void {
    this.append(line);
    this.endLine();
  }

  /** Appends `text` to the line being made. */
  append(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8 (a surrogate pair, 2 units, takes 4).
    this.reserve(3 * text.length);
    this.used += utf8.encodeInto(text, this.buf.subarray(this.used)).written;
  }

  /** Appends the UTF-8 bytes `src[0, length)` to the line being made. */
  appendBytes(src: Uint8Array, length: number): void {
    this.reserve(length);
    if (length <= SHORT_COPY) {
      // perf: most pieces are one entry of a table (tens of bytes); `subarray` + `set` made a view per piece.
      const buf = this.buf;
      let at = this.used;
      for (let i = 0; i < length; i++) buf[at++] = src[i]!;
      this.used = at;
      return;
    }
    this.buf.set(length === src.length ? src : src.subarray(0, length), this.used);
    this.used += length;
  }

  /** Appends whole lines, the UTF-8 bytes `src[0, length)`, each ending in a newline (none being made). */
  appendLines(src: Uint8Array, length: number): void {
    this.appendBytes(src, length);
    this.lineStart = this.used;
  }

  /** Bytes so far. */
  get length(): number {
    return this.used;
  }

  /** Appends one ASCII character by its code to the line being made. */
  appendByte(b: number): void {
    this.reserve(1);
    this.buf[this.used++] = b;
  }

  /** Ends the line being made with a newline. */
  endLine(): void {
    this.reserve(1);
    this.buf[this.used++] = 10;
    this.lineStart = this.used;
  }

  /** The bytes so far, in a buffer of their own (exact size, so it can be transferred without its slack). */
  bytes(): Uint8Array<ArrayBuffer> {
    return this.buf.slice(0, this.used);
  }

  /**
   * The bytes when no more will be added, without a copy: a view of the working buffer, which is handed over with
   * them (transfer `bytes.buffer`, slack included) and may come back through `recycle` once written. This one is
   * left empty.
   */
  finish(): Uint8Array<ArrayBuffer> {
    if (this.kind !== undefined) lastBlockBytes.set(this.kind, this.used);
    const bytes = this.buf.subarray(0, this.used);
    this.buf = new Uint8Array(0);
    this.used = 0;
    this.lineStart = 0;
    return bytes;
  }

  /** The whole lines so far, in a buffer of their own, taken out; a line being made stays. */
  takeLines(): Uint8Array<ArrayBuffer> {
    const lines = this.buf.slice(0, this.lineStart);
    this.buf.copyWithin(0, this.lineStart, this.used);
    this.used -= this.lineStart;
    this.lineStart = 0;
    return lines;
  }

  /** Room for `bytes` more bytes after the ones used. */
  private reserve(bytes: number): void {
    const need = this.used + bytes;
    if (need <= this.buf.length) return;
    const next = new Uint8Array(Math.max(2 * this.buf.length, need));
    next.set(this.buf.subarray(0, this.used));
    this.buf = next;
  }
}
