// Live sessions: one per traffic row, joined to the order lines that carry its liveId.

import type { OrderLine, SessionRow } from '../ingest/types.js';
import { formatDateTime } from '../i18n/format.js';
import type { BuyerHistory } from './buyers.js';
import { ensureIndex } from './grow.js';
import { findKey, ownCopy } from './keys.js';
import {
  addOrderGroup,
  createOrderGroups,
  forEachGroupOfOrder,
  mergeOrderGroups,
  type OrderGroups,
  type PostedOrderGroups,
} from './order-groups.js';
import { createPairSlots, forEachPair, pairCount, pairSlot, type PairSlots } from './pairs.js';
import { fenRatio, ratio, yuanRatio } from './ratios.js';
import type { LineKeys, Registry, Remaps } from './registry.js';
import type { SessionMetrics } from './types.js';

export interface SessionsState {
  /** Per live index (the liveIds order lines carry). */
  gmvFen: Float64Array;
  orders: Int32Array;
  orderLives: OrderGroups;
  /** Session × product, and each pair's GMV by slot. */
  liveProducts: PairSlots;
  liveProductGmvFen: Float64Array;
  /** The live sessions export, one row per liveId. */
  rows: Map<string, SessionRow>;
}

/** A finished session with the traffic row it came from (the period totals need raw columns). */
export interface SessionEntry {
  metrics: SessionMetrics;
  row: SessionRow;
}

export interface SessionContext {
  /** Normalised own account names; empty means every session is the brand's own. */
  ownAccounts: ReadonlySet<string>;
  history: BuyerHistory;
}

/** What the order lines say about one session; null fields where the orders cannot say. */
interface OrderFacts {
  gmvFen: number;
  orders: number;
  buyers: number | null;
  productsSold: number | null;
  topProductShare: number | null;
  newBuyers: number | null;
  returningBuyers: number | null;
}

export function createSessions(): SessionsState {
  return {
    gmvFen: new Float64Array(0),
    orders: new Int32Array(0),
    orderLives: createOrderGroups(),
    liveProducts: createPairSlots(),
    liveProductGmvFen: new Float64Array(0),
    rows: new Map(),
  };
}

function ensureLive(state: SessionsState, live: number): void {
  state.gmvFen = ensureIndex(state.gmvFen, live, 0);
  state.orders = ensureIndex(state.orders, live, 0);
}

function addProductGmv(state: SessionsState, live: number, product: number, gmvFen: number): void {
  const slot = pairSlot(state.liveProducts, live, product);
  state.liveProductGmvFen = ensureIndex(state.liveProductGmvFen, slot, 0);
  state.liveProductGmvFen[slot]! += gmvFen;
}

export function addSessionsLine(state: SessionsState, line: OrderLine, keys: LineKeys): void {
  const live = keys.live;
  if (live === -1) return;
  ensureLive(state, live);
  state.gmvFen[live]! += line.amountFen;
  if (addOrderGroup(state.orderLives, keys.order, live)) state.orders[live]! += 1;
  if (keys.product !== -1) addProductGmv(state, live, keys.product, line.amountFen);
}

function filledFields(row: SessionRow): number {
  return Object.values(row).filter((value) => value !== null).length;
}

function canonicalRow(row: SessionRow): string {
  const fields = Object.keys(row)
    .filter((key) => key !== 'line')
    .sort();
  return fields.map((key) => `${key}=${String(row[key as keyof SessionRow])}`).join('|');
}

/**
 * Overlapping traffic exports list a session twice; counting it twice would double its
 * viewers and spend. Keep the fuller row, and between equally full rows the one that sorts
 * first, so the choice does not depend on which file was read first.
 */
function preferredRow(known: SessionRow, row: SessionRow): SessionRow {
  const filledKnown = filledFields(known);
  const filledRow = filledFields(row);
  if (filledKnown !== filledRow) return filledRow > filledKnown ? row : known;
  return canonicalRow(row) < canonicalRow(known) ? row : known;
}

export function addSessionRow(state: SessionsState, row: SessionRow): void {
  if (row.liveId === '') return;
  const known = state.rows.get(row.liveId);
  if (known === undefined) {
    state.rows.set(ownCopy(row.liveId), row);
    return;
  }
  state.rows.set(row.liveId, preferredRow(known, row));
}

