/**
 * The one profile-id scheme, for the batch and the incremental resolver alike (docs/identity-over-time.md).
 *
 * A profile id is `P` + its **serial** in base 36, zero-padded to 8 digits. Serials are allocated, never derived
 * from the records, and never reused. The serial space is cut into **id ranges** of 2^40 serials, one per
 * writer of a lineage: the batch job (`--previous` chain) allocates in range 0; a resolver seeded from a batch
 * allocates in its own range (1 by default), so two writers continuing one lineage never hand out the same id.
 * 8,192 ranges of 1.1 × 10^12 ids each keep every serial a safe integer.
 */

/** Serials per id range. */
export const ID_RANGE_SIZE = 2 ** 40;
/** The largest id range (ranges 0 … MAX_ID_RANGE). */
export const MAX_ID_RANGE = 8191;

/** `P` + the serial in base 36, zero-padded to 8 digits. */
export function profileIdOfSerial(serial: number): string {
  return `P${serial.toString(36).padStart(8, '0')}`;
}

const BASE36 = Uint8Array.from('0123456789abcdefghijklmnopqrstuvwxyz', (ch) => ch.charCodeAt(0));

/**
 * Writes `profileIdOfSerial(serial)` as ASCII bytes into `into` at `at` (room for 12 bytes: `P` and at most 11
 * digits for a safe integer) and returns where it ends. perf: for writers of many lines (`mapping.csv`), no string
 * per id.
 */
export function writeProfileId(serial: number, into: Uint8Array, at: number): number {
  into[at++] = 80; // P
  let digits = 0;
  for (let v = serial; v > 0; v = Math.floor(v / 36)) digits++;
  const end = at + Math.max(8, digits);
  let v = serial;
  for (let j = end - 1; j >= at; j--) {
    const q = Math.floor(v / 36);
    into[j] = BASE36[v - 36 * q]!;
    v = q;
  }
  return end;
}

/** The serial behind a profile id, or -1 when it is not one (not `P` + base 36, or not canonical). */
export function serialOfProfileId(profileId: string): number {
  if (typeof profileId !== 'string' || !/^P[0-9a-z]{8,11}$/.test(profileId)) return -1;
  const s = Number.parseInt(profileId.slice(1), 36);
  return Number.isSafeInteger(s) && s > 0 && profileIdOfSerial(s) === profileId ? s : -1;
}

/** The id range a serial belongs to. */
export function rangeOfSerial(serial: number): number {
  return Math.floor(serial / ID_RANGE_SIZE);
}

/** The first serial of range `r` (serial 0 is never used). */
export function firstSerialOfRange(r: number): number {
  return r === 0 ? 1 : r * ID_RANGE_SIZE;
}

/** A checked id range: an integer in 0 … MAX_ID_RANGE, or a message saying what is wrong. */
export function checkIdRange(r: unknown): string | undefined {
  return Number.isInteger(r) && (r as number) >= 0 && (r as number) <= MAX_ID_RANGE ? undefined : `idRange: expected an integer from 0 to ${MAX_ID_RANGE}, got ${String(r)}`;
}

/**
 * An id allocator: the next serial of one range. Its state (`range`, `next`) is part of every output and
 * snapshot, so a lineage never hands out an id twice.
 */
export class SerialAllocator {
  constructor(
    readonly range: number,
    public next: number = firstSerialOfRange(range),
  ) {}

  allocate(): number {
    const s = this.next;
    if (s >= (this.range + 1) * ID_RANGE_SIZE) throw new Error(`id range ${this.range} is exhausted`);
    this.next = s + 1;
    return s;
  }
}
