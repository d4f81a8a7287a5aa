import type { ResolvedOptions } from '../config/ResolveOptions.js';
import { createJunkMatcher } from '../normalize/junk/createJunkMatcher.js';
import { normalizeEmail } from '../normalize/email/normalizeEmail.js';
import { normalizeExternalId } from '../normalize/externalId/normalizeExternalId.js';
import { normalizeLogin } from '../normalize/login/normalizeLogin.js';
import { normalizePhoneForLinking } from '../normalize/phone/normalizePhone.js';
import { normalizeHandle } from '../normalize/social/normalizeHandle.js';
import type { CustomerRecord, IdentifierKind, NormalizeFailure } from '../types.js';

/**
 * Kind codes double as link strength: lower links first. A loyalty card or CRM id is issued to one person, a
 * login is chosen by one person, a handle is public and personal, emails are sometimes shared (office, family)
 * and phones most often (households, front desks).
 */
export const KIND = { externalId: 0, login: 1, handle: 2, email: 3, phone: 4 } as const;
export type KindCode = (typeof KIND)[keyof typeof KIND];

/** Identifier problems seen while keying, for the report. */
export interface KeyStats {
  readonly invalid: Partial<Record<IdentifierKind, Record<string, number>>>;
  readonly junk: Partial<Record<IdentifierKind, number>>;
}

/**
 * The keys of one record: key i of `[0, count)` is `prefixes[i] + values[i]` (`keyText`), with its `kinds` and
 * `groups`; weak key i of `[0, weakCount)` is `weakPrefixes[i] + weakValues[i]` (`weakKeyText`). Reused between
 * calls, arrays included (entries past the counts are stale); copy what you keep. perf: arrays emptied
 * (`length = 0`) and refilled for every record were given new backing stores each time: ~100 ns a record. A key
 * is `<prefix><canonical>`, the prefix `e:` email, `p:` phone, `l:<namespace>:` login, `h:<platform>:` handle,
 * `x:<namespace>:` external id; kept apart from the value (one string per kind and namespace), so the key is
 * never built as a string on the batch's path: a concatenation is a rope that the writer had to flatten before
 * reading it (`PreparedChunkWriter.record` writes the two parts' bytes one after the other).
 * `groups[i]` names the namespace a key is exclusive within (`l:global`, `h:instagram`, `x:loyalty`), or ''.
 */
export interface RecordKeys {
  readonly prefixes: readonly string[];
  readonly values: readonly string[];
  readonly kinds: readonly KindCode[];
  readonly groups: readonly string[];
  readonly count: number;
  /**
   * Keys usable only as weaker evidence (they corroborate, never link alone): typo-corrected emails (`e:`), and
   * phones read as international only because they were invalid in the default region and that are not mobile
   * numbers (`p:`, see `PhoneLinkValue.weak`).
   */
  readonly weakPrefixes: readonly string[];
  readonly weakValues: readonly string[];
  readonly weakCount: number;
}

/** Key i of a record's keys as one string. */
export function keyText(k: RecordKeys, i: number): string {
  return k.prefixes[i]! + k.values[i]!;
}

/** Weak key i of a record's keys as one string. */
export function weakKeyText(k: RecordKeys, i: number): string {
  return k.weakPrefixes[i]! + k.weakValues[i]!;
}

/** The index of key `prefix + value` in `prefixes`/`values` `[0, n)`, or -1. */
function indexIn(prefixes: readonly string[], values: readonly string[], n: number, prefix: string, value: string): number {
  for (let i = 0; i < n; i++) if (values[i] === value && prefixes[i] === prefix) return i;
  return -1;
}

