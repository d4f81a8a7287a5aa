/**
 * Sorts for the few elements a profile line orders (its members, identifiers, fields: usually 1–10), where the
 * built-in sorts' set-up costs more than the sort. perf: `Array.prototype.sort` with a comparator and
 * `TypedArray.prototype.sort` were ~8% of building profile lines at 1M rows. Above `SMALL` elements the built-in
 * sorts run, so a large profile stays O(n log n).
 *
 * Both sort the same as the built-in sorts: ascending numbers (the values here are finite, never -0 against 0),
 * and a stable insertion sort where `Array.prototype.sort` is stable too.
 */

const SMALL = 16;

/** Sorts `a[0, n)` ascending, in place (finite numbers). */
export function sortNumbers(a: Float64Array, n: number): void {
  if (n > SMALL) {
    a.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}

/** Sorts `a` in place by `compare`, stably. */
export function sortBy(a: number[], compare: (x: number, y: number) => number): void {
  const n = a.length;
  if (n > SMALL) {
    a.sort(compare);
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= 0 && compare(a[j]!, v) > 0) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}
