import { describe, expect, it } from 'vitest';
import { createMetricsAccumulator } from '../../src/metrics/index.js';
import { brand, line, metricsOf, product } from './helpers.js';

const byCreator = (
  orderId: string,
  creatorId: string | null,
  creatorName: string | null,
  productId: string,
  amountFen: number,
) => line({ orderId, seller: 'creator', creatorId, creatorName, productId, amountFen });

const lines = [
  // o1: one order, two of 小杨's products → 小杨 has 1 order so far
  byCreator('o1', 'C1', '小杨', 'P1', 30_000),
  byCreator('o1', 'C1', '小杨', 'P2', 10_000),
  byCreator('o2', 'C1', '小杨', 'P1', 20_000),
  byCreator('o3', 'C2', '琦儿', 'P1', 15_000),
  // no creator id: counted under the name
  byCreator('o4', null, '路人甲', 'P1', 5_000),
  // neither id nor name: one "unknown" creator
  byCreator('o5', null, null, 'P3', 5_000),
  byCreator('o6', null, null, 'P3', 5_000),
  byCreator('o7', 'C3', '大胃王', 'P2', 15_000),
  // a self-sold line that happens to carry a creator id is not creator distribution
  line({ orderId: 'o8', seller: 'self', creatorId: 'C9', productId: 'P1', amountFen: 40_000 }),
];
// creator GMV = 60,000 (C1) + 15,000 (C2) + 5,000 (路人甲) + 10,000 (unknown) + 15,000 (C3) = 105,000
// GMV = 105,000 + 40,000 = 145,000

describe('creator distribution', () => {
  const metrics = metricsOf({ orders: lines });

  it('counts creators with sales, naming the ones without an id', () => {
    // C1, C2, 路人甲, unknown, C3
    expect(metrics.creators).toBe(5);
  });

  it('measures dependence on the top creator against creator GMV', () => {
    // 60,000 ÷ 105,000
    expect(metrics.topCreatorShare).toBeCloseTo(60_000 / 105_000, 12);
  });

  it('ranks creators by GMV, ties by id, with distinct orders', () => {
    expect(metrics.topCreators.map((c) => [c.creatorId, c.creatorName, c.gmvFen, c.orders])).toEqual([
      ['C1', '小杨', 60_000, 2],
      // C2 and C3 tie at 15,000: C2 first
      ['C2', '琦儿', 15_000, 1],
      ['C3', '大胃王', 15_000, 1],
      ['unknown', null, 10_000, 2],
      ['路人甲', '路人甲', 5_000, 1],
    ]);
    expect(metrics.topCreators[0]!.share).toBeCloseTo(60_000 / 105_000, 12);
  });

  it('keeps at most ten creators in the list but counts them all', () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      byCreator(`m${i}`, `K${String(i).padStart(2, '0')}`, null, 'P1', 1_000 * (i + 1)),
    );
    const result = metricsOf({ orders: many });
    expect(result.creators).toBe(12);
    expect(result.topCreators).toHaveLength(10);
    // the biggest is K11 with 12,000
    expect(result.topCreators[0]!.creatorId).toBe('K11');
    expect(result.topCreators[9]!.creatorId).toBe('K02');
  });

  it('uses the name from the latest line when a creator renamed', () => {
    const renamed = [
      line({ orderId: 'r1', seller: 'creator', creatorId: 'C1', creatorName: '小杨哥', paidAt: '2024-06-01 20:00' }),
      line({
        orderId: 'r2',
        seller: 'creator',
        creatorId: 'C1',
        creatorName: '疯狂小杨哥',
        paidAt: '2024-06-09 20:00',
      }),
    ];
    expect(metricsOf({ orders: renamed }).topCreators[0]!.creatorName).toBe('疯狂小杨哥');
    expect(metricsOf({ orders: [...renamed].reverse() }).topCreators[0]!.creatorName).toBe('疯狂小杨哥');
  });

  it('has no top-creator share without creator sales', () => {
    const selfOnly = metricsOf({ orders: [line({ orderId: 's1' })] });
    expect(selfOnly.creators).toBe(0);
    expect(selfOnly.topCreatorShare).toBeNull();
    expect(selfOnly.topCreators).toEqual([]);
    expect(selfOnly.heroProducts).toEqual([]);
  });
});

