// Buyers, repurchase, fans and 川流: everything that follows a buyer across orders.
//
// Order-level facts (buyer, time, GMV, fan flag) sit in typed arrays by order index, buyer
// facts by buyer index; which order is a buyer's first is only decided in finish(), so the
// answer does not depend on the order lines arrive in.

import type { CustomerRow, OrderLine } from '../ingest/types.js';
import { formatDate } from '../i18n/format.js';
import { PagedFloat64, PagedInt32, PagedUint8 } from './paged.js';
import { compareKeys, findKey, ownCopy, type KeyIndex } from './keys.js';
import { fenRatio, ratio } from './ratios.js';
import type { LineKeys, Registry, Remaps } from './registry.js';
import type { Metrics } from './types.js';

export interface CustomerFacts {
  isFan: boolean | null;
  firstOrderAt: number | null;
}

export interface BuyersState {
  /** Per order: its buyer's index, -1 when no line names one. */
  orderBuyer: PagedInt32;
  /** Per order: earliest paidAt among its lines. */
  orderPaidAt: PagedFloat64;
  orderGmvFen: PagedFloat64;
  /** Per order: what its lines said about the buyer being a fan (bit flags below). */
  orderFan: PagedUint8;
  /** Per buyer: earliest creator-sold purchase and earliest self-broadcast live purchase. */
  firstCreatorAt: PagedFloat64;
  firstSelfLiveAt: PagedFloat64;
  /** The customers export, by buyer id. */
  customers: Map<string, CustomerFacts>;
}

/** The same facts as flat arrays, cut to the orders and buyers there are: what a worker posts. */
export interface PostedBuyers {
  orderBuyer: Int32Array;
  orderPaidAt: Float64Array;
  orderGmvFen: Float64Array;
  orderFan: Uint8Array;
  firstCreatorAt: Float64Array;
  firstSelfLiveAt: Float64Array;
  customers: Map<string, CustomerFacts>;
}

export type BuyersMetrics = Pick<
  Metrics,
  | 'buyers'
  | 'aovFen'
  | 'aovBasis'
  | 'repeatBuyers'
  | 'repeatBuyerRate'
  | 'fanOrders'
  | 'fanOrderShare'
  | 'returningBuyerGmvShare'
  | 'creatorBuyers'
  | 'chuanliuShare'
>;

/** What the sessions family needs to split each session's buyers into new and returning. */
export interface BuyerHistory {
  orderBuyer: PagedInt32;
  /** Per buyer: index of their first order in the data, -1 when none. */
  firstOrder: Int32Array;
  /** Per buyer: 1 when the customers export shows they had bought before that first order. */
  boughtBefore: Uint8Array;
}

const LINE_SAYS_FAN = 1;
const LINE_SAYS_NOT_FAN = 2;

export function createBuyers(): BuyersState {
  return {
    orderBuyer: new PagedInt32(-1),
    orderPaidAt: new PagedFloat64(Infinity),
    orderGmvFen: new PagedFloat64(0),
    orderFan: new PagedUint8(0),
    firstCreatorAt: new PagedFloat64(Infinity),
    firstSelfLiveAt: new PagedFloat64(Infinity),
    customers: new Map(),
  };
}

function ensureOrder(state: BuyersState, order: number): void {
  state.orderBuyer.ensure(order);
  state.orderPaidAt.ensure(order);
  state.orderGmvFen.ensure(order);
  state.orderFan.ensure(order);
}

function ensureBuyer(state: BuyersState, buyer: number): void {
  state.firstCreatorAt.ensure(buyer);
  state.firstSelfLiveAt.ensure(buyer);
}

/**
 * An order belongs to one buyer. Should its lines disagree, the smallest buyer id wins:
 * an arbitrary rule, but one that does not depend on which line came first.
 */
function assignOrderBuyer(state: BuyersState, order: number, buyer: number, buyerKeys: KeyIndex): void {
  const current = state.orderBuyer.get(order);
  if (current === buyer) return;
  if (current === -1 || compareKeys(buyerKeys, buyer, current) < 0) state.orderBuyer.set(order, buyer);
}

export function addBuyersLine(state: BuyersState, line: OrderLine, keys: LineKeys, registry: Registry): void {
  const order = keys.order;
  ensureOrder(state, order);
  if (line.paidAt < state.orderPaidAt.get(order)) state.orderPaidAt.set(order, line.paidAt);
  state.orderGmvFen.set(order, state.orderGmvFen.get(order) + line.amountFen);
  if (line.isFan !== null) {
    state.orderFan.set(order, state.orderFan.get(order) | (line.isFan ? LINE_SAYS_FAN : LINE_SAYS_NOT_FAN));
  }

  const buyer = keys.buyer;
  if (buyer === -1) return;
  assignOrderBuyer(state, order, buyer, registry.buyers);
  ensureBuyer(state, buyer);
  if (line.seller === 'creator' && line.paidAt < state.firstCreatorAt.get(buyer)) {
    state.firstCreatorAt.set(buyer, line.paidAt);
  }
  if (line.seller === 'self' && line.carrier === 'live' && line.paidAt < state.firstSelfLiveAt.get(buyer)) {
    state.firstSelfLiveAt.set(buyer, line.paidAt);
  }
}

