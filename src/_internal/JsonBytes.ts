import { CHUNK_BASE } from './chunkString.js';
import type { PayloadNames } from './PayloadNames.js';
import { ISO_AFTER, ISO_WIDTHS, isoTimeParts } from './isoTime.js';

/**
 * One JSON text built straight as UTF-8 bytes: punctuation, numbers, and strings copied from UTF-8 bytes already
 * stored (interned ids and keys, payloads), escaped as `JSON.stringify` escapes them, never decoded to a string.
 * It counts the text's length in UTF-16 code units (`chars`), the unit `LineCutter` cuts lines by, so a text
 * built here is cut exactly as its string would be.
 *
 * perf: `resolver.ndjson` writes 20M records, 20M keys and 8M names at MAF scale. Decoding each stored string,
 * quoting it with `JSON.stringify`, joining the parts and encoding the result again was 60% of that stage.
 *
 * The bytes copied must be valid UTF-8 (everything a `ByteSlab` holds was encoded from JS strings), so copying them
 * writes what decoding and re-encoding would.
 */
export class JsonBytes {
  private buf = new Uint8Array(1024);
  /** `buf` as a view for whole-word writes (`text`). */
  private words = new DataView(this.buf.buffer);
  /** Bytes used. */
  length = 0;
  /** The text's length in UTF-16 code units. */
  chars = 0;

  /** Starts a new text. */
  reset(): void {
    this.length = 0;
    this.chars = 0;
  }

  /** The text so far (valid until the next change). */
  get bytes(): Uint8Array {
    return this.buf;
  }

  /** Appends an ASCII string (punctuation, digits, literals) as it is. */
  ascii(s: string): void {
    this.reserve(s.length);
    const buf = this.buf;
    let at = this.length;
    for (let i = 0; i < s.length; i++) buf[at++] = s.charCodeAt(i);
    this.length = at;
    this.chars += s.length;
  }

  /**
   * Appends a piece of JSON text encoded once (`jsonText`), as it is. perf: four bytes a write (~2.4x a byte loop
   * for the 10-25-byte pieces a profile line is mostly made of; `set` costs more than it copies at that size).
   * The last word may write up to 3 bytes past the piece: room is reserved for them, and they lie beyond `length`.
   */
  text(t: JsonText): void {
    const words = t.words;
    this.reserve(4 * words.length);
    const view = this.words;
    const at = this.length;
    for (let i = 0; i < words.length; i++) view.setInt32(at + 4 * i, words[i]!, true);
    this.length = at + t.bytes.length;
    this.chars += t.chars;
  }

  /** Appends JSON text already written, the UTF-8 bytes `src[from, to)`, as it is. */
  raw(src: Uint8Array, from: number, to: number): void {
    this.reserve(to - from);
    const buf = this.buf;
    let at = this.length;
    let chars = 0;
    for (let i = from; i < to; i++) {
      const b = src[i]!;
      buf[at++] = b;
      if ((b & 0xc0) !== 0x80) chars += b >= 0xf0 ? 2 : 1;
    }
    this.length = at;
    this.chars += chars;
  }

  /** Appends one ASCII character by its code. */
  char(c: number): void {
    this.reserve(1);
    this.buf[this.length++] = c;
    this.chars++;
  }

  /** Appends a number as `JSON.stringify` writes it (NaN and infinities as `null`, -0 as `0`). */
  number(x: number): void {
    // perf: nearly every number here is an integer (ids, serials, kinds, -1 for none, times in ms): digits without
    // a string.
    if (Number.isSafeInteger(x)) {
      if (x < 0) this.char(45);
      this.integer(Math.abs(x));
      return;
    }
    // perf: a weight and its parts (`evidence.ndjson`) have at most two decimals. Such a number is the double
    // nearest k/100, and below 1e13 (k exact, an ulp under 0.01) no shorter decimal reads back as it, so
    // JSON.stringify writes k/100's digits.
    if (x > -1e13 && x < 1e13) {
      const k = Math.round(x * 100);
      if (k / 100 === x) {
        if (x < 0) this.char(45);
        const v = Math.abs(k);
        const whole = Math.floor(v / 100);
        const cents = v - whole * 100;
        this.integer(whole);
        this.char(46);
        const tenths = (cents / 10) | 0;
        this.char(48 + tenths);
        if (cents !== tenths * 10) this.char(48 + cents - tenths * 10);
        return;
      }
    }
    this.ascii(Number.isFinite(x) ? String(x) : 'null');
  }

