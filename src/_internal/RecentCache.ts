/**
 * A direct-mapped cache from a dense integer id to a value computed from it: one slot per `id & mask`, the last
 * id wins. For the linker's names and attribute strings, which live as UTF-8 bytes in an interner: decoding one
 * costs a Buffer slice and a UTF-8 decode, and the same few thousand names are compared again and again.
 * Bounded (`2^bits` slots), so it never grows with the data.
 */
export class RecentCache<T> {
  private readonly ids: Int32Array;
  private readonly values: (T | undefined)[];
  private readonly mask: number;

  constructor(private readonly compute: (id: number) => T, bits = 16) {
    this.ids = new Int32Array(1 << bits).fill(-1);
    this.values = new Array<T | undefined>(1 << bits).fill(undefined);
    this.mask = (1 << bits) - 1;
  }

  /** The value for `id`; a negative id is computed every time (-1 marks an empty slot). */
  get(id: number): T {
    if (id < 0) return this.compute(id);
    const slot = id & this.mask;
    if (this.ids[slot] === id) return this.values[slot]!;
    const v = this.compute(id);
    this.ids[slot] = id;
    this.values[slot] = v;
    return v;
  }
}
