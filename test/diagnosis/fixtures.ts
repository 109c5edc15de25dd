// A tea brand's June: 12 own live sessions, 42 creators, one account. The numbers hang together
// (session totals are the sums of the sessions) so the hand-computed expectations in the tests
// can be checked against them.
//
// Stage scores on the default profile, worked out in the tests: E 93, T 68 (the focus), S 83,
// P 82, S2 62, overall 78.

import type { BrandConfig } from '../../src/ingest/types.js';
import type { CreatorStat, Metrics, ProductStat, SessionMetrics } from '../../src/metrics/types.js';
import { blankMetrics, blankSession, withoutBuyerIds, withoutTraffic, type Overrides } from '../fixtures/metrics.js';

const YUAN = 100;

interface SessionSeed {
  liveId: string;
  day: string;
  minutes: number;
  gmvYuan: number;
  viewers: number;
  spendYuan: number;
  newFans: number;
  avgStay: number;
  buyers: number;
}

// Sessions on 06-14 and 06-18 are the best; 06-17 and 06-20 the weakest.
const SEEDS: SessionSeed[] = [
  {
    liveId: 'L0603',
    day: '06-03',
    minutes: 150,
    gmvYuan: 22_000,
    viewers: 18_000,
    spendYuan: 16_000,
    newFans: 300,
    avgStay: 48,
    buyers: 200,
  },
  {
    liveId: 'L0605',
    day: '06-05',
    minutes: 180,
    gmvYuan: 28_000,
    viewers: 20_000,
    spendYuan: 18_000,
    newFans: 380,
    avgStay: 50,
    buyers: 240,
  },
  {
    liveId: 'L0607',
    day: '06-07',
    minutes: 150,
    gmvYuan: 25_000,
    viewers: 21_000,
    spendYuan: 22_000,
    newFans: 420,
    avgStay: 55,
    buyers: 230,
  },
  {
    liveId: 'L0610',
    day: '06-10',
    minutes: 180,
    gmvYuan: 40_000,
    viewers: 24_000,
    spendYuan: 24_000,
    newFans: 600,
    avgStay: 58,
    buyers: 330,
  },
  {
    liveId: 'L0612',
    day: '06-12',
    minutes: 150,
    gmvYuan: 36_000,
    viewers: 25_000,
    spendYuan: 26_000,
    newFans: 560,
    avgStay: 52,
    buyers: 300,
  },
  {
    liveId: 'L0614',
    day: '06-14',
    minutes: 180,
    gmvYuan: 45_000,
    viewers: 27_000,
    spendYuan: 18_000,
    newFans: 700,
    avgStay: 60,
    buyers: 380,
  },
  {
    liveId: 'L0617',
    day: '06-17',
    minutes: 150,
    gmvYuan: 38_000,
    viewers: 26_000,
    spendYuan: 36_000,
    newFans: 610,
    avgStay: 47,
    buyers: 310,
  },
  {
    liveId: 'L0618',
    day: '06-18',
    minutes: 240,
    gmvYuan: 95_000,
    viewers: 45_000,
    spendYuan: 48_000,
    newFans: 1_400,
    avgStay: 66,
    buyers: 800,
  },
  {
    liveId: 'L0620',
    day: '06-20',
    minutes: 150,
    gmvYuan: 30_000,
    viewers: 25_000,
    spendYuan: 34_000,
    newFans: 520,
    avgStay: 41,
    buyers: 240,
  },
  {
    liveId: 'L0622',
    day: '06-22',
    minutes: 180,
    gmvYuan: 42_000,
    viewers: 27_000,
    spendYuan: 26_000,
    newFans: 690,
    avgStay: 57,
    buyers: 350,
  },
  {
    liveId: 'L0625',
    day: '06-25',
    minutes: 150,
    gmvYuan: 33_000,
    viewers: 24_000,
    spendYuan: 28_000,
    newFans: 540,
    avgStay: 44,
    buyers: 270,
  },
  {
    liveId: 'L0628',
    day: '06-28',
    minutes: 180,
    gmvYuan: 46_000,
    viewers: 28_000,
    spendYuan: 24_000,
    newFans: 720,
    avgStay: 59,
    buyers: 390,
  },
];