  /**
   * Appends a non-negative safe integer's decimal digits. One past 32 bits (a time in ms, ~1.7e12) is written as
   * two parts of at most nine digits each.
   */
  private integer(v: number): void {
    if (v < 1e9) {
      this.fixedDigits(v, v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : v < 100000 ? 5 : v < 1000000 ? 6 : v < 10000000 ? 7 : v < 100000000 ? 8 : 9);
      return;
    }
    // v < 2^53, so hi < 2^24 and hi * 1e9 is exact; the division may round up by one, which lo shows.
    let hi = Math.floor(v / 1e9);
    let lo = v - hi * 1e9;
    if (lo < 0) {
      hi--;
      lo += 1e9;
    }
    this.integer(hi);
    this.fixedDigits(lo, 9);
  }

  private fixedDigits(v: number, n: number): void {
    this.reserve(n);
    digits(this.buf, this.length, v, n);
    this.length += n;
    this.chars += n;
  }

  /** Appends `new Date(time).toISOString()` for a valid time (`isoTime`), without a string. */
  isoTime(time: number): void {
    if (!isoTimeParts(time, timeParts)) {
      this.ascii(new Date(time).toISOString());
      return;
    }
    this.reserve(24);
    const b = this.buf;
    let at = this.length;
    for (let i = 0; i < ISO_WIDTHS.length; i++) {
      digits(b, at, timeParts[i]!, ISO_WIDTHS[i]!);
      at += ISO_WIDTHS[i]!;
      b[at++] = ISO_AFTER.charCodeAt(i);
    }
    this.length += 24;
    this.chars += 24;
  }

  /**
   * Appends the UTF-8 text `src[from, to)` as a JSON string: quoted and escaped; after `prefix` inside the quotes
   * when given (ASCII that needs no escape, such as `email:`).
   */
  string(src: Uint8Array, from: number, to: number, prefix = ''): void {
    this.escaped(src, from, to, prefix, JSON_ESCAPES);
  }

  /**
   * Appends as a JSON string the UTF-8 text of `length` bytes at `address` of `chunks` (see `CHUNK_BASE`), its first
   * `skip` bytes left out and `prefix` put before it (see `string`).
   */
  chunkString(chunks: readonly Uint8Array[], address: number, length: number, skip = 0, prefix = ''): void {
    const chunk = Math.floor(address / CHUNK_BASE);
    const offset = address - chunk * CHUNK_BASE;
    this.string(chunks[chunk]!, offset + skip, offset + length, prefix);
  }

  /**
   * Appends as a JSON string a stored payload, `length` bytes at `address` of `chunks`, its field name tokens written
   * out (`PayloadNames`): `JSON.stringify` of the text the payload stands for. A payload holds no other byte below
   * 0x20 (JSON text escapes them), and a byte that is no token of `names` is escaped as any control character is.
   */
  payloadString(chunks: readonly Uint8Array[], address: number, length: number, names: PayloadNames): void {
    const chunk = Math.floor(address / CHUNK_BASE);
    const offset = address - chunk * CHUNK_BASE;
    this.escaped(chunks[chunk]!, offset, offset + length, '', names.escapes);
  }

  /** `src[from, to)` as a JSON string, after `prefix`, each byte below 0x20 written as `control` says. */
  private escaped(src: Uint8Array, from: number, to: number, prefix: string, control: ControlEscapes): void {
    this.reserve(control.widest * (to - from) + 2 + prefix.length);
    const buf = this.buf;
    const text = control.bytes;
    const starts = control.starts;
    const units = control.chars;
    let at = this.length;
    let chars = 2 + prefix.length;
    buf[at++] = 34;
    for (let i = 0; i < prefix.length; i++) buf[at++] = prefix.charCodeAt(i);
    for (let i = from; i < to; i++) {
      const b = src[i]!;
      if (b >= 0x20 && b !== 34 && b !== 92) {
        buf[at++] = b;
        // A UTF-16 unit per character (a continuation byte starts none); two for one of four bytes.
        if ((b & 0xc0) !== 0x80) chars += b >= 0xf0 ? 2 : 1;
      } else if (b < 0x20) {
        for (let j = starts[b]!, end = starts[b + 1]!; j < end; j++) buf[at++] = text[j]!;
        chars += units[b]!;
      } else {
        // `\"` or `\\`.
        buf[at++] = 92;
        buf[at++] = b;
        chars += 2;
      }
    }
    buf[at++] = 34;
    this.length = at;
    this.chars += chars;
  }

