/**
 * The hard profile's attribute columns and traps (docs/benchmarks.md, "Hard profile"): dates of birth, gender
 * words, addresses of people who move, identifiers shared by unrelated look-alike persons, households on one
 * email, office mailboxes and phones, nicknames, initials, letter swaps, reversed names, bracketed country codes.
 *
 * All randomness here comes from a second PRNG stream (`EXTRA_STREAM`), and none of it runs when every knob is 0,
 * so the default profile's stream and output are untouched.
 */
import { csvCell } from './csvCell.js';
import {
  EXTRA_FIRST_FEMALE, EXTRA_FIRST_MALE, LOOKALIKE_NAMES, MULTI_WORD_SURNAMES, NICKNAMES, officeEmailOf,
  officePhoneNational, STREET_ABBREVIATIONS, STREETS,
} from './hardPools.js';
import type { GenerateOptions, GenerateStats } from './options.js';
import type { Person, Phone } from './person.js';
import { COUNTRIES, formatPhone } from './phones.js';
import { CITIES, FIRST_FEMALE, FIRST_MALE, LAST_NAMES } from './pools.js';
import type { Rng } from './prng.js';
import { perSourceRates, type SourceModel } from './sources.js';

/** Second PRNG stream of a seed (xor-ed into the sfc32 state; 0 is the default stream). */
export const EXTRA_STREAM = 0x4a7d_1e55;

/** Columns written after `birth_year` when any of `dobRate`, `addressRate`, `postcodeRate` is non-zero. */
export const EXTRA_COLUMNS = 'date_of_birth,address,postcode';

/** Knobs that switch the extra code paths on (the office size knobs only shape offices). */
const SWITCHES = [
  'dobRate', 'dobSwapRate', 'dobTypoRate', 'dobYearOnlyRate', 'genderWordRate', 'genderErrorRate', 'addressRate',
  'postcodeRate', 'addressAbbrevRate', 'addressTypoRate', 'movedRate', 'oldAddressShare', 'sharedPhoneRate',
  'sharedEmailRate', 'householdEmailRate', 'officesPerMillion', 'nicknameRate', 'initialRate', 'letterSwapRate',
  'reversedNameRate', 'extraFirstNameRate', 'multiWordSurnameRate', 'bracketPhoneRate',
] as const satisfies readonly (keyof GenerateOptions)[];

/** True when any hard-profile knob is non-zero. */
export function hasExtras(o: GenerateOptions): boolean {
  return SWITCHES.some((k) => o[k] > 0);
}

/** True when records get the `date_of_birth,address,postcode` columns. */
export function hasExtraColumns(o: GenerateOptions): boolean {
  return o.dobRate > 0 || o.addressRate > 0 || o.postcodeRate > 0;
}

/** Offices of a run: officesPerMillion scaled to the run, at least one when the knob is non-zero. */
export function officeCount(o: GenerateOptions): number {
  return o.officesPerMillion > 0 ? Math.max(1, Math.round((o.records / 1e6) * o.officesPerMillion)) : 0;
}

export interface Address {
  readonly house: number;
  /** Index into STREETS. */
  readonly street: number;
  readonly city: string;
  readonly postcode: string;
}

/** What the hard profile adds to a person. */
export interface PersonExtra {
  readonly dobYear: number;
  readonly dobMonth: number;
  readonly dobDay: number;
  readonly address: Address;
  /** The address before the person moved (movers only). */
  readonly oldAddress: Address | undefined;
  /** A phone this person shares with an unrelated look-alike (lender: their own; borrower: the recycled one). */
  readonly sharedPhone: Phone | undefined;
  /** The lender's own primary email, which a later look-alike types on some records. */
  readonly lentEmail: string;
  /** The unrelated look-alike's email this person types on some records. */
  readonly borrowedEmail: string;
  /** emails[0] is the household's shared address. */
  readonly householdEmail: boolean;
  /** Office index, or -1. */
  readonly office: number;
}

const CITY_INDEX = new Map(CITIES.map((c, i) => [c, i] as const));
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  return month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

function postcodeOf(city: string, street: number, house: number): string {
  return String(10_000 + (CITY_INDEX.get(city) ?? 0) * 1_000 + street * 10 + (house % 10));
}

