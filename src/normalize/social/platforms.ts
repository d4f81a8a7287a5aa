import type { Platform } from '../../types.js';

/**
 * Per-platform handle rules, from each platform's own help pages on usernames:
 * - Instagram: letters, numbers, periods, underscores; up to 30; not case-sensitive.
 * - X/Twitter: letters, numbers, underscores; up to 15; not case-sensitive.
 * - TikTok: letters, numbers, underscores, periods; 2–24; not case-sensitive.
 * - Facebook: letters, numbers, periods; at least 5; periods and case do not matter ("john.smith" = "johnsmith").
 * - Snapchat: 3–15; letters, numbers, "-", "_", "."; not case-sensitive.
 * - LinkedIn public profile URL: 3–100 letters, numbers, "-"; not case-sensitive.
 * - YouTube handles: 3–30; letters, numbers, "_", "-", "."; not case-sensitive.
 * - Telegram: 5–32; letters, numbers, "_"; not case-sensitive.
 */
export interface PlatformRule {
  readonly platform: Platform;
  /** Hosts whose profile URLs name this platform's users. */
  readonly hosts: readonly string[];
  /** Path prefixes before the handle (`in/` for LinkedIn, `add/` for Snapchat). */
  readonly pathPrefixes: readonly string[];
  /** First path segments that are not users (`p`, `reel`, `home`, `share`, …). */
  readonly reserved: ReadonlySet<string>;
  readonly pattern: RegExp;
  /** Facebook ignores dots in usernames. */
  readonly dropDots: boolean;
}

const rule = (platform: Platform, hosts: string[], pattern: RegExp, reserved: string[] = [], pathPrefixes: string[] = [], dropDots = false): PlatformRule => ({
  platform, hosts, pattern, reserved: new Set(reserved), pathPrefixes, dropDots,
});

export const PLATFORMS: ReadonlyMap<Platform, PlatformRule> = new Map([
  ['instagram', rule('instagram', ['instagram.com', 'instagr.am'], /^[a-z0-9._]{1,30}$/, ['p', 'reel', 'reels', 'stories', 'explore', 'accounts', 'tv', 'direct'])],
  ['twitter', rule('twitter', ['twitter.com', 'x.com'], /^[a-z0-9_]{1,15}$/, ['home', 'intent', 'share', 'search', 'i', 'hashtag', 'explore', 'settings', 'messages', 'notifications'])],
  ['tiktok', rule('tiktok', ['tiktok.com'], /^[a-z0-9._]{2,24}$/, ['tag', 'discover', 'video', 'music', 'foryou'])],
  ['facebook', rule('facebook', ['facebook.com', 'fb.com'], /^(?:[a-z0-9.]{5,50}|\d{5,20})$/, ['pages', 'groups', 'events', 'watch', 'sharer', 'share', 'photo', 'marketplace', 'login'], [], true)],
  ['snapchat', rule('snapchat', ['snapchat.com'], /^[a-z][a-z0-9._-]{2,14}$/, ['discover', 'spotlight'], ['add/'])],
  ['linkedin', rule('linkedin', ['linkedin.com'], /^[a-z0-9-]{3,100}$/, ['company', 'jobs', 'feed', 'school'], ['in/', 'pub/'])],
  ['youtube', rule('youtube', ['youtube.com'], /^[a-z0-9._-]{3,30}$/, ['watch', 'results', 'playlist', 'shorts', 'feed'], ['c/', 'user/'])],
  ['telegram', rule('telegram', ['t.me', 'telegram.me'], /^[a-z][a-z0-9_]{4,31}$/, ['joinchat', 'share', 's'])],
  ['whatsapp', rule('whatsapp', ['wa.me', 'whatsapp.com'], /^\+\d{6,15}$/, [])],
]);

/** Column names and short forms accepted for each platform. */
export const PLATFORM_ALIASES: ReadonlyMap<string, Platform> = new Map([
  ['instagram', 'instagram'], ['ig', 'instagram'],
  ['twitter', 'twitter'], ['x', 'twitter'],
  ['tiktok', 'tiktok'],
  ['facebook', 'facebook'], ['fb', 'facebook'],
  ['snapchat', 'snapchat'], ['snap', 'snapchat'],
  ['linkedin', 'linkedin'],
  ['youtube', 'youtube'], ['yt', 'youtube'],
  ['telegram', 'telegram'], ['tg', 'telegram'],
  ['whatsapp', 'whatsapp'], ['wa', 'whatsapp'],
]);