/** The state as a worker posts it: which sessions each order has, flat. */
export type PostedSessions = Omit<SessionsState, 'orderLives'> & { orderLives: PostedOrderGroups };

export function mergeSessions(into: SessionsState, from: PostedSessions, remaps: Remaps): void {
  const lives = Math.min(from.gmvFen.length, remaps.lives.length);
  for (let source = 0; source < lives; source++) {
    const live = remaps.lives[source]!;
    ensureLive(into, live);
    into.gmvFen[live]! += from.gmvFen[source]!;
  }
  mergeOrderGroups(into.orderLives, from.orderLives, remaps.orders, remaps.lives, (live) => {
    into.orders[live]! += 1;
  });
  forEachPair(from.liveProducts, (live, product, slot) => {
    addProductGmv(into, remaps.lives[live]!, remaps.products[product]!, from.liveProductGmvFen[slot]!);
  });
  for (const row of from.rows.values()) addSessionRow(into, row);
}

/** Distinct buyers per session: (session, buyer) pairs from each order's sessions and buyer. */
function buyersPerLive(state: SessionsState, registry: Registry, history: BuyerHistory): Int32Array {
  const liveBuyers = createPairSlots();
  const orders = registry.orders.count;
  for (let order = 0; order < orders; order++) {
    const buyer = history.orderBuyer.get(order);
    if (buyer === -1) continue;
    forEachGroupOfOrder(state.orderLives, order, (live) => {
      pairSlot(liveBuyers, live, buyer);
    });
  }
  const counts = new Int32Array(registry.lives.count);
  for (let live = 0; live < counts.length; live++) counts[live] = pairCount(liveBuyers, live);
  return counts;
}

/** A buyer is new in the session holding their first order, unless the customers export shows an earlier one. */
function newBuyersPerLive(state: SessionsState, registry: Registry, history: BuyerHistory): Int32Array {
  const counts = new Int32Array(registry.lives.count);
  for (let buyer = 0; buyer < history.firstOrder.length; buyer++) {
    const first = history.firstOrder[buyer]!;
    if (first === -1 || history.boughtBefore[buyer] === 1) continue;
    forEachGroupOfOrder(state.orderLives, first, (live) => {
      counts[live]! += 1;
    });
  }
  return counts;
}

function productsPerLive(state: SessionsState, lives: number) {
  const productsSold = new Int32Array(lives);
  const topProductGmvFen = new Float64Array(lives);
  forEachPair(state.liveProducts, (live, _product, slot) => {
    const gmvFen = state.liveProductGmvFen[slot]!;
    productsSold[live]! += 1;
    if (gmvFen > topProductGmvFen[live]!) topProductGmvFen[live] = gmvFen;
  });
  return { productsSold, topProductGmvFen };
}

/** A session no order line points at sold nothing, as far as the orders know. */
function noOrderFacts(hasBuyerIds: boolean, hasProductIds: boolean): OrderFacts {
  const zeroBuyers = hasBuyerIds ? 0 : null;
  return {
    gmvFen: 0,
    orders: 0,
    buyers: zeroBuyers,
    productsSold: hasProductIds ? 0 : null,
    topProductShare: null,
    newBuyers: zeroBuyers,
    returningBuyers: zeroBuyers,
  };
}

/** Per live index in the orders, what the orders say; null when no order line carries a liveId. */
function orderFactsByLive(state: SessionsState, registry: Registry, history: BuyerHistory) {
  const lives = registry.lives.count;
  if (lives === 0) return null;
  ensureLive(state, lives - 1);
  const hasBuyerIds = registry.buyers.count > 0;
  const hasProductIds = registry.products.count > 0;
  const buyers = hasBuyerIds ? buyersPerLive(state, registry, history) : null;
  const newBuyers = hasBuyerIds ? newBuyersPerLive(state, registry, history) : null;
  const products = productsPerLive(state, lives);
  const empty = noOrderFacts(hasBuyerIds, hasProductIds);

  return (live: number): OrderFacts => {
    if (live === -1) return empty;
    const gmvFen = state.gmvFen[live]!;
    const buyerCount = buyers === null ? null : buyers[live]!;
    const newCount = newBuyers === null ? null : newBuyers[live]!;
    return {
      gmvFen,
      orders: state.orders[live]!,
      buyers: buyerCount,
      productsSold: hasProductIds ? products.productsSold[live]! : null,
      // Of the order-side GMV, since that is where the split by product comes from.
      topProductShare: hasProductIds ? ratio(products.topProductGmvFen[live]!, gmvFen) : null,
      newBuyers: newCount,
      returningBuyers: buyerCount === null || newCount === null ? null : buyerCount - newCount,
    };
  };
}

