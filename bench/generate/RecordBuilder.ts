/**
 * Turns (person, source) into one CSV line: the subset of the person's true identifiers the source shows, written
 * with noise, plus junk, front-desk identifiers and empty records at their configured rates.
 */
import { csvCell } from './csvCell.js';
import { EXTRA_COLUMNS, ExtraCells, hasExtraColumns, SHOWN_BOTH, SHOWN_NONE, TRAP_NONE, TRAP_OFFICE } from './hard.js';
import { Noise } from './noise.js';
import type { GenerateOptions, GenerateStats } from './options.js';
import type { Person, Phone } from './person.js';
import { COUNTRIES, formatPhone } from './phones.js';
import { ARABIC_NAMES, genericEmailOf, genericPhoneNational, JUNK_EMAILS, JUNK_PHONES } from './pools.js';
import type { Rng } from './prng.js';
import { perSourceRates, pickSource } from './sources.js';

export const HEADER =
  'id,source,updated_at,email,phone,login,first_name,last_name,full_name,instagram,twitter,tiktok,facebook,whatsapp,loyalty_id,city,gender,birth_year';

/** The header of a run: HEADER, plus `date_of_birth,address,postcode` when the run writes those columns. */
export function headerOf(options: GenerateOptions): string {
  return hasExtraColumns(options) ? `${HEADER},${EXTRA_COLUMNS}` : HEADER;
}

/** updated_at spans 2019-01-01 to 2026-06-30 (UTC), to the second. */
const T0 = Date.UTC(2019, 0, 1);
const DAYS = (Date.UTC(2026, 5, 30) - T0) / 86_400_000;
// perf: `YYYY-MM-DDT` per day and two-digit strings, built once; Date#toISOString per row costs ~7% of a row.
const DAY_PREFIX: readonly string[] = Array.from({ length: DAYS }, (_, d) => new Date(T0 + d * 86_400_000).toISOString().slice(0, 11));
const TWO_DIGITS: readonly string[] = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

export class RecordBuilder {
  private readonly noise: Noise;
  /** Per source (by `SourceModel.index`). */
  private readonly junkRate: Float64Array;
  private readonly incompleteRate: Float64Array;
  /** Front-desk phones and generic mailboxes of this run, and the chance a record carries one. */
  readonly genericPhones: number;
  readonly genericEmails: number;
  private readonly genericPhoneChance: number;
  private readonly genericEmailChance: number;
  private readonly ae = COUNTRIES[0]!;
  /** The hard profile's record side (absent when every hard knob is 0). */
  private readonly extras: ExtraCells | undefined;

  constructor(
    private readonly rng: Rng,
    private readonly options: GenerateOptions,
    private readonly stats: GenerateStats,
    /** The hard profile's own PRNG stream (absent when every hard knob is 0). */
    extraRng?: Rng,
  ) {
    this.noise = new Noise(rng, options, stats);
    this.extras = extraRng ? new ExtraCells(extraRng, options, stats) : undefined;
    this.junkRate = perSourceRates(options.junkRate, (s) => s.junk);
    this.incompleteRate = perSourceRates(options.incompleteRate, (s) => s.incomplete);
    // Small runs get fewer records per generic value (a 2,000-row sample cannot spare 300 rows on one phone).
    const perValueCap = Math.max(20, Math.floor(options.records / 400));
    this.genericPhones = Math.max(1, Math.round((options.records / 1e6) * options.genericPhonesPerMillion));
    this.genericEmails = Math.max(1, Math.round((options.records / 1e6) * options.genericEmailsPerMillion));
    this.genericPhoneChance = (this.genericPhones * Math.min(options.genericPhoneRecords, perValueCap)) / options.records;
    this.genericEmailChance = (this.genericEmails * Math.min(options.genericEmailRecords, perValueCap)) / options.records;
    stats.genericPhones = this.genericPhones;
    stats.genericEmails = this.genericEmails;
  }