  private reserve(bytes: number): void {
    const need = this.length + bytes;
    if (need <= this.buf.length) return;
    const next = new Uint8Array(Math.max(2 * this.buf.length, need));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.words = new DataView(next.buffer);
  }
}

/**
 * A piece of JSON text encoded once, for `JsonBytes.text`: punctuation and names a writer repeats on every line
 * (perf: `ascii` reads a string's characters one by one on every call; a profile line writes ~20 such pieces).
 */
export interface JsonText {
  readonly bytes: Uint8Array;
  /** `bytes` as little-endian 32-bit words, the last padded with zeros. */
  readonly words: Int32Array;
  /** Its length in UTF-16 code units. */
  readonly chars: number;
}

/** `text` (JSON text, already escaped) as a `JsonText`. */
export function jsonText(text: string): JsonText {
  const bytes = new TextEncoder().encode(text);
  const padded = new Uint8Array(4 * Math.ceil(bytes.length / 4));
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  const words = new Int32Array(padded.length / 4);
  for (let i = 0; i < words.length; i++) words[i] = view.getInt32(4 * i, true);
  return { bytes, words, chars: text.length };
}

const timeParts = new Int32Array(7);

/** Writes `value` as `width` decimal digits (zero-padded) at `at`. */
function digits(b: Uint8Array, at: number, value: number, width: number): void {
  // perf: two digits a division (a dependent chain of divisions was most of writing a 13-digit time).
  let v = value;
  let i = at + width - 1;
  for (; i > at; i -= 2) {
    const q = (v / 100) | 0;
    const pair = 2 * (v - 100 * q);
    b[i - 1] = DIGIT_PAIRS[pair]!;
    b[i] = DIGIT_PAIRS[pair + 1]!;
    v = q;
  }
  if (i === at) b[at] = 48 + v - 10 * ((v / 10) | 0);
}

/** The two ASCII digits of 0 to 99, at 2·n and 2·n + 1. */
const DIGIT_PAIRS = Uint8Array.from({ length: 200 }, (_, i) => 48 + (i % 2 === 0 ? Math.floor(i / 20) : (i >> 1) % 10));

/**
 * What each byte below 0x20 is written as inside a JSON string (`JsonBytes.escaped`): `bytes[starts[b], starts[b +
 * 1])`, `chars[b]` UTF-16 units; `widest`, the most bytes any byte of a text becomes (at least 6: `\u00XX`).
 */
export interface ControlEscapes {
  readonly bytes: Uint8Array;
  readonly starts: Int32Array;
  readonly chars: Int32Array;
  readonly widest: number;
}

/** `ControlEscapes` from what each byte below 0x20 becomes, as the text inside a JSON string's quotes. */
export function controlEscapes(textOf: (b: number) => string): ControlEscapes {
  const texts = Array.from({ length: 0x20 }, (_, b) => textOf(b));
  const encoded = texts.map((t) => Buffer.from(t, 'utf8'));
  const starts = new Int32Array(0x21);
  for (let b = 0; b < 0x20; b++) starts[b + 1] = starts[b]! + encoded[b]!.length;
  return { bytes: Buffer.concat(encoded), starts, chars: Int32Array.from(texts, (t) => t.length), widest: Math.max(6, ...encoded.map((t) => t.length)) };
}

/** Control characters as `JSON.stringify` escapes them (`\n`, `\u0001`). */
const JSON_ESCAPES = controlEscapes((b) => JSON.stringify(String.fromCharCode(b)).slice(1, -1));
