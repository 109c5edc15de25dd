import { describe, expect, it } from 'vitest';
import { brand, customer, days, line, metricsOf, session } from './helpers.js';

const FLAGSHIP = '山野茶铺官方旗舰店';
const SECOND = '山野茶铺二号店';

// Three evenings of self-broadcast.
const traffic = [
  // L1: GMV left to the orders; paid viewers counted; start and end but no duration
  session({
    liveId: 'L1',
    account: FLAGSHIP,
    startAt: '2024-06-01 19:00',
    endAt: '2024-06-01 21:00',
    viewers: 1_000,
    views: 2_500,
    adSpendFen: 20_000,
    paidViewers: 400,
    newFans: 50,
    avgStaySeconds: 60,
    peakOnline: 300,
    avgOnline: 100,
    reservations: 80,
    couponClaims: 150,
    warmupVideos: 3,
    shortVideoViewers: 120,
  }),
  // L2: the live sessions export states GMV, buyers and orders; paid share as a fraction
  session({
    liveId: 'L2',
    account: FLAGSHIP,
    startAt: '2024-06-03 19:00',
    durationSeconds: 3_600,
    viewers: 4_000,
    views: 8_000,
    gmvFen: 200_000,
    buyers: 40,
    orders: 45,
    adSpendFen: 50_000,
    paidShare: 0.5,
    newFans: 100,
    avgStaySeconds: 30,
  }),
  // L3: no views column value, no spend
  session({
    liveId: 'L3',
    account: SECOND,
    startAt: '2024-06-05 19:00',
    durationSeconds: 5_400,
    viewers: 500,
    adSpendFen: 0,
    newFans: 5,
    avgStaySeconds: 90,
  }),
];

const orders = [
  line({ orderId: 'o1', liveId: 'L1', buyerId: 'U1', productId: 'P1', amountFen: 30_000, paidAt: '2024-06-01 19:10' }),
  line({ orderId: 'o1', liveId: 'L1', buyerId: 'U1', productId: 'P2', amountFen: 10_000, paidAt: '2024-06-01 19:10' }),
  line({ orderId: 'o2', liveId: 'L1', buyerId: 'U2', productId: 'P1', amountFen: 20_000, paidAt: '2024-06-01 19:30' }),
  line({ orderId: 'o3', liveId: 'L1', buyerId: 'U1', productId: 'P1', amountFen: 10_000, paidAt: '2024-06-01 20:00' }),
  line({ orderId: 'o6', liveId: 'L2', buyerId: 'U4', productId: 'P1', amountFen: 50_000, paidAt: '2024-06-03 19:10' }),
  line({ orderId: 'o4', liveId: 'L3', buyerId: 'U1', productId: 'P3', amountFen: 6_000, paidAt: '2024-06-05 19:20' }),
  line({ orderId: 'o5', liveId: 'L3', buyerId: 'U3', productId: 'P3', amountFen: 4_000, paidAt: '2024-06-05 19:40' }),
  line({ orderId: 'o7', buyerId: 'U2', carrier: 'itemCard', amountFen: 9_000, paidAt: '2024-06-04 12:00' }),
];