/**
 * Share of an office member's records that carry the office mailbox (and, independently, the office phone), and
 * the resulting share of members who show up on a value at all: 1 − E[0.4^K] ≈ 0.79 for K records per person
 * (1 + geometric, mean 2.5), less ~4% of records emptied or overwritten by junk. Offices get size / OFFICE_SHOWN
 * members so that about `size` distinct persons appear on each value.
 */
const OFFICE_USE = 0.6;
const OFFICE_SHOWN = 0.76;

/**
 * How many persons an office means to show on its values: uniform in [officeMinPersons + 2, officeMaxPersons − 3],
 * so that the binomial spread of who actually shows up (members · OFFICE_SHOWN ± ~3) stays within the knobs.
 */
function shownRange(o: GenerateOptions): [number, number] {
  const lo = Math.min(o.officeMinPersons + 2, o.officeMaxPersons);
  return [lo, Math.max(lo, o.officeMaxPersons - 3)];
}

/** A household of 2–5 sharing one email. */
interface EmailHousehold {
  readonly last: string;
  readonly firsts: string[];
  remaining: number;
  email: string;
  address: Address | undefined;
}

/** A look-alike pair in the making: the lender is made, the borrower is the next free person. */
interface Loan {
  readonly phone: boolean;
  readonly first: string;
  readonly male: boolean;
  readonly same: boolean;
  readonly lenderLast: string;
  readonly lenderDob: number;
  readonly sharedPhone: Phone | undefined;
  readonly email: string;
}

interface Office {
  readonly index: number;
  readonly size: number;
  readonly members: { readonly first: string; readonly male: boolean }[];
}

// Role of the person being made (perf: small integers).
const FREE = 0, PHONE_JOINER = 1, HOUSEHOLD_STARTER = 2, HOUSEHOLD_MEMBER = 3, LENDER = 4, BORROWER = 5;

/**
 * The person side: called by PersonFactory around its own draws. `begin` may rename a person before their
 * identifiers are derived from the name; `finish` adds the extra and swaps in shared identifiers.
 */
export class ExtraPersons {
  private household: EmailHousehold | undefined;
  /** Address of the phone-household starter just made (its partner, the next person, lives there too). */
  private phonePartnerAddress: Address | undefined;
  /** A loan waiting for its borrower / the loan of the borrower being made. */
  private pending: Loan | undefined;
  private loan: Loan | undefined;
  private role = FREE;
  private lenderPlan: { phone: boolean; first: string; male: boolean; same: boolean } | undefined;
  private readonly officesTotal: number;
  private readonly officeJoinChance: number;
  private office: Office | undefined;
  private nextOffice = 0;
  private currentOffice = -1;

  constructor(
    private readonly x: Rng,
    private readonly o: GenerateOptions,
    private readonly stats: GenerateStats,
  ) {
    this.officesTotal = officeCount(o);
    const [lo, hi] = shownRange(o);
    const meanMembers = (lo + hi) / 2 / OFFICE_SHOWN;
    // Persons ≈ records / recordsPerPerson; 15% extra so offices fill before the run ends.
    this.officeJoinChance = Math.min(1, (1.15 * this.officesTotal * meanMembers * o.recordsPerPerson) / o.records);
  }

