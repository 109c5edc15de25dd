// Order lines: the big export (a million lines is normal), so this normaliser reads cells by
// precomputed column number and parses only the mapped columns. The business rules are
// DATA.md's: which lines count, refunds, who sold it (seller) and where (carrier).

import { normaliseHeader, type ColumnMap } from './fields.js';
import {
  EXCLUDED,
  FAULT,
  GIFT,
  OutsidePeriod,
  RowFault,
  cellFault,
  moneyFault,
  type PeriodBounds,
  type RowNormaliser,
} from './rows.js';
import type { Carrier, OrderLine, Seller } from './types.js';
import { INVALID, parseCount, parseId, parseMoneyFen, parseText, parseTime, parseYesNo, trimCell } from './values.js';

/** Keeps a few hundred distinct cell texts → result; status-like columns have a handful. */
function memoize<T>(compute: (text: string) => T, limit = 512): (text: string | undefined) => T {
  const cache = new Map<string, T>();
  const whenEmpty = compute('');
  return (text) => {
    if (text === undefined || text.length === 0) return whenEmpty;
    const key = text;
    const known = cache.get(key);
    if (known !== undefined) return known;
    const result = compute(key);
    if (cache.size < limit) cache.set(key, result);
    return result;
  };
}

function compact(text: string): string {
  return trimCell(text)
    .normalize('NFKC')
    .replace(/[\s_-]+/g, '')
    .toLowerCase();
}

// 快手小店 statuses of lines that never became sales. 交易关闭 covers "closed after refund"
// too: the platform closes a fully refunded order, and it is no sale either.
const NOT_COUNTED_STATUS = ['关闭', '取消', '待付款', '待支付', '未支付', '未付款'];
const NOT_COUNTED_STATUS_EN = new Set(['closed', 'cancelled', 'canceled', 'unpaid', 'pendingpayment']);

export const isNotCountedStatus = memoize((text: string): boolean => {
  const status = compact(text);
  if (status === '') return false;
  if (NOT_COUNTED_STATUS_EN.has(status)) return true;
  return NOT_COUNTED_STATUS.some((word) => status.includes(word));
});

/** 售后状态 that says the money went back. */
export const isRefundedAfterSale = memoize((text: string): boolean => {
  const status = compact(text);
  return status.includes('退款成功') || status.includes('已退款') || status === 'refunded';
});

const CREATOR_CHANNELS = new Set([
  '分销',
  '达人合作',
  '超级链接',
  '达人分销',
  '达人带货',
  'creator',
  'distribution',
  'cps',
]);
const SELF_CHANNELS = new Set(['自营', '自播', 'self', 'own']);

/** 渠道 / 售卖方式: the first and strongest evidence of who sold a line. */
export const sellerFromChannel = memoize((text: string): Seller | null => {
  const channel = compact(text);
  if (CREATOR_CHANNELS.has(channel)) return 'creator';
  if (SELF_CHANNELS.has(channel)) return 'self';
  return null;
});

/** 账号类型: 经营号 is the brand's own account, 合作达人 a partner creator. */
export const sellerFromAccountType = memoize((text: string): Seller | null => {
  const type = compact(text);
  if (type === '经营号' || type === 'own' || type === 'self') return 'self';
  if (type === '合作达人' || type === 'creator' || type === 'partner') return 'creator';
  return null;
});

const CARRIERS_BY_NAME: ReadonlyMap<string, Carrier> = new Map([
  ['直播间', 'live'],
  ['直播', 'live'],
  ['live', 'live'],
  ['短视频', 'shortVideo'],
  ['视频', 'shortVideo'],
  ['shortvideo', 'shortVideo'],
  ['商品卡', 'itemCard'],
  ['itemcard', 'itemCard'],
  ['其他', 'other'],
  ['其它', 'other'],
  ['other', 'other'],
]);

/** 订单载体 → carrier; anything unknown (搜索, 橱窗 …) is `other`, as DATA.md says. */
export const carrierOf = memoize((text: string): Carrier => CARRIERS_BY_NAME.get(compact(text)) ?? 'other');

export interface SellerEvidence {
  channel: string | undefined;
  accountType: string | undefined;
  creatorId: string | null;
  creatorName: string | null;
  leaderId: string | null;
}

/**
 * Who sold a line, first rule that applies (DATA.md): the channel column; the account type;
 * a creator or 团长 who is not one of the brand's own accounts; otherwise the brand itself.
 * ownAccounts holds ids or names, so a creator matches by either.
 */
