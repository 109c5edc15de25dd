// Per-order and per-buyer facts in pages of a fixed size, added as keys arrive and never
// copied. A typed array grown by half again is copied at each growth, and the old copy, soon
// garbage, is freed only by a full collection, into an allocator that keeps the memory. On the
// bench's million lines (one thread) the peak came at the per-order arrays' last growth: array
// buffers 105 → 141 MB and resident memory 224 → 261 MB within a tenth of a second. In pages,
// the peak was 242 against 266–281 MiB, at 0.99x–1.08x the time (farm-bench -n 5, twice).
//
// Each element type is its own class with its own get and set, so that every access site sees
// one kind of typed array: one generic class took 1.135x the instructions a line (valgrind,
// bench/instructions.mjs over 100,000 lines).

const PAGE_BITS = 16;
const PAGE_LENGTH = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_LENGTH - 1;

type Page = Float64Array | Int32Array | Uint8Array;

abstract class PagedArray<T extends Page> {
  readonly pages: T[] = [];
  /** How many entries are addressable: whole pages. */
  length = 0;

  /** `fill`: what an entry holds before it is first set. */
  constructor(readonly fill: number) {}

  protected abstract allocate(length: number): T;

  /** Makes `index` addressable. */
  ensure(index: number): void {
    while (index >= this.length) {
      const page = this.allocate(PAGE_LENGTH);
      if (this.fill !== 0) page.fill(this.fill);
      this.pages.push(page);
      this.length += PAGE_LENGTH;
    }
  }

  /**
   * The first `count` entries as one flat copy: what a worker posts (its ranges hold tens of
   * thousands of orders), and what the main thread folds in with a plain loop.
   */
  toFlat(count: number): T {
    const into = this.allocate(count);
    for (let page = 0; page * PAGE_LENGTH < count; page++) {
      const source = this.pages[page];
      if (source === undefined) {
        into.fill(this.fill, page * PAGE_LENGTH);
        break;
      }
      const used = Math.min(PAGE_LENGTH, count - page * PAGE_LENGTH);
      into.set(used === PAGE_LENGTH ? source : source.subarray(0, used), page * PAGE_LENGTH);
    }
    return into;
  }
}

export class PagedFloat64 extends PagedArray<Float64Array> {
  protected allocate(length: number): Float64Array {
    return new Float64Array(length);
  }
  get(index: number): number {
    return this.pages[index >>> PAGE_BITS]![index & PAGE_MASK]!;
  }
  set(index: number, value: number): void {
    this.pages[index >>> PAGE_BITS]![index & PAGE_MASK] = value;
  }
}

export class PagedInt32 extends PagedArray<Int32Array> {
  protected allocate(length: number): Int32Array {
    return new Int32Array(length);
  }
  get(index: number): number {
    return this.pages[index >>> PAGE_BITS]![index & PAGE_MASK]!;
  }
  set(index: number, value: number): void {
    this.pages[index >>> PAGE_BITS]![index & PAGE_MASK] = value;
  }
}

export class PagedUint8 extends PagedArray<Uint8Array> {
  protected allocate(length: number): Uint8Array {
    return new Uint8Array(length);
  }
  get(index: number): number {
    return this.pages[index >>> PAGE_BITS]![index & PAGE_MASK]!;
  }
  set(index: number, value: number): void {
    this.pages[index >>> PAGE_BITS]![index & PAGE_MASK] = value;
  }
}
