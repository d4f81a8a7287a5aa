/** Whether the bytes `a[aFrom, aTo)` and `b[bFrom, bTo)` are equal (for UTF-8, whether their texts are). */
export function sameBytes(a: Uint8Array, aFrom: number, aTo: number, b: Uint8Array, bFrom: number, bTo: number): boolean {
  const n = aTo - aFrom;
  if (n !== bTo - bFrom) return false;
  for (let i = 0; i < n; i++) if (a[aFrom + i] !== b[bFrom + i]) return false;
  return true;
}
