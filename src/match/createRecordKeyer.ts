import type { ResolvedOptions } from '../config/ResolveOptions.js';
import { createJunkMatcher } from '../normalize/junk/createJunkMatcher.js';
import { normalizeEmail } from '../normalize/email/normalizeEmail.js';
import { normalizeExternalId } from '../normalize/externalId/normalizeExternalId.js';
import { normalizeLogin } from '../normalize/login/normalizeLogin.js';
import { normalizePhone } from '../normalize/phone/normalizePhone.js';
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
 * The keys of one record. Reused between calls (perf: no allocation per record); copy what you keep.
 * A key is `<prefix>:<canonical>`: `e:` email, `p:` phone, `l:<namespace>:` login, `h:` handle, `x:` external id.
 * `groups[i]` names the namespace a key is exclusive within (`l:global`, `h:instagram`, `x:loyalty`), or ''.
 */
export interface RecordKeys {
  readonly keys: string[];
  readonly kinds: KindCode[];
  readonly groups: string[];
  /** Typo-corrected emails (`e:` keys) usable only as weaker evidence. */
  readonly weak: string[];
}

/** Builds the keying function for one configuration: junk list and normalizer options compiled once. */
export function createRecordKeyer(options: ResolvedOptions): (record: CustomerRecord, stats: KeyStats) => RecordKeys {
  const junk = createJunkMatcher(options.junk);
  const phoneOptions = { defaultRegion: options.defaultRegion as never, junk };
  const plain = { junk };
  const out = { keys: [] as string[], kinds: [] as KindCode[], groups: [] as string[], weak: [] as string[] };

  // Keys already added, once a record has many (a Set costs more than a scan for the usual handful).
  const many = new Set<string>();
  const add = (key: string, kind: KindCode, group: string): void => {
    const n = out.keys.length;
    if (n < 16) {
      if (out.keys.includes(key)) return;
    } else {
      if (n === 16) for (const k of out.keys) many.add(k);
      if (many.has(key)) return;
      many.add(key);
    }
    out.keys.push(key);
    out.kinds.push(kind);
    out.groups.push(group);
  };

  return (record, stats) => {
    out.keys.length = 0;
    out.kinds.length = 0;
    out.groups.length = 0;
    out.weak.length = 0;
    many.clear();

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
        // A WhatsApp account is a phone number: it links as the phone it is.
        else if (r.platform === 'whatsapp') add(`p:${r.handle}`, KIND.phone, '');
        else add(`h:${r.value}`, KIND.handle, `h:${r.platform}`);
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
        if (r.suggested !== undefined && options.fuzzyEmailDomains) out.weak.push(`e:${r.suggested}`);
      }
    }
    if (record.phones) {
      for (const v of record.phones) {
        const r = normalizePhone(v, phoneOptions);
        if (r.ok) add(`p:${r.value}`, KIND.phone, '');
        else countFailure(stats, 'phone', r);
      }
    }
    return out;
  };
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
  const value = key.slice(2);
  switch (key.charCodeAt(0)) {
    case 101 /* e */: return { kind: 'email', value };
    case 112 /* p */: return { kind: 'phone', value };
    case 108 /* l */: return { kind: 'login', value };
    case 104 /* h */: return { kind: 'handle', value };
    default: return { kind: 'externalId', value };
  }
}