describe('products and hero products', () => {
  const metrics = metricsOf({ orders: lines });

  it('ranks products by GMV with orders and creators', () => {
    // P1: 30,000 + 20,000 + 15,000 + 5,000 + 40,000 = 110,000 in o1 o2 o3 o4 o8, by C1 C2 路人甲
    // P2: 10,000 + 15,000 = 25,000 in o1 o7, by C1 C3
    // P3: 5,000 + 5,000 = 10,000 in o5 o6, by unknown
    expect(metrics.products).toBe(3);
    expect(metrics.topProducts.map((p) => [p.productId, p.gmvFen, p.orders, p.creators])).toEqual([
      ['P1', 110_000, 5, 3],
      ['P2', 25_000, 2, 2],
      ['P3', 10_000, 2, 1],
    ]);
  });

  it('calls a product sold by three or more creators a hero product', () => {
    expect(metrics.heroProducts.map((p) => p.productId)).toEqual(['P1']);
  });

  it('does not know about exclusives without a products export', () => {
    expect(metrics.exclusive).toBeNull();
    expect(metrics.topProducts.every((p) => p.exclusive === null)).toBe(true);
  });
});

describe('channel-exclusive supply', () => {
  const catalog = [
    product({ productId: 'P1', productName: '高山乌龙 250g', exclusive: false }),
    product({ productId: 'P2', productName: '快手专供 冷泡茶礼盒', exclusive: true }),
    // exclusive but never sold: not a SKU with sales
    product({ productId: 'P4', exclusive: true }),
  ];

  it('measures exclusive SKUs with sales, their GMV, share and AOV', () => {
    const metrics = metricsOf({ orders: lines, products: catalog });
    // P2 only: 25,000 of 145,000; orders holding P2: o1 and o7; no buyer ids, so per order → 25,000 ÷ 2
    expect(metrics.exclusive).toEqual({
      skus: 1,
      gmvFen: 25_000,
      share: 25_000 / 145_000,
      orders: 2,
      buyers: null,
      aovFen: 12_500,
      aovBasis: 'orders',
    });
    expect(metrics.aovBasis).toBe('orders');
    expect(metrics.topProducts.map((p) => [p.productId, p.productName, p.exclusive])).toEqual([
      ['P1', '高山乌龙 250g', false],
      ['P2', '快手专供 冷泡茶礼盒', true],
      ['P3', null, null],
    ]);
  });

  it('gives the same answer when the products export arrives after the orders', () => {
    const accumulator = createMetricsAccumulator(brand());
    for (const entry of lines) accumulator.order(entry);
    for (const row of catalog) accumulator.product(row);
    expect(accumulator.finish().exclusive).toEqual({
      skus: 1,
      gmvFen: 25_000,
      share: 25_000 / 145_000,
      orders: 2,
      buyers: null,
      aovFen: 12_500,
      aovBasis: 'orders',
    });
  });

  it('is zero, not unmeasured, when the flagged exclusives did not sell', () => {
    const metrics = metricsOf({ orders: lines, products: [product({ productId: 'P4', exclusive: true })] });
    expect(metrics.exclusive).toEqual({
      skus: 0,
      gmvFen: 0,
      share: 0,
      orders: 0,
      buyers: null,
      aovFen: null,
      aovBasis: 'orders',
    });
  });

  it('is unmeasured when the products export says nothing about exclusives', () => {
    const metrics = metricsOf({
      orders: lines,
      products: [product({ productId: 'P1', productName: '高山乌龙 250g' })],
    });
    expect(metrics.exclusive).toBeNull();
    expect(metrics.topProducts[0]!.productName).toBe('高山乌龙 250g');
  });
});
