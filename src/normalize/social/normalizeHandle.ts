import type { CountryCode } from 'libphonenumber-js/max';
import { defaultJunkMatcher, type JunkMatcher } from '../junk/createJunkMatcher.js';
import { hasNonAscii } from '../_internal/hasNonAscii.js';
import { stripInvisible } from '../_internal/stripInvisible.js';
import { normalizePhone } from '../phone/normalizePhone.js';
import type { NormalizeFailure, NormalizeHandleResult, Platform } from '../../types.js';
import { PLATFORM_ALIASES, PLATFORM_BY_HOST, PLATFORMS, type PlatformRule } from './platforms.js';

export interface NormalizeHandleOptions {
  /** Region of WhatsApp numbers written without a country code. Default `AE`. */
  readonly defaultRegion?: CountryCode;
  /** Junk list to apply (kind `handle`, on the bare handle; WhatsApp numbers use kind `phone`). */
  readonly junk?: JunkMatcher;
}

/** Longest raw input looked at, checked before any regex: a profile URL with tracking parameters fits easily. */
export const MAX_HANDLE_INPUT = 256;

// perf: failures that do not depend on the input are allocated once.
const EMPTY: NormalizeFailure = Object.freeze({ ok: false, reason: 'empty', detail: undefined });
const TOO_LONG: NormalizeFailure = Object.freeze({ ok: false, reason: 'too_long', detail: `over ${MAX_HANDLE_INPUT} characters` });
const JUNK: NormalizeFailure = Object.freeze({ ok: false, reason: 'junk_value', detail: undefined });
const NOT_A_STRING: NormalizeFailure = Object.freeze({ ok: false, reason: 'invalid_handle', detail: 'not a string' });

/** `http://`, `https://` (any case). */
const SCHEME = /^https?:\/\//i;
/** Subdomains that are not part of the site: `www.`, mobile and web front ends, language/country (`ae.linkedin.com`). */
const SUBDOMAIN = /^(?:www\.|m\.|mobile\.|web\.|touch\.|api\.|[a-z]{2}(?:-[a-z]{2})?\.)/;

/**
 * Normalizes a social handle to a platform-scoped key `platform:handle` (spec §2 "Social handle") from `@name`,
 * `name` or a profile URL of that platform, applying the platform's character and case rules (`platforms.ts`).
 *
 * - Platform names are trimmed and lower-cased; aliases: `x` → `twitter`, `ig`/`insta`, `fb`, `tg`, `yt`, `snap`, `wa`.
 *   Anything else → `unknown_platform`.
 * - URLs with or without scheme, `www.`/`m.`/`mobile.` and country subdomains; query strings, fragments and
 *   trailing slashes dropped: `https://www.instagram.com/name/?hl=en`, `instagr.am/name`, `mobile.twitter.com/name`,
 *   `x.com/name`, `tiktok.com/@name`, `facebook.com/name`, `fb.com/name`, `facebook.com/profile.php?id=123`,
 *   `snapchat.com/add/name`, `linkedin.com/in/name`, `youtube.com/@name` (also `/c/`, `/user/`, `/channel/`),
 *   `t.me/name`, `telegram.me/name`, `wa.me/971501234567`.
 * - A URL of another platform (`x.com/name` in the instagram column), an unknown site or a site page
 *   (`instagram.com/p/…`, `x.com/home`, `/intent/…`, `/share…`) → `invalid_handle` with a detail.
 * - WhatsApp: the handle is a phone number, normalized by `normalizePhone` (value `whatsapp:+971501234567`).
 * - Junk (`n/a`, `@null`, `@test`) → `junk_value`, tested on the bare handle with kind `handle`.
 * - The canonical value is accepted back: `normalizeHandle('instagram', 'instagram:foo.bar')` is `instagram:foo.bar`.
 *
 * Never throws.
 *
 * @example
 * normalizeHandle('instagram', 'https://www.instagram.com/Nour.Saleh/?hl=en')
 * // { ok: true, value: 'instagram:nour.saleh', raw: '…', platform: 'instagram', handle: 'nour.saleh' }
 * normalizeHandle('x', '@Omar_K') // { ok: true, value: 'twitter:omar_k', … }
 * normalizeHandle('whatsapp', 'wa.me/971501234567') // { ok: true, value: 'whatsapp:+971501234567', handle: '+971501234567', … }
 */
