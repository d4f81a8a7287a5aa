import type { CountryCode } from 'libphonenumber-js';
import { defaultJunkMatcher, type JunkMatcher } from '../junk/createJunkMatcher.js';
import { normalizePhone } from '../phone/normalizePhone.js';
import type { NormalizeHandleResult, Platform } from '../../types.js';
import { PLATFORM_ALIASES, PLATFORMS, type PlatformRule } from './platforms.js';

export interface NormalizeHandleOptions {
  /** For WhatsApp numbers written without a country code. Default `AE`. */
  readonly defaultRegion?: CountryCode;
  readonly junk?: JunkMatcher;
}

const MAX_INPUT = 512;
const SCHEME = /^(?:https?:\/\/)?(?:www\.|m\.|mobile\.|web\.)?/i;

/**
 * Normalizes a social handle to a platform-scoped key `platform:handle` from `@name`, `name` or a profile URL
 * (`https://www.instagram.com/name/`, `x.com/name`, `tiktok.com/@name`, `facebook.com/profile.php?id=123`,
 * `linkedin.com/in/name`, `youtube.com/@name`, `t.me/name`, `wa.me/971501234567`), applying each platform's
 * character and case rules (see platforms.ts). `x` is `twitter`. A WhatsApp handle is a phone number in E.164.
 *
 * @example normalizeHandle('instagram', 'https://www.instagram.com/Nour.Saleh/?hl=en') // value 'instagram:nour.saleh'
 */
export function normalizeHandle(platform: string, input: string, options: NormalizeHandleOptions = {}): NormalizeHandleResult {
  if (typeof platform !== 'string' || typeof input !== 'string') return { ok: false, reason: 'invalid_handle', detail: 'not a string' };
  const p = PLATFORM_ALIASES.get(platform.trim().toLowerCase());
  if (p === undefined) return { ok: false, reason: 'unknown_platform', detail: `unknown platform "${platform.slice(0, 40)}"` };
  if (input.length > MAX_INPUT) return { ok: false, reason: 'too_long', detail: `over ${MAX_INPUT} characters` };
  const s = input.trim();
  if (s === '') return { ok: false, reason: 'empty' };
  const junk = options.junk ?? defaultJunkMatcher;
  if (junk.isJunk('handle', s.toLowerCase())) return { ok: false, reason: 'junk_value' };
  const rule = PLATFORMS.get(p)!;

  const extracted = extractHandle(s, rule);
  if (typeof extracted !== 'string') return extracted;

  if (p === 'whatsapp') {
    const phone = normalizePhone(extracted, { defaultRegion: options.defaultRegion ?? 'AE', junk });
    if (!phone.ok) return phone.reason === 'junk_value' ? phone : { ok: false, reason: 'invalid_handle', detail: `not a phone number (${phone.reason})` };
    return result('whatsapp', phone.value, input);
  }
  let handle = extracted.toLowerCase();
  if (rule.dropDots && !/^\d+$/.test(handle)) handle = handle.replaceAll('.', '');
  if (!rule.pattern.test(handle)) return { ok: false, reason: 'invalid_handle', detail: `not a valid ${p} handle` };
  if (junk.isJunk('handle', handle)) return { ok: false, reason: 'junk_value' };
  return result(p, handle, input);
}

function result(platform: Platform, handle: string, raw: string): NormalizeHandleResult {
  return { ok: true, value: `${platform}:${handle}`, raw, platform, handle };
}

/** The bare handle from `@name`, `name` or a URL of this platform; a failure for URLs of other sites. */
function extractHandle(s: string, rule: PlatformRule): string | NormalizeHandleResult {
  const stripped = s.replace(SCHEME, '');
  const slash = stripped.indexOf('/');
  const host = (slash === -1 ? stripped : stripped.slice(0, slash)).toLowerCase();
  const looksLikeUrl = slash !== -1 && host.includes('.') && /^[a-z0-9.-]+$/.test(host);
  if (!looksLikeUrl) return s.startsWith('@') ? s.slice(1) : s;

  if (!rule.hosts.includes(host)) return { ok: false, reason: 'invalid_handle', detail: `URL of ${host}, not ${rule.platform}` };
  let path = stripped.slice(slash + 1);
  // facebook.com/profile.php?id=123 names the user in the query.
  const profileId = /^profile\.php\?(?:.*&)?id=(\d+)/.exec(path);
  if (profileId) return profileId[1]!;
  path = path.replace(/[?#].*$/, '');
  for (const prefix of rule.pathPrefixes) {
    if (path.toLowerCase().startsWith(prefix)) {
      path = path.slice(prefix.length);
      break;
    }
  }
  const segment = path.split('/')[0] ?? '';
  if (segment === '') return { ok: false, reason: 'invalid_handle', detail: 'URL without a user name' };
  const bare = segment.startsWith('@') ? segment.slice(1) : segment;
  if (rule.reserved.has(bare.toLowerCase())) return { ok: false, reason: 'invalid_handle', detail: `"${segment}" is not a user page` };
  return safeDecode(bare);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