describe('one session per traffic row, joined to its orders', () => {
  const metrics = metricsOf({ orders, sessions: traffic });
  const [l1, l2, l3] = metrics.sessionList;

  it('lists the sessions by start time with Shanghai timestamps', () => {
    expect(metrics.sessionList.map((s) => [s.liveId, s.startAt])).toEqual([
      ['L1', '2024-06-01T19:00:00+08:00'],
      ['L2', '2024-06-03T19:00:00+08:00'],
      ['L3', '2024-06-05T19:00:00+08:00'],
    ]);
  });

  it('sums GMV, orders and buyers from the orders when the traffic row lacks them', () => {
    // o1 30,000 + 10,000, o2 20,000, o3 10,000 = 70,000 in 3 orders from U1 and U2
    expect(l1).toMatchObject({ gmvFen: 70_000, gmvSource: 'orders', orders: 3, buyers: 2 });
    // from the row, though the orders only know one 50,000 order
    expect(l2).toMatchObject({ gmvFen: 200_000, gmvSource: 'traffic', orders: 45, buyers: 40 });
  });

  it('computes the per-session rates', () => {
    expect(l1).toMatchObject({
      durationMinutes: 120, // 21:00 − 19:00
      uvValue: 0.7, // ¥700 ÷ 1,000 viewers
      gpm: 280, // ¥700 ÷ 2,500 views × 1,000
      conversion: 0.002, // 2 buyers ÷ 1,000 viewers
      aovFen: 35_000, // 70,000 ÷ 2 buyers
      followRate: 0.05, // 50 ÷ 1,000
      roi: 3.5, // 70,000 ÷ 20,000
      paidShare: 0.4, // 400 ÷ 1,000
      peakToAvgOnline: 3, // 300 ÷ 100
      reservationRate: 0.08, // 80 ÷ 1,000
      couponClaimRate: 0.15, // 150 ÷ 1,000
      warmupVideos: 3,
      shortVideoViewers: 120,
    });
    expect(l2).toMatchObject({
      durationMinutes: 60,
      uvValue: 0.5, // ¥2,000 ÷ 4,000
      gpm: 250, // ¥2,000 ÷ 8,000 × 1,000
      conversion: 0.01, // 40 ÷ 4,000
      aovFen: 5_000, // 200,000 ÷ 40
      roi: 4, // 200,000 ÷ 50,000
      paidShare: 0.5, // as the row states it
    });
  });

  it('falls back to viewers for GPM when the session has no views', () => {
    // ¥100 ÷ 500 viewers × 1,000
    expect(l3!.gpm).toBe(200);
  });

  it('has no ROI for a session that spent nothing', () => {
    expect(l3!.adSpendFen).toBe(0);
    expect(l3!.roi).toBeNull();
  });

  it('reads products and new buyers from the session orders', () => {
    // L1: P1 60,000 and P2 10,000 of 70,000; U1 and U2 had their first order here
    expect(l1).toMatchObject({ productsSold: 2, newBuyers: 2, returningBuyers: 0 });
    expect(l1!.topProductShare).toBeCloseTo(60_000 / 70_000, 12);
    // L3: U3 is new, U1 bought before in L1
    expect(l3).toMatchObject({ productsSold: 1, topProductShare: 1, newBuyers: 1, returningBuyers: 1 });
  });

  it('marks every session as own when brand.json lists no own accounts', () => {
    expect(metrics.sessionList.every((s) => s.isOwnAccount)).toBe(true);
  });
});

describe('period totals over sessions', () => {
  const metrics = metricsOf({ orders, sessions: traffic });

  it('counts sessions, cadence, hours and own accounts', () => {
    expect(metrics.sessions).toBe(3);
    // orders and sessions span 06-01..06-05 = 5 days: 3 × 7 ÷ 5
    expect(metrics.sessionsPerWeek).toBeCloseTo(4.2, 12);
    // (2 + 1 + 1.5) hours ÷ 3
    expect(metrics.hoursPerSession).toBe(1.5);
    expect(metrics.ownAccounts).toBe(2);
  });

  it('sums session GMV, spend, viewers and fans', () => {
    // 70,000 + 200,000 + 10,000
    expect(metrics.sessionGmvFen).toBe(280_000);
    // 280,000 ÷ 4.5 hours = 62,222.2
    expect(metrics.gmvPerHourFen).toBe(62_222);
    expect(metrics.adSpendFen).toBe(70_000);
    expect(metrics.viewers).toBe(5_500);
    // L3 has no views
    expect(metrics.views).toBe(10_500);
    expect(metrics.newFans).toBe(155);
    expect(metrics.shortVideoViewers).toBe(120);
  });

  it('recomputes rates from totals instead of averaging the sessions', () => {
    // ROI over the sessions that spent: (70,000 + 200,000) ÷ (20,000 + 50,000) = 3.857;
    // the mean of 3.5 and 4 would be 3.75
    expect(metrics.roi).toBeCloseTo(270_000 / 70_000, 12);
    // ¥2,800 ÷ 5,500 viewers = 0.509; the mean of 0.7, 0.5, 0.2 would be 0.467
    expect(metrics.uvValue).toBeCloseTo(2_800 / 5_500, 12);
    // over sessions with views: ¥2,700 ÷ 10,500 × 1,000
    expect(metrics.gpm).toBeCloseTo((2_700 / 10_500) * 1_000, 9);
    expect(metrics.gpmBasis).toBe('views');
    // (2 + 40 + 2) buyers ÷ 5,500 viewers
    expect(metrics.conversion).toBeCloseTo(0.008, 12);
    // 155 ÷ 5,500
    expect(metrics.followRate).toBeCloseTo(155 / 5_500, 12);
    // (60 × 1,000 + 30 × 4,000 + 90 × 500) ÷ 5,500 = 40.9 s; the plain mean would be 60
    expect(metrics.avgStaySeconds).toBeCloseTo(225_000 / 5_500, 12);
    // (400 + 0.5 × 4,000) ÷ (1,000 + 4,000); L3 reports no paid traffic
    expect(metrics.paidShare).toBeCloseTo(0.48, 12);
    // 70,000 ÷ 155 = 451.6
    expect(metrics.costPerNewFanFen).toBe(452);
  });

  it('compares natural viewers of the later sessions with the earlier ones', () => {
    // natural: L1 1,000 − 400 = 600, L2 4,000 − 2,000, L3 500 (no spend); halves of one: 500 ÷ 600
    expect(metrics.naturalViewersTrend).toBeCloseTo(500 / 600, 12);
  });

  it('has no cold-start growth with fewer than six sessions', () => {
    expect(metrics.coldStartGrowth).toBeNull();
  });
});

