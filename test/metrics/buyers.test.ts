import { describe, expect, it } from 'vitest';
import { customer, line, metricsOf } from './helpers.js';

// Four buyers over a week: U1 found the brand through creator C1 and then bought twice in
// its live room; U2 bought in the live room first and from a creator later; U3 once; U4
// only from a creator. One order has no buyer id.
const lines = [
  line({
    orderId: 'o1',
    buyerId: 'U1',
    paidAt: '2024-06-01 10:00',
    amountFen: 12_000,
    seller: 'creator',
    creatorId: 'C1',
  }),
  line({ orderId: 'o2', buyerId: 'U1', paidAt: '2024-06-03 20:00', amountFen: 8_000 }),
  line({ orderId: 'o3', buyerId: 'U2', paidAt: '2024-06-02 20:00', amountFen: 5_000 }),
  line({
    orderId: 'o4',
    buyerId: 'U2',
    paidAt: '2024-06-04 11:00',
    amountFen: 6_000,
    seller: 'creator',
    creatorId: 'C1',
  }),
  line({ orderId: 'o5', buyerId: 'U3', paidAt: '2024-06-02 20:30', amountFen: 4_000 }),
  line({
    orderId: 'o6',
    buyerId: 'U4',
    paidAt: '2024-06-05 09:00',
    amountFen: 9_000,
    seller: 'creator',
    creatorId: 'C2',
  }),
  line({ orderId: 'o7', buyerId: 'U1', paidAt: '2024-06-06 20:00', amountFen: 3_000 }),
  line({ orderId: 'o8', paidAt: '2024-06-06 21:00', amountFen: 3_000, carrier: 'itemCard' }),
];
// GMV = 12,000 + 8,000 + 5,000 + 6,000 + 4,000 + 9,000 + 3,000 + 3,000 = 50,000

describe('buyers and repurchase', () => {
  const metrics = metricsOf({ orders: lines });

  it('counts distinct buyers and AOV over them', () => {
    expect(metrics.buyers).toBe(4);
    // 50,000 ÷ 4
    expect(metrics.aovFen).toBe(12_500);
    expect(metrics.aovBasis).toBe('buyers');
  });

  it('counts buyers with two or more orders as repeat buyers', () => {
    // U1 has 3 orders, U2 has 2; U3 and U4 one each → 2 of 4
    expect(metrics.repeatBuyers).toBe(2);
    expect(metrics.repeatBuyerRate).toBe(0.5);
  });

  it('takes GMV after each buyer first order as returning', () => {
    // U1 after o1: o2 8,000 + o7 3,000; U2 after o3: o4 6,000 → 17,000 ÷ 50,000
    expect(metrics.returningBuyerGmvShare).toBe(0.34);
  });

  it('counts the buyers reached through creators', () => {
    // U1, U2, U4 bought a creator-sold line
    expect(metrics.creatorBuyers).toBe(3);
  });

  it('measures 川流 as self-broadcast buyers who bought from a creator first', () => {
    // Self-broadcast buyers U1, U2, U3; only U1's creator purchase (06-01) precedes their first
    // self-broadcast one (06-03); U2 bought from a creator after → 1 of 3
    expect(metrics.chuanliuShare).toBeCloseTo(1 / 3, 12);
  });

  it('has no fan share when nothing says who is a fan', () => {
    expect(metrics.fanOrders).toBeNull();
    expect(metrics.fanOrderShare).toBeNull();
  });
});

describe('returning buyers with a customers export', () => {
  it('counts every order of a buyer who bought before the data as returning', () => {
    const metrics = metricsOf({
      orders: lines,
      customers: [
        customer({ buyerId: 'U3', firstOrderAt: Date.parse('2024-05-20T00:00:00+08:00') }),
        // Created a minute before it was paid: the same first order, not an earlier one.
        customer({ buyerId: 'U2', firstOrderAt: Date.parse('2024-06-02T19:59:00+08:00') }),
      ],
    });
    // 17,000 as before + U3's o5 4,000 = 21,000 ÷ 50,000
    expect(metrics.returningBuyerGmvShare).toBe(0.42);
    // repeat buyers stay an in-data count
    expect(metrics.repeatBuyers).toBe(2);
  });

  it('breaks a tie between two first orders at the same second by order id', () => {
    const tied = [
      line({ orderId: 'B-2', buyerId: 'U5', paidAt: '2024-06-01 20:00', amountFen: 1_000 }),
      line({ orderId: 'B-1', buyerId: 'U5', paidAt: '2024-06-01 20:00', amountFen: 2_000 }),
    ];
    // B-1 is the first order, so B-2's 1,000 of 3,000 is returning, whichever line comes first
    expect(metricsOf({ orders: tied }).returningBuyerGmvShare).toBeCloseTo(1 / 3, 12);
    expect(metricsOf({ orders: [...tied].reverse() }).returningBuyerGmvShare).toBeCloseTo(1 / 3, 12);
  });
});

describe('fan orders', () => {
  const fanLines = [
    // one line of o1 says fan, the other says nothing: o1 is a fan order
    line({ orderId: 'o1', buyerId: 'U1', isFan: true }),
    line({ orderId: 'o1', buyerId: 'U1', isFan: null, productId: 'P2' }),
    line({ orderId: 'o2', buyerId: 'U2', isFan: false }),
    line({ orderId: 'o3', buyerId: 'U3', isFan: null }),
  ];

  it('reads the order lines, over the orders whose status is known', () => {
    const metrics = metricsOf({ orders: fanLines });
    // o1 fan, o2 not, o3 unknown → 1 of 2
    expect(metrics.fanOrders).toBe(1);
    expect(metrics.fanOrderShare).toBe(0.5);
  });

  it('fills the unknown ones from the customers export', () => {
    const metrics = metricsOf({ orders: fanLines, customers: [customer({ buyerId: 'U3', isFan: true })] });
    // o1 and o3 fans of 3 known
    expect(metrics.fanOrders).toBe(2);
    expect(metrics.fanOrderShare).toBeCloseTo(2 / 3, 12);
  });

  it('uses the customers export alone when the orders carry no fan flag', () => {
    const plain = fanLines.map((entry) => ({ ...entry, isFan: null }));
    const metrics = metricsOf({
      orders: plain,
      customers: [customer({ buyerId: 'U1', isFan: true }), customer({ buyerId: 'U2', isFan: false })],
    });
    // U3 is not in the export: o1 fan, o2 not → 1 of 2
    expect(metrics.fanOrders).toBe(1);
    expect(metrics.fanOrderShare).toBe(0.5);
  });
});

describe('orders without buyer ids', () => {
  const anonymous = lines.map((entry) => ({ ...entry, buyerId: null }));
  const metrics = metricsOf({ orders: anonymous });

  it('falls back to AOV over orders and says so', () => {
    expect(metrics.buyers).toBeNull();
    // 50,000 ÷ 8 orders
    expect(metrics.aovFen).toBe(6_250);
    expect(metrics.aovBasis).toBe('orders');
  });

  it('leaves every buyer-based metric unmeasured', () => {
    expect(metrics.repeatBuyers).toBeNull();
    expect(metrics.repeatBuyerRate).toBeNull();
    expect(metrics.returningBuyerGmvShare).toBeNull();
    expect(metrics.creatorBuyers).toBeNull();
    expect(metrics.chuanliuShare).toBeNull();
  });
});