  /** Before identifiers: the (possibly changed) gender and names of the person being made. */
  begin(phoneJoiner: boolean, male: boolean, first: string, last: string): { male: boolean; first: string; last: string } {
    const x = this.x;
    const o = this.o;
    this.loan = undefined;
    this.lenderPlan = undefined;
    let extraFirst = '';
    if (phoneJoiner) this.role = PHONE_JOINER;
    else if (this.household) {
      // Joins the email household: its surname, a first name no member has.
      const hh = this.household;
      this.role = HOUSEHOLD_MEMBER;
      last = hh.last;
      for (let tries = 0; tries < 20 && hh.firsts.includes(first); tries++) first = x.pick(male ? FIRST_MALE : FIRST_FEMALE);
      hh.firsts.push(first);
    } else if (this.pending) {
      // The borrower: the lender's first name or a look-alike, another surname (DOB made different in finish).
      const p = this.pending;
      this.pending = undefined;
      this.loan = p;
      this.role = BORROWER;
      first = p.first;
      male = p.male;
      while (last === p.lenderLast) last = x.pick(LAST_NAMES);
    } else {
      this.role = FREE;
      if (o.extraFirstNameRate > 0 && x.chance(o.extraFirstNameRate)) {
        first = x.pick(male ? EXTRA_FIRST_MALE : EXTRA_FIRST_FEMALE);
        extraFirst = first;
      }
      if (o.multiWordSurnameRate > 0 && x.chance(o.multiWordSurnameRate)) {
        last = x.pick(MULTI_WORD_SURNAMES);
        this.stats.multiWordSurnamePersons++;
      }
      const shareRate = o.sharedPhoneRate + o.sharedEmailRate;
      // A household's mean size is 3.5, so starting at rate / 3.5 puts `householdEmailRate` of persons in one.
      if (o.householdEmailRate > 0 && x.chance(o.householdEmailRate / 3.5)) {
        this.role = HOUSEHOLD_STARTER;
        this.household = { last, firsts: [first], remaining: 1 + x.int(4), email: '', address: undefined };
      } else if (shareRate > 0 && x.chance(shareRate)) {
        // The lender: keeps its first name (a same-name pair) or takes one half of a look-alike pair.
        this.role = LENDER;
        const phone = x.chance(o.sharedPhoneRate / shareRate);
        if (x.chance(0.4)) this.lenderPlan = { phone, first, male, same: true };
        else {
          const [a, am, b, bm] = x.pick(LOOKALIKE_NAMES);
          const flip = x.chance(0.5);
          first = flip ? b : a;
          male = flip ? bm : am;
          this.lenderPlan = { phone, first: flip ? a : b, male: flip ? am : bm, same: false };
        }
      }
    }
    this.currentOffice = -1;
    if (this.officesTotal > 0 && x.chance(this.officeJoinChance)) {
      if (!this.office && this.nextOffice < this.officesTotal) {
        const [lo, hi] = shownRange(o);
        const size = Math.max(1, Math.round((lo + x.int(hi - lo + 1)) / OFFICE_SHOWN));
        this.office = { index: this.nextOffice++, size, members: [] };
        this.stats.offices++;
      }
      const office = this.office;
      if (office) {
        // Some colleagues share a first name (another surname, other identifiers).
        if (this.role === FREE && office.members.length > 0 && x.chance(0.25)) {
          const m = x.pick(office.members);
          first = m.first;
          male = m.male;
          this.stats.officeSameFirstNamePersons++;
        }
        office.members.push({ first, male });
        this.currentOffice = office.index;
        this.stats.officePersons++;
        if (office.members.length >= office.size) this.office = undefined;
      }
    }
    // Counted when it survives a look-alike or colleague's name.
    if (extraFirst === first) this.stats.extraFirstNamePersons++;
    return { male, first, last };
  }

