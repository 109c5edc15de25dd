// The settlement export (快手 GMV / 结算明细): commission paid per order. It is never added to
// the orders: beside them it adds the refunds the order export missed and the commission per
// order (joined on the order id); alone, its rows stand in for the orders (carrier unknown).
//
// One entry per settlement order is kept until the end, since the orders it joins may arrive
// in a later file: memory follows settlement orders, as the order keys already do.

import type { SettlementRow } from '../ingest/types.js';
import { ratio } from './ratios.js';

export interface SettlementState {
  /** orderId → the settlement row (the last one when an order is listed twice). */
  rows: Map<string, SettlementRow>;
  /** orderId → refunds the order export recorded, for the orders that had any. */
  orderRefundsFen: Map<string, number>;
}

export interface SettlementJoin {
  commissionFen: number;
  /** Refunds the settlement adds beyond what the order export recorded. */
  extraRefundsFen: number;
  /** Settlement orders no order line matches (only counted beside an orders export). */
  unmatchedOrders: number;
  /** creatorId → commission, for the creators table. */
  commissionByCreator: Map<string, number>;
}

export function createSettlement(): SettlementState {
  return { rows: new Map(), orderRefundsFen: new Map() };
}

export function addSettlementRow(state: SettlementState, row: SettlementRow): void {
  state.rows.set(row.orderId, row);
}

export function noteOrderRefund(state: SettlementState, orderId: string, refundFen: number): void {
  if (refundFen <= 0) return;
  state.orderRefundsFen.set(orderId, (state.orderRefundsFen.get(orderId) ?? 0) + refundFen);
}

export function mergeSettlement(into: SettlementState, from: SettlementState): void {
  for (const [orderId, row] of from.rows) into.rows.set(orderId, row);
  for (const [orderId, refund] of from.orderRefundsFen) noteOrderRefund(into, orderId, refund);
}

/**
 * The settlement rows joined to the counted orders (`hasOrder`), or all of them when they
 * stand in for the orders (`hasOrder` null).
 */
export function joinSettlement(
  state: SettlementState,
  hasOrder: ((orderId: string) => boolean) | null,
): SettlementJoin {
  const join: SettlementJoin = {
    commissionFen: 0,
    extraRefundsFen: 0,
    unmatchedOrders: 0,
    commissionByCreator: new Map(),
  };
  for (const row of state.rows.values()) {
    if (hasOrder !== null && !hasOrder(row.orderId)) {
      join.unmatchedOrders++;
      continue;
    }
    join.commissionFen += row.commissionFen;
    if (row.creatorId !== null && row.commissionFen > 0) {
      join.commissionByCreator.set(
        row.creatorId,
        (join.commissionByCreator.get(row.creatorId) ?? 0) + row.commissionFen,
      );
    }
    if (hasOrder !== null) {
      const recorded = state.orderRefundsFen.get(row.orderId) ?? 0;
      join.extraRefundsFen += Math.max(0, row.refundFen - recorded);
    }
  }
  return join;
}

/** Creator-sold GMV per ¥1 of commission: what the commission bought. */
export function gmvPerCommission(creatorGmvFen: number, commissionFen: number): number | null {
  return commissionFen > 0 ? ratio(creatorGmvFen, commissionFen) : null;
}
