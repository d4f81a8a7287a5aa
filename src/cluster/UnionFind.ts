/**
 * Disjoint sets over record indices 0..n-1 in typed arrays, with a circular member list per set so a cluster's
 * records can be walked without a side index (the guards need that).
 *
 * Union by size, path halving. Which index ends up the root is an implementation detail: callers that need an
 * order-independent name for a cluster derive it from its members (see identity/succession).
 */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly sizes: Uint32Array;
  /** next[i] is the next member of i's set; the list is circular. */
  private readonly next: Int32Array;

  /**
   * `shared`: in shared memory, so threads linking disjoint records (`cluster/linkParts`) join sets in one
   * structure (`over`).
   */
  constructor(readonly count: number, shared = false, from?: UnionFindBuffers) {
    if (from !== undefined) {
      this.parent = from.parent;
      this.sizes = from.sizes;
      this.next = from.next;
      return;
    }
    const buffer = (bytes: number) => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
    this.parent = new Int32Array(buffer(4 * count));
    this.sizes = new Uint32Array(buffer(4 * count)).fill(1);
    this.next = new Int32Array(buffer(4 * count));
    for (let i = 0; i < count; i++) {
      this.parent[i] = i;
      this.next[i] = i;
    }
  }

  /** The arrays of a shared union-find, to hand to another thread (`over`). */
  buffers(): UnionFindBuffers {
    return { parent: this.parent, sizes: this.sizes, next: this.next };
  }

  /** A union-find over another's arrays (in another thread), as they are. */
  static over(b: UnionFindBuffers): UnionFind {
    return new UnionFind(b.parent.length, true, b);
  }

  find(i: number): number {
    const p = this.parent;
    while (p[i] !== i) {
      const gp = p[p[i]!]!;
      p[i] = gp;
      i = gp;
    }
    return i;
  }

  /** Size of the set whose root is `root`. */
  sizeOf(root: number): number {
    return this.sizes[root]!;
  }

  /** Join the sets of two roots; returns the new root. */
  unionRoots(a: number, b: number): number {
    if (a === b) return a;
    if (this.sizes[a]! < this.sizes[b]!) [a, b] = [b, a];
    this.parent[b] = a;
    this.sizes[a] = this.sizes[a]! + this.sizes[b]!;
    // Splice the two circular lists into one.
    const na = this.next[a]!;
    this.next[a] = this.next[b]!;
    this.next[b] = na;
    return a;
  }

  /** The next member of i's set (circular). */
  nextMember(i: number): number {
    return this.next[i]!;
  }

  /** Calls `visit` for every member of the set containing `i` (any member works as the start). */
  forEachMember(i: number, visit: (member: number) => void): void {
    let m = i;
    do {
      visit(m);
      m = this.next[m]!;
    } while (m !== i);
  }

  /** Root of every element, as one array (for handing clusters to the merge stage). */
  roots(): Int32Array {
    const out = new Int32Array(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.find(i);
    return out;
  }
}

/** The arrays of a `UnionFind` (shared memory when made `shared`). */
export interface UnionFindBuffers {
  readonly parent: Int32Array;
  readonly sizes: Uint32Array;
  readonly next: Int32Array;
}
