/**
 * Seeded, realistic mixed input for the normalizer benchmarks (`normalize.bench.ts`, `normalizeThroughput.ts`):
 * GCC-heavy phone numbers in the formats people type, each distinct value repeated ~2.5 times in random order, and
 * ~10% invalid or junk values. Built once, outside any timed body.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** mulberry32: a tiny seeded PRNG, the same values on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rnd = () => number;
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const digitsOf = (rnd: Rnd, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(rnd() * 10));
  return s;
};

/** Mobile plans: calling code, operator prefixes, subscriber digits, weight (GCC-heavy, as in the MAF data). */
const PHONE_COUNTRIES: readonly (readonly [string, readonly string[], number, number])[] = [
  ['971', ['50', '52', '54', '55', '56', '58'], 7, 0.5],
  ['966', ['50', '53', '54', '55', '56', '58', '59'], 7, 0.09],
  ['965', ['50', '55', '66', '90', '94', '97', '99'], 6, 0.04],
  ['974', ['33', '55', '66', '70', '77'], 6, 0.04],
  ['973', ['33', '34', '36', '37', '39'], 6, 0.03],
  ['968', ['91', '92', '93', '94', '95', '97', '98', '99'], 6, 0.03],
  ['20', ['10', '11', '12', '15'], 8, 0.05],
  ['91', ['98', '97', '96', '95', '94', '93', '90', '99'], 8, 0.08],
  ['92', ['300', '301', '310', '321', '333', '345'], 7, 0.04],
  ['44', ['7400', '7500', '7800', '7900'], 6, 0.03],
  ['1', ['212', '415', '646', '718', '917', '305'], 7, 0.03],
  ['33', ['6', '7'], 8, 0.02],
  ['63', ['917', '918', '919', '927', '939'], 7, 0.02],
];

function randomMobile(rnd: Rnd): { cc: string; national: string } {
  for (;;) {
    let r = rnd();
    let c = PHONE_COUNTRIES[0]!;
    for (const x of PHONE_COUNTRIES) {
      if (r < x[3]) {
        c = x;
        break;
      }
      r -= x[3];
    }
    const national = pick(rnd, c[1]) + digitsOf(rnd, c[2]);
    // Only numbers libphonenumber-js (max) calls valid: the invalid share is added on purpose below.
    if (parsePhoneNumberFromString(`+${c[0]}${national}`)?.isValid()) return { cc: c[0], national };
  }
}

/** One of the ways people write a number (national forms with the trunk 0 only for AE, the default region). */
function formatPhone(rnd: Rnd, cc: string, n: string): string {
  const a = n.slice(0, 2);
  const b = n.slice(2, 5);
  const rest = n.slice(5);
  const r = rnd();
  if (cc === '971') {
    if (r < 0.22) return `+${cc} ${a} ${b} ${rest}`;
    if (r < 0.36) return `00${cc}${n}`;
    if (r < 0.56) return `0${n}`;
    if (r < 0.64) return `0${a}-${b}-${rest}`;
    if (r < 0.74) return `${cc}${n}`;
    if (r < 0.82) return `(0${a}) ${b} ${rest}`;
    if (r < 0.9) return `+${cc}${n}`;
    if (r < 0.95) return `+${cc}.${a}.${b}.${rest}`;
    return `+${cc}-${a}-${b}${rest}`;
  }
  if (r < 0.4) return `+${cc} ${a} ${b} ${rest}`;
  if (r < 0.7) return `00${cc}${n}`;
  if (r < 0.85) return `+${cc}${n}`;
  return `00${cc} ${a}-${b}-${rest}`;
}

const JUNK_PHONES = ['n/a', '-', '0000000000', '1234567890', '050 000 0000', 'none', '0', '+971 50 000 0000', 'null', '.', '123'];

function invalidPhone(rnd: Rnd): string {
  const r = rnd();
  if (r < 0.4) return pick(rnd, JUNK_PHONES);
  if (r < 0.6) return `05${digitsOf(rnd, 5)}`; // too short
  if (r < 0.8) return `+971 59 ${digitsOf(rnd, 7)}`; // unallocated prefix
  if (r < 0.9) return `call ${digitsOf(rnd, 6)}`;
  return `+${digitsOf(rnd, 16)}`; // too long
}

/**
 * `n` values built from `values` (a generator of distinct canonical things) with the realistic repeat rate: each
 * distinct value 1–4 times (mean 2.5), each occurrence formatted independently, ~`invalidShare` bad values mixed in,
 * shuffled (Fisher–Yates).
 */