  /** After the person is made: the extra, shared identifiers swapped in. `phoneStarter`: the next person shares phones[0]. */
  finish(person: Person, phoneStarter: boolean): Person {
    const x = this.x;
    const o = this.o;
    let p: Person = person;
    const role = this.role;

    let dobMonth = 1 + x.int(12);
    let dobDay = 1 + x.int(daysIn(p.birthYear, dobMonth));
    const dob = () => p.birthYear * 10_000 + dobMonth * 100 + dobDay;
    if (role === BORROWER && dob() === this.loan!.lenderDob) dobDay = (dobDay % daysIn(p.birthYear, dobMonth)) + 1;

    // Households live together: the phone-household partner and email-household members take the starter's address.
    let address: Address;
    if (role === PHONE_JOINER && this.phonePartnerAddress) address = this.phonePartnerAddress;
    else if (role === HOUSEHOLD_MEMBER && this.household?.address) address = this.household.address;
    else address = this.newAddress(p.city);
    this.phonePartnerAddress = phoneStarter ? address : undefined;
    if (address.city !== p.city) p = { ...p, city: address.city };
    let oldAddress: Address | undefined;
    if (o.movedRate > 0 && x.chance(o.movedRate)) {
      const city = x.chance(0.5) ? address.city : x.pick(CITIES);
      oldAddress = this.newAddress(city, address.street);
      this.stats.movedPersons++;
    }

    let sharedPhone: Phone | undefined;
    let lentEmail = '';
    let borrowedEmail = '';
    let householdEmail = false;
    switch (role) {
      case HOUSEHOLD_STARTER: {
        const hh = this.household!;
        hh.email = p.emails[0]!;
        hh.address = address;
        householdEmail = true;
        this.stats.emailHouseholds++;
        this.stats.emailHouseholdPersons++;
        break;
      }
      case HOUSEHOLD_MEMBER: {
        const hh = this.household!;
        p = { ...p, emails: [hh.email, ...p.emails.slice(1)] };
        householdEmail = true;
        this.stats.emailHouseholdPersons++;
        if (--hh.remaining === 0) this.household = undefined;
        break;
      }
      case LENDER: {
        const plan = this.lenderPlan!;
        // The lent phone is the person's own: not one a household partner shares (then the second, or the email).
        let phone: Phone | undefined;
        if (plan.phone) phone = !p.householdPhone ? p.phones[0] : p.phones[1];
        if (phone) sharedPhone = phone;
        else lentEmail = p.emails[0]!;
        this.pending = {
          phone: phone !== undefined, first: plan.first, male: plan.male, same: plan.same, lenderLast: p.last,
          lenderDob: dob(), sharedPhone: phone, email: p.emails[0]!,
        };
        break;
      }
      case BORROWER: {
        const loan = this.loan!;
        if (loan.phone) {
          // A recycled number: the borrower's primary phone, or their second one when the primary is a household's.
          sharedPhone = loan.sharedPhone!;
          p = { ...p, phones: p.householdPhone ? [p.phones[0]!, sharedPhone] : [sharedPhone, ...p.phones.slice(1)] };
          this.stats.sharedPhonePairs++;
        } else {
          borrowedEmail = loan.email;
          this.stats.sharedEmailPairs++;
        }
        if (loan.same) this.stats.sharedSameFirstNamePairs++;
        else this.stats.sharedSimilarFirstNamePairs++;
        break;
      }
      default:
        break;
    }

    const extra: PersonExtra = {
      dobYear: p.birthYear, dobMonth, dobDay, address, oldAddress, sharedPhone, lentEmail, borrowedEmail, householdEmail,
      office: this.currentOffice,
    };
    return { ...p, extra };
  }

  private newAddress(city: string, notStreet = -1): Address {
    let street = this.x.int(STREETS.length);
    if (street === notStreet) street = (street + 1) % STREETS.length;
    const house = 1 + this.x.int(250);
    return { house, street, city, postcode: postcodeOf(city, street, house) };
  }
}

/** Which of a person's emails / phones a record's cell was built from (for the trap counts): none, [0], [1], both. */
export const SHOWN_NONE = -1, SHOWN_PRIMARY = 0, SHOWN_BOTH = 2;

/**
 * The record side: cells of the new columns, trap values in identifier cells, name traps. Called by RecordBuilder
 * only when the run has extras.
 */
export class ExtraCells {
  readonly columns: boolean;
  private readonly dobRate: Float64Array;
  private readonly addressRate: Float64Array;
  private readonly postcodeRate: Float64Array;
  private readonly officeEmailRecords: Int32Array;
  private readonly officePhoneRecords: Int32Array;
  private readonly ae = COUNTRIES[0]!;

  constructor(
    private readonly x: Rng,
    private readonly o: GenerateOptions,
    private readonly stats: GenerateStats,
  ) {
    this.columns = hasExtraColumns(o);
    this.dobRate = perSourceRates(o.dobRate, (s) => s.birthYear);
    this.addressRate = perSourceRates(o.addressRate, (s) => s.city);
    this.postcodeRate = perSourceRates(o.postcodeRate, (s) => s.city);
    const offices = officeCount(o);
    this.officeEmailRecords = new Int32Array(offices);
    this.officePhoneRecords = new Int32Array(offices);
  }

  /**
   * An email cell replaced (or filled) by a trap value, or undefined: the look-alike's address a borrower types
   * (half of the cells that would show their primary), the office mailbox (OFFICE_USE of a member's records,
   * whether or not the record showed an email, up to `officeMaxRecords` records per mailbox).
   */
  email(e: PersonExtra, shown: number, write: (address: string) => string): [string, number] | undefined {
    const x = this.x;
    if (e.borrowedEmail && shown === SHOWN_PRIMARY && x.chance(0.5)) return [write(e.borrowedEmail), TRAP_BORROWED];
    if (e.office >= 0 && x.chance(OFFICE_USE) && this.officeEmailRecords[e.office]! < this.o.officeMaxRecords) {
      this.officeEmailRecords[e.office]!++;
      const mailbox = officeEmailOf(e.office);
      return [x.chance(0.2) ? mailbox[0]!.toUpperCase() + mailbox.slice(1) : mailbox, TRAP_OFFICE];
    }
    return undefined;
  }

