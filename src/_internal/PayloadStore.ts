import { ByteSlab } from './ByteSlab.js';
import { stringAt, type InternedView } from './ByteInterner.js';
import { grow } from './grow.js';
import { PayloadNames } from './PayloadNames.js';

/**
 * A `PayloadStore`'s payloads, read-only, for another thread (`payloadAt`): laid out as an interner's entries, and
 * the field table their tokens stand for (`PayloadNames`), if any.
 */
export interface PayloadView extends InternedView {
  readonly fields?: readonly string[];
}

/** Payload i of a view, its tokens written out. */
export function payloadAt(view: PayloadView, i: number): string {
  const text = stringAt(view, i);
  return view.fields === undefined ? text : PayloadNames.of(view.fields).expand(text);
}

/**
 * One small UTF-8 payload (a record's names and attributes as JSON) per record index, in a `ByteSlab`: the batch
 * appends them in record order, the resolver sets, replaces and erases them by record slot. perf: 20M JSON
 * strings on the V8 heap would cost ~2 GB of heap and GC time; here they cost their bytes plus 12 bytes of
 * address and length per record.
 */
export class PayloadStore {
  private readonly bytes: ByteSlab;
  /** Payload i: `lengths[i]` bytes at address `starts[i]`. */
  private starts: Float64Array;
  private lengths: Uint32Array;
  /** One past the highest index set. */
  private n = 0;
  /** The tokens its payloads may hold (`PayloadNames`): a file batch's or a resolver's table, set before its first payload. */
  names: PayloadNames | undefined;

  /**
   * `shared`: payloads and their addresses in shared memory, for worker threads (the batch's profile builders).
   * `small`: start with room for a few short texts (one resolver edit's refusal reasons), from Node's buffer pool.
   */
  constructor(shared: boolean, small = false) {
    this.bytes = small ? new ByteSlab(shared, 32 * 1024 * 1024, 256) : new ByteSlab(shared, 64 * 1024 * 1024);
    const capacity = small ? 16 : 1024;
    this.starts = shared ? new Float64Array(new SharedArrayBuffer(8 * capacity)) : new Float64Array(capacity);
    this.lengths = shared ? new Uint32Array(new SharedArrayBuffer(4 * capacity)) : new Uint32Array(capacity);
  }

  /** One past the highest index set. */
  get size(): number {
    return this.n;
  }

  set(i: number, payload: string): void {
    const { address, length } = this.bytes.write(payload);
    this.place(i, address, length);
  }

  /** Appends `payload` after the last index; returns its index. */
  push(payload: string): number {
    const i = this.n;
    this.set(i, payload);
    return i;
  }

  /** Sets payload i to the UTF-8 bytes `src[start, start + length)`. */
  setBytes(i: number, src: Uint8Array, start: number, length: number): void {
    this.place(i, this.bytes.append(src, start, length), length);
  }

  /**
   * Takes `bytes` (payloads back to back, none stored yet) as a chunk of its own, without a copy; returns the
   * address of its first byte, for `setAdopted`. The caller gives up `bytes`.
   */
  adopt(bytes: Uint8Array): number {
    return this.bytes.adopt(bytes);
  }

  /** Sets payload i to `length` bytes at `address` of an adopted chunk. */
  setAdopted(i: number, address: number, length: number): void {
    this.place(i, address, length);
  }

  /** Appends `length` bytes at `address` of an adopted chunk as the payload after the last index; returns its index. */
  pushAdopted(address: number, length: number): number {
    const i = this.n;
    this.place(i, address, length);
    return i;
  }

  /** Payload i, its tokens written out. */
  get(i: number): string {
    const text = this.bytes.text(this.starts[i]!, this.lengths[i]!);
    return this.names === undefined ? text : this.names.expand(text);
  }

  /** Overwrites payload i with zeros (erasure) and leaves it empty. */
  erase(i: number): void {
    this.bytes.zero(this.starts[i]!, this.lengths[i]!);
    this.lengths[i] = 0;
  }

  /** Makes room for indices below `n`, exactly (a size known up front). */
  reserve(n: number): void {
    this.starts = grow(this.starts, n, true);
    this.lengths = grow(this.lengths, n, true);
  }

  /** The payloads, for `payloadAt` in another thread (shared without a copy when the store is shared). */
  view(): PayloadView {
    const view = { chunks: [...this.bytes.chunks], starts: this.starts.subarray(0, this.n), lengths: this.lengths.subarray(0, this.n) };
    return this.names === undefined ? view : { ...view, fields: this.names.fields };
  }

  private place(i: number, address: number, length: number): void {
    if (i >= this.starts.length) {
      this.starts = grow(this.starts, i + 1);
      this.lengths = grow(this.lengths, i + 1);
    }
    this.starts[i] = address;
    this.lengths[i] = length;
    if (i >= this.n) this.n = i + 1;
  }
}