/** The prefix and group strings of one kind, one pair per namespace (made once: see `RecordKeys`). */
class NamespacePrefixes {
  private readonly byNamespace = new Map<string, { readonly prefix: string; readonly group: string }>();
  constructor(private readonly kind: string) {}
  get(ns: string): { readonly prefix: string; readonly group: string } {
    let p = this.byNamespace.get(ns);
    if (p === undefined) {
      // A hostile file may give every row its own namespace (logins by source): the table stays small.
      if (this.byNamespace.size >= 1024) this.byNamespace.clear();
      this.byNamespace.set(ns, (p = { prefix: `${this.kind}:${ns}:`, group: `${this.kind}:${ns}` }));
    }
    return p;
  }
}

/** Builds the keying function for one configuration: junk list and normalizer options compiled once. */
export function createRecordKeyer(options: ResolvedOptions): (record: CustomerRecord, stats: KeyStats) => RecordKeys {
  const junk = createJunkMatcher(options.junk);
  const phoneOptions = { defaultRegion: options.defaultRegion as never, junk };
  const plain = { junk };
  const out = {
    prefixes: [] as string[],
    values: [] as string[],
    kinds: [] as KindCode[],
    groups: [] as string[],
    count: 0,
    weakPrefixes: [] as string[],
    weakValues: [] as string[],
    weakCount: 0,
  };
  const external = new NamespacePrefixes('x');
  const login = new NamespacePrefixes('l');
  const handle = new NamespacePrefixes('h');

  // Keys already added, once a record has many (a Set costs more than a scan for the usual handful).
  const many = new Set<string>();
  const add = (prefix: string, value: string, kind: KindCode, group: string): void => {
    const n = out.count;
    if (n < 16) {
      if (indexIn(out.prefixes, out.values, n, prefix, value) !== -1) return;
    } else {
      if (n === 16) for (let i = 0; i < n; i++) many.add(keyText(out, i));
      const key = prefix + value;
      if (many.has(key)) return;
      many.add(key);
    }
    out.prefixes[n] = prefix;
    out.values[n] = value;
    out.kinds[n] = kind;
    out.groups[n] = group;
    out.count = n + 1;
  };
  const has = (prefix: string, value: string): boolean => (out.count <= 16 ? indexIn(out.prefixes, out.values, out.count, prefix, value) !== -1 : many.has(prefix + value));
  let weakPhones = 0;
  // Each weak key once per record (two typo'd addresses may correct to one): no reader de-duplicates again.
  const addWeak = (prefix: string, value: string): boolean => {
    if (indexIn(out.weakPrefixes, out.weakValues, out.weakCount, prefix, value) !== -1) return false;
    out.weakPrefixes[out.weakCount] = prefix;
    out.weakValues[out.weakCount++] = value;
    return true;
  };
  const addWeakPhone = (value: string): void => {
    if (addWeak(PHONE, value)) weakPhones++;
  };

  return (record, stats) => {
    out.count = 0;
    out.weakCount = 0;
    // perf: only when used: `Set#clear` allocates a new table even for an empty Set, and called for every record
    // it was 3/4 of this function's own time (~0.4 µs a record).
    if (many.size > 0) many.clear();
    weakPhones = 0;

    if (record.externalIds) {
      for (const x of record.externalIds) {
        const r = normalizeExternalId(x.namespace, x.value, plain);
        if (r.ok) {
          const p = external.get(r.namespace);
          add(p.prefix, r.id, KIND.externalId, p.group);
        } else countFailure(stats, 'externalId', r);
      }
    }
    if (record.logins) {
      const p = login.get(options.loginNamespace === 'source' ? (record.source ?? 'global') : 'global');
      for (const v of record.logins) {
        const r = normalizeLogin(v, plain);
        if (r.ok) add(p.prefix, r.value, KIND.login, p.group);
        else countFailure(stats, 'login', r);
      }
    }
    if (record.handles) {
      for (const h of record.handles) {
        const r = normalizeHandle(h.platform, h.handle, phoneOptions);
        if (!r.ok) countFailure(stats, 'handle', r);
        // A WhatsApp account is a phone number: it links as the phone it is, weak when the phone would be.
        else if (r.platform === 'whatsapp') {
          if (isWeakWhatsApp(h.handle, r.handle)) addWeakPhone(r.handle);
          else add(PHONE, r.handle, KIND.phone, '');
        } else {
          const p = handle.get(r.platform);
          add(p.prefix, r.handle, KIND.handle, p.group);
        }
      }
    }
    if (record.emails) {
      for (const v of record.emails) {
        const r = normalizeEmail(v, plain);
        if (!r.ok) {
          countFailure(stats, 'email', r);
          continue;
        }
        add(EMAIL, r.value, KIND.email, '');
        if (r.suggested !== undefined && options.fuzzyEmailDomains) addWeak(EMAIL, r.suggested);
      }
    }
    if (record.phones) {
      for (const v of record.phones) {
        const r = normalizePhoneForLinking(v, phoneOptions);
        if (!r.ok) countFailure(stats, 'phone', r);
        else if (r.weak) addWeakPhone(r.value);
        else add(PHONE, r.value, KIND.phone, '');
      }
    }
    // A weak phone the record also holds as a strong key (`4936202565` and `+4936202565`) adds nothing.
    if (weakPhones > 0) {
      let w = 0;
      for (let i = 0; i < out.weakCount; i++) {
        const prefix = out.weakPrefixes[i]!;
        const value = out.weakValues[i]!;
        if (prefix === PHONE && has(PHONE, value)) continue;
        out.weakPrefixes[w] = prefix;
        out.weakValues[w++] = value;
      }
      out.weakCount = w;
    }
    return out;
  };

  /**
   * Whether a WhatsApp handle is a weak phone. `normalizeHandle` keeps only the E.164 number, so the number as typed
   * is asked again (a cache hit: `normalizeHandle` just normalized it). Only a bare number can be inferred: a
   * `wa.me/…` link is international and fails here (not phone-shaped), so it stays strong, as do forms the phone
   * normalizer does not read itself (`whatsapp:4936202565`).
   */
  function isWeakWhatsApp(typed: string, e164: string): boolean {
    const p = normalizePhoneForLinking(typed, phoneOptions);
    return p.ok && p.weak && p.value === e164;
  }
}

