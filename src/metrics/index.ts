// The metrics layer: ingest streams records in, finish() hands the diagnosis a Metrics.
//
// One accumulator per metric family (totals, buyers, creators, products, sessions), all
// addressing per-key state through one shared registry of dense key indexes. Each family's
// state is plain data (numbers, typed arrays, Maps, Sets), so a worker thread can post
// state() to the main thread, where merge() folds it in: the result equals one pass over
// all the lines, whatever the split.

import type {
  BrandConfig,
  CustomerRow,
  OrderLine,
  ProductRow,
  RecordSink,
  SessionRow,
  SettlementRow,
} from '../ingest/types.js';
import { findKey, type KeyHash } from './keys.js';
import {
  addSettlementRow,
  createSettlement,
  gmvPerCommission,
  joinSettlement,
  mergeSettlement,
  noteOrderRefund,
  type SettlementJoin,
  type SettlementState,
} from './settlement.js';
import {
  addBuyersLine,
  addCustomer,
  createBuyers,
  finishBuyers,
  mergeBuyers,
  postableBuyers,
  type BuyersState,
  type PostedBuyers,
} from './buyers.js';
import { postableOrderGroups } from './order-groups.js';
import {
  addCreatorsLine,
  createCreators,
  finishCreators,
  mergeCreators,
  type CreatorsState,
  type PostedCreators,
} from './creators.js';
import { coveredDays, isInWindow, periodOf, windowFromBrand, type PeriodWindow } from './period.js';
import {
  addProductRow,
  addProductsLine,
  createProducts,
  finishProducts,
  mergeProducts,
  type PostedProducts,
  type ProductsState,
} from './products.js';
import {
  createLineKeys,
  createRegistry,
  registryState,
  remapRegistry,
  resolveLineKeys,
  type Registry,
  type RegistryState,
} from './registry.js';
import { finishSessionTotals, noSessionTotals } from './session-totals.js';
import {
  addSessionRow,
  addSessionsLine,
  createSessions,
  finishSessions,
  mergeSessions,
  normaliseAccount,
  type PostedSessions,
  type SessionsState,
} from './sessions.js';
import { addTotalsLine, createTotals, finishTotals, mergeTotals, type TotalsState } from './totals.js';
import type { Metrics } from './types.js';

export type { Metrics, SessionMetrics, CreatorStat, ProductStat, GmvShare } from './types.js';
export type { PeriodWindow } from './period.js';

/**
 * Everything an accumulator knows, as structured-clone-friendly data. The per-order and
 * per-key arrays are trimmed copies (a worker posts this, and posting copies whole buffers);
 * the rest shares memory with the accumulator: post it or clone it, do not change it.
 */
export interface MetricsState {
  keys: RegistryState;
  totals: TotalsState;
  buyers: PostedBuyers;
  creators: PostedCreators;
  products: PostedProducts;
  sessions: PostedSessions;
  settlement: SettlementState;
}

export interface MetricsAccumulator extends RecordSink {
  finish(): Metrics;
  state(): MetricsState;
  /** Folds in another accumulator's state (built with the same brand and period). */
  merge(other: MetricsState): void;
}

interface Families {
  totals: TotalsState;
  buyers: BuyersState;
  creators: CreatorsState;
  products: ProductsState;
  sessions: SessionsState;
  settlement: SettlementState;
}

function createFamilies(): Families {
  return {
    totals: createTotals(),
    buyers: createBuyers(),
    creators: createCreators(),
    products: createProducts(),
    sessions: createSessions(),
    settlement: createSettlement(),
  };
}

/**
 * A settlement row standing in for an order line: who sold it follows 达人ID like any line;
 * where it sold is not in the export, so it is not measured (null), never "other".
 */
function lineFromSettlement(row: SettlementRow, ownAccounts: ReadonlySet<string>): OrderLine {
  const byCreator = row.creatorId !== null && !ownAccounts.has(row.creatorId);
  return {
    orderId: row.orderId,
    paidAt: row.paidAt,
    amountFen: row.amountFen,
    quantity: 1,
    refundFen: row.refundFen,
    productId: null,
    productName: null,
    sku: null,
    seller: byCreator ? 'creator' : 'self',
    carrier: null,
    creatorId: byCreator ? row.creatorId : null,
    creatorName: null,
    account: null,
    liveId: null,
    buyerId: null,
    isFan: null,
  };
}