  /** A phone cell replaced (or filled) by the office phone in OFFICE_USE of a member's records, or undefined. */
  officePhone(e: PersonExtra): string | undefined {
    const x = this.x;
    if (e.office < 0 || !x.chance(OFFICE_USE) || this.officePhoneRecords[e.office]! >= this.o.officeMaxRecords) return undefined;
    this.officePhoneRecords[e.office]!++;
    return formatPhone(this.ae, officePhoneNational(e.office), x.next());
  }

  /** A person phone with the country code in brackets, or undefined. */
  bracketPhone(phone: Phone): string | undefined {
    if (!this.x.chance(this.o.bracketPhoneRate)) return undefined;
    this.stats.bracketPhoneCells++;
    const n = phone.national;
    const cc = this.x.chance(0.6) ? `+${phone.country.callingCode}` : phone.country.callingCode;
    return `(${cc}) ${n.slice(0, 2)} ${n.slice(2, 5)} ${n.slice(5)}`;
  }

  /** Counts the trap values that survived into a record's identifier cells. */
  count(e: PersonExtra, emailShown: number, emailTrap: number, phoneShown: number, phoneWhich: Phone | undefined, phoneTrap: number): void {
    const s = this.stats;
    if (emailTrap === TRAP_BORROWED) s.sharedEmailRecords++;
    else if (emailTrap === TRAP_OFFICE) s.officeEmailRecords++;
    else if (emailTrap === TRAP_NONE && (emailShown === SHOWN_PRIMARY || emailShown === SHOWN_BOTH)) {
      if (e.householdEmail) s.emailHouseholdRecords++;
      if (e.lentEmail) s.sharedEmailRecords++;
    }
    if (phoneTrap === TRAP_OFFICE) s.officePhoneRecords++;
    else if (phoneTrap === TRAP_NONE && e.sharedPhone) {
      if (phoneShown === SHOWN_BOTH || (phoneShown !== SHOWN_NONE && phoneWhich === e.sharedPhone)) s.sharedPhoneRecords++;
    }
  }

  /** A first name as written, with the name traps: nickname, initial. `f` is what the default noise wrote. */
  firstName(first: string, f: string): string {
    const x = this.x;
    const o = this.o;
    const nicks = NICKNAMES[first];
    if (nicks && x.chance(o.nicknameRate)) {
      this.stats.nicknameCells++;
      return x.pick(nicks);
    }
    if (x.chance(o.initialRate)) {
      this.stats.initialCells++;
      return x.chance(0.6) ? `${first[0]}.` : first[0]!;
    }
    return f;
  }

  /** Two adjacent letters of the first (or last) name swapped (`Amna` → `Anma`); returns [first, last]. */
  letterSwap(f: string, l: string): [string, string] {
    const x = this.x;
    if (!x.chance(this.o.letterSwapRate)) return [f, l];
    const useLast = f.length < 4 || x.chance(0.3);
    const swapped = swapLetters(useLast ? l : f, x);
    if (swapped === undefined) return [f, l];
    this.stats.letterSwapCells++;
    return useLast ? [f, swapped] : [swapped, l];
  }

  /** True when this record writes the name as full_name "Last, First". */
  reversed(): boolean {
    return this.x.chance(this.o.reversedNameRate);
  }

  /** A gender cell. */
  gender(male: boolean): string {
    const x = this.x;
    if (x.chance(this.o.genderErrorRate)) {
      male = !male;
      this.stats.genderWrongCells++;
    }
    if (!x.chance(this.o.genderWordRate)) return male ? 'M' : 'F';
    this.stats.genderWordCells++;
    const r = x.next();
    const word = male ? 'male' : 'female';
    return r < 0.6 ? word : r < 0.9 ? word[0]!.toUpperCase() + word.slice(1) : word.toUpperCase();
  }

  /** The address a record carries: the current one, or for movers sometimes the older one. */
  addressOf(e: PersonExtra): Address {
    return e.oldAddress && this.x.chance(this.o.oldAddressShare) ? e.oldAddress : e.address;
  }

