// Typed arrays indexed by a dense key index grow as keys arrive. Growing by half again keeps
// the copying to a constant per key on average, and wastes a sixth of the memory on average
// rather than doubling's third. These are the per-group arrays (creators, products, sessions,
// pairs): the per-order and per-buyer facts, millions of entries, sit in pages (paged.ts).

type DenseArray = Float64Array | Int32Array | Uint8Array;

/** The array, or a larger copy of it, so that `index` is inside; new slots hold `fill`. */
export function ensureIndex<T extends DenseArray>(array: T, index: number, fill: number): T {
  if (index < array.length) return array;
  let length = Math.max(64, Math.ceil(array.length * 1.5));
  while (length <= index) length = Math.ceil(length * 1.5);
  const Constructor = array.constructor as new (length: number) => T;
  const grown = new Constructor(length);
  grown.set(array);
  if (fill !== 0) grown.fill(fill, array.length);
  return grown;
}

/** Plain arrays of optional values (names) grow the same way, padded with null. */
export function ensureListIndex<T>(list: (T | null)[], index: number): void {
  while (list.length <= index) list.push(null);
}

/**
 * A copy of the first `length` entries (fewer when the array is shorter): what a worker posts,
 * since posting a view copies its whole buffer, room to grow included.
 */
export function trimmed<T extends DenseArray>(array: T, length: number): T {
  return array.slice(0, Math.min(length, array.length)) as T;
}
