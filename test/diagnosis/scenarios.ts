// Variations on the tea brand of fixtures.ts, one per situation a consultant meets. Together
// they drive every branch of the stage rules (messages.test.ts checks that they do).

import type { Metrics } from '../../src/metrics/types.js';
import { withoutTraffic } from '../fixtures/metrics.js';
import { metricsFixture, ordersOnlyFixture, TOP_CREATORS, TOP_PRODUCTS } from './fixtures.js';

const YUAN = 100;

/** Creator GMV ¥412,300 from 28 creators, one creator carrying half of it. */
export function smallDistribution(): Metrics {
  return metricsFixture({
    seller: {
      self: { gmvFen: 540_000 * YUAN, share: 0.567 },
      creator: { gmvFen: 412_300 * YUAN, share: 0.433 },
    },
    creators: 28,
    topCreatorShare: 0.52,
    creatorBuyers: 2_900,
    heroProducts: TOP_PRODUCTS.slice(0, 1),
  });
}

/** Creator GMV above the level, but only 20 creators. */
export function fewCreators(): Metrics {
  return metricsFixture({
    seller: {
      self: { gmvFen: 540_000 * YUAN, share: 0.31 },
      creator: { gmvFen: 1_200_000 * YUAN, share: 0.69 },
    },
    creators: 20,
  });
}

/** A single creator sells; no product has been tried across rooms. */
export function singleCreator(): Metrics {
  return metricsFixture({
    seller: {
      self: { gmvFen: 540_000 * YUAN, share: 0.9 },
      creator: { gmvFen: 60_000 * YUAN, share: 0.1 },
    },
    creators: 1,
    topCreatorShare: 1,
    topCreators: [{ ...TOP_CREATORS[0]!, gmvFen: 60_000 * YUAN, share: 1 }],
    heroProducts: [],
    topProducts: TOP_PRODUCTS.map((product) => ({ ...product, creators: Math.min(product.creators, 1) })),
    creatorBuyers: 400,
  });
}

/** Nothing but the brand's own orders: no creator, no spend, no session, no repeat buyer, no exclusive. */
export function nothingStarted(): Metrics {
  return metricsFixture({
    seller: {
      self: { gmvFen: 300_000 * YUAN, share: 1 },
      creator: { gmvFen: 0, share: 0 },
    },
    creators: 0,
    creatorBuyers: 0,
    topCreatorShare: null,
    topCreators: [],
    heroProducts: [],
    topProducts: TOP_PRODUCTS.map((product) => ({ ...product, creators: 0, exclusive: false })),
    repeatBuyers: 0,
    repeatBuyerRate: 0,
    fanOrders: 0,
    fanOrderShare: 0,
    returningBuyerGmvShare: 0,
    exclusive: { skus: 0, gmvFen: 0, share: 0, orders: 0, buyers: 0, aovFen: null, aovBasis: 'buyers' },
    // A traffic export with no own session in it: counts are zero, rates unknown.
    ...withoutTraffic(),
    sessions: 0,
    sessionsPerWeek: 0,
    ownAccounts: 0,
    sessionGmvFen: 0,
    adSpendFen: 0,
    chuanliuShare: null,
  });
}

/** Only one session in three has paid traffic, and none of them pays back. */
export function weakPaidTraffic(): Metrics {
  const base = metricsFixture();
  const sessionList = base.sessionList.map((session, index) => {
    const spendFen = index % 3 !== 0 ? 0 : Math.round((session.gmvFen ?? 0) / 1.2);
    return { ...session, adSpendFen: spendFen, roi: spendFen > 0 ? 1.2 : null, followRate: null };
  });
  return metricsFixture({
    sessionList,
    adSpendFen: sessionList.reduce((sum, session) => sum + (session.adSpendFen ?? 0), 0),
    roi: 1.2,
    paidSessionGmvFen: sessionList
      .filter((session) => (session.adSpendFen ?? 0) > 0)
      .reduce((sum, session) => sum + (session.gmvFen ?? 0), 0),
    paidShare: 0.1,
    costPerNewFanFen: 3_000,
  });
}

/** Live sessions, but the spend column is zero throughout. */
export function noPaidTraffic(): Metrics {
  return metricsFixture({
    adSpendFen: 0,
    roi: null,
    paidSessionGmvFen: null,
    paidShare: 0,
    costPerNewFanFen: null,
    sessionList: metricsFixture().sessionList.map((session) => ({
      ...session,
      adSpendFen: 0,
      roi: null,
      paidShare: 0,
    })),
  });
}

/** A small shop without paid traffic: ¥8,000 of session GMV a month makes 5% of it a ¥100 test. */
export function smallShopNoPaidTraffic(): Metrics {
  return { ...noPaidTraffic(), sessionGmvFen: 800_000 };
}

/** Paid traffic at 10% of viewers while some sessions pay back well. */
export function underusedPaidTraffic(): Metrics {
  return metricsFixture({ paidShare: 0.1 });
}

/** A room that does not hold viewers, on a brand without proven products. */
export function weakRoom(): Metrics {
  return metricsFixture({
    gpmBasis: 'viewers',
    avgStaySeconds: 40,
    coldStartGrowth: 0.8,
    gmvPerHourFen: 2_000 * YUAN,
    uvValue: 1,
    followRate: 0.01,
    chuanliuShare: 0.3,
    carrier: {
      live: { gmvFen: 1_494_000 * YUAN, share: 0.83 },
      shortVideo: { gmvFen: 54_000 * YUAN, share: 0.03 },
      itemCard: { gmvFen: 216_000 * YUAN, share: 0.12 },
      other: { gmvFen: 36_000 * YUAN, share: 0.02 },
    },
    heroProducts: [],
  });
}

