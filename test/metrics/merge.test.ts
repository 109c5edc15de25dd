import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Carrier, CustomerRow, OrderLine, ProductRow, SessionRow } from '../../src/ingest/types.js';
import { createMetricsAccumulator, type Metrics } from '../../src/metrics/index.js';
import type { KeyHash } from '../../src/metrics/keys.js';
import { brand, customer, feed, line, product, session, type Records } from './helpers.js';

/** Small deterministic PRNG (mulberry32), so a failing seed can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, values: readonly T[]): T {
  return values[Math.floor(next() * values.length)]!;
}

function shuffled<T>(next: () => number, values: readonly T[]): T[] {
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const CARRIER_LIST: readonly Carrier[] = ['live', 'live', 'shortVideo', 'itemCard', 'other'];
const HOUR = 3600 * 1000;
const JUNE_1 = Date.parse('2024-06-01T00:00:00+08:00');

/**
 * A month of a brand's data with everything that makes merging hard: orders of several
 * lines, buyers coming back, creators without ids, renamed creators, lines at the same
 * instant, a session listed twice, products and customers listed twice.
 */
function brandMonth(seed: number, orderCount = 300, buyerCount = 80): Records {
  const next = random(seed);
  const orders: OrderLine[] = [];
  for (let o = 0; o < orderCount; o++) {
    const buyerId = next() < 0.1 ? null : `U${Math.floor(next() * buyerCount)}`;
    // whole hours, so many orders share a paidAt
    const paidAt = JUNE_1 + Math.floor(next() * 30 * 24) * HOUR;
    const liveId = next() < 0.25 ? null : `L${Math.floor(next() * 10)}`;
    const lines = 1 + Math.floor(next() * 3);
    for (let l = 0; l < lines; l++) {
      const creatorSold = next() < 0.5;
      const creatorRoll = next();
      orders.push(
        line({
          orderId: `2406${String(o).padStart(14, '0')}`,
          amountFen: 100 * (10 + Math.floor(next() * 500)),
          refundFen: next() < 0.1 ? 500 : 0,
          productId: next() < 0.05 ? null : `P${Math.floor(next() * 25)}`,
          productName: pick(next, ['冷泡茶', '冷泡茶 限时', null]),
          seller: creatorSold ? 'creator' : 'self',
          carrier: pick(next, CARRIER_LIST),
          creatorId: creatorRoll < 0.8 ? `C${Math.floor(next() * 15)}` : null,
          creatorName: creatorRoll < 0.9 ? pick(next, ['小杨', '琦儿', '大胃王']) : null,
          liveId,
          buyerId,
          isFan: pick(next, [true, false, null]),
        }),
      );
      orders[orders.length - 1]!.paidAt = paidAt + (l === 2 ? HOUR : 0);
    }
  }

  const sessions: SessionRow[] = [];
  for (let s = 0; s < 10; s++) {
    sessions.push(
      session({
        liveId: `L${s}`,
        account: pick(next, ['旗舰店', '二号店', null]),
        startAt: s === 9 ? null : `2024-06-${String(2 + s * 3).padStart(2, '0')} 19:00`,
        durationSeconds: next() < 0.8 ? 3_600 + Math.floor(next() * 7_200) : null,
        viewers: next() < 0.9 ? 500 + Math.floor(next() * 5_000) : null,
        views: next() < 0.6 ? 2_000 + Math.floor(next() * 9_000) : null,
        gmvFen: next() < 0.3 ? 100 * Math.floor(next() * 100_000) : null,
        adSpendFen: next() < 0.7 ? 100 * Math.floor(next() * 3_000) : null,
        paidShare: next() < 0.5 ? Math.floor(next() * 100) / 100 : null,
        newFans: next() < 0.8 ? Math.floor(next() * 300) : null,
        avgStaySeconds: next() < 0.8 ? 20 + Math.floor(next() * 100) : null,
      }),
    );
  }
  sessions.push({ ...sessions[3]!, viewers: 12_345, line: 40 });

  const products: ProductRow[] = [];
  for (let p = 0; p < 25; p++) {
    products.push(product({ productId: `P${p}`, productName: `茶 ${p}`, exclusive: pick(next, [true, false, null]) }));
  }
  products.push(product({ productId: 'P3', productName: '茶 3 礼盒', exclusive: true }));

  const customers: CustomerRow[] = [];
  for (let c = 0; c < 50; c++) {
    customers.push(
      customer({
        buyerId: `U${c}`,
        isFan: pick(next, [true, false, null]),
        firstOrderAt: next() < 0.3 ? JUNE_1 - Math.floor(next() * 100) * 24 * HOUR : null,
      }),
    );
  }
  customers.push(customer({ buyerId: 'U1', isFan: true }));

  return { orders, sessions, products, customers };
}

const config = brand({ ownAccounts: ['旗舰店'] });

