// ISO-8601 calendar date, optionally with a time: `2024-03-01`, `2024-03-01T10:00:00Z`, `2024-03-01 10:00`.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Epoch ms of an ISO-8601 date (the shapes `ISO_DATE` allows, as `Date.parse` reads them), NaN for anything
 * else. perf: the common `YYYY-MM-DDTHH:MM:SSZ` with unambiguous fields is computed directly; `Date.parse` cost
 * more than the rest of mapping a row's dates. Days 29–31 of any month are computed too: `Date.parse` rolls
 * them over into the next month as `Date.UTC` does (the property test holds the two to it). Everything else
 * (day 32, hour 24, offsets, fractions) goes to `Date.parse`, so results are the same.
 */
export function parseIsoDate(v: string): number {
  const codeAt = String.prototype.charCodeAt; // perf: docs/architecture.md, "Loops over a string's characters"
  if (v.length === 20 && codeAt.call(v, 19) === 90 /* Z */ && codeAt.call(v, 10) === 84 /* T */) {
    const y = num(v, 0, 4);
    const mo = num(v, 5, 2);
    const d = num(v, 8, 2);
    const h = num(v, 11, 2);
    const mi = num(v, 14, 2);
    const s = num(v, 17, 2);
    if (
      y >= 100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 59 &&
      codeAt.call(v, 4) === 45 && codeAt.call(v, 7) === 45 && codeAt.call(v, 13) === 58 && codeAt.call(v, 16) === 58
    ) {
      return ((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi) * 60_000 + s * 1000;
    }
  }
  return ISO_DATE.test(v) ? Date.parse(v) : Number.NaN;
}

/**
 * Days from 1970-01-01 to year `y` (100–9999), month `m` (1–12), day `d` (1–31: past a month's end it runs on into
 * the next, as `Date.UTC` does), proleptic Gregorian (H. Hinnant's `days_from_civil`). perf: `Date.UTC` cost more
 * than the rest of reading a timestamp.
 */
function daysFromCivil(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/** The decimal number in `v[at, at + len)`, or -1 when a character is not a digit. */
function num(v: string, at: number, len: number): number {
  let n = 0;
  const codeAt = String.prototype.charCodeAt; // perf: docs/architecture.md, "Loops over a string's characters"
  for (let i = at; i < at + len; i++) {
    const c = codeAt.call(v, i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}
