import { describe, expect, it } from 'vitest';
import { brand, days, line, metricsOf } from './helpers.js';

// Four orders, five lines, two sellers, three carriers, three buyers.
const lines = [
  // Order …001 has two lines: it counts once. 07:00 in Shanghai is still 31 May in UTC.
  line({
    orderId: '240601000000000001',
    paidAt: '2024-06-01 07:00',
    amountFen: 10_000,
    productId: 'P1',
    buyerId: 'U1',
  }),
  line({
    orderId: '240601000000000001',
    paidAt: '2024-06-01 07:00',
    amountFen: 5_000,
    refundFen: 5_000,
    productId: 'P2',
    buyerId: 'U1',
  }),
  line({
    orderId: '240602000000000002',
    paidAt: '2024-06-02 10:00',
    amountFen: 20_000,
    seller: 'creator',
    creatorId: 'C1',
    productId: 'P1',
    buyerId: 'U2',
  }),
  line({
    orderId: '240603000000000003',
    paidAt: '2024-06-03 12:00',
    amountFen: 8_000,
    carrier: 'itemCard',
    productId: 'P3',
    buyerId: 'U1',
  }),
  line({
    orderId: '240605000000000004',
    paidAt: '2024-06-05 23:30',
    amountFen: 7_000,
    refundFen: 2_000,
    seller: 'creator',
    carrier: 'shortVideo',
    creatorId: 'C2',
    productId: 'P1',
    buyerId: 'U3',
  }),
];

describe('orders, GMV and channel shares', () => {
  const metrics = metricsOf({ orders: lines });

  it('sums GMV, refunds and net GMV over the counted lines', () => {
    // 10,000 + 5,000 + 20,000 + 8,000 + 7,000
    expect(metrics.gmvFen).toBe(50_000);
    // 5,000 + 2,000
    expect(metrics.refundsFen).toBe(7_000);
    expect(metrics.netGmvFen).toBe(43_000);
  });

  it('counts an order with several lines once', () => {
    expect(metrics.orders).toBe(4);
    expect(metrics.orderLines).toBe(5);
  });

  it('splits GMV by seller and carrier', () => {
    // self: 10,000 + 5,000 + 8,000 = 23,000 of 50,000; creator: 20,000 + 7,000 = 27,000
    expect(metrics.seller.self).toEqual({ gmvFen: 23_000, share: 0.46 });
    expect(metrics.seller.creator).toEqual({ gmvFen: 27_000, share: 0.54 });
    // live: 10,000 + 5,000 + 20,000 = 35,000; short video 7,000; item card 8,000
    expect(metrics.carrier.live).toEqual({ gmvFen: 35_000, share: 0.7 });
    expect(metrics.carrier.shortVideo).toEqual({ gmvFen: 7_000, share: 0.14 });
    expect(metrics.carrier.itemCard).toEqual({ gmvFen: 8_000, share: 0.16 });
    expect(metrics.carrier.other).toEqual({ gmvFen: 0, share: 0 });
  });

  it('counts only self-sold live GMV as self-broadcast', () => {
    // 10,000 + 5,000 self & live (the creator's live line does not count) ÷ 50,000
    expect(metrics.selfBroadcastGmvShare).toBe(0.3);
  });

  it('reports the period as Shanghai dates of the first and last counted order', () => {
    expect(metrics.period).toEqual({ from: '2024-06-01', to: '2024-06-05', days: 5 });
  });

  it('computes AOV over buyers when buyer ids exist', () => {
    // 50,000 fen ÷ 3 buyers = 16,666.67 → 16,667 fen
    expect(metrics.buyers).toBe(3);
    expect(metrics.aovFen).toBe(16_667);
    expect(metrics.aovBasis).toBe('buyers');
  });
});

describe('the period filter', () => {
  it('keeps only lines paid inside it and reports the period asked for', () => {
    const metrics = metricsOf({ orders: lines }, undefined, days('2024-06-02', '2024-06-03'));
    // orders …002 (20,000) and …003 (8,000)
    expect(metrics.gmvFen).toBe(28_000);
    expect(metrics.orders).toBe(2);
    expect(metrics.period).toEqual({ from: '2024-06-02', to: '2024-06-03', days: 2 });
  });

  it('includes both end days to the last millisecond', () => {
    const metrics = metricsOf({ orders: lines }, undefined, days('2024-06-01', '2024-06-05'));
    // 23:30 on the last day still counts
    expect(metrics.orders).toBe(4);
  });

  it('falls back to the period in brand.json', () => {
    const metrics = metricsOf({ orders: lines }, brand({ period: { from: '2024-06-05', to: '2024-06-30' } }));
    expect(metrics.gmvFen).toBe(7_000);
    expect(metrics.period).toEqual({ from: '2024-06-05', to: '2024-06-30', days: 26 });
  });

  it('lets --period win over the period in brand.json', () => {
    const config = brand({ period: { from: '2024-06-05', to: '2024-06-30' } });
    const metrics = metricsOf({ orders: lines }, config, days('2024-06-02', '2024-06-03'));
    expect(metrics.gmvFen).toBe(28_000);
  });
});

describe('no counted orders', () => {
  const metrics = metricsOf({ orders: [] });

  it('has zero totals but no shares, no AOV and no period', () => {
    expect(metrics.gmvFen).toBe(0);
    expect(metrics.orders).toBe(0);
    expect(metrics.seller.self).toEqual({ gmvFen: 0, share: null });
    expect(metrics.carrier.live).toEqual({ gmvFen: 0, share: null });
    expect(metrics.selfBroadcastGmvShare).toBeNull();
    expect(metrics.aovFen).toBeNull();
    expect(metrics.aovBasis).toBeNull();
    expect(metrics.buyers).toBeNull();
    expect(metrics.period).toEqual({ from: null, to: null, days: null });
  });
});