describe('null, not zero', () => {
  it('leaves every session metric unmeasured without a traffic export', () => {
    const metrics = metricsOf({ orders });
    expect(metrics.sessionList).toEqual([]);
    for (const key of [
      'sessions',
      'sessionsPerWeek',
      'adSpendFen',
      'roi',
      'viewers',
      'uvValue',
      'gpm',
      'gpmBasis',
    ] as const) {
      expect(metrics[key], key).toBeNull();
    }
    expect(metrics.coldStartGrowth).toBeNull();
    expect(metrics.naturalViewersTrend).toBeNull();
    expect(metrics.shortVideoViewers).toBeNull();
  });

  it('has no spend and no ROI when the live sessions export has no spend column', () => {
    const noSpend = traffic.map((row) => ({ ...row, adSpendFen: null }));
    const metrics = metricsOf({ orders, sessions: noSpend });
    expect(metrics.sessions).toBe(3);
    expect(metrics.adSpendFen).toBeNull();
    expect(metrics.roi).toBeNull();
    expect(metrics.costPerNewFanFen).toBeNull();
    expect(metrics.sessionList.every((s) => s.roi === null)).toBe(true);
  });

  it('reports zero spend as zero with no ROI', () => {
    const unpaid = traffic.map((row) => ({ ...row, adSpendFen: 0 }));
    const metrics = metricsOf({ orders, sessions: unpaid });
    expect(metrics.adSpendFen).toBe(0);
    expect(metrics.roi).toBeNull();
    // No spend bought no fans: ¥0 per fan would read as the best possible cost.
    expect(metrics.costPerNewFanFen).toBeNull();
  });

  it('leaves order-side session figures unmeasured when no order carries a liveId', () => {
    const unlinked = orders.map((entry) => ({ ...entry, liveId: null }));
    const [l1] = metricsOf({ orders: unlinked, sessions: traffic }).sessionList;
    expect(l1).toMatchObject({ gmvFen: null, gmvSource: null, orders: null, buyers: null, productsSold: null });
    expect(l1!.uvValue).toBeNull();
  });

  it('gives a session no order points at zero orders when orders do carry liveIds', () => {
    const extra = session({ liveId: 'L9', startAt: '2024-06-04 19:00', viewers: 200 });
    const metrics = metricsOf({ orders, sessions: [...traffic, extra] });
    const l9 = metrics.sessionList.find((s) => s.liveId === 'L9');
    expect(l9).toMatchObject({ gmvFen: 0, gmvSource: 'orders', orders: 0, buyers: 0, productsSold: 0, uvValue: 0 });
  });
});

describe('GPM and conversion without views and buyers', () => {
  it('falls back to viewers and orders over the period and says so', () => {
    const rows = [
      session({ liveId: 'A', startAt: '2024-06-01 19:00', viewers: 1_000, gmvFen: 50_000, orders: 20 }),
      session({ liveId: 'B', startAt: '2024-06-02 19:00', viewers: 3_000, gmvFen: 70_000, orders: 40 }),
    ];
    const metrics = metricsOf({ sessions: rows });
    // ¥1,200 ÷ 4,000 viewers × 1,000
    expect(metrics.gpm).toBeCloseTo(300, 9);
    expect(metrics.gpmBasis).toBe('viewers');
    // 60 orders ÷ 4,000 viewers
    expect(metrics.conversion).toBeCloseTo(0.015, 12);
    // no orders file: the period is the sessions' days, 06-01..06-02 → 2 × 7 ÷ 2
    expect(metrics.sessionsPerWeek).toBe(7);
  });
});

