/**
 * Seeded MAF-like customer records for the incremental benchmark: ~2.5 records per person from several sources,
 * the same email and phone written differently by each source, family phones shared by people with different
 * first names, loyalty cards, logins, Instagram handles, a few typo'd domains and junk values.
 */
import type { CustomerRecord } from '../../src/types.js';
import { prng } from '../normalizeInputs.js';

const FIRST = ['Ahmed', 'Sara', 'Omar', 'Layla', 'Mohammed', 'Fatima', 'Khalid', 'Noura', 'Yousef', 'Mariam', 'Ali', 'Hessa', 'James', 'Priya', 'Ravi', 'Anna'];
const LAST = ['Khan', 'Haddad', 'Saleh', 'Mansour', 'Qasim', 'Rahman', 'Brown', 'Nair', 'Aziz', 'Hassan'];
const SOURCES = ['share-app', 'vox-cinemas', 'pos', 'mall-wifi', 'ecommerce', 'carrefour'];
const DOMAINS = ['gmail.com', 'hotmail.com', 'yahoo.com', 'outlook.com', 'icloud.com'];
const CITIES = ['Dubai', 'Sharjah', 'Abu Dhabi', 'Riyadh', 'Doha', 'Muscat'];

interface Person {
  readonly first: string;
  readonly last: string;
  readonly local: string;
  readonly domain: string;
  readonly mobile: string;
  readonly familyPhone: string | undefined;
  readonly loyalty: string | undefined;
  readonly login: string | undefined;
  readonly instagram: string | undefined;
}

/** An endless seeded stream of persons and their records. */
export class RecordStream {
  private readonly rnd: () => number;
  private person = 0;
  private record = 0;
  private last: Person | undefined;

  constructor(seed = 42) {
    this.rnd = prng(seed);
  }

  /** All records of the next person (1 + geometric, mean ~2.5). */
  nextPerson(): CustomerRecord[] {
    const p = this.makePerson();
    const out: CustomerRecord[] = [];
    let copies = 1;
    while (copies < 12 && this.rnd() < 0.6) copies++;
    for (let c = 0; c < copies; c++) out.push(this.recordOf(p, c));
    return out;
  }

  /** One more record of a recent person, as another source would send it. */
  recordOfLastPerson(): CustomerRecord {
    return this.recordOf(this.last ?? this.makePerson(), 1 + Math.floor(this.rnd() * 3));
  }

  /** `count` records of one person that all share the same email (a 10-record profile, say). */
  profileOf(count: number): CustomerRecord[] {
    const p = this.makePerson();
    return Array.from({ length: count }, (_, c) => this.recordOf(p, c % 2, true));
  }

  private makePerson(): Person {
    const r = this.rnd;
    const i = this.person++;
    const first = FIRST[Math.floor(r() * FIRST.length)]!;
    const last = LAST[Math.floor(r() * LAST.length)]!;
    const family = this.last && r() < 0.1 ? (this.last.familyPhone ?? this.last.mobile) : undefined;
    const p: Person = {
      first,
      last,
      local: `${first}.${last}${i.toString(36)}`.toLowerCase(),
      domain: DOMAINS[Math.floor(r() * DOMAINS.length)]!,
      mobile: `5${Math.floor(r() * 10)}${String(1_000_000 + Math.floor(r() * 8_999_999))}`,
      familyPhone: family,
      loyalty: r() < 0.4 ? `MAF${String(1e9 + i)}` : undefined,
      login: r() < 0.2 ? `${first}_${last}_${i.toString(36)}`.toLowerCase() : undefined,
      instagram: r() < 0.15 ? `${first}.${i.toString(36)}`.toLowerCase() : undefined,
    };
    this.last = p;
    return p;
  }

  private recordOf(p: Person, copy: number, alwaysEmail = false): CustomerRecord {
    const r = this.rnd;
    const emails: string[] = [];
    const phones: string[] = [];
    if (alwaysEmail || r() < 0.75) {
      const variant = r();
      if (r() < 0.02) emails.push(r() < 0.5 ? 'test@test.com' : `${p.local}@gmial.com`);
      else if (p.domain === 'gmail.com' && variant < 0.3) emails.push(`${p.local.replace('.', '')}+promo@googlemail.com`);
      else if (variant < 0.5) emails.push(` ${p.local.toUpperCase()}@${p.domain}`);
      else emails.push(`${p.local}@${p.domain}`);
    }
    if (r() < 0.7) {
      const m = p.familyPhone !== undefined && r() < 0.5 ? p.familyPhone : p.mobile;
      const f = r();
      phones.push(f < 0.3 ? `+971 ${m.slice(0, 2)} ${m.slice(2, 5)} ${m.slice(5)}` : f < 0.6 ? `0${m}` : f < 0.8 ? `00971${m}` : `+971-${m}`);
    }
    if (r() < 0.01) phones.push('0000000000');
    const id = `c${(this.record++).toString(36)}-${Math.floor(r() * 1296).toString(36)}`;
    return {
      id,
      source: SOURCES[(copy + Math.floor(r() * SOURCES.length)) % SOURCES.length]!,
      updatedAt: new Date(1_600_000_000_000 + Math.floor(r() * 2e11)).toISOString(),
      emails,
      phones,
      ...(p.login && copy === 0 ? { logins: [p.login] } : {}),
      ...(p.instagram && r() < 0.5 ? { handles: [{ platform: 'instagram', handle: `@${p.instagram}` }] } : {}),
      ...(p.loyalty && r() < 0.6 ? { externalIds: [{ namespace: 'loyalty', value: p.loyalty }] } : {}),
      firstName: r() < 0.9 ? p.first : '',
      lastName: r() < 0.8 ? p.last : '',
      attributes: { city: CITIES[Math.floor(r() * CITIES.length)]! },
    };
  }
}
