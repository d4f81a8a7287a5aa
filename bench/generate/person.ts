/**
 * The person model: one real customer with a stable set of true identifiers. Every identifier is derived from the
 * person index through an injective scheme (docs/benchmarks.md, "Injectivity"), so identifiers of different
 * persons never collide except where the generator means them to (household phones, front desks, junk, and in
 * the hard profile its traps: look-alike pairs, email households, offices; see hard.ts).
 */
import type { ExtraPersons, PersonExtra } from './hard.js';
import type { GenerateOptions, GenerateStats } from './options.js';
import { looksLikePlaceholder, phoneOf, phoneSpace, pickCountry, COUNTRIES, type Country } from './phones.js';
import { CITIES, FIRST_FEMALE, FIRST_MALE, LAST_NAMES, MAIL_DOMAINS } from './pools.js';
import { tag36, scramble32, type Rng } from './prng.js';

export interface Phone {
  readonly country: Country;
  readonly national: string;
}

export interface Person {
  readonly index: number;
  readonly male: boolean;
  readonly first: string;
  readonly last: string;
  /** Primary email first; a second one for some. */
  readonly emails: readonly string[];
  /** Primary (home) phone first; a second one for some. The primary may be shared with a household member. */
  readonly phones: readonly Phone[];
  /** True when phones[0] is shared with a household member. */
  readonly householdPhone: boolean;
  readonly loyaltyId: string;
  readonly login: string;
  readonly instagram: string;
  readonly twitter: string;
  readonly tiktok: string;
  readonly facebook: string;
  readonly whatsapp: boolean;
  readonly city: string;
  readonly birthYear: number;
  /** Date of birth, addresses and trap roles (hard profile only). */
  readonly extra?: PersonExtra;
}

/**
 * Identifier slots: the tag of (person, slot) is scramble32(person · 8 + slot), so the pair is recovered from the
 * tag and no two (person, slot) pairs share one. Person indexes stay below 2^29.
 */
const SLOT = { email: 0, email2: 1, login: 2, instagram: 3, twitter: 4, tiktok: 5, facebook: 6, loyalty: 7 } as const;
const KEY_TAG = 0x5eed1d5;
const KEY_LOYALTY = 0x10ca1;

function tagOf(person: number, slot: number): string {
  return tag36(person * 8 + slot, KEY_TAG);
}

const SLUGS = new Map<string, string>();
/** Lower-case ASCII letters of a name (`Al Mansouri` → `almansouri`), memoized (perf: names come from small pools). */
function slug(name: string): string {
  let s = SLUGS.get(name);
  if (s === undefined) SLUGS.set(name, (s = name.toLowerCase().replace(/[^a-z]/g, '')));
  return s;
}

function pickWeighted(items: readonly (readonly [string, number])[], r: number): string {
  let acc = 0;
  for (const [item, w] of items) {
    acc += w;
    if (r < acc) return item;
  }
  return items[items.length - 1]![0];
}

/** Creates persons 0, 1, 2, … in order (households pair a person with the next one). */
export class PersonFactory {
  private readonly phoneCounters = new Map<string, number>();
  private household: { last: string; phone: Phone; male: boolean; first: string } | undefined;
  private readonly ae = COUNTRIES[0]!;

  constructor(
    private readonly rng: Rng,
    private readonly options: GenerateOptions,
    private readonly stats: GenerateStats,
    /** The hard profile's person side (absent when every hard knob is 0). */
    private readonly extras?: ExtraPersons,
  ) {}

  make(index: number): Person {
    const rng = this.rng;
    const o = this.options;
    const joining = this.household;
    this.household = undefined;
    let male = rng.chance(0.55);
    let first = rng.pick(male ? FIRST_MALE : FIRST_FEMALE);
    // A household member has another first name than the person they share the phone with.
    while (joining && first === joining.first) first = rng.pick(male ? FIRST_MALE : FIRST_FEMALE);
    let last = joining ? joining.last : rng.pick(LAST_NAMES);
    const extras = this.extras;
    if (extras) ({ male, first, last } = extras.begin(joining !== undefined, male, first, last));

    const f = slug(first);
    const l = slug(last);
    const t = tagOf(index, SLOT.email);
    // Every address ends in its fixed-width tag: equal canonical addresses imply equal tags, hence one person.
    const style = rng.int(4);
    const local = style === 0 ? `${f}.${l}.${t}` : style === 1 ? `${f}${l}${t}` : style === 2 ? `${f[0]}.${l}${t}` : `${f}_${t}`;
    const emails = [`${local}@${pickWeighted(MAIL_DOMAINS, rng.next())}`];
    if (rng.chance(o.secondEmailRate)) {
      emails.push(`${f}${tagOf(index, SLOT.email2)}@${pickWeighted(MAIL_DOMAINS, rng.next())}`);
      this.stats.secondEmails++;
    }

    const phones: Phone[] = [joining ? joining.phone : this.nextPhone(pickCountry(rng.next()))];
    if (rng.chance(o.secondPhoneRate)) {
      // A second phone is mostly a local (AE) line picked up after moving, or a work mobile.
      phones.push(this.nextPhone(rng.chance(0.8) ? this.ae : pickCountry(rng.next())));
      this.stats.secondPhones++;
    }
    // familyRate is the share of persons in a pair: a pair starts at rate / 2 and takes the next person too.
    if (!joining && rng.chance(o.familyRate / 2)) {
      this.household = { last, phone: phones[0]!, male, first };
      this.stats.householdPairs++;
    }

    const person: Person = {
      index,
      male,
      first,
      last,
      emails,
      phones,
      householdPhone: joining !== undefined || this.household !== undefined,
      loyaltyId: rng.chance(o.loyaltyRate) ? `MAF${String(scramble32(index, KEY_LOYALTY)).padStart(10, '0')}` : '',
      login: rng.chance(o.loginRate) ? `${f.slice(0, 10)}_${tagOf(index, SLOT.login)}` : '',
      instagram: rng.chance(o.instagramRate) ? `${f.slice(0, 10)}.${l.slice(0, 10)}_${tagOf(index, SLOT.instagram)}` : '',
      // Twitter handles are at most 15 characters: 7 of name, '_', the 7-character tag.
      twitter: rng.chance(o.twitterRate) ? `${f.slice(0, 7)}_${tagOf(index, SLOT.twitter)}` : '',
      tiktok: rng.chance(o.tiktokRate) ? `${f.slice(0, 10)}_${tagOf(index, SLOT.tiktok)}` : '',
      facebook: rng.chance(o.facebookRate) ? `${f}.${l}.${tagOf(index, SLOT.facebook)}` : '',
      whatsapp: rng.chance(o.whatsappRate),
      city: rng.pick(CITIES),
      birthYear: 1950 + rng.int(56),
    };
    return extras ? extras.finish(person, this.household !== undefined) : person;
  }

  /** The next unused number of a country, skipping numbers a normalizer would take for placeholders. */
  private nextPhone(country: Country): Phone {
    let n = this.phoneCounters.get(country.code) ?? 0;
    let national = phoneOf(country, n++);
    while (looksLikePlaceholder(national)) national = phoneOf(country, n++);
    this.phoneCounters.set(country.code, n);
    if (n > phoneSpace(country)) throw new RangeError(`out of ${country.code} numbers`);
    return { country, national };
  }
}