export function normalizeHandle(platform: string, input: string, options?: NormalizeHandleOptions): NormalizeHandleResult {
  if (typeof platform !== 'string' || typeof input !== 'string') return NOT_A_STRING;
  const p = platformOf(platform);
  if (p === undefined) {
    return { ok: false, reason: 'unknown_platform', detail: `unknown platform "${platform.slice(0, 40)}"` };
  }
  if (input.length > MAX_HANDLE_INPUT) return TOO_LONG;
  let s = input.trim();
  if (s.length !== 0 && hasNonAscii(s)) s = stripInvisible(s).trim();
  if (s.length === 0) return EMPTY;
  const junk = options?.junk ?? defaultJunkMatcher;
  const rule = PLATFORMS.get(p)!;

  // The canonical value given back (`instagram:foo`): drop our own prefix.
  if (s.length > p.length && s.charCodeAt(p.length) === 0x3a /* : */ && s.slice(0, p.length).toLowerCase() === p) {
    s = s.slice(p.length + 1);
  }

  const bare = extract(s, rule);
  if (typeof bare !== 'string') return bare;
  if (p === 'whatsapp') return whatsapp(bare, input, options?.defaultRegion ?? 'AE', junk);
  return finish(rule, bare, input, junk);
}

/** Platform name → canonical platform. perf: the exact canonical name (the usual column) is looked up untouched. */
function platformOf(platform: string): Platform | undefined {
  return PLATFORM_ALIASES.get(platform) ?? PLATFORM_ALIASES.get(platform.trim().toLowerCase());
}

/**
 * The name part of `s` with its path prefix (`c/name`, `in/name`, `@name`, `name`): from a URL of this platform, or the
 * input itself. A failure for URLs of other sites and for site pages.
 */
function extract(s: string, rule: PlatformRule): string | NormalizeFailure {
  const schemeless = s.replace(SCHEME, '');
  const hadScheme = schemeless.length !== s.length;
  const slash = schemeless.indexOf('/');
  const first = (slash === -1 ? schemeless : schemeless.slice(0, slash)).toLowerCase();
  const host = hostOf(first);
  const isUrl = hadScheme || PLATFORM_BY_HOST.has(host) || (slash !== -1 && first.includes('.') && !first.startsWith('@'));
  if (!isUrl) return s;

  const site = PLATFORM_BY_HOST.get(host);
  if (site === undefined) return invalid(`not a profile URL of ${rule.platform} (${host.slice(0, 40)})`);
  if (site !== rule.platform) return invalid(`a ${site} URL in the ${rule.platform} column`);
  let rest = slash === -1 ? '' : schemeless.slice(slash + 1);

  // facebook.com/profile.php?id=100004123456789: the user is in the query string.
  if (rule.platform === 'facebook') {
    const id = FACEBOOK_PROFILE_ID.exec(rest);
    if (id !== null) return id[1]!;
    const people = FACEBOOK_PEOPLE.exec(rest);
    if (people !== null) return people[1]!;
  }
  // api.whatsapp.com/send?phone=971501234567, wa.me/971501234567?text=…
  if (rule.platform === 'whatsapp') {
    const phone = WHATSAPP_PHONE.exec(rest);
    if (phone !== null) return `+${phone[1]!}`;
    const digits = WA_ME.exec(rest);
    return digits !== null ? `+${digits[1]!}` : invalid('not a WhatsApp chat link');
  }
  rest = rest.replace(QUERY_OR_FRAGMENT, '');
  if (rest.includes('%')) rest = safeDecode(rest);
  while (rest.endsWith('/')) rest = rest.slice(0, -1);
  if (rest.length === 0) return invalid('URL without a user name');
  const segment = rest.split('/', 1)[0]!.toLowerCase();
  if (rule.reserved.has(segment)) return invalid(`"${segment.slice(0, 40)}" is a page of ${rule.platform}, not a user`);
  if (rule.platform === 'linkedin' && !segment.startsWith('in')) return invalid('not a linkedin.com/in/ profile URL');
  // Paths with a prefix keep it (`in/name`, `c/name`): `finish` reads it. Only the name's own segment is kept:
  // `linkedin.com/in/name/en` → `in/name`, `instagram.com/name/tagged` → `name`.
  for (const pr of rule.paths) {
    if (pr.prefix !== '' && rest.toLowerCase().startsWith(pr.prefix)) {
      const name = rest.slice(pr.prefix.length).split('/', 1)[0]!;
      return pr.prefix + name;
    }
  }
  if (rule.platform === 'tiktok') return invalid('not a tiktok.com/@name profile URL');
  return rest.split('/', 1)[0]!;
}

