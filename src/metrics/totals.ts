// Orders, GMV and channel shares: plain sums over counted lines.

import { CARRIERS, type Carrier, type OrderLine, type Seller } from '../ingest/types.js';
import { ratio } from './ratios.js';
import type { GmvShare, Metrics } from './types.js';

export interface TotalsState {
  gmvFen: number;
  refundsFen: number;
  orderLines: number;
  sellerGmvFen: Record<Seller, number>;
  carrierGmvFen: Record<Carrier, number>;
  /** Lines whose export said where they sold; with none, carrier shares are not measured. */
  carrierLines: number;
  selfLiveGmvFen: number;
  /** Epoch ms of the first and last counted line (±Infinity before any). */
  firstPaidAt: number;
  lastPaidAt: number;
}

export type TotalsMetrics = Pick<
  Metrics,
  'gmvFen' | 'netGmvFen' | 'refundsFen' | 'orders' | 'orderLines' | 'seller' | 'carrier' | 'selfBroadcastGmvShare'
>;

export function createTotals(): TotalsState {
  return {
    gmvFen: 0,
    refundsFen: 0,
    orderLines: 0,
    sellerGmvFen: { self: 0, creator: 0 },
    carrierGmvFen: { live: 0, shortVideo: 0, itemCard: 0, other: 0 },
    carrierLines: 0,
    selfLiveGmvFen: 0,
    firstPaidAt: Infinity,
    lastPaidAt: -Infinity,
  };
}

export function addTotalsLine(state: TotalsState, line: OrderLine): void {
  state.gmvFen += line.amountFen;
  state.refundsFen += line.refundFen;
  state.orderLines += 1;
  state.sellerGmvFen[line.seller] += line.amountFen;
  if (line.carrier !== null) {
    state.carrierGmvFen[line.carrier] += line.amountFen;
    state.carrierLines += 1;
  }
  if (line.seller === 'self' && line.carrier === 'live') state.selfLiveGmvFen += line.amountFen;
  if (line.paidAt < state.firstPaidAt) state.firstPaidAt = line.paidAt;
  if (line.paidAt > state.lastPaidAt) state.lastPaidAt = line.paidAt;
}

export function mergeTotals(into: TotalsState, from: TotalsState): void {
  into.gmvFen += from.gmvFen;
  into.refundsFen += from.refundsFen;
  into.orderLines += from.orderLines;
  into.sellerGmvFen.self += from.sellerGmvFen.self;
  into.sellerGmvFen.creator += from.sellerGmvFen.creator;
  for (const carrier of CARRIERS) into.carrierGmvFen[carrier] += from.carrierGmvFen[carrier];
  into.carrierLines += from.carrierLines;
  into.selfLiveGmvFen += from.selfLiveGmvFen;
  into.firstPaidAt = Math.min(into.firstPaidAt, from.firstPaidAt);
  into.lastPaidAt = Math.max(into.lastPaidAt, from.lastPaidAt);
}

function share(gmvFen: number, totalFen: number): GmvShare {
  return { gmvFen, share: ratio(gmvFen, totalFen) };
}

/** `orders` is the count of distinct order ids, which the registry holds. */
export function finishTotals(state: TotalsState, orders: number): TotalsMetrics {
  const gmv = state.gmvFen;
  // No line said where it sold (a settlement export alone): shares are null, not "other 100%".
  const carrierBase = state.carrierLines > 0 || state.orderLines === 0 ? gmv : 0;
  return {
    gmvFen: gmv,
    netGmvFen: gmv - state.refundsFen,
    refundsFen: state.refundsFen,
    orders,
    orderLines: state.orderLines,
    seller: {
      self: share(state.sellerGmvFen.self, gmv),
      creator: share(state.sellerGmvFen.creator, gmv),
    },
    carrier: {
      live: share(state.carrierGmvFen.live, carrierBase),
      shortVideo: share(state.carrierGmvFen.shortVideo, carrierBase),
      itemCard: share(state.carrierGmvFen.itemCard, carrierBase),
      other: share(state.carrierGmvFen.other, carrierBase),
    },
    selfBroadcastGmvShare: ratio(state.selfLiveGmvFen, carrierBase),
  };
}
