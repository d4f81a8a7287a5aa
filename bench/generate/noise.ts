/**
 * How people and systems write a true value: case and whitespace, Gmail variants, `+tags`, typo'd domains, phone
 * formats, handle forms, name variants. Every event is counted in the stats (meta.json).
 */
import type { GenerateOptions, GenerateStats } from './options.js';
import type { Phone } from './person.js';
import { formatPhone } from './phones.js';
import { ARABIC_NAMES, DOMAIN_TYPOS, MAIL_DOMAINS, NAME_VARIANTS, PLUS_DOMAINS, PLUS_TAGS } from './pools.js';
import type { Rng } from './prng.js';

export class Noise {
  /** typoRate applies to all email cells; only domains with known typos can be typo'd, so scale up. */
  private readonly typoChance: number;

  constructor(
    private readonly rng: Rng,
    private readonly options: GenerateOptions,
    private readonly stats: GenerateStats,
  ) {
    let typoable = 0;
    for (const [domain, w] of MAIL_DOMAINS) if (DOMAIN_TYPOS[domain]) typoable += w;
    this.typoChance = Math.min(1, options.typoRate / typoable);
  }

  /** An email cell for a true address. */
  email(address: string): string {
    const rng = this.rng;
    const at = address.indexOf('@');
    let local = address.slice(0, at);
    let domain = address.slice(at + 1);
    if (domain === 'gmail.com' && rng.chance(this.options.gmailVariantRate)) {
      // Gmail ignores dots and +tags, and googlemail.com is the same service (Gmail Help, "Use Gmail aliases").
      this.stats.gmailVariantCells++;
      const r = rng.next();
      if (r < 0.35) local = local.replaceAll('.', '');
      else if (r < 0.55) local = insertDot(local, rng);
      else if (r < 0.8) (local = `${local}+${rng.pick(PLUS_TAGS)}`), this.stats.plusTagCells++;
      else domain = 'googlemail.com';
    } else if (PLUS_DOMAINS.has(domain) && rng.chance(0.03)) {
      local = `${local}+${rng.pick(PLUS_TAGS)}`;
      this.stats.plusTagCells++;
    }
    const typos = DOMAIN_TYPOS[domain];
    if (typos && rng.chance(this.typoChance)) {
      domain = rng.pick(typos);
      this.stats.typoEmailCells++;
    }
    let out = `${local}@${domain}`;
    if (rng.chance(this.options.caseNoiseRate)) {
      this.stats.caseNoiseCells++;
      out = rng.chance(0.4) ? out.toUpperCase() : out[0]!.toUpperCase() + out.slice(1);
    }
    return this.space(out);
  }

  /** A phone cell for a true phone. */
  phone(phone: Phone): string {
    const out = formatPhone(phone.country, phone.national, this.rng.next());
    if (out.charCodeAt(0) === 48 /* 0 */ && out.charCodeAt(1) !== 48) this.stats.localFormatPhones++;
    else if (out.charCodeAt(0) === 40 /* ( */) this.stats.localFormatPhones++;
    return this.space(out);
  }

  /** A WhatsApp cell: the number in international form, bare or as a wa.me link. */
  whatsapp(phone: Phone): string {
    const digits = `${phone.country.callingCode}${phone.national}`;
    const r = this.rng.next();
    if (r < 0.4) return `+${digits}`;
    if (r < 0.6) return `wa.me/${digits}`;
    if (r < 0.7) return `https://wa.me/${digits}`;
    return formatPhone(phone.country, phone.national, 0.05 + 0.9 * this.rng.next());
  }

  /** A handle cell: `@name`, `name` or a profile URL, sometimes with case noise. */
  handle(platform: 'instagram' | 'twitter' | 'tiktok' | 'facebook', handle: string): string {
    const rng = this.rng;
    let h = handle;
    if (rng.chance(this.options.caseNoiseRate * 0.5)) {
      this.stats.caseNoiseCells++;
      h = h[0]!.toUpperCase() + h.slice(1);
    }
    const r = rng.next();
    if (r < 0.35) return this.space(`@${h}`);
    if (r < 0.6) return this.space(h);
    this.stats.handleUrlCells++;
    const u = rng.next();
    switch (platform) {
      case 'instagram':
        return u < 0.5 ? `https://www.instagram.com/${h}/` : u < 0.8 ? `instagram.com/${h}` : `https://instagram.com/${h}?hl=en`;
      case 'twitter':
        return u < 0.4 ? `https://x.com/${h}` : u < 0.7 ? `x.com/${h}` : u < 0.9 ? `twitter.com/${h}` : `https://twitter.com/${h}`;
      case 'tiktok':
        return u < 0.6 ? `https://www.tiktok.com/@${h}` : `tiktok.com/@${h}`;
      case 'facebook':
        return u < 0.6 ? `https://www.facebook.com/${h}` : `facebook.com/${h}`;
    }
  }

  /** A first name as a source writes it: a transliteration variant, Arabic script, or case noise. */
  firstName(first: string, arabic: boolean): string {
    if (arabic) return ARABIC_NAMES[first] ?? first;
    const rng = this.rng;
    const variants = NAME_VARIANTS[first];
    if (variants && rng.chance(this.options.nameVariantRate)) {
      this.stats.nameVariants++;
      return rng.pick(variants);
    }
    const r = rng.next();
    return r < 0.04 ? first.toUpperCase() : r < 0.06 ? first.toLowerCase() : first;
  }

  lastName(last: string, arabic: boolean): string {
    if (arabic) return ARABIC_NAMES[last] ?? last;
    const r = this.rng.next();
    return r < 0.05 ? last.toUpperCase() : r < 0.08 ? last.replace(/^Al /, 'Al-') : last;
  }

  /** Stray whitespace around a cell. */
  private space(cell: string): string {
    if (!this.rng.chance(this.options.whitespaceRate)) return cell;
    this.stats.whitespaceCells++;
    return this.rng.chance(0.5) ? ` ${cell}` : `${cell}  `;
  }
}

/** A dot at a random inner position that does not touch another dot (Gmail still delivers to the same box). */
function insertDot(local: string, rng: Rng): string {
  for (let attempt = 0; attempt < 4; attempt++) {
    const i = 1 + rng.int(local.length - 1);
    if (local[i - 1] !== '.' && local[i] !== '.' && local[i] !== '+') return `${local.slice(0, i)}.${local.slice(i)}`;
  }
  return local;
}