/** The commission figures, and each top creator's share of them. */
function withCommission(
  join: SettlementJoin | null,
  creatorGmvFen: number,
  topCreators: Metrics['topCreators'],
): Pick<Metrics, 'commissionFen' | 'gmvPerCommission' | 'topCreators'> {
  if (join === null) return { commissionFen: null, gmvPerCommission: null, topCreators };
  return {
    commissionFen: join.commissionFen,
    gmvPerCommission: gmvPerCommission(creatorGmvFen, join.commissionFen),
    topCreators: topCreators.map((creator) => {
      const commissionFen = join.commissionByCreator.get(creator.creatorId) ?? 0;
      return { ...creator, commissionFen, gmvPerCommission: gmvPerCommission(creator.gmvFen, commissionFen) };
    }),
  };
}

function finishMetrics(
  registry: Registry,
  families: Families,
  brand: BrandConfig,
  window: PeriodWindow | null,
  join: SettlementJoin | null,
): Metrics {
  const totals = finishTotals(families.totals, registry.orders.count);
  const extraRefundsFen = join?.extraRefundsFen ?? 0;
  const buyers = finishBuyers(families.buyers, registry, totals.gmvFen);
  const creators = finishCreators(families.creators, registry);
  const commission = withCommission(join, totals.seller.creator.gmvFen, creators.topCreators);
  // The same condition as the overall AOV's basis (buyers.ts), so both AOVs share it.
  const orderBuyer = registry.buyers.count > 0 ? buyers.history.orderBuyer : null;
  const products = finishProducts(families.products, registry, totals.gmvFen, orderBuyer);
  const period = periodOf(window, families.totals.firstPaidAt, families.totals.lastPaidAt);
  const sessionList = finishSessions(families.sessions, registry, {
    ownAccounts: new Set(brand.ownAccounts.map(normaliseAccount)),
    history: buyers.history,
  });
  const sessionStarts = sessionList.map((entry) => entry.row.startAt);
  const sessions =
    sessionList.length === 0
      ? noSessionTotals()
      : finishSessionTotals(sessionList, coveredDays(window, period, sessionStarts));

  // Spelled out in the order of the Metrics type, so the JSON report reads in that order.
  return {
    period,
    gmvFen: totals.gmvFen,
    netGmvFen: totals.netGmvFen - extraRefundsFen,
    refundsFen: totals.refundsFen + extraRefundsFen,
    orders: totals.orders,
    orderLines: totals.orderLines,
    buyers: buyers.metrics.buyers,
    aovFen: buyers.metrics.aovFen,
    aovBasis: buyers.metrics.aovBasis,
    repeatBuyers: buyers.metrics.repeatBuyers,
    repeatBuyerRate: buyers.metrics.repeatBuyerRate,
    fanOrders: buyers.metrics.fanOrders,
    fanOrderShare: buyers.metrics.fanOrderShare,
    returningBuyerGmvShare: buyers.metrics.returningBuyerGmvShare,
    seller: totals.seller,
    carrier: totals.carrier,
    selfBroadcastGmvShare: totals.selfBroadcastGmvShare,
    creators: creators.creators,
    creatorBuyers: buyers.metrics.creatorBuyers,
    topCreatorShare: creators.topCreatorShare,
    commissionFen: commission.commissionFen,
    gmvPerCommission: commission.gmvPerCommission,
    settlementOrdersWithoutOrder: join === null ? null : join.unmatchedOrders,
    topCreators: commission.topCreators,
    creatorsByGmv: creators.creatorsByGmv,
    heroProducts: products.heroProducts,
    products: products.products,
    topProducts: products.topProducts,
    productsByGmv: products.productsByGmv,
    exclusive: products.exclusive,
    sessions: sessions.sessions,
    sessionsPerWeek: sessions.sessionsPerWeek,
    hoursPerSession: sessions.hoursPerSession,
    ownAccounts: sessions.ownAccounts,
    sessionGmvFen: sessions.sessionGmvFen,
    gmvPerHourFen: sessions.gmvPerHourFen,
    liveFunnel: sessions.liveFunnel,
    adSpendFen: sessions.adSpendFen,
    roi: sessions.roi,
    paidSessionGmvFen: sessions.paidSessionGmvFen,
    viewers: sessions.viewers,
    views: sessions.views,
    uvValue: sessions.uvValue,
    gpm: sessions.gpm,
    gpmBasis: sessions.gpmBasis,
    conversion: sessions.conversion,
    conversionBasis: sessions.conversionBasis,
    followRate: sessions.followRate,
    newFans: sessions.newFans,
    avgStaySeconds: sessions.avgStaySeconds,
    paidShare: sessions.paidShare,
    costPerNewFanFen: sessions.costPerNewFanFen,
    coldStartGrowth: sessions.coldStartGrowth,
    naturalViewersTrend: sessions.naturalViewersTrend,
    chuanliuShare: buyers.metrics.chuanliuShare,
    shortVideoViewers: sessions.shortVideoViewers,
    sessionList: sessionList.map((entry) => entry.metrics),
  };
}

