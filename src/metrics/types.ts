// The finished metrics the diagnosis reads. Money is integer fen; rates and shares are
// fractions 0..1 computed from totals (never averaged from per-session rates).
// Every metric whose input is missing is null, never 0.

import type { Carrier, Seller } from '../ingest/types.js';

export interface GmvShare {
  gmvFen: number;
  /** null when total GMV is 0. */
  share: number | null;
}

export interface CreatorStat {
  creatorId: string;
  creatorName: string | null;
  gmvFen: number;
  orders: number;
  /** Share of all creator-sold GMV. */
  share: number;
  /** Commission paid to this creator (settlement export); null without one. */
  commissionFen: number | null;
  /** The creator's GMV per ¥1 of commission; null without commission. */
  gmvPerCommission: number | null;
}

export interface ProductStat {
  productId: string;
  productName: string | null;
  gmvFen: number;
  orders: number;
  /** Distinct creators who sold it. */
  creators: number;
  exclusive: boolean | null;
}

/**
 * Viewers, buyers and GMV summed over the same sessions (those that report all three), so that
 * GMV = viewers × buyers ÷ viewers × GMV ÷ buyers holds exactly and a change of GMV can be split
 * into traffic, conversion and AOV. Orders stand in for buyers where no session counts buyers.
 */
export interface LiveFunnel {
  sessions: number;
  viewers: number;
  /** Buyers, or orders where `basis` is 'orders'. */
  buyers: number;
  gmvFen: number;
  basis: 'buyers' | 'orders';
}

export interface SessionMetrics {
  liveId: string;
  account: string | null;
  /** ISO 8601 with +08:00, or null. */
  startAt: string | null;
  isOwnAccount: boolean;
  durationMinutes: number | null;
  /** From the traffic row's GMV column, else summed from orders with this liveId. */
  gmvFen: number | null;
  gmvSource: 'traffic' | 'orders' | null;
  orders: number | null;
  buyers: number | null;
  viewers: number | null;
  views: number | null;
  /** GMV ÷ viewers, yuan per viewer. */
  uvValue: number | null;
  /** GMV (yuan) ÷ views × 1000 (÷ viewers when no views). */
  gpm: number | null;
  /** buyers ÷ viewers (orders ÷ viewers where no buyers). */
  conversion: number | null;
  /** GMV ÷ buyers (÷ orders where no buyers), fen. */
  aovFen: number | null;
  followRate: number | null;
  adSpendFen: number | null;
  roi: number | null;
  paidShare: number | null;
  avgStaySeconds: number | null;
  peakOnline: number | null;
  avgOnline: number | null;
  peakToAvgOnline: number | null;
  newFans: number | null;
  reservations: number | null;
  reservationRate: number | null;
  warmupVideos: number | null;
  shortVideoViewers: number | null;
  couponClaims: number | null;
  couponClaimRate: number | null;
  /** Distinct products sold in the session (from orders joined by liveId). */
  productsSold: number | null;
  topProductShare: number | null;
  /** Buyers whose first order in the data was in this session / who had bought before. */
  newBuyers: number | null;
  returningBuyers: number | null;
}

export interface Metrics {
  period: { from: string | null; to: string | null; days: number | null };

  // Orders
  gmvFen: number;
  netGmvFen: number;
  refundsFen: number;
  /** Distinct counted orders. */
  orders: number;
  orderLines: number;
  buyers: number | null;
  aovFen: number | null;
  aovBasis: 'buyers' | 'orders' | null;
  repeatBuyers: number | null;
  repeatBuyerRate: number | null;
  fanOrders: number | null;
  fanOrderShare: number | null;
  /** GMV from buyers' second and later orders ÷ GMV. */
  returningBuyerGmvShare: number | null;

  seller: Record<Seller, GmvShare>;
  carrier: Record<Carrier, GmvShare>;
  /** Self-sold GMV through the live carrier ÷ GMV. */
  selfBroadcastGmvShare: number | null;

  // Creator distribution (E)
  creators: number;
  creatorBuyers: number | null;
  topCreatorShare: number | null;
  /** 达人佣金 + 团长佣金 of the counted orders, from the settlement export; null without one. */
  commissionFen: number | null;
  /** Creator-sold GMV per ¥1 of commission; null without commission. */
  gmvPerCommission: number | null;
  /** Settlement orders that no order line matches (beside an orders export); null without one. */
  settlementOrdersWithoutOrder: number | null;
  /** Top creators by GMV, at most 10, ties broken by id. */
  topCreators: CreatorStat[];
  /** Every creator with sales by GMV, at most CREATOR_LIST_LIMIT: who joined, stayed or left between periods. */
  creatorsByGmv: CreatorStat[];
  /** Products sold by at least 3 creators, by GMV, at most 10. */
  heroProducts: ProductStat[];
  products: number;
  topProducts: ProductStat[];
  /** Every product sold by GMV, at most PRODUCT_LIST_LIMIT: which products are new between periods. */
  productsByGmv: ProductStat[];

  // Channel-specific supply (S2): null without a products file that flags exclusives
  exclusive: {
    skus: number;
    gmvFen: number;
    share: number | null;
    /** Orders with an exclusive product, and their distinct buyers (null without buyer ids). */
    orders: number;
    buyers: number | null;
    /** Exclusive GMV ÷ buyers, or ÷ orders without buyer ids: always the basis of the overall `aovFen`. */
    aovFen: number | null;
    aovBasis: 'buyers' | 'orders';
  } | null;

  // Sessions, traffic and paid traffic (T, S): null without a traffic export
  sessions: number | null;
  sessionsPerWeek: number | null;
  hoursPerSession: number | null;
  ownAccounts: number | null;
  sessionGmvFen: number | null;
  gmvPerHourFen: number | null;
  /** null without a session that reports viewers, GMV and buyers (or orders). */
  liveFunnel: LiveFunnel | null;
  adSpendFen: number | null;
  /** Session GMV ÷ ad spend over the sessions with spend; null without spend data. */
  roi: number | null;
  /** The GMV that ROI is over: the sessions with spend. */
  paidSessionGmvFen: number | null;
  viewers: number | null;
  views: number | null;
  uvValue: number | null;
  gpm: number | null;
  gpmBasis: 'views' | 'viewers' | null;
  conversion: number | null;
  /** buyers ÷ viewers, or orders ÷ viewers where no session counts buyers. */
  conversionBasis: 'buyers' | 'orders' | null;
  followRate: number | null;
  newFans: number | null;
  avgStaySeconds: number | null;
  paidShare: number | null;
  costPerNewFanFen: number | null;
  /** Mean GMV of the last 3 of the first 6 own sessions ÷ mean of the first 3; null with fewer than 6. */
  coldStartGrowth: number | null;
  /** Viewers not bought, second half of the period ÷ first half. */
  naturalViewersTrend: number | null;

  // Programmes
  /** Share of self-broadcast buyers who bought through a creator before (川流). */
  chuanliuShare: number | null;
  shortVideoViewers: number | null;

  sessionList: SessionMetrics[];
}