function eitherFan(a: boolean | null, b: boolean | null): boolean | null {
  if (a === true || b === true) return true;
  if (a === false || b === false) return false;
  return null;
}

function earlierTime(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/** A buyer listed twice in the customers export: a fan in either row is a fan; the earlier first order wins. */
function combineCustomer(known: CustomerFacts | undefined, row: CustomerFacts): CustomerFacts {
  if (known === undefined) return { isFan: row.isFan, firstOrderAt: row.firstOrderAt };
  return { isFan: eitherFan(known.isFan, row.isFan), firstOrderAt: earlierTime(known.firstOrderAt, row.firstOrderAt) };
}

export function addCustomer(state: BuyersState, row: CustomerRow): void {
  if (row.buyerId === '') return;
  const known = state.customers.get(row.buyerId);
  const key = known === undefined ? ownCopy(row.buyerId) : row.buyerId;
  state.customers.set(key, combineCustomer(known, row));
}

/** The state as a copy to post. */
export function postableBuyers(state: BuyersState, orders: number, buyers: number): PostedBuyers {
  return {
    orderBuyer: state.orderBuyer.toFlat(orders),
    orderPaidAt: state.orderPaidAt.toFlat(orders),
    orderGmvFen: state.orderGmvFen.toFlat(orders),
    orderFan: state.orderFan.toFlat(orders),
    firstCreatorAt: state.firstCreatorAt.toFlat(buyers),
    firstSelfLiveAt: state.firstSelfLiveAt.toFlat(buyers),
    customers: state.customers,
  };
}

export function mergeBuyers(into: BuyersState, from: PostedBuyers, remaps: Remaps, registry: Registry): void {
  const orders = Math.min(from.orderBuyer.length, remaps.orders.length);
  for (let source = 0; source < orders; source++) {
    const order = remaps.orders[source]!;
    ensureOrder(into, order);
    into.orderPaidAt.set(order, Math.min(into.orderPaidAt.get(order), from.orderPaidAt[source]!));
    into.orderGmvFen.set(order, into.orderGmvFen.get(order) + from.orderGmvFen[source]!);
    into.orderFan.set(order, into.orderFan.get(order) | from.orderFan[source]!);
    const sourceBuyer = from.orderBuyer[source]!;
    if (sourceBuyer !== -1) assignOrderBuyer(into, order, remaps.buyers[sourceBuyer]!, registry.buyers);
  }
  const buyers = Math.min(from.firstCreatorAt.length, remaps.buyers.length);
  for (let source = 0; source < buyers; source++) {
    const buyer = remaps.buyers[source]!;
    ensureBuyer(into, buyer);
    into.firstCreatorAt.set(buyer, Math.min(into.firstCreatorAt.get(buyer), from.firstCreatorAt[source]!));
    into.firstSelfLiveAt.set(buyer, Math.min(into.firstSelfLiveAt.get(buyer), from.firstSelfLiveAt[source]!));
  }
  for (const [buyerId, facts] of from.customers) {
    const known = into.customers.get(buyerId);
    into.customers.set(known === undefined ? ownCopy(buyerId) : buyerId, combineCustomer(known, facts));
  }
}

/** Earlier payment first; the same instant falls back to the order id, so any line order agrees. */
function isEarlierOrder(state: BuyersState, orderKeys: KeyIndex, a: number, b: number): boolean {
  const timeA = state.orderPaidAt.get(a);
  const timeB = state.orderPaidAt.get(b);
  if (timeA !== timeB) return timeA < timeB;
  return compareKeys(orderKeys, a, b) < 0;
}

function findFirstOrders(state: BuyersState, registry: Registry): { firstOrder: Int32Array; orderCount: Int32Array } {
  const buyerCount = registry.buyers.count;
  const firstOrder = new Int32Array(buyerCount).fill(-1);
  const orderCount = new Int32Array(buyerCount);
  const orders = registry.orders.count;
  for (let order = 0; order < orders; order++) {
    const buyer = state.orderBuyer.get(order);
    if (buyer === -1) continue;
    orderCount[buyer]! += 1;
    const first = firstOrder[buyer]!;
    if (first === -1 || isEarlierOrder(state, registry.orders, order, first)) firstOrder[buyer] = order;
  }
  return { firstOrder, orderCount };
}

/**
 * The customers export's first-order time is often a date, or the order's creation time
 * while the data has its payment time; compared to the millisecond, a buyer's first order
 * in the data would look "earlier than itself". Only an earlier calendar day counts.
 */
function boughtBeforeData(customer: CustomerFacts | undefined, firstPaidAt: number): boolean {
  if (customer === undefined || customer.firstOrderAt === null) return false;
  return formatDate(customer.firstOrderAt) < formatDate(firstPaidAt);
}

function customerFlags(state: BuyersState, registry: Registry, firstOrder: Int32Array) {
  const buyerCount = registry.buyers.count;
  const boughtBefore = new Uint8Array(buyerCount);
  /** 1 fan, 0 not a fan, -1 unknown. */
  const customerFan = new Int8Array(buyerCount).fill(-1);
  if (state.customers.size === 0) return { boughtBefore, customerFan };
  // From the customers to their buyer indexes: no buyer id is made into text again.
  for (const [buyerId, customer] of state.customers) {
    const buyer = findKey(registry.buyers, buyerId);
    if (buyer === -1) continue;
    if (customer.isFan !== null) customerFan[buyer] = customer.isFan ? 1 : 0;
    const first = firstOrder[buyer]!;
    if (first !== -1 && boughtBeforeData(customer, state.orderPaidAt.get(first))) boughtBefore[buyer] = 1;
  }
  return { boughtBefore, customerFan };
}

/**
 * Fan orders: what the order lines say, else the customers export for the order's buyer.
 * The share is over orders whose fan status is known, because an unmatched buyer is not
 * evidence of a non-fan. Null when nothing says anything about fans.
 */
function fanOrders(state: BuyersState, orders: number, customerFan: Int8Array) {
  let known = 0;
  let fans = 0;
  for (let order = 0; order < orders; order++) {
    const flags = state.orderFan.get(order);
    let isFan: boolean | null = null;
    if (flags !== 0) {
      isFan = (flags & LINE_SAYS_FAN) !== 0;
    } else {
      const buyer = state.orderBuyer.get(order);
      const fromCustomers = buyer === -1 ? -1 : customerFan[buyer]!;
      if (fromCustomers !== -1) isFan = fromCustomers === 1;
    }
    if (isFan === null) continue;
    known += 1;
    if (isFan) fans += 1;
  }
  if (known === 0) return { fanOrders: null, fanOrderShare: null };
  return { fanOrders: fans, fanOrderShare: ratio(fans, known) };
}

function returningGmvFen(state: BuyersState, orders: number, firstOrder: Int32Array, boughtBefore: Uint8Array): number {
  let buyersGmv = 0;
  for (let order = 0; order < orders; order++) {
    if (state.orderBuyer.get(order) !== -1) buyersGmv += state.orderGmvFen.get(order);
  }
  let firstOrdersGmv = 0;
  for (let buyer = 0; buyer < firstOrder.length; buyer++) {
    const first = firstOrder[buyer]!;
    if (first === -1 || boughtBefore[buyer] === 1) continue;
    firstOrdersGmv += state.orderGmvFen.get(first);
  }
  return buyersGmv - firstOrdersGmv;
}

/** 川流: self-broadcast buyers whose first creator purchase came before their first self-broadcast one. */
function creatorReach(state: BuyersState, buyers: number) {
  let creatorBuyers = 0;
  let selfLiveBuyers = 0;
  let cameThroughCreators = 0;
  for (let buyer = 0; buyer < buyers; buyer++) {
    const creatorAt = state.firstCreatorAt.get(buyer);
    const selfLiveAt = state.firstSelfLiveAt.get(buyer);
    if (creatorAt !== Infinity) creatorBuyers += 1;
    if (selfLiveAt === Infinity) continue;
    selfLiveBuyers += 1;
    if (creatorAt < selfLiveAt) cameThroughCreators += 1;
  }
  return { creatorBuyers, chuanliuShare: ratio(cameThroughCreators, selfLiveBuyers) };
}

export function finishBuyers(
  state: BuyersState,
  registry: Registry,
  gmvFen: number,
): { metrics: BuyersMetrics; history: BuyerHistory } {
  const orders = registry.orders.count;
  const buyers = registry.buyers.count;
  ensureOrder(state, Math.max(orders - 1, 0));
  ensureBuyer(state, Math.max(buyers - 1, 0));
  const { firstOrder, orderCount } = findFirstOrders(state, registry);
  const { boughtBefore, customerFan } = customerFlags(state, registry, firstOrder);
  const fans = fanOrders(state, orders, customerFan);
  const history: BuyerHistory = { orderBuyer: state.orderBuyer, firstOrder, boughtBefore };

  if (buyers === 0) {
    return {
      metrics: {
        buyers: null,
        aovFen: fenRatio(gmvFen, orders),
        aovBasis: orders === 0 ? null : 'orders',
        repeatBuyers: null,
        repeatBuyerRate: null,
        ...fans,
        returningBuyerGmvShare: null,
        creatorBuyers: null,
        chuanliuShare: null,
      },
      history,
    };
  }

  const repeatBuyers = orderCount.filter((count) => count >= 2).length;
  const reach = creatorReach(state, buyers);
  return {
    metrics: {
      buyers,
      aovFen: fenRatio(gmvFen, buyers),
      aovBasis: 'buyers',
      repeatBuyers,
      repeatBuyerRate: ratio(repeatBuyers, buyers),
      ...fans,
      returningBuyerGmvShare: ratio(returningGmvFen(state, orders, firstOrder, boughtBefore), gmvFen),
      creatorBuyers: reach.creatorBuyers,
      chuanliuShare: reach.chuanliuShare,
    },
    history,
  };
}