/**
 * `period` (the CLI's --period): only lines paid and sessions started inside it count, and
 * it is the period reported. Without one, brand.json's period applies, since the consultant
 * wrote it there to be used; without either, the whole data counts.
 */
export function createMetricsAccumulator(
  brand: BrandConfig,
  period?: PeriodWindow | null,
  keyHash?: KeyHash,
): MetricsAccumulator {
  const window = period ?? windowFromBrand(brand.period);
  const registry = createRegistry(keyHash);
  const families = createFamilies();
  const keys = createLineKeys();
  let settlementReplayed = false;

  return {
    order(line: OrderLine): void {
      if (!isInWindow(window, line.paidAt)) return;
      resolveLineKeys(registry, line, keys);
      addTotalsLine(families.totals, line);
      noteOrderRefund(families.settlement, line.orderId, line.refundFen);
      addBuyersLine(families.buyers, line, keys, registry);
      addCreatorsLine(families.creators, line, keys);
      addProductsLine(families.products, line, keys);
      addSessionsLine(families.sessions, line, keys);
    },
    session(row: SessionRow): void {
      if (row.startAt !== null && !isInWindow(window, row.startAt)) return;
      addSessionRow(families.sessions, row);
    },
    product(row: ProductRow): void {
      addProductRow(families.products, row);
    },
    customer(row: CustomerRow): void {
      addCustomer(families.buyers, row);
    },
    settlement(row: SettlementRow): void {
      addSettlementRow(families.settlement, row);
    },
    finish(): Metrics {
      const settlement = families.settlement;
      if (settlement.rows.size === 0) return finishMetrics(registry, families, brand, window, null);
      if (families.totals.orderLines > 0 && !settlementReplayed) {
        const join = joinSettlement(settlement, (orderId) => findKey(registry.orders, orderId) !== -1);
        return finishMetrics(registry, families, brand, window, join);
      }
      // Standing in for the orders: its rows become the order lines, once.
      if (!settlementReplayed) {
        settlementReplayed = true;
        const ownAccounts = new Set(brand.ownAccounts);
        for (const row of settlement.rows.values()) this.order(lineFromSettlement(row, ownAccounts));
      }
      return finishMetrics(registry, families, brand, window, joinSettlement(settlement, null));
    },
    state(): MetricsState {
      const orders = registry.orders.count;
      const { creators, products, sessions } = families;
      return {
        keys: registryState(registry),
        ...families,
        buyers: postableBuyers(families.buyers, orders, registry.buyers.count),
        creators: { ...creators, orderCreators: postableOrderGroups(creators.orderCreators, orders) },
        products: { ...products, orderProducts: postableOrderGroups(products.orderProducts, orders) },
        sessions: { ...sessions, orderLives: postableOrderGroups(sessions.orderLives, orders) },
      };
    },
    merge(other: MetricsState): void {
      const remaps = remapRegistry(registry, other.keys);
      mergeTotals(families.totals, other.totals);
      mergeBuyers(families.buyers, other.buyers, remaps, registry);
      mergeCreators(families.creators, other.creators, remaps);
      mergeProducts(families.products, other.products, remaps);
      mergeSessions(families.sessions, other.sessions, remaps);
      mergeSettlement(families.settlement, other.settlement);
    },
  };
}