function mixed(n: number, seed: number, invalidShare: number, make: (rnd: Rnd) => (rnd: Rnd) => string, bad: (rnd: Rnd) => string): string[] {
  const rnd = prng(seed);
  const out: string[] = [];
  while (out.length < n) {
    if (rnd() < invalidShare) {
      out.push(bad(rnd));
      continue;
    }
    const variant = make(rnd);
    const copies = 1 + Math.floor(rnd() * 4);
    for (let c = 0; c < copies && out.length < n; c++) out.push(variant(rnd));
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}

/** Invalid share per item drawn so that ~10% of all values are bad (good items carry 2.5 values each). */
const BAD_ITEM_SHARE = 0.1 / (0.1 + 0.9 / 2.5);

export function phoneInputs(n: number, seed = 1): string[] {
  return mixed(n, seed, BAD_ITEM_SHARE, (rnd) => {
    const { cc, national } = randomMobile(rnd);
    return (r) => formatPhone(r, cc, national);
  }, invalidPhone);
}

/** All distinct valid numbers, each once (the cold-cache figure). */
export function distinctPhoneInputs(n: number, seed = 2): string[] {
  const rnd = prng(seed);
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < n) {
    const { cc, national } = randomMobile(rnd);
    if (seen.has(cc + national)) continue;
    seen.add(cc + national);
    out.push(formatPhone(rnd, cc, national));
  }
  return out;
}

const FIRST = ['ahmed', 'sara', 'omar', 'layla', 'mohammed', 'fatima', 'khalid', 'noura', 'yousef', 'mariam', 'john', 'priya', 'raj', 'anna'];
const LAST = ['khan', 'haddad', 'saleh', 'mansour', 'qasim', 'rahman', 'smith', 'nair', 'sharma', 'ali'];
const DOMAINS = ['gmail.com', 'gmail.com', 'gmail.com', 'hotmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'emirates.net.ae', 'maf.ae'];

const name = (rnd: Rnd): string => `${pick(rnd, FIRST)}${pick(rnd, ['.', '_', ''])}${pick(rnd, LAST)}${Math.floor(rnd() * 1000)}`;
const caseNoise = (rnd: Rnd, s: string): string => (rnd() < 0.2 ? s.toUpperCase() : rnd() < 0.3 ? s[0]!.toUpperCase() + s.slice(1) : s);

export function emailInputs(n: number, seed = 3): string[] {
  return mixed(n, seed, BAD_ITEM_SHARE, (rnd) => {
    const local = name(rnd);
    const domain = pick(rnd, DOMAINS);
    return (r) => {
      const l = domain === 'gmail.com' && r() < 0.3 ? `${local}+promo` : local;
      return caseNoise(r, r() < 0.1 ? ` ${l}@${domain} ` : `${l}@${domain}`);
    };
  }, (rnd) => pick(rnd, ['n/a', 'test@test.com', 'noemail@maf.ae', 'foo@', 'no email', 'a@b', `${name(rnd)}@gmial.com`]));
}

export function loginInputs(n: number, seed = 4): string[] {
  return mixed(n, seed, BAD_ITEM_SHARE, (rnd) => {
    const login = name(rnd);
    return (r) => caseNoise(r, login);
  }, (rnd) => pick(rnd, ['guest', 'admin', 'n/a', '', 'test', 'Ａｌｉｃｅ', 'user']));
}

const PLATFORMS = ['instagram', 'twitter', 'tiktok', 'facebook', 'snapchat', 'telegram', 'whatsapp'] as const;

/** `[platform, value]` pairs: `@name`, `name`, profile URLs with case noise; WhatsApp numbers and wa.me links. */
export function handleInputs(n: number, seed = 5): [string, string][] {
  const values = mixed(n, seed, BAD_ITEM_SHARE, (r) => {
    const platform = pick(r, PLATFORMS);
    if (platform === 'whatsapp') {
      const { cc, national } = randomMobile(r);
      return (q) => (q() < 0.3 ? `whatsapp|https://wa.me/${cc}${national}` : `whatsapp|${formatPhone(q, cc, national)}`);
    }
    const handle = `${pick(r, FIRST)}${pick(r, platform === 'twitter' || platform === 'telegram' ? ['_', ''] : ['.', '_', ''])}${pick(r, LAST)}${Math.floor(r() * 100)}`.slice(0, 15);
    const host = { instagram: 'instagram.com', twitter: 'x.com', tiktok: 'tiktok.com', facebook: 'facebook.com', snapchat: 'snapchat.com/add', telegram: 't.me' }[platform];
    return (q) => {
      const h = caseNoise(q, handle);
      const f = q();
      if (f < 0.4) return `${platform}|@${h}`;
      if (f < 0.7) return `${platform}|${h}`;
      if (f < 0.85) return `${platform}|https://www.${host}/${platform === 'tiktok' ? '@' : ''}${h}/`;
      return `${platform}|${host}/${platform === 'tiktok' ? '@' : ''}${h}?utm_source=ig`;
    };
  }, (r) => `${pick(r, PLATFORMS)}|${pick(r, ['n/a', '@null', '-', 'https://www.instagram.com/p/Cx1/', 'x.com/home', 'a b c', '@test'])}`);
  return values.map((v) => {
    const bar = v.indexOf('|');
    return [v.slice(0, bar), v.slice(bar + 1)];
  });
}

export function externalIdInputs(n: number, seed = 6): string[] {
  return mixed(n, seed, BAD_ITEM_SHARE, (rnd) => {
    const id = `L${digitsOf(rnd, 9)}`;
    return (r) => (r() < 0.2 ? ` ${id} ` : id);
  }, (rnd) => pick(rnd, ['n/a', '', '-', 'null', '0']));
}