export function resolveSeller(evidence: SellerEvidence, ownAccounts: ReadonlySet<string>): Seller {
  const byChannel = sellerFromChannel(evidence.channel);
  if (byChannel) return byChannel;
  const byAccountType = sellerFromAccountType(evidence.accountType);
  if (byAccountType) return byAccountType;
  const { creatorId, creatorName, leaderId } = evidence;
  const creatorIsOwn =
    (creatorId !== null && ownAccounts.has(creatorId)) || (creatorName !== null && ownAccounts.has(creatorName));
  if (creatorId !== null && !creatorIsOwn) return 'creator';
  if (leaderId !== null && !ownAccounts.has(leaderId)) return 'creator';
  return 'self';
}

/** paidAt headers that are a payment time, not a creation time (a closed order may have none). */
const PAYMENT_TIME_HEADERS = new Set(['订单支付时间', '支付时间', '成交时间', 'paid_at'].map(normaliseHeader));

export function paysAt(map: ColumnMap): boolean {
  const header = map.columns.paidAt;
  return header !== undefined && PAYMENT_TIME_HEADERS.has(normaliseHeader(header).replace(/\([^()]*\)$/, ''));
}

/**
 * 交易关闭 with a payment time and 售后状态 退款成功: the buyer paid and got it all back. It
 * was a sale (DATA.md: it counts in GMV and in refunds); other closed lines never were.
 */
export function isPaidThenRefunded(map: ColumnMap, cells: readonly string[]): boolean {
  const status = map.index.status;
  const afterSale = map.index.afterSaleStatus;
  const paidAt = map.index.paidAt;
  if (status === undefined || afterSale === undefined || paidAt === undefined) return false;
  // The memoised cell tests first: this runs for every order line, paysAt only for the rare closed one.
  if (!isNotCountedStatus(cells[status]) || !isRefundedAfterSale(cells[afterSale])) return false;
  return paysAt(map) && parseId(cells[paidAt]) !== null;
}

/** An id column of the 61-column export, where `0` stands for "nobody". */
function creditedId(text: string | undefined): string | null | typeof INVALID {
  const id = parseId(text);
  return id === '0' ? null : id;
}