export function sessionFixture(seed: SessionSeed): SessionMetrics {
  const gmvFen = seed.gmvYuan * YUAN;
  const spendFen = seed.spendYuan * YUAN;
  const views = Math.round(seed.viewers * 1.6);
  return blankSession(seed.liveId, {
    account: '茗山茶业官方旗舰店',
    startAt: `2024-${seed.day}T20:00:00+08:00`,
    isOwnAccount: true,
    durationMinutes: seed.minutes,
    gmvFen,
    gmvSource: 'traffic',
    orders: Math.round(seed.buyers * 1.1),
    buyers: seed.buyers,
    viewers: seed.viewers,
    views,
    uvValue: seed.gmvYuan / seed.viewers,
    gpm: (seed.gmvYuan / views) * 1000,
    conversion: seed.buyers / seed.viewers,
    aovFen: Math.round(gmvFen / seed.buyers),
    followRate: seed.newFans / seed.viewers,
    adSpendFen: spendFen,
    roi: gmvFen / spendFen,
    paidShare: 0.62,
    avgStaySeconds: seed.avgStay,
    peakOnline: Math.round(seed.viewers * 0.06),
    avgOnline: Math.round(seed.viewers * 0.035),
    peakToAvgOnline: 0.06 / 0.035,
    newFans: seed.newFans,
    reservations: Math.round(seed.viewers * 0.04),
    reservationRate: 0.04,
    warmupVideos: 2,
    shortVideoViewers: Math.round(seed.viewers * 0.08),
    productsSold: 6,
    topProductShare: 0.45,
    newBuyers: Math.round(seed.buyers * 0.7),
    returningBuyers: Math.round(seed.buyers * 0.3),
  });
}

function product(
  productId: string,
  productName: string,
  gmvYuan: number,
  orders: number,
  creators: number,
  exclusive: boolean,
): ProductStat {
  return { productId, productName, gmvFen: gmvYuan * YUAN, orders, creators, exclusive };
}

function creator(creatorId: string, creatorName: string, gmvYuan: number, orders: number): CreatorStat {
  return {
    creatorId,
    creatorName,
    gmvFen: gmvYuan * YUAN,
    orders,
    share: gmvYuan / 1_260_000,
    commissionFen: null,
    gmvPerCommission: null,
  };
}

export const TOP_PRODUCTS: ProductStat[] = [
  product('P001', '明前龙井 250g', 620_000, 4_100, 18, false),
  product('P002', '茉莉花茶礼盒', 380_000, 2_600, 9, false),
  product('P003', '白茶饼 357g', 210_000, 900, 2, false),
  product('P004', '冷泡茶 12 袋装', 160_000, 2_300, 1, false),
  product('P005', '快手专供 龙井双罐', 60_000, 300, 0, true),
  product('P006', '玻璃泡茶杯', 40_000, 600, 0, false),
];

