// Typed arrays indexed by a dense key index grow as keys arrive. Doubling keeps the copying
// to a constant per key on average.

type DenseArray = Float64Array | Int32Array | Uint8Array;

/** The array, or a larger copy of it, so that `index` is inside; new slots hold `fill`. */
export function ensureIndex<T extends DenseArray>(array: T, index: number, fill: number): T {
  if (index < array.length) return array;
  let length = Math.max(64, array.length * 2);
  while (length <= index) length *= 2;
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