export function createOrderNormaliser(
  map: ColumnMap,
  ownAccounts: ReadonlySet<string>,
  period: PeriodBounds | null,
): RowNormaliser<OrderLine> {
  const column = (field: string): number => map.index[field] ?? -1;
  const orderIdColumn = column('orderId');
  const paidAtColumn = column('paidAt');
  const amountColumn = column('amount');
  const quantityColumn = column('quantity');
  const statusColumn = column('status');
  const afterSaleColumn = column('afterSaleStatus');
  const refundColumn = column('refund');
  const productIdColumn = column('productId');
  const productNameColumn = column('productName');
  const skuColumn = column('sku');
  const sellerColumn = column('seller');
  const carrierColumn = column('carrier');
  const creatorIdColumn = column('creatorId');
  const creatorNameColumn = column('creatorName');
  const leaderIdColumn = column('leaderId');
  const promoterIdColumn = column('promoterId');
  const promoterNameColumn = column('promoterName');
  const quickEarnerIdColumn = column('quickEarnerId');
  const quickEarnerNameColumn = column('quickEarnerName');
  const leaderNameColumn = column('leaderName');
  const giftOrderIdColumn = column('giftOrderId');
  const paidThenRefunded = (cells: readonly string[]): boolean => isPaidThenRefunded(map, cells);
  const accountTypeColumn = column('accountType');
  const accountColumn = column('account');
  const liveIdColumn = column('liveId');
  const buyerIdColumn = column('buyerId');
  const isFanColumn = column('isFan');
  const fault = (cells: readonly string[], at: number, code: string): RowFault => cellFault(map, at, cells, code);

  /** An optional id: null when absent, INVALID when Excel rounded it. */
  const optionalId = (cells: readonly string[], at: number): string | null | RowFault => {
    if (at < 0) return null;
    const id = parseId(cells[at]);
    return id === INVALID ? fault(cells, at, FAULT.mangledId) : id;
  };

  /** The first creator column that credits the row, with the name beside it (DATA.md's order). */
  const creditColumns: [number, number][] = [
    [creatorIdColumn, creatorNameColumn],
    [promoterIdColumn, promoterNameColumn],
    [quickEarnerIdColumn, quickEarnerNameColumn],
    [leaderIdColumn, leaderNameColumn],
  ];
  const creditedCreator = (cells: readonly string[]): { id: string | null; name: string | null } | RowFault => {
    for (const [idAt, nameAt] of creditColumns) {
      if (idAt < 0) continue;
      const id = creditedId(cells[idAt]);
      if (id === INVALID) return fault(cells, idAt, FAULT.mangledId);
      if (id !== null) return { id, name: nameAt < 0 ? null : parseText(cells[nameAt]) };
    }
    // A name with no id anywhere still says who sold it (hand-kept sheets).
    return { id: null, name: creatorNameColumn < 0 ? null : parseText(cells[creatorNameColumn]) };
  };

  return (cells) => {
    if (statusColumn >= 0 && isNotCountedStatus(cells[statusColumn]) && !paidThenRefunded(cells)) return EXCLUDED;

    const orderId = parseId(cells[orderIdColumn]);
    if (orderId === null) return fault(cells, orderIdColumn, FAULT.missing);
    if (orderId === INVALID) return fault(cells, orderIdColumn, FAULT.mangledId);

    const paidAt = parseTime(cells[paidAtColumn]);
    if (paidAt === null) return fault(cells, paidAtColumn, FAULT.missing);
    if (paidAt === INVALID) return fault(cells, paidAtColumn, FAULT.time);
    // Lines outside the period are dropped before anything else is checked: not issues.
    if (period !== null && (paidAt < period.fromMs || paidAt > period.toMs)) return new OutsidePeriod(paidAt);

    const amountFen = parseMoneyFen(cells[amountColumn]);
    if (amountFen === null) return fault(cells, amountColumn, FAULT.missing);
    if (amountFen === INVALID) return fault(cells, amountColumn, moneyFault(cells[amountColumn]));
    if (amountFen === 0 && giftOrderIdColumn >= 0) {
      const giftOf = creditedId(cells[giftOrderIdColumn]);
      if (giftOf !== null && giftOf !== INVALID) return GIFT;
    }

    const quantity = quantityColumn < 0 ? 1 : parseCount(cells[quantityColumn]);
    if (quantity === INVALID) return fault(cells, quantityColumn, FAULT.count);

    // Some exports write a refund as a negative adjustment; either sign means money returned.
    const refund = refundColumn < 0 ? null : parseMoneyFen(cells[refundColumn], { allowNegative: true });
    if (refund === INVALID) return fault(cells, refundColumn, moneyFault(cells[refundColumn]));
    let refundFen = refund === null ? 0 : Math.abs(refund);
    if (refundFen === 0 && afterSaleColumn >= 0 && isRefundedAfterSale(cells[afterSaleColumn])) refundFen = amountFen;
    // Paid, then closed by a full refund: all of it went back, whatever the refund column says.
    if (statusColumn >= 0 && isNotCountedStatus(cells[statusColumn])) refundFen = amountFen;
    // A line cannot give back more than was paid for it; more would make net GMV negative.
    if (refundFen > amountFen) refundFen = amountFen;

    const productId = optionalId(cells, productIdColumn);
    if (productId instanceof RowFault) return productId;
    const sku = optionalId(cells, skuColumn);
    if (sku instanceof RowFault) return sku;
    const account = optionalId(cells, accountColumn);
    if (account instanceof RowFault) return account;
    const credited = creditedCreator(cells);
    if (credited instanceof RowFault) return credited;
    const leaderIdCell = leaderIdColumn < 0 ? null : creditedId(cells[leaderIdColumn]);
    if (leaderIdCell === INVALID) return fault(cells, leaderIdColumn, FAULT.mangledId);
    const leaderId = leaderIdCell;
    const creatorId = credited.id;
    const liveId = optionalId(cells, liveIdColumn);
    if (liveId instanceof RowFault) return liveId;
    const buyerId = optionalId(cells, buyerIdColumn);
    if (buyerId instanceof RowFault) return buyerId;

    const isFan = isFanColumn < 0 ? null : parseYesNo(cells[isFanColumn]);
    if (isFan === INVALID) return fault(cells, isFanColumn, FAULT.yesNo);

    const creatorName = credited.name;
    const evidence: SellerEvidence = {
      channel: sellerColumn < 0 ? undefined : cells[sellerColumn],
      accountType: accountTypeColumn < 0 ? undefined : cells[accountTypeColumn],
      creatorId,
      creatorName,
      leaderId,
    };
    return {
      orderId,
      paidAt,
      amountFen,
      quantity: quantity ?? 1,
      refundFen,
      productId,
      productName: productNameColumn < 0 ? null : parseText(cells[productNameColumn]),
      sku,
      seller: resolveSeller(evidence, ownAccounts),
      carrier: carrierOf(carrierColumn < 0 ? undefined : cells[carrierColumn]),
      creatorId,
      creatorName,
      account,
      liveId,
      buyerId,
      isFan,
    };
  };
}