/** A traffic export with views but no viewers: only GPM says what a view is worth. */
export function gpmOnly(): Metrics {
  return metricsFixture({ uvValue: null, gpm: 500 });
}

/** Four own sessions: too early to judge the cold start. */
export function earlyColdStart(): Metrics {
  return metricsFixture({ coldStartGrowth: null });
}

/** Strong everywhere: every stage established. */
export function strongBrand(): Metrics {
  return metricsFixture({
    roi: 3,
    paidShare: 0.4,
    costPerNewFanFen: 1_500,
    naturalViewersTrend: 1.1,
    heroProducts: TOP_PRODUCTS.slice(0, 4).map((product) => ({ ...product, creators: Math.max(product.creators, 3) })),
    sessionsPerWeek: 5,
    ownAccounts: 2,
    conversion: 0.021,
    avgStaySeconds: 64,
    selfBroadcastGmvShare: 0.32,
    repeatBuyerRate: 0.22,
    fanOrderShare: 0.42,
    returningBuyerGmvShare: 0.27,
    exclusive: {
      skus: 4,
      gmvFen: 360_000 * YUAN,
      share: 0.2,
      orders: 1_950,
      buyers: 1_895,
      aovFen: 190 * YUAN,
      aovBasis: 'buyers',
    },
    carrier: {
      live: { gmvFen: 1_260_000 * YUAN, share: 0.7 },
      shortVideo: { gmvFen: 234_000 * YUAN, share: 0.13 },
      itemCard: { gmvFen: 288_000 * YUAN, share: 0.16 },
      other: { gmvFen: 18_000 * YUAN, share: 0.01 },
    },
    chuanliuShare: 0.25,
  });
}

/** Self-broadcast only: established room and fan pool, but no creator has ever sold. */
export function selfBroadcastWithoutCreators(): Metrics {
  const strong = strongBrand();
  return {
    ...strong,
    seller: {
      self: { gmvFen: strong.gmvFen, share: 1 },
      creator: { gmvFen: 0, share: 0 },
    },
    creators: 0,
    creatorBuyers: 0,
    topCreatorShare: null,
    topCreators: [],
    heroProducts: [],
    topProducts: TOP_PRODUCTS.map((product) => ({ ...product, creators: 0 })),
    chuanliuShare: null,
  };
}

/** Exclusive products sold below the brand's overall order value. */
export function cheapExclusives(): Metrics {
  return metricsFixture({
    exclusive: {
      skus: 3,
      gmvFen: 300_000 * YUAN,
      share: 0.167,
      orders: 2_200,
      buyers: 2_143,
      aovFen: 140 * YUAN,
      aovBasis: 'buyers',
    },
  });
}

/** A products export that flags exclusives, none of which sold yet. */
export function noExclusivesYet(): Metrics {
  return metricsFixture({
    exclusive: { skus: 0, gmvFen: 0, share: 0, orders: 0, buyers: 0, aovFen: null, aovBasis: 'buyers' },
  });
}

/** Exclusive products sold only in the brand's own room: no creator to offer them to. */
export function exclusivesWithoutCreators(): Metrics {
  return { ...selfBroadcastWithoutCreators(), exclusive: metricsFixture().exclusive };
}

/**
 * Orders without buyer ids and a traffic export without buyer counts: every AOV and the
 * conversion are per order, and the labels say so.
 */
export function noBuyerIds(): Metrics {
  const base = metricsFixture();
  return metricsFixture({
    buyers: null,
    aovFen: 150 * YUAN,
    aovBasis: 'orders',
    repeatBuyers: null,
    repeatBuyerRate: null,
    returningBuyerGmvShare: null,
    creatorBuyers: null,
    chuanliuShare: null,
    exclusive: { ...base.exclusive!, buyers: null, aovFen: 173 * YUAN, aovBasis: 'orders' },
    conversion: 0.024,
    conversionBasis: 'orders',
  });
}

/**
 * With the settlement export: ¥180,000 commission on ¥1,260,000 creator GMV (¥7 per ¥1), and
 * 茶仙子阿梅 returning ¥14.7 per ¥1 while 品茶师傅 returns ¥4.2.
 */
export function withCommission(): Metrics {
  const base = metricsFixture();
  const commissions = [24_000, 30_000, 20_000, 24_000];
  return metricsFixture({
    commissionFen: 180_000 * YUAN,
    gmvPerCommission: 7,
    topCreators: base.topCreators.map((creator, index) => {
      const commissionFen = (commissions[index] ?? 0) * YUAN;
      return { ...creator, commissionFen, gmvPerCommission: commissionFen > 0 ? creator.gmvFen / commissionFen : null };
    }),
  });
}

export { ordersOnlyFixture };

export const SCENARIOS: Record<string, () => Metrics> = {
  base: () => metricsFixture(),
  // 91 days: long enough to judge the 90-day repeat-buyer rate.
  // Full-length sessions, too few of them: the schedule step alone.
  fullLengthSessions: () => metricsFixture({ hoursPerSession: 3.5 }),
  quarter: () => metricsFixture({ period: { from: '2024-04-01', to: '2024-06-30', days: 91 } }),
  ordersOnly: () => ordersOnlyFixture(),
  smallDistribution,
  fewCreators,
  singleCreator,
  nothingStarted,
  weakPaidTraffic,
  noPaidTraffic,
  smallShopNoPaidTraffic,
  underusedPaidTraffic,
  weakRoom,
  gpmOnly,
  earlyColdStart,
  strongBrand,
  selfBroadcastWithoutCreators,
  cheapExclusives,
  noExclusivesYet,
  exclusivesWithoutCreators,
  noBuyerIds,
  withCommission,
};
