import { ByteInterner } from '../_internal/ByteInterner.js';
import { GrowableArray } from '../_internal/GrowableArray.js';
import { firstSerialOfRange, ID_RANGE_SIZE, serialOfProfileId } from './profileIds.js';

/**
 * What a run continues from (`--previous`, option `previous`): the previous run's record → profile serial
 * assignment, each record's content fingerprint (to tell an edited record from an unchanged one) and its id
 * allocator. Compact (interned ids, typed columns): 20M records fit. Built from a previous output directory
 * (`readPreviousRun`), from a `resolve()` result (`result.run`), or record by record (`add`).
 */
export class PreviousRun {
  private readonly ids = new ByteInterner();
  private readonly serials = new GrowableArray(Float64Array, 1024);
  /** Two 32-bit halves per record; 0, 0 when unknown (then the record counts as unchanged). */
  private readonly fingerprints = new GrowableArray(Uint32Array, 2048);
  private maxSerial = 0;

  /**
   * @param idRange the id range the previous run allocated in (identity/profileIds)
   * @param nextSerial its allocator's next serial
   */
  constructor(
    readonly idRange: number = 0,
    private nextSerialIn: number = firstSerialOfRange(idRange),
  ) {
    if (!Number.isInteger(idRange) || idRange < 0) throw new RangeError(`PreviousRun: idRange ${idRange}`);
    if (!Number.isSafeInteger(nextSerialIn) || nextSerialIn < 1) throw new RangeError(`PreviousRun: nextSerial ${nextSerialIn}`);
  }

  /** Records of the previous run. */
  get size(): number {
    return this.ids.size;
  }

  /**
   * The next serial to allocate: the allocator's, and past every serial of the range seen in the records (ids
   * are never reused, even when the allocator state given was stale).
   */
  get nextSerial(): number {
    return Math.max(this.nextSerialIn, this.maxSerial + 1);
  }

  /**
   * Adds a record of the previous run. Returns a reason when it cannot be one: a profile id that is not `P` +
   * base 36, or a record id given twice.
   */
  add(recordId: string, profileId: string, fingerprintHi = 0, fingerprintLo = 0): string | undefined {
    const serial = serialOfProfileId(profileId);
    if (serial < 0) return `profile id "${profileId.slice(0, 40)}" is not one of idweave's (P + base 36)`;
    const before = this.ids.size;
    this.ids.intern(recordId);
    if (this.ids.size === before) return `record id "${recordId.slice(0, 80)}" appears twice`;
    this.serials.push(serial);
    this.fingerprints.push(fingerprintHi >>> 0);
    this.fingerprints.push(fingerprintLo >>> 0);
    if (Math.floor(serial / ID_RANGE_SIZE) === this.idRange && serial > this.maxSerial) this.maxSerial = serial;
    return undefined;
  }

  recordId(k: number): string {
    return this.ids.keyOf(k);
  }

  serial(k: number): number {
    return this.serials.get(k);
  }

  fingerprintHi(k: number): number {
    return this.fingerprints.get(2 * k);
  }

  fingerprintLo(k: number): number {
    return this.fingerprints.get(2 * k + 1);
  }
}