export const TOP_CREATORS: CreatorStat[] = [
  creator('C01', '茶仙子阿梅', 352_800, 2_300),
  creator('C02', '老杨说茶', 201_600, 1_400),
  creator('C03', '小鹿的生活', 126_000, 900),
  creator('C04', '品茶师傅', 100_800, 700),
  creator('C05', '江南小厨娘', 75_600, 520),
];

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export function metricsFixture(overrides: Overrides<Metrics> = {}): Metrics {
  const sessionList = SEEDS.map(sessionFixture);
  const sessionGmvFen = sum(sessionList.map((session) => session.gmvFen ?? 0));
  const viewers = sum(sessionList.map((session) => session.viewers ?? 0));
  const views = sum(sessionList.map((session) => session.views ?? 0));
  const adSpendFen = sum(sessionList.map((session) => session.adSpendFen ?? 0));
  const newFans = sum(sessionList.map((session) => session.newFans ?? 0));
  const sessionBuyers = sum(sessionList.map((session) => session.buyers ?? 0));
  const minutes = sum(sessionList.map((session) => session.durationMinutes ?? 0));

  const gmvFen = 1_800_000 * YUAN;
  const refundsFen = 126_000 * YUAN;
  return blankMetrics({
    period: { from: '2024-06-01', to: '2024-06-30', days: 30 },
    gmvFen,
    netGmvFen: gmvFen - refundsFen,
    refundsFen,
    orders: 14_400,
    orderLines: 16_000,
    buyers: 12_000,
    aovFen: 150 * YUAN,
    aovBasis: 'buyers',
    repeatBuyers: 1_800,
    repeatBuyerRate: 0.15,
    fanOrders: 4_896,
    fanOrderShare: 0.34,
    returningBuyerGmvShare: 0.2,
    seller: {
      self: { gmvFen: 540_000 * YUAN, share: 0.3 },
      creator: { gmvFen: 1_260_000 * YUAN, share: 0.7 },
    },
    carrier: {
      live: { gmvFen: 1_440_000 * YUAN, share: 0.8 },
      shortVideo: { gmvFen: 180_000 * YUAN, share: 0.1 },
      itemCard: { gmvFen: 144_000 * YUAN, share: 0.08 },
      other: { gmvFen: 36_000 * YUAN, share: 0.02 },
    },
    selfBroadcastGmvShare: 0.26,
    creators: 42,
    creatorBuyers: 8_400,
    topCreatorShare: 0.28,
    topCreators: TOP_CREATORS,
    creatorsByGmv: TOP_CREATORS,
    heroProducts: TOP_PRODUCTS.filter((entry) => entry.creators >= 3),
    products: 24,
    topProducts: TOP_PRODUCTS,
    productsByGmv: TOP_PRODUCTS,
    // ¥90,000 from 500 buyers (520 orders): ¥180 per buyer, the overall AOV's basis.
    exclusive: {
      skus: 2,
      gmvFen: 90_000 * YUAN,
      share: 0.05,
      orders: 520,
      buyers: 500,
      aovFen: 180 * YUAN,
      aovBasis: 'buyers',
    },
    sessions: sessionList.length,
    sessionsPerWeek: sessionList.length / (30 / 7),
    hoursPerSession: minutes / sessionList.length / 60,
    ownAccounts: 1,
    sessionGmvFen,
    gmvPerHourFen: Math.round(sessionGmvFen / (minutes / 60)),
    liveFunnel: {
      sessions: sessionList.length,
      viewers,
      buyers: sessionBuyers,
      gmvFen: sessionGmvFen,
      basis: 'buyers',
    },
    adSpendFen,
    roi: sessionGmvFen / adSpendFen,
    paidSessionGmvFen: sessionGmvFen,
    viewers,
    views,
    uvValue: sessionGmvFen / YUAN / viewers,
    gpm: (sessionGmvFen / YUAN / views) * 1000,
    gpmBasis: 'views',
    conversion: sessionBuyers / viewers,
    conversionBasis: 'buyers',
    followRate: newFans / viewers,
    newFans,
    avgStaySeconds: 53,
    paidShare: 0.62,
    costPerNewFanFen: Math.round(adSpendFen / newFans),
    coldStartGrowth: (40_000 + 36_000 + 45_000) / (22_000 + 28_000 + 25_000),
    naturalViewersTrend: 0.8,
    chuanliuShare: 0.12,
    shortVideoViewers: 24_800,
    sessionList,
    ...overrides,
  });
}

export function brandFixture(overrides: Partial<BrandConfig> = {}): BrandConfig {
  return {
    name: '茗山茶业',
    category: 'food',
    profile: null,
    period: null,
    ownAccounts: ['茗山茶业官方旗舰店'],
    // The tea brand went live for the first time in this June: its cold start is in the data.
    selfBroadcastSince: '2024-06-03',
    scores: { shopExperience: 4.7, creatorReputation: 4.6, product: 4.8 },
    ...overrides,
  };
}

/** Metrics of a brand with orders only: no traffic, buyer ids or products export. */
export function ordersOnlyFixture(overrides: Overrides<Metrics> = {}): Metrics {
  return metricsFixture({
    ...withoutBuyerIds(),
    ...withoutTraffic(),
    aovFen: 15_000,
    aovBasis: 'orders',
    exclusive: null,
    ...overrides,
  });
}
