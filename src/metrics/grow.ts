// Typed arrays indexed by a dense key index grow as keys arrive. They grow in place: each sits
// on a resizable ArrayBuffer that reserves address space up front and commits memory only as
// the array grows, so growing copies nothing and leaves no old array behind for the collector.
// Copying growth (half again, each time) kept a quarter of every per-order array unused on
// average, and each old array alive until a full collection freed it: on the million-line
// bench, 30 MB of the peak was such garbage (measured with a heap snapshot after ingest).
//
// Reserving is only address space, but it is not free everywhere (a process under `ulimit -v`);
// an array that cannot reserve, or outgrows its reservation, grows by copying as before.

type DenseArray = Float64Array | Int32Array | Uint8Array | Uint32Array;

/** Address space each growing array reserves: an array this large is far past any export. */
const RESERVED_BYTES = 1 << 30;
/** Grown arrays commit whole steps of this many bytes, or an eighth more, whichever is more. */
const STEP_BYTES = 64 << 10;

type Constructor<T> = new (buffer: ArrayBuffer | number) => T;

/** Whether `array` is a view that follows its resizable buffer's length (as grown() makes them). */
function followsItsBuffer(array: DenseArray): boolean {
  const buffer = array.buffer as ArrayBuffer;
  return buffer.resizable && array.byteOffset === 0 && array.byteLength === buffer.byteLength;
}

function grownByteLength(array: DenseArray, length: number): number {
  const bytes = Math.max(length * array.BYTES_PER_ELEMENT, array.byteLength + (array.byteLength >>> 3));
  return Math.ceil(bytes / STEP_BYTES) * STEP_BYTES;
}

/** A copy on a fresh resizable buffer, or a plain copy half again as long where none can be had. */
function grownCopy<T extends DenseArray>(array: T, length: number): T {
  const constructor = array.constructor as Constructor<T>;
  const bytes = grownByteLength(array, length);
  let grown: T;
  try {
    grown = new constructor(new ArrayBuffer(bytes, { maxByteLength: Math.max(bytes, RESERVED_BYTES) }));
  } catch {
    grown = new constructor(Math.max(length, Math.ceil(array.length * 1.5)));
  }
  grown.set(array);
  return grown;
}

/** `array` with room for at least `length` entries: the same array grown in place, or a larger copy. */
export function grown<T extends DenseArray>(array: T, length: number): T {
  if (length <= array.length) return array;
  if (followsItsBuffer(array)) {
    const buffer = array.buffer as ArrayBuffer;
    const bytes = Math.min(grownByteLength(array, length), buffer.maxByteLength);
    if (bytes >= length * array.BYTES_PER_ELEMENT) {
      buffer.resize(bytes);
      return array;
    }
  }
  return grownCopy(array, length);
}

/** The array, grown if need be so that `index` is inside; new slots hold `fill`. */
export function ensureIndex<T extends DenseArray>(array: T, index: number, fill: number): T {
  if (index < array.length) return array;
  const filledTo = array.length;
  const result = grown(array, index + 1);
  if (fill !== 0) result.fill(fill, filledTo);
  return result;
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