function countFailure(stats: KeyStats, kind: IdentifierKind, failure: NormalizeFailure): void {
  if (failure.reason === 'empty') return;
  if (failure.reason === 'junk_value') {
    stats.junk[kind] = (stats.junk[kind] ?? 0) + 1;
    return;
  }
  const byReason = (stats.invalid[kind] ??= {});
  byReason[failure.reason] = (byReason[failure.reason] ?? 0) + 1;
}

const EMAIL = 'e:';
const PHONE = 'p:';

/** The kind and canonical value behind a key string (`e:x` → email `x`, `l:global:x` → login `global:x`). */
export function describeKey(key: string): { kind: IdentifierKind; value: string } {
  return { kind: kindOfKeyText(key.charCodeAt(0)), value: key.slice(2) };
}

/** The kind a key names by the character code of its prefix (the value follows the two characters `e:`). */
export function kindOfKeyText(prefix: number): IdentifierKind {
  switch (prefix) {
    case 101 /* e */: return 'email';
    case 112 /* p */: return 'phone';
    case 108 /* l */: return 'login';
    case 104 /* h */: return 'handle';
    default: return 'externalId';
  }
}

/** The kind code of a key (or group) by the character code of its prefix (`x` `l` `h` `e` `p`), or -1. */
export function kindOfKeyPrefix(charCode: number): KindCode | -1 {
  switch (charCode) {
    case 0x78: return KIND.externalId;
    case 0x6c: return KIND.login;
    case 0x68: return KIND.handle;
    case 0x65: return KIND.email;
    case 0x70: return KIND.phone;
    default: return -1;
  }
}

/** Kinds a weak key may have: a typo-corrected email, a phone read as international by inference. */
export function isWeakKind(kind: number): boolean {
  return kind === KIND.email || kind === KIND.phone;
}
