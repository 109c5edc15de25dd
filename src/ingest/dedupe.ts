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
  fingerprintLow = finalMix(second);
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

/** The set as plain data, to post to or from a worker thread. */
export interface OrderKeysState {
  slots: Uint32Array;
  mask: number;
  count: number;
}

export class OrderLineKeys {
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
    const low = fingerprintHigh === 0 && fingerprintLow === 0 ? 1 : fingerprintLow;
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
    const slots = other.slots;
    for (let at = 0; at < slots.length; at += 2) {
      const high = slots[at]!;
      const low = slots[at + 1]!;
      if (high === 0 && low === 0) continue;
      if (!this.addFingerprint(high, low)) shared++;
    }
    return shared;
  }

  private addFingerprint(high: number, low: number): boolean {
    if (!this.insert(high, low)) return false;
    this.count++;
    if (this.count * 2 > this.mask) this.grow();
    return true;
  }

  private contains(high: number, low: number): boolean {
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
