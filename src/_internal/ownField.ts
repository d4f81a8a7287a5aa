/**
 * Field names come from untrusted input (CSV headers, NDJSON keys, attribute names), so objects keyed by them
 * must never see `__proto__`'s setter or an inherited `toString`. These two helpers are the only way such
 * objects are written and read.
 */

/** `obj[key] = value` as an own, enumerable property, even for `__proto__` (plain assignment would set the prototype). */
export function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** `obj[key]` when `key` is the object's own property; undefined for inherited names (`toString`, `constructor`). */
export function getOwn<T>(obj: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}