function onePass(records: Records, keyHash?: KeyHash): Metrics {
  const accumulator = createMetricsAccumulator(config, null, keyHash);
  feed(accumulator, records);
  return accumulator.finish();
}

/** Each part in its own accumulator; their states cloned as a worker thread would post them, then merged. */
function mergedParts(parts: Records[], keyHash?: KeyHash): Metrics {
  const [first, ...rest] = parts.map((records) => {
    const accumulator = createMetricsAccumulator(config, null, keyHash);
    feed(accumulator, records);
    return accumulator;
  });
  for (const other of rest) first!.merge(structuredClone(other.state()));
  return first!.finish();
}

function split(records: Records, next: () => number, parts: number): Records[] {
  const result: Records[] = Array.from({ length: parts }, () => ({
    orders: [],
    sessions: [],
    products: [],
    customers: [],
  }));
  const deal = <T>(rows: readonly T[] | undefined, target: (part: Records) => T[]) => {
    for (const row of rows ?? []) target(result[Math.floor(next() * parts)]!).push(row);
  };
  deal(shuffled(next, records.orders ?? []), (part) => part.orders!);
  deal(records.sessions, (part) => part.sessions!);
  deal(records.products, (part) => part.products!);
  deal(records.customers, (part) => part.customers!);
  return result;
}

describe('merging partial accumulators', () => {
  const records = brandMonth(20240618);
  const expected = onePass(records);

  it('exercises the hard cases (a sanity check of the fixture)', () => {
    expect(expected.orders).toBe(300);
    expect(expected.orderLines).toBeGreaterThan(450);
    expect(expected.sessions).toBe(10);
    expect(expected.buyers).toBeGreaterThan(50);
    expect(expected.repeatBuyers).toBeGreaterThan(10);
    expect(expected.heroProducts.length).toBeGreaterThan(0);
    expect(expected.exclusive).not.toBeNull();
  });

  it('gives exactly the one-pass metrics for two halves split at a line', () => {
    const orders = records.orders!;
    const half = Math.floor(orders.length / 2) + 1; // cuts through a multi-line order
    const parts: Records[] = [
      {
        orders: orders.slice(0, half),
        sessions: records.sessions!.slice(0, 5),
        products: records.products,
        customers: [],
      },
      { orders: orders.slice(half), sessions: records.sessions!.slice(5), products: [], customers: records.customers },
    ];
    expect(JSON.stringify(mergedParts(parts))).toBe(JSON.stringify(expected));
  });

  it('gives exactly the one-pass metrics for any split into any number of parts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 2, max: 4 }), (seed, parts) => {
        const merged = mergedParts(split(records, random(seed), parts));
        expect(merged).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });

  it('merges into an accumulator that saw nothing', () => {
    expect(mergedParts([{}, records])).toEqual(expected);
  });
});

describe('a month of more orders and buyers than one page of per-order facts holds', () => {
  // Per-order and per-buyer facts live in pages of 65,536 entries (src/metrics/paged.ts); a
  // worker posts them flat and the main thread folds them into its pages.
  it('gives exactly the one-pass metrics when its parts are merged', () => {
    const records = brandMonth(618, 140_000, 150_000);
    const expected = onePass(records);
    expect(expected.orders).toBe(140_000);
    expect(expected.buyers).toBeGreaterThan(65_536);
    const amounts = records.orders!.reduce((sum, order) => sum + order.amountFen, 0);
    expect(expected.gmvFen).toBe(amounts);
    expect(mergedParts(split(records, random(7), 3))).toEqual(expected);
  });
});

describe('keys whose hashes collide', () => {
  // The key indexes find a key by its hash and then compare its whole text: a hash of two bits
  // (every key shares its hash with a quarter of the others) or one value for every key must
  // leave every metric as it is, in one pass and merged across threads.
  const records = brandMonth(20240618);
  const expected = onePass(records);
  const twoBits: KeyHash = (key) => (key.length + key.charCodeAt(key.length - 1)) & 3;
  const constant: KeyHash = () => 0;

  it('gives the same metrics in one pass', () => {
    expect(onePass(records, twoBits)).toEqual(expected);
    expect(onePass(records, constant)).toEqual(expected);
  });

  it('gives the same metrics when parts are merged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 2, max: 3 }), (seed, parts) => {
        expect(mergedParts(split(records, random(seed), parts), twoBits)).toEqual(expected);
      }),
      { numRuns: 10 },
    );
  });
});

describe('line order', () => {
  it('does not change any metric', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), (seed) => {
        const records = brandMonth(7);
        const next = random(seed);
        const reordered: Records = {
          orders: shuffled(next, records.orders!),
          sessions: shuffled(next, records.sessions!),
          products: shuffled(next, records.products!),
          customers: shuffled(next, records.customers!),
        };
        expect(JSON.stringify(onePass(reordered))).toBe(JSON.stringify(onePass(records)));
      }),
      { numRuns: 25 },
    );
  });
});
