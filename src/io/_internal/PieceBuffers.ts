/**
 * Shared buffers for file pieces (`filePieces`), reused once the reader of a piece is done with it.
 *
 * perf, memory: a piece in a `SharedArrayBuffer` of its own is freed only once no thread holds it, and the
 * worker thread that prepared it holds its message until that thread's next full collection, which may be many
 * pieces later (the read's peak rose by ~0.6 GB at 20M when the workers' collections grew rarer). A fixed set of
 * buffers, each lent for one piece and given back when the piece is applied, bounds the pieces' memory by
 * design: at most as many buffers as pieces in flight, whatever the threads' collectors do.
 *
 * A piece too large for a slot (a row near the size limit) gets a buffer of its own, not kept.
 */
export class PieceBuffers {
  private readonly free: SharedArrayBuffer[] = [];
  /** The buffers lent and not yet given back: a buffer given back twice, or not from here, is ignored. */
  private readonly lent = new Set<SharedArrayBuffer>();

  /** `slotBytes`: each kept buffer's size; pieces up to this size are copied into one. */
  constructor(readonly slotBytes: number) {}

  /** `bytes` copied into shared memory: a free slot when it fits, else a new buffer. */
  copy(bytes: Uint8Array): Uint8Array {
    const n = bytes.length;
    let buffer: SharedArrayBuffer;
    if (n <= this.slotBytes) {
      buffer = this.free.pop() ?? new SharedArrayBuffer(this.slotBytes);
      this.lent.add(buffer);
    } else {
      buffer = new SharedArrayBuffer(n);
    }
    const out = new Uint8Array(buffer, 0, n);
    out.set(bytes);
    return out;
  }

  /**
   * A piece's bytes given back: its buffer is written over by a later piece. Only once no thread will read
   * them again (the piece prepared and applied, its duplicates' rows read).
   */
  release(bytes: Uint8Array): void {
    const buffer = bytes.buffer as SharedArrayBuffer;
    if (!this.lent.delete(buffer)) return;
    this.free.push(buffer);
  }

  /**
   * Forgets every buffer, once no more pieces will be cut: the slots would otherwise live as long as their
   * owner, through the stages after the read. A buffer lent and given back after this is not kept.
   */
  clear(): void {
    this.free.length = 0;
    this.lent.clear();
  }

  /** Buffers made so far and kept (lent or free): bounded by the pieces in flight at once. */
  get slots(): number {
    return this.free.length + this.lent.size;
  }
}
