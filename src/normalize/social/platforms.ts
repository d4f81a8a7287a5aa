/**
 * Per-platform handle rules: plain data, compiled once at module load and read by `normalizeHandle`. Each rule cites
 * the platform's own help page on user names (full list and narrowing in docs/normalization-rules-phone-social.md):
 *
 * - Instagram — letters, numbers, periods and underscores, at most 30 characters (Instagram Help Center, "Username
 *   requirements"); case-insensitive (instagram.com/Foo and /foo are one account).
 * - X/Twitter — letters A–Z, numbers 0–9 and underscores, at most 15 characters (X Help Center, "Help with username
 *   registration"); case-insensitive. Very old accounts have 1–3 character names, so no minimum beyond 1.
 * - TikTok — letters, numbers, underscores and periods, 2–24 characters (TikTok Support, "Changing your username");
 *   case-insensitive.
 * - Facebook — letters A–Z, numbers 0–9 and periods, at least 5 characters; "periods (.) and capitalization don't
 *   count as a part of a username" (Facebook Help Center, "Username guidelines"): `John.Smith55` = `johnsmith55`, so
 *   dots are dropped. A numeric profile id (`profile.php?id=…`) is kept as digits.
 * - Snapchat — 3–15 characters, starting with a letter; letters, numbers, `-`, `_`, `.` (Snapchat Support, "Username
 *   requirements"); case-insensitive.
 * - LinkedIn — the public profile URL `linkedin.com/in/<name>`: 3–100 letters, numbers and hyphens (LinkedIn Help,
 *   "Customize your public profile URL"); case-insensitive.
 * - YouTube — handles `@name`: 3–30 characters, letters, numbers, `_`, `-`, `.` (YouTube Help, "Handle
 *   guidelines"); case-insensitive. Legacy custom URLs `/c/name` and usernames `/user/name` are separate name spaces
 *   (not guaranteed to equal the handle), kept as `c/name` and `user/name`; channel ids `/channel/UC…` (24
 *   characters, case-sensitive) are kept as `channel/UC…` with their case.
 * - Telegram — 5–32 characters, a–z, 0–9 and underscores, starting with a letter (Telegram FAQ, "Usernames");
 *   case-insensitive.
 * - WhatsApp — an account is a phone number (`wa.me/<number>`, WhatsApp Help Center "How to use click to chat"): the
 *   handle is its E.164 form, from `normalizePhone`.
 */
import type { Platform } from '../../types.js';

/** How one kind of profile path maps to a handle. */
export interface PathRule {
  /** Lower-case path prefix before the name (`in/`, `add/`, `@`, `c/`), or `''` for `host/<name>`. */
  readonly prefix: string;
  /** Prefix of the canonical handle, for name spaces other than the main one (`c/`, `user/`, `channel/`), else `''`. */
  readonly keyPrefix: string;
  /** The name after `prefix`, tested on the folded name. */
  readonly pattern: RegExp;
  /** Lower-case the name (every platform is case-insensitive except YouTube channel ids). */
  readonly fold: boolean;
}

export interface PlatformRule {
  readonly platform: Platform;
  /** Registrable hosts of profile URLs (`www.`, `m.`, `mobile.`, `web.` and country subdomains are stripped first). */
  readonly hosts: readonly string[];
  /** Path shapes, most specific first. The last one also reads a bare name (`name`, `@name`). */
  readonly paths: readonly PathRule[];
  /** Lower-case first path segments that are site pages, not users (`p`, `reel`, `home`, `intent`, `share`, …). */
  readonly reserved: ReadonlySet<string>;
  /** Facebook: periods do not count in a username. */
  readonly dropDots: boolean;
}

const path = (prefix: string, pattern: RegExp, keyPrefix = '', fold = true): PathRule => ({ prefix, keyPrefix, pattern, fold });

const INSTAGRAM = /^[a-z0-9._]{1,30}$/;
const TWITTER = /^[a-z0-9_]{1,15}$/;
const TIKTOK = /^[a-z0-9._]{2,24}$/;
/** After dropping periods: letters and digits, 5 to 50 (a numeric profile id is digits only). */
const FACEBOOK = /^[a-z0-9]{5,50}$/;
const SNAPCHAT = /^[a-z][a-z0-9._-]{2,14}$/;
const LINKEDIN = /^[a-z0-9-]{3,100}$/;
const YOUTUBE_HANDLE = /^[a-z0-9._-]{3,30}$/;
/** Legacy YouTube custom URLs and usernames: letters and digits (and the separators people used), up to 100. */
const YOUTUBE_LEGACY = /^[a-z0-9._-]{1,100}$/;
/** YouTube channel ids: `UC` and 22 base64url characters. */
const YOUTUBE_CHANNEL = /^UC[A-Za-z0-9_-]{22}$/;
const TELEGRAM = /^[a-z][a-z0-9_]{4,31}$/;
const E164 = /^\+[1-9]\d{5,14}$/;

