/**
 * Interns strings (canonical identifier keys, record ids, names) into dense integer ids 0, 1, 2, …
 *
 * Why sharded: a single V8 `Map` throws once it holds 2^24 (16.7M) entries, and a 20M-row batch has tens of
 * millions of distinct keys. Strings are spread over 64 shards by a cheap hash, so each shard stays far below
 * the limit (64 × 2^24 ≈ 1G entries in all).
 *
 * @example
 * const keys = new KeyInterner();
 * keys.intern('e:john@gmail.com'); // 0
 * keys.intern('p:+971501234567');  // 1
 * keys.intern('e:john@gmail.com'); // 0
 * keys.keyOf(1);                   // 'p:+971501234567'
 */
export class KeyInterner {
  // perf: 64 shards keep every Map small enough to rehash cheaply and far below 2^24 entries.
  private static readonly SHARDS = 64;
  private readonly shards: Map<string, number>[];
  private readonly strings: string[] = [];

  constructor() {
    this.shards = Array.from({ length: KeyInterner.SHARDS }, () => new Map<string, number>());
  }

  /** Number of distinct strings interned so far. */
  get size(): number {
    return this.strings.length;
  }

  /** The id of `key`, assigning the next free id when it is new. */
  intern(key: string): number {
    const shard = this.shards[shardOf(key)]!;
    const found = shard.get(key);
    if (found !== undefined) return found;
    const id = this.strings.length;
    shard.set(key, id);
    this.strings.push(key);
    return id;
  }

  /** The id of `key`, or -1 when it was never interned. */
  get(key: string): number {
    return this.shards[shardOf(key)]!.get(key) ?? -1;
  }

  /** The string behind an id. */
  keyOf(id: number): string {
    const key = this.strings[id];
    if (key === undefined) throw new RangeError(`KeyInterner: no key with id ${id}`);
    return key;
  }
}

/** A cheap hash of up to 16 characters spread over the string; only decides the shard. */
function shardOf(key: string): number {
  const n = key.length;
  let h = n;
  // perf: sample at most 16 characters; keys share long prefixes ("e:", "p:+971"), so sample from the end too.
  const step = n > 16 ? (n >>> 4) : 1;
  for (let i = n - 1; i >= 0; i -= step) h = (h * 31 + key.charCodeAt(i)) | 0;
  return (h ^ (h >>> 7) ^ (h >>> 13)) & 63;
}
