// Duplicate order lines (same order id + product + SKU, across every orders file: monthly
// exports overlap) are counted once. This set is the only memory ingest keeps per line, so it
// stores a 64-bit fingerprint of the key in typed arrays (16 bytes a line at most) rather than
// the key strings (~100 bytes a line in a JS Set). Two different keys share a fingerprint with
// probability about n²/2⁶⁵: for a million lines, 3 in 100 million runs.

const SEPARATOR = 0x1f; // unit separator: cannot occur in a CSV cell an export writes

// The two halves of the last fingerprint: module state instead of a returned pair, because this
// runs once per order line and an allocation per line shows up in profiles.
let fingerprintHigh = 0;
let fingerprintLow = 0;

function fingerprint(orderId: string, productId: string | null, sku: string | null): void {
  let first = 0x811c9dc5; // FNV-1a
  let second = 0x9747b28c; // a multiply-xorshift stream with another constant
  for (let part = 0; part < 3; part++) {
    const text = part === 0 ? orderId : part === 1 ? (productId ?? '') : (sku ?? '');
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      first = Math.imul(first ^ code, 0x01000193);
      second = Math.imul(second ^ code, 0x5bd1e995);
      second ^= second >>> 15;
    }
    first = Math.imul(first ^ SEPARATOR, 0x01000193);
    second = Math.imul(second ^ SEPARATOR, 0x5bd1e995);
  }
  fingerprintHigh = finalMix(first);
  const low = finalMix(second);
  // (0, 0) marks an empty slot in every table of fingerprints: a key that mixes to it is stored as (0, 1).
  fingerprintLow = fingerprintHigh === 0 && low === 0 ? 1 : low;
}