const FACEBOOK_PROFILE_ID = /^profile\.php\?(?:[^#]*&)?id=(\d{1,20})(?:[&#]|$)/i;
const FACEBOOK_PEOPLE = /^people\/[^/?#]+\/(\d{5,20})(?:[/?#]|$)/i;
const WHATSAPP_PHONE = /^send\/?\?(?:[^#]*&)?phone=\+?(\d{6,15})(?:[&#]|$)/i;
const WA_ME = /^\+?(\d{6,15})\/?(?:[?#]|$)/;
const QUERY_OR_FRAGMENT = /[?#].*$/s;

/** The registrable host: lower case, no port, no `www.`/`m.`/`mobile.`/country subdomain. */
function hostOf(first: string): string {
  let host = first;
  const colon = host.indexOf(':');
  if (colon !== -1) host = host.slice(0, colon);
  if (PLATFORM_BY_HOST.has(host)) return host;
  const stripped = host.replace(SUBDOMAIN, '');
  return stripped;
}

/** Case and character rules of the platform, then junk. */
function finish(rule: PlatformRule, name: string, raw: string, junk: JunkMatcher): NormalizeHandleResult {
  let body = name;
  let pathRule = rule.paths[rule.paths.length - 1]!;
  const lower = name.toLowerCase();
  for (const pr of rule.paths) {
    if (pr.prefix !== '' && lower.startsWith(pr.prefix)) {
      pathRule = pr;
      body = name.slice(pr.prefix.length);
      break;
    }
  }
  // A bare `@name` (or `name`) in the main name space; `@` is also the TikTok/YouTube URL prefix, handled above.
  if (body.charCodeAt(0) === 0x40 /* @ */ && pathRule.keyPrefix === '') body = body.slice(1);
  let handle = pathRule.fold ? body.toLowerCase() : body;
  if (rule.dropDots && !isDigits(handle)) handle = handle.replaceAll('.', '');
  if (junk.isJunk('handle', handle)) return JUNK;
  if (!pathRule.pattern.test(handle)) return invalid(`not a valid ${rule.platform} ${pathRule.keyPrefix === '' ? 'handle' : pathRule.keyPrefix.slice(0, -1)}`);
  const key = pathRule.keyPrefix + handle;
  return { ok: true, value: `${rule.platform}:${key}`, raw, platform: rule.platform, handle: key };
}

/** A WhatsApp account is its phone number: E.164 from `normalizePhone` (`wa.me` numbers are international). */
function whatsapp(bare: string, raw: string, region: CountryCode, junk: JunkMatcher): NormalizeHandleResult {
  const phone = normalizePhone(bare, { defaultRegion: region, junk });
  if (!phone.ok) {
    if (phone.reason === 'invalid_phone') return invalid(`not a phone number (${phone.detail ?? 'invalid'})`);
    return phone;
  }
  return { ok: true, value: `whatsapp:${phone.value}`, raw, platform: 'whatsapp', handle: phone.value };
}

function invalid(detail: string): NormalizeFailure {
  return { ok: false, reason: 'invalid_handle', detail };
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return s.length > 0;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