const rule = (platform: Platform, hosts: string[], paths: PathRule[], reserved: string[] = [], dropDots = false): PlatformRule => ({
  platform,
  hosts,
  paths,
  reserved: new Set(reserved),
  dropDots,
});

/** The rules, by canonical platform name. */
export const PLATFORMS: ReadonlyMap<Platform, PlatformRule> = new Map<Platform, PlatformRule>([
  ['instagram', rule('instagram', ['instagram.com', 'instagr.am'], [path('', INSTAGRAM)],
    ['p', 'reel', 'reels', 'stories', 'explore', 'accounts', 'tv', 'direct', 'about', 'legal', 'developer', 'web', 'tags', 'locations'])],
  ['twitter', rule('twitter', ['twitter.com', 'x.com'], [path('', TWITTER)],
    ['home', 'intent', 'share', 'search', 'i', 'hashtag', 'explore', 'settings', 'messages', 'notifications', 'login', 'signup', 'tos', 'privacy', 'compose', 'status'])],
  ['tiktok', rule('tiktok', ['tiktok.com'], [path('@', TIKTOK)],
    ['tag', 'discover', 'video', 'music', 'foryou', 'explore', 'live', 'following', 'search', 't', 'share'])],
  ['facebook', rule('facebook', ['facebook.com', 'fb.com', 'fb.me'], [path('', FACEBOOK)],
    ['pages', 'groups', 'events', 'watch', 'sharer', 'sharer.php', 'share', 'share.php', 'photo', 'photo.php', 'photos', 'marketplace', 'login', 'login.php', 'help', 'story.php', 'permalink.php', 'home.php', 'gaming', 'reel', 'hashtag', 'dialog', 'plugins', 'policies'],
    true)],
  ['snapchat', rule('snapchat', ['snapchat.com'], [path('add/', SNAPCHAT), path('@', SNAPCHAT), path('', SNAPCHAT)],
    ['discover', 'spotlight', 'p', 'lens', 'unlock', 'st', 't'])],
  ['linkedin', rule('linkedin', ['linkedin.com'], [path('in/', LINKEDIN)],
    ['company', 'jobs', 'feed', 'school', 'pub', 'posts', 'pulse', 'groups', 'learning', 'showcase', 'events'])],
  ['youtube', rule('youtube', ['youtube.com'], [
    path('channel/', YOUTUBE_CHANNEL, 'channel/', false),
    path('c/', YOUTUBE_LEGACY, 'c/'),
    path('user/', YOUTUBE_LEGACY, 'user/'),
    path('@', YOUTUBE_HANDLE),
  ], ['watch', 'results', 'playlist', 'shorts', 'feed', 'embed', 'live', 'hashtag', 'redirect', 'attribution_link', 'premium', 'account'])],
  ['telegram', rule('telegram', ['t.me', 'telegram.me', 'telegram.dog'], [path('s/', TELEGRAM), path('', TELEGRAM)],
    ['joinchat', 'share', 'addstickers', 'addtheme', 'proxy', 'socks', 'c', 'iv', 'login', 'setlanguage', 'addlist'])],
  ['whatsapp', rule('whatsapp', ['wa.me', 'whatsapp.com'], [path('', E164)], [])],
]);

/** Column names and short forms accepted for each platform (matched after trimming and lower-casing). */
export const PLATFORM_ALIASES: ReadonlyMap<string, Platform> = new Map<string, Platform>([
  ['instagram', 'instagram'], ['ig', 'instagram'], ['insta', 'instagram'],
  ['twitter', 'twitter'], ['x', 'twitter'],
  ['tiktok', 'tiktok'],
  ['facebook', 'facebook'], ['fb', 'facebook'],
  ['snapchat', 'snapchat'], ['snap', 'snapchat'],
  ['linkedin', 'linkedin'],
  ['youtube', 'youtube'], ['yt', 'youtube'],
  ['telegram', 'telegram'], ['tg', 'telegram'],
  ['whatsapp', 'whatsapp'], ['wa', 'whatsapp'],
]);

/** Host → platform, over every platform's hosts: tells "a URL of another platform" from "not a profile URL". */
export const PLATFORM_BY_HOST: ReadonlyMap<string, Platform> = new Map(
  [...PLATFORMS.values()].flatMap((r) => r.hosts.map((h) => [h, r.platform] as const)),
);