/** murmur3's finaliser: spreads every input bit over the whole word. */
function finalMix(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** What the row rules ask of the order lines seen so far: is this one new (and remember it). */
export interface OrderKeySet {
  add(orderId: string, productId: string | null, sku: string | null): boolean;
}

/** The set as plain data, to post to or from a worker thread. */
export interface OrderKeysState {
  slots: Uint32Array;
  mask: number;
  count: number;
}

export class OrderLineKeys implements OrderKeySet {
  /** Pairs of 32-bit halves; (0, 0) marks an empty slot. */
  private slots: Uint32Array = new Uint32Array(2 * 1024);
  private mask = 1023;
  private count = 0;

  /**
   * `earlier`: keys seen before this set began (earlier files, read by a worker thread that
   * cannot share them). A key found there is a duplicate too, and is not stored again here.
   */
  constructor(private readonly earlier: OrderLineKeys | null = null) {}

  static fromState(state: OrderKeysState): OrderLineKeys {
    const keys = new OrderLineKeys();
    keys.slots = state.slots;
    keys.mask = state.mask;
    keys.count = state.count;
    return keys;
  }

  get size(): number {
    return this.count;
  }

  /** Shares memory with the set: post it or drop the set. */
  state(): OrderKeysState {
    return { slots: this.slots, mask: this.mask, count: this.count };
  }

  /** True when this key was not seen before (and remembers it). */
  add(orderId: string, productId: string | null, sku: string | null): boolean {
    fingerprint(orderId, productId, sku);
    const high = fingerprintHigh;
    const low = fingerprintLow;
    if (this.earlier !== null && this.earlier.contains(high, low)) return false;
    return this.addFingerprint(high, low);
  }

  /**
   * Adds every key of `other`, which is not to be used afterwards (an empty set takes its
   * table over); returns how many of them this set held already.
   */
  absorb(other: OrderLineKeys): number {
    if (this.count === 0 && this.earlier === null) {
      this.slots = other.slots;
      this.mask = other.mask;
      this.count = other.count;
      return 0;
    }
    let shared = 0;
    other.forEachFingerprint((high, low) => {
      if (!this.addFingerprint(high, low)) shared++;
    });
    return shared;
  }

  /** Every key's fingerprint, in slot order. */
  forEachFingerprint(visit: (high: number, low: number) => void): void {
    const slots = this.slots;
    for (let at = 0; at < slots.length; at += 2) {
      if (slots[at] !== 0 || slots[at + 1] !== 0) visit(slots[at]!, slots[at + 1]!);
    }
  }

  /** Adds a fingerprint (made here or elsewhere); true when it was not here. */
  addFingerprint(high: number, low: number): boolean {
    if (!this.insert(high, low)) return false;
    this.count++;
    if (this.count * 2 > this.mask) this.grow();
    return true;
  }

  /** Whether the set holds this fingerprint (for another set that checks this one first). */
  contains(high: number, low: number): boolean {
    const slots = this.slots;
    let slot = high & this.mask;
    for (;;) {
      const at = slot * 2;
      const storedHigh = slots[at]!;
      const storedLow = slots[at + 1]!;
      if (storedHigh === high && storedLow === low) return true;
      if (storedHigh === 0 && storedLow === 0) return false;
      slot = (slot + 1) & this.mask;
    }
  }

  private insert(high: number, low: number): boolean {
    const slots = this.slots;
    let slot = high & this.mask;
    for (;;) {
      const at = slot * 2;
      const storedHigh = slots[at]!;
      const storedLow = slots[at + 1]!;
      if (storedHigh === 0 && storedLow === 0) {
        slots[at] = high;
        slots[at + 1] = low;
        return true;
      }
      if (storedHigh === high && storedLow === low) return false;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.mask = this.mask * 2 + 1;
    this.slots = new Uint32Array(2 * (this.mask + 1));
    for (let at = 0; at < old.length; at += 2) {
      if (old[at] !== 0 || old[at + 1] !== 0) this.insert(old[at]!, old[at + 1]!);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// One file read on several threads: every thread's order lines go into one table in shared
// memory, so no thread folds another's keys into its own (the main thread spent 0.23 s of the
// million-line read absorbing the workers' keys and growing its set, the worker 0.1 s more).
//
// Each key is tagged with the range it was first read in. Every thread reads its ranges in file
// order, and the main thread reads or folds a range only once every range before it is read,
// so a key already tagged with this range or an earlier one is a duplicate, as one pass would
// count it. A key tagged with a later range was read first by another thread, whose range then
// took it for new although one pass would not: the table says so (`conflict`), and the file is
// read again in one pass before that range is folded in (that thread sets the flag while
// reading a range that comes earlier, which the main thread checks before each fold).

const COUNT = 0;
const CONFLICT = 1;
const FULL = 2;
/** A slot's tag while its key is being written. */
const WRITING = -1;
/** Tags are 16-bit: 1 + a range's number. */
export const MAX_SHARED_RANGES = 0x7ffe;

/** The table as the threads share it (posting it to a worker shares the memory, no copy). */
export interface SharedKeysTable {
  /** Pairs of 32-bit halves, as OrderLineKeys keeps them; (0, 0) in an empty slot. */
  slots: Uint32Array;
  /** Per slot: 0 empty, WRITING, or 1 + the range its key was first read in. */
  tags: Int16Array;
  /** Keys in the table, whether a range took a key for new that an earlier one holds, whether the table filled up. */
  state: Int32Array;
}

/**
 * At most 70% full at the expected number of keys (linear probes stay short), full at 90%:
 * every slot is touched sooner or later, so a roomier table is that much more resident memory.
 */
export function createSharedKeysTable(expectedKeys: number): SharedKeysTable {
  let capacity = 1024;
  while (capacity * 0.7 < expectedKeys) capacity *= 2;
  return {
    slots: new Uint32Array(new SharedArrayBuffer(8 * capacity)),
    tags: new Int16Array(new SharedArrayBuffer(2 * capacity)),
    state: new Int32Array(new SharedArrayBuffer(12)),
  };
}

/** True once one pass must decide: a range took a key for new that an earlier range holds, or the table filled up. */
export function sharedKeysUnsure(table: SharedKeysTable): boolean {
  return Atomics.load(table.state, CONFLICT) !== 0 || Atomics.load(table.state, FULL) !== 0;
}

/** The table's keys as an ordinary set, for the files read after this one. */
export function sharedKeysAsSet(table: SharedKeysTable): OrderLineKeys {
  return OrderLineKeys.fromState({
    slots: table.slots,
    mask: table.tags.length - 1,
    count: Atomics.load(table.state, COUNT),
  });
}

/** What SharedOrderLineKeys.insert says when there is no room left for a key. */
const FULL_TABLE = Symbol('full');

/** One thread's view of the shared table while it reads range `range` of the file. */
export class SharedOrderLineKeys implements OrderKeySet {
  /**
   * Keys of this range once the table is full: the range still counts its own duplicates
   * right, and the flag sends the file to one pass before anything after it is folded in.
   */
  private overflow: OrderLineKeys | null = null;
  /** This thread's own set, while it has not shared its keys yet or once it reads alone. */
  private own: OrderLineKeys | null;

  /**
   * `table` null: the keys stay this thread's own until share() (the main thread's first
   * range is read before it is known whether any worker will read with it).
   */
  constructor(
    private table: SharedKeysTable | null,
    private readonly range: number,
    /** The files read before this one. */
    private readonly earlier: OrderLineKeys | null,
  ) {
    this.own = table === null ? new OrderLineKeys() : null;
  }

  add(orderId: string, productId: string | null, sku: string | null): boolean {
    fingerprint(orderId, productId, sku);
    const high = fingerprintHigh;
    const low = fingerprintLow;
    if (this.earlier !== null && this.earlier.contains(high, low)) return false;
    if (this.own !== null) return this.own.addFingerprint(high, low);
    return this.shared(this.table!, high, low);
  }

  /** Moves the keys seen so far into `table`, where the keys to come go too. */
  share(table: SharedKeysTable): void {
    const own = this.own;
    this.table = table;
    this.own = null;
    own?.forEachFingerprint((high, low) => void this.shared(table, high, low));
  }

  /**
   * No other thread will use the table (the file is read by this one alone): the keys to come
   * go into an ordinary set of this thread's, without atomics (they cost one pass 1% of its
   * time), holding the keys so far. Returns that set, which holds this file's keys once it is
   * read.
   */
  alone(): OrderLineKeys {
    if (this.own === null) {
      // Only this thread has written to the table (workers wait to be told to read on).
      const own = sharedKeysAsSet(this.table!);
      if (this.overflow !== null) own.absorb(this.overflow);
      this.own = own;
    }
    return this.own;
  }

  private shared(table: SharedKeysTable, high: number, low: number): boolean {
    const found = this.insert(table, high, low);
    if (found !== FULL_TABLE) return found;
    this.overflow ??= new OrderLineKeys();
    return this.overflow.addFingerprint(high, low);
  }

  /** Whether the key is new here; FULL_TABLE when there is no room left for it. */
  private insert(table: SharedKeysTable, high: number, low: number): boolean | typeof FULL_TABLE {
    const { slots, tags, state } = table;
    const mask = tags.length - 1;
    const tag = this.range + 1;
    let slot = high & mask;
    for (;;) {
      let seen = Atomics.load(tags, slot);
      if (seen === 0) {
        if (Atomics.load(state, COUNT) * 10 >= tags.length * 9) {
          Atomics.store(state, FULL, 1);
          return FULL_TABLE;
        }
        seen = Atomics.compareExchange(tags, slot, 0, WRITING);
        if (seen === 0) {
          slots[slot * 2] = high;
          slots[slot * 2 + 1] = low;
          // Publishes the key: a thread that reads this tag then reads the halves written before it.
          Atomics.store(tags, slot, tag);
          Atomics.add(state, COUNT, 1);
          return true;
        }
      }
      // Another thread is between claiming the slot and publishing its key: a few instructions.
      while (seen === WRITING) seen = Atomics.load(tags, slot);
      if (slots[slot * 2] === high && slots[slot * 2 + 1] === low) {
        if (seen <= tag) return false;
        Atomics.store(state, CONFLICT, 1);
        return true;
      }
      slot = (slot + 1) & mask;
    }
  }
}