export function normaliseAccount(account: string): string {
  return account.trim().toLowerCase();
}

/**
 * A traffic export is the brand's own sessions unless brand.json lists the own accounts;
 * a row that names no account is given the benefit of that default too.
 */
function isOwnAccount(account: string | null, ownAccounts: ReadonlySet<string>): boolean {
  if (ownAccounts.size === 0 || account === null) return true;
  return ownAccounts.has(normaliseAccount(account));
}

function durationMinutes(row: SessionRow): number | null {
  if (row.durationSeconds !== null) return row.durationSeconds / 60;
  if (row.startAt === null || row.endAt === null || row.endAt < row.startAt) return null;
  return (row.endAt - row.startAt) / 60_000;
}

function perThousand(value: number | null): number | null {
  return value === null ? null : value * 1000;
}

function sessionMetrics(row: SessionRow, facts: OrderFacts | null, ownAccounts: ReadonlySet<string>): SessionMetrics {
  const gmvFen = row.gmvFen ?? facts?.gmvFen ?? null;
  let gmvSource: SessionMetrics['gmvSource'] = null;
  if (row.gmvFen !== null) gmvSource = 'traffic';
  else if (facts !== null) gmvSource = 'orders';
  const orders = row.orders ?? facts?.orders ?? null;
  const buyers = row.buyers ?? facts?.buyers ?? null;
  const viewers = row.viewers;
  const views = row.views;

  return {
    liveId: row.liveId,
    account: row.account,
    startAt: formatDateTime(row.startAt),
    isOwnAccount: isOwnAccount(row.account, ownAccounts),
    durationMinutes: durationMinutes(row),
    gmvFen,
    gmvSource,
    orders,
    buyers,
    viewers,
    views,
    uvValue: yuanRatio(gmvFen, viewers),
    gpm: perThousand(views !== null ? yuanRatio(gmvFen, views) : yuanRatio(gmvFen, viewers)),
    conversion: buyers !== null ? ratio(buyers, viewers) : ratio(orders, viewers),
    aovFen: buyers !== null ? fenRatio(gmvFen, buyers) : fenRatio(gmvFen, orders),
    followRate: ratio(row.newFans, viewers),
    adSpendFen: row.adSpendFen,
    roi: ratio(gmvFen, row.adSpendFen),
    paidShare: ratio(row.paidViewers, viewers) ?? row.paidShare,
    avgStaySeconds: row.avgStaySeconds,
    peakOnline: row.peakOnline,
    avgOnline: row.avgOnline,
    peakToAvgOnline: ratio(row.peakOnline, row.avgOnline),
    newFans: row.newFans,
    reservations: row.reservations,
    reservationRate: ratio(row.reservations, viewers),
    warmupVideos: row.warmupVideos,
    shortVideoViewers: row.shortVideoViewers,
    couponClaims: row.couponClaims,
    couponClaimRate: ratio(row.couponClaims, viewers),
    productsSold: facts?.productsSold ?? null,
    topProductShare: facts?.topProductShare ?? null,
    newBuyers: facts?.newBuyers ?? null,
    returningBuyers: facts?.returningBuyers ?? null,
  };
}

/** By start time (sessions without one last), then liveId. */
function compareRows(a: SessionRow, b: SessionRow): number {
  const startA = a.startAt ?? Infinity;
  const startB = b.startAt ?? Infinity;
  if (startA !== startB) return startA < startB ? -1 : 1;
  if (a.liveId === b.liveId) return 0;
  return a.liveId < b.liveId ? -1 : 1;
}

export function finishSessions(state: SessionsState, registry: Registry, context: SessionContext): SessionEntry[] {
  if (state.rows.size === 0) return [];
  const factsOf = orderFactsByLive(state, registry, context.history);
  const rows = [...state.rows.values()].sort(compareRows);
  return rows.map((row) => {
    const facts = factsOf === null ? null : factsOf(findKey(registry.lives, row.liveId));
    return { metrics: sessionMetrics(row, facts, context.ownAccounts), row };
  });
}