  /**
   * `,date_of_birth,address,postcode` of a record carrying address `addr` (empty when the run has no extra
   * columns); counts the record as an old-address one when it shows the older address's city, street or postcode.
   */
  columnsCells(src: SourceModel, e: PersonExtra, addr: Address, cityShown: boolean): string {
    const x = this.x;
    let cells = '';
    let shown = cityShown;
    if (this.columns) {
      const dob = x.chance(this.dobRate[src.index]!) ? this.dobCell(e) : '';
      const address = x.chance(this.addressRate[src.index]!) ? this.addressCell(addr) : '';
      let postcode = '';
      if (x.chance(this.postcodeRate[src.index]!)) {
        postcode = addr.postcode;
        this.stats.postcodeCells++;
      }
      if (address || postcode) shown = true;
      cells = `,${dob},${csvCell(address)},${postcode}`;
    }
    if (shown && addr !== e.address) this.stats.oldAddressRecords++;
    return cells;
  }

  private dobCell(e: PersonExtra): string {
    const x = this.x;
    const o = this.o;
    this.stats.dobCells++;
    let y = e.dobYear;
    let m = e.dobMonth;
    let d = e.dobDay;
    if (x.chance(o.dobYearOnlyRate)) {
      this.stats.dobYearOnlyCells++;
      return String(y);
    }
    if (d <= 12 && d !== m && x.chance(o.dobSwapRate)) {
      [m, d] = [d, m];
      this.stats.dobSwappedCells++;
    } else if (x.chance(o.dobTypoRate)) {
      // One digit of YYYYMMDD (not the century) replaced, keeping a valid calendar date.
      for (let tries = 0; tries < 8; tries++) {
        const digits = `${y}${pad2(m)}${pad2(d)}`;
        const i = 2 + x.int(6);
        const digit = (Number(digits[i]) + 1 + x.int(9)) % 10;
        const t = digits.slice(0, i) + digit + digits.slice(i + 1);
        const ty = Number(t.slice(0, 4));
        const tm = Number(t.slice(4, 6));
        const td = Number(t.slice(6, 8));
        if (tm >= 1 && tm <= 12 && td >= 1 && td <= daysIn(ty, tm) && ty <= 2010) {
          [y, m, d] = [ty, tm, td];
          this.stats.dobTypoCells++;
          break;
        }
      }
    }
    const r = x.next();
    if (r < 0.5) return `${y}-${pad2(m)}-${pad2(d)}`;
    if (r < 0.85) return `${pad2(d)}/${pad2(m)}/${y}`;
    return `${y}${pad2(m)}${pad2(d)}`;
  }

  private addressCell(a: Address): string {
    const x = this.x;
    this.stats.addressCells++;
    let [name, type] = STREETS[a.street]!;
    if (x.chance(this.o.addressAbbrevRate)) {
      type = x.pick(STREET_ABBREVIATIONS[type]!);
      this.stats.addressAbbreviatedCells++;
    }
    if (x.chance(this.o.addressTypoRate)) {
      name = streetTypo(name, x);
      this.stats.addressTypoCells++;
    }
    const cell = `${a.house} ${name} ${type}`;
    return x.chance(0.05) ? cell.toUpperCase() : cell;
  }
}

/** What replaced a record's email / phone cell: nothing, a look-alike's address, the office value. */
export const TRAP_NONE = 0, TRAP_BORROWED = 1, TRAP_OFFICE = 2;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Two adjacent, different letters swapped at a random inner position, or undefined when there are none. */
function swapLetters(s: string, x: Rng): string | undefined {
  const candidates: number[] = [];
  for (let i = 1; i + 1 < s.length; i++) {
    if (isLetter(s[i]!) && isLetter(s[i + 1]!) && s[i] !== s[i + 1]) candidates.push(i);
  }
  if (candidates.length === 0) return undefined;
  const i = x.pick(candidates);
  return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
}

function isLetter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/** A one-letter typo in a street name: adjacent letters swapped, one dropped, or one doubled. */
function streetTypo(name: string, x: Rng): string {
  const r = x.next();
  const swapped = r < 0.4 ? swapLetters(name, x) : undefined;
  if (swapped !== undefined) return swapped;
  const letters: number[] = [];
  for (let i = 1; i < name.length; i++) if (isLetter(name[i]!)) letters.push(i);
  const i = x.pick(letters);
  return r < 0.7 ? name.slice(0, i) + name.slice(i + 1) : name.slice(0, i) + name[i] + name.slice(i);
}
