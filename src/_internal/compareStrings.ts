/** Orders strings by UTF-16 code unit (JavaScript's `<`), the order `ByteInterner.compare` gives interned ids. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