describe('cold start and own accounts', () => {
  const own = (liveId: string, day: number, gmvYuan: number) =>
    session({
      liveId,
      account: FLAGSHIP,
      startAt: `2024-06-${String(day).padStart(2, '0')} 19:00`,
      gmvFen: gmvYuan * 100,
    });
  const rows = [
    own('S1', 1, 1_000),
    // a creator's session the brand tracked: not own, so not part of the cold start
    session({ liveId: 'X1', account: '大胃王', startAt: '2024-06-02 12:00', gmvFen: 99_999_900 }),
    own('S2', 2, 2_000),
    own('S3', 3, 3_000),
    own('S4', 4, 4_000),
    own('S5', 5, 5_000),
    own('S6', 6, 6_000),
    own('S7', 7, 100),
    // no start time: cannot be placed in the sequence
    session({ liveId: 'S0', account: FLAGSHIP, gmvFen: 1 }),
  ];
  const config = brand({ ownAccounts: [FLAGSHIP] });

  it('compares the mean GMV of own sessions 4-6 with 1-3', () => {
    const metrics = metricsOf({ sessions: rows }, config);
    // (4,000 + 5,000 + 6,000) ÷ 3 = 5,000 over (1,000 + 2,000 + 3,000) ÷ 3 = 2,000
    expect(metrics.coldStartGrowth).toBe(2.5);
  });

  it('tells own sessions from others and counts own accounts', () => {
    const metrics = metricsOf({ sessions: rows }, config);
    expect(metrics.sessionList.find((s) => s.liveId === 'X1')!.isOwnAccount).toBe(false);
    expect(metrics.ownAccounts).toBe(1);
    // the session without a start time sorts last
    expect(metrics.sessionList.at(-1)!.liveId).toBe('S0');
  });

  it('needs six own sessions', () => {
    const five = rows.filter((row) => !['S6', 'S7'].includes(row.liveId));
    expect(metricsOf({ sessions: five }, config).coldStartGrowth).toBeNull();
  });
});

describe('sessions per week over an explicit period', () => {
  it('divides by the weeks of the period', () => {
    const rows = ['06-03', '06-05', '06-10', '06-12'].map((day, i) =>
      session({ liveId: `W${i}`, startAt: `2024-${day} 19:00` }),
    );
    // 4 sessions over 14 days = 2 a week
    const metrics = metricsOf({ sessions: rows }, brand(), days('2024-06-01', '2024-06-14'));
    expect(metrics.sessionsPerWeek).toBe(2);
  });

  it('drops sessions that started outside the period', () => {
    const rows = [
      session({ liveId: 'in', startAt: '2024-06-03 19:00' }),
      session({ liveId: 'out', startAt: '2024-07-01 19:00' }),
    ];
    const metrics = metricsOf({ sessions: rows }, brand(), days('2024-06-01', '2024-06-30'));
    expect(metrics.sessionList.map((s) => s.liveId)).toEqual(['in']);
  });
});

describe('repeated traffic rows', () => {
  it('counts a session listed by two overlapping exports once, keeping the fuller row', () => {
    const partial = session({ liveId: 'L1', startAt: '2024-06-01 19:00', viewers: 1_000 });
    const full = session({ liveId: 'L1', startAt: '2024-06-01 19:00', viewers: 1_000, adSpendFen: 20_000, line: 7 });
    const metrics = metricsOf({ sessions: [partial, full] });
    expect(metrics.sessions).toBe(1);
    expect(metrics.viewers).toBe(1_000);
    expect(metrics.adSpendFen).toBe(20_000);
  });
});

describe('new and returning buyers with a customers export', () => {
  it('treats a buyer who bought before the data as returning in their first session', () => {
    const metrics = metricsOf({
      orders,
      sessions: traffic,
      customers: [customer({ buyerId: 'U2', firstOrderAt: Date.parse('2024-03-08T10:00:00+08:00') })],
    });
    // L1 buyers U1 (new) and U2 (known from March)
    expect(metrics.sessionList[0]).toMatchObject({ newBuyers: 1, returningBuyers: 1 });
  });
});
