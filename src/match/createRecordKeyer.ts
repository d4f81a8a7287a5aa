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
 * The keys of one record: `keys[0, count)` with their `kinds` and `groups`, and `weak[0, weakCount)`. Reused
 * between calls, arrays included (entries past the counts are stale); copy what you keep. perf: arrays emptied
 * (`length = 0`) and refilled for every record were given new backing stores each time: ~100 ns a record.
 * A key is `<prefix>:<canonical>`: `e:` email, `p:` phone, `l:<namespace>:` login, `h:` handle, `x:` external id.
 * `groups[i]` names the namespace a key is exclusive within (`l:global`, `h:instagram`, `x:loyalty`), or ''.
 */
export interface RecordKeys {
  readonly keys: readonly string[];
  readonly kinds: readonly KindCode[];
  readonly groups: readonly string[];
  readonly count: number;
  /**
   * Keys usable only as weaker evidence (they corroborate, never link alone): typo-corrected emails (`e:`), and
   * phones read as international only because they were invalid in the default region and that are not mobile
   * numbers (`p:`, see `PhoneLinkValue.weak`).
   */
  readonly weak: readonly string[];
  readonly weakCount: number;
}

/** The index of `key` in `list[0, n)`, or -1. */
function indexIn(list: readonly string[], n: number, key: string): number {
  for (let i = 0; i < n; i++) if (list[i] === key) return i;
  return -1;
}

/** Builds the keying function for one configuration: junk list and normalizer options compiled once. */
export function createRecordKeyer(options: ResolvedOptions): (record: CustomerRecord, stats: KeyStats) => RecordKeys {
  const junk = createJunkMatcher(options.junk);
  const phoneOptions = { defaultRegion: options.defaultRegion as never, junk };
  const plain = { junk };
  const out = { keys: [] as string[], kinds: [] as KindCode[], groups: [] as string[], count: 0, weak: [] as string[], weakCount: 0 };

  // Keys already added, once a record has many (a Set costs more than a scan for the usual handful).
  const many = new Set<string>();
  const add = (key: string, kind: KindCode, group: string): void => {
    const n = out.count;
    if (n < 16) {
      if (indexIn(out.keys, n, key) !== -1) return;
    } else {
      if (n === 16) for (let i = 0; i < n; i++) many.add(out.keys[i]!);
      if (many.has(key)) return;
      many.add(key);
    }
    out.keys[n] = key;
    out.kinds[n] = kind;
    out.groups[n] = group;
    out.count = n + 1;
  };
  const has = (key: string): boolean => (out.count <= 16 ? indexIn(out.keys, out.count, key) !== -1 : many.has(key));
  let weakPhones = 0;
  // Each weak key once per record (two typo'd addresses may correct to one): no reader de-duplicates again.
  const addWeak = (key: string): boolean => {
    if (indexIn(out.weak, out.weakCount, key) !== -1) return false;
    out.weak[out.weakCount++] = key;
    return true;
  };
  const addWeakPhone = (key: string): void => {
    if (addWeak(key)) weakPhones++;
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
        if (r.ok) add(`x:${r.value}`, KIND.externalId, `x:${r.namespace}`);
        else countFailure(stats, 'externalId', r);
      }
    }
    if (record.logins) {
      const ns = options.loginNamespace === 'source' ? (record.source ?? 'global') : 'global';
      for (const v of record.logins) {
        const r = normalizeLogin(v, plain);
        if (r.ok) add(`l:${ns}:${r.value}`, KIND.login, `l:${ns}`);
        else countFailure(stats, 'login', r);
      }
    }
    if (record.handles) {
      for (const h of record.handles) {
        const r = normalizeHandle(h.platform, h.handle, phoneOptions);
        if (!r.ok) countFailure(stats, 'handle', r);
        // A WhatsApp account is a phone number: it links as the phone it is, weak when the phone would be.
        else if (r.platform === 'whatsapp') {
          if (isWeakWhatsApp(h.handle, r.handle)) addWeakPhone(`p:${r.handle}`);
          else add(`p:${r.handle}`, KIND.phone, '');
        } else add(`h:${r.value}`, KIND.handle, `h:${r.platform}`);
      }
    }
    if (record.emails) {
      for (const v of record.emails) {
        const r = normalizeEmail(v, plain);
        if (!r.ok) {
          countFailure(stats, 'email', r);
          continue;
        }
        add(`e:${r.value}`, KIND.email, '');
        if (r.suggested !== undefined && options.fuzzyEmailDomains) addWeak(`e:${r.suggested}`);
      }
    }
    if (record.phones) {
      for (const v of record.phones) {
        const r = normalizePhoneForLinking(v, phoneOptions);
        if (!r.ok) countFailure(stats, 'phone', r);
        else if (r.weak) addWeakPhone(`p:${r.value}`);
        else add(`p:${r.value}`, KIND.phone, '');
      }
    }
    // A weak phone the record also holds as a strong key (`4936202565` and `+4936202565`) adds nothing.
    if (weakPhones > 0) {
      let w = 0;
      for (let i = 0; i < out.weakCount; i++) {
        const k = out.weak[i]!;
        if (!(k.startsWith('p:') && has(k))) out.weak[w++] = k;
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
