/**
 * True when the string holds a character above U+007F.
 *
 * perf: the cheap gate before any Unicode work (NFC/NFKC, invisible-character stripping, property-escape regexes),
 * as zod checks ASCII first. Almost every identifier in real CRM data is ASCII, so the slow path is rare.
 */
export function hasNonAscii(s: string): boolean {
  const codeAt = String.prototype.charCodeAt; // perf: docs/architecture.md, "Loops over a string's characters"
  const n = s.length;
  for (let i = 0; i < n; i++) if (codeAt.call(s, i) > 0x7f) return true;
  return false;
}
