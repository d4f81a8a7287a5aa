/**
 * Text helpers of report.html. Every string from the data (ids, keys, source names, file names, warnings) is
 * untrusted and goes through `esc` (text and attribute values alike), after `clip` bounds its length.
 */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML and SVG text or a quoted attribute value: `& < > " '` become entities, and control
 * characters (which HTML does not allow, and which would only confuse a reader) become U+FFFD.
 */
export function esc(value: string | number): string {
  return String(value)
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '\uFFFD');
}

/** At most `max` characters (code points), the cut marked with `…`: one long value must not blow up the page. */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  const chars = Array.from(value);
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`;
}

/** perf: `toLocaleString` with options builds a formatter per call (~30 µs here, ~20 ms a report page); one is ~0.7 µs. */
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** `1,234,567`. */
export function fmt(n: number): string {
  return Number.isFinite(n) ? NUMBER.format(n) : String(n);
}

/** `part / whole` as `12.3%` (`–` for an empty whole). */
export function pct(part: number, whole: number, digits = 1): string {
  return whole > 0 ? `${((part / whole) * 100).toFixed(digits)}%` : '–';
}

/** `1.2 GB`, `340 MB`, `12 kB`. */
export function bytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(v < 10 ? 2 : v < 100 ? 1 : 0)} ${units[u]}`;
}

/** A word for a POSIX shell: as is when it is plainly safe, else single-quoted. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
