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
    const century = two(v, 0);
    const yy = two(v, 2);
    const y = century < 0 || yy < 0 ? -1 : century * 100 + yy;
    const mo = two(v, 5);
    const d = two(v, 8);
    const h = two(v, 11);
    const mi = two(v, 14);
    const s = two(v, 17);
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

/**
 * The two decimal digits at `v[at]`, `v[at + 1]`, or a negative number when either is not a digit. perf: no loop,
 * so V8 inlines it (a loop over `len` digits was not, ~0.1 µs a row).
 */
function two(v: string, at: number): number {
  const codeAt = String.prototype.charCodeAt; // perf: docs/architecture.md, "Loops over a string's characters"
  const a = codeAt.call(v, at) - 48;
  const b = codeAt.call(v, at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -100;
}
