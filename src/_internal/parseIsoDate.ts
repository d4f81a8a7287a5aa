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
  if (v.length === 20 && v.charCodeAt(19) === 90 /* Z */ && v.charCodeAt(10) === 84 /* T */) {
    const y = num(v, 0, 4);
    const mo = num(v, 5, 2);
    const d = num(v, 8, 2);
    const h = num(v, 11, 2);
    const mi = num(v, 14, 2);
    const s = num(v, 17, 2);
    if (
      y >= 100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && s <= 59 &&
      v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45 && v.charCodeAt(13) === 58 && v.charCodeAt(16) === 58
    ) {
      return Date.UTC(y, mo - 1, d, h, mi, s);
    }
  }
  return ISO_DATE.test(v) ? Date.parse(v) : Number.NaN;
}

/** The decimal number in `v[at, at + len)`, or -1 when a character is not a digit. */
function num(v: string, at: number, len: number): number {
  let n = 0;
  for (let i = at; i < at + len; i++) {
    const c = v.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}