  /** One CSV line (no newline) for a record of `p` with id `id`. */
  build(p: Person, id: string): string {
    const rng = this.rng;
    const noise = this.noise;
    const stats = this.stats;
    const src = pickSource(rng.next());
    const x = this.extras;
    const e = p.extra;
    let emailShown: number = SHOWN_NONE;
    let phoneShown: number = SHOWN_NONE;
    let phoneWhich: Phone | undefined;

    let email = '';
    let phone = '';
    let login = '';
    let instagram = '';
    let twitter = '';
    let tiktok = '';
    let facebook = '';
    let whatsapp = '';
    let loyalty = '';

    let wantEmail = rng.chance(src.email);
    let wantPhone = rng.chance(src.phone);
    if (src.emailOrPhone) {
      wantEmail = rng.chance(src.email / (src.email + src.phone));
      wantPhone = !wantEmail;
    }
    if (wantEmail) {
      if (p.emails.length > 1 && rng.chance(src.multiValue)) {
        email = `${noise.email(p.emails[0]!)}|${noise.email(p.emails[1]!)}`;
        stats.multiValueCells++;
        emailShown = SHOWN_BOTH;
      } else {
        const which = p.emails.length > 1 && rng.chance(0.35) ? 1 : 0;
        email = noise.email(p.emails[which]!);
        emailShown = which;
      }
    }
    if (wantPhone) {
      if (p.phones.length > 1 && rng.chance(src.multiValue)) {
        phone = `${this.phoneCell(p.phones[0]!)}|${this.phoneCell(p.phones[1]!)}`;
        stats.multiValueCells++;
        if (p.householdPhone) stats.householdPhoneRecords++;
        phoneShown = SHOWN_BOTH;
      } else {
        const which = p.phones.length > 1 && rng.chance(0.35) ? 1 : 0;
        phoneWhich = p.phones[which]!;
        phone = this.phoneCell(phoneWhich);
        if (which === 0 && p.householdPhone) stats.householdPhoneRecords++;
        phoneShown = which;
      }
    }
    // Hard profile: a look-alike's address instead of the person's own; the office mailbox / phone on a member's
    // records (also where the source showed no email / phone: the member gave only the work contact).
    let emailTrap: number = TRAP_NONE;
    let phoneTrap: number = TRAP_NONE;
    if (x && e) {
      const trap = x.email(e, emailShown, (address) => noise.email(address));
      if (trap !== undefined) [email, emailTrap] = trap;
      const cell = x.officePhone(e);
      if (cell !== undefined) (phone = cell), (phoneTrap = TRAP_OFFICE);
    }
    const emailBeforeOverrides = email;
    const phoneBeforeOverrides = phone;
    if (p.login && rng.chance(src.login)) login = this.loginCell(p.login);
    if (p.loyaltyId && rng.chance(src.loyalty)) loyalty = rng.chance(0.05) ? ` ${p.loyaltyId}` : p.loyaltyId;
    if (src.handles > 0) {
      if (p.instagram && rng.chance(src.handles)) instagram = noise.handle('instagram', p.instagram);
      if (p.twitter && rng.chance(src.handles)) twitter = noise.handle('twitter', p.twitter);
      if (p.tiktok && rng.chance(src.handles)) tiktok = noise.handle('tiktok', p.tiktok);
      if (p.facebook && rng.chance(src.handles)) facebook = noise.handle('facebook', p.facebook);
    }
    if (p.whatsapp && src.whatsapp > 0 && rng.chance(src.whatsapp)) whatsapp = noise.whatsapp(this.whatsappPhone(p));

    if (rng.chance(this.incompleteRate[src.index]!)) {
      stats.incompleteRecords++;
      email = phone = login = instagram = twitter = tiktok = facebook = whatsapp = loyalty = '';
    } else {
      if (rng.chance(this.genericPhoneChance)) {
        phone = formatPhone(this.ae, genericPhoneNational(rng.int(this.genericPhones)), rng.next());
        stats.genericPhoneRecords++;
      }
      if (rng.chance(this.genericEmailChance)) {
        email = genericEmailOf(rng.int(this.genericEmails));
        if (rng.chance(0.3)) email = email.toUpperCase();
        stats.genericEmailRecords++;
      }
      if (rng.chance(this.junkRate[src.index]!)) {
        stats.junkCells++;
        if (rng.chance(0.5)) email = rng.pick(JUNK_EMAILS);
        else phone = rng.pick(JUNK_PHONES);
      }
    }

    if (x && e) {
      // Trap values count only when they survive empty records, front desks and junk.
      x.count(
        e,
        email === emailBeforeOverrides ? emailShown : SHOWN_NONE,
        email === emailBeforeOverrides ? emailTrap : TRAP_NONE,
        phone === phoneBeforeOverrides ? phoneShown : SHOWN_NONE,
        phoneWhich,
        phone === phoneBeforeOverrides ? phoneTrap : TRAP_NONE,
      );
    }

    // Names: evidence only, never identifiers.
    let first = '';
    let last = '';
    let full = '';
    if (rng.chance(src.names)) {
      const arabic = rng.chance(this.options.arabicNameRate) && ARABIC_NAMES[p.first] !== undefined;
      if (arabic) stats.arabicNames++;
      let f = noise.firstName(p.first, arabic);
      let l = noise.lastName(p.last, arabic);
      // Hard profile: nickname or initial, two letters swapped, "Last, First".
      let reversed = false;
      if (x && !arabic) {
        f = x.firstName(p.first, f);
        [f, l] = x.letterSwap(f, l);
        reversed = x.reversed();
      }
      let swapped = false;
      if (rng.chance(this.options.nameSwapRate)) {
        stats.swappedNames++;
        swapped = true;
        const t = f;
        f = l;
        l = t;
      }
      if (reversed && !swapped) {
        full = `${l}, ${f}`;
        stats.reversedFullNames++;
        if (l.includes(' ')) stats.reversedMultiWordFullNames++;
      } else if (rng.chance(src.fullName)) {
        if (!arabic && rng.chance(0.05)) {
          full = `${l}, ${f}`;
          stats.quotedFullNames++;
        } else full = `${f} ${l}`;
      } else {
        first = f;
        last = l;
      }
    } else stats.recordsWithoutNames++;

    const second = rng.int(86_400);
    const updated = `${DAY_PREFIX[rng.int(DAYS)]}${TWO_DIGITS[(second / 3600) | 0]}:${TWO_DIGITS[((second / 60) | 0) % 60]}:${TWO_DIGITS[second % 60]}Z`;
    let city = rng.chance(src.city) ? p.city : '';
    let gender = rng.chance(src.gender) ? (p.male ? 'M' : 'F') : '';
    const birthYear = rng.chance(src.birthYear) ? String(p.birthYear) : '';
    // perf: one template literal per row; only name cells can need RFC 4180 quoting.
    if (!x || !e) {
      return `${id},${src.name},${updated},${email},${phone},${login},${csvCell(first)},${csvCell(last)},${csvCell(full)},${instagram},${twitter},${tiktok},${facebook},${whatsapp},${loyalty},${city},${gender},${birthYear}`;
    }
    // Hard profile: the record's address (a mover's older one at times) decides city and postcode.
    const addr = x.addressOf(e);
    if (city) city = addr.city;
    if (gender) gender = x.gender(p.male);
    const tail = x.columnsCells(src, e, addr, city !== '');
    return `${id},${src.name},${updated},${email},${phone},${login},${csvCell(first)},${csvCell(last)},${csvCell(full)},${instagram},${twitter},${tiktok},${facebook},${whatsapp},${loyalty},${city},${gender},${birthYear}${tail}`;
  }

  /** A phone cell: noise as always; in the hard profile sometimes the country code in brackets. */
  private phoneCell(phone: Phone): string {
    const bracketed = this.extras?.bracketPhone(phone);
    return bracketed ?? this.noise.phone(phone);
  }

  private loginCell(login: string): string {
    const r = this.rng.next();
    if (r < this.options.caseNoiseRate * 0.6) {
      this.stats.caseNoiseCells++;
      return r < this.options.caseNoiseRate * 0.3 ? login.toUpperCase() : login[0]!.toUpperCase() + login.slice(1);
    }
    return login;
  }

  /** The number a person gives as WhatsApp: their primary phone, or the second one when they have it. */
  private whatsappPhone(p: Person): Phone {
    return p.phones.length > 1 && this.rng.chance(0.3) ? p.phones[1]! : p.phones[0]!;
  }
}
