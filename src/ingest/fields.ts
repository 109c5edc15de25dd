// The header aliases of DATA.md, and how a header row is recognised and mapped to fields.
// A file's kind comes from its header row, never its name. Within a field, aliases are listed
// in order of preference: when two headers match one field, the earlier alias wins (so the
// payment time beats the creation time for paidAt).

import type { InputKind } from './types.js';

export interface FieldSpec {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly required?: boolean;
  /** A kind with signature fields is only recognised when its header names one of them. */
  readonly signature?: boolean;
}

const ORDER_FIELDS: readonly FieldSpec[] = [
  { name: 'orderId', aliases: ['订单号', '订单编号', '订单ID', 'order_id', 'order id'], required: true },
  {
    name: 'paidAt',
    aliases: ['订单支付时间', '支付时间', '成交时间', 'paid_at', '订单创建时间', '下单时间', 'order_time'],
    required: true,
  },
  {
    name: 'amount',
    aliases: ['实付款', '订单实付(元)', '实付金额', '成交金额', '支付金额', 'amount', 'paid_amount', 'gmv'],
    required: true,
  },
  { name: 'quantity', aliases: ['成交数量', '商品数量', '购买数量', 'quantity', 'qty'] },
  { name: 'status', aliases: ['订单状态', 'status', 'order_status'] },
  { name: 'afterSaleStatus', aliases: ['售后状态', 'after_sale_status'] },
  { name: 'refund', aliases: ['订单退款(元)', '退款金额', 'refund', 'refund_amount'] },
  { name: 'productId', aliases: ['商品ID', 'product_id', 'item_id'] },
  { name: 'productName', aliases: ['商品名称', 'product_name', 'item_name'] },
  { name: 'sku', aliases: ['SKU编码', '商品规格', 'sku'] },
  { name: 'seller', aliases: ['渠道', '售卖方式', 'seller', 'channel'] },
  { name: 'carrier', aliases: ['订单载体', '售卖载体', 'carrier'] },
  { name: 'creatorId', aliases: ['CPS达人ID', '达人ID', '推广者ID', 'creator_id'] },
  { name: 'creatorName', aliases: ['CPS达人昵称', '达人昵称', '推广者昵称', 'creator_name'] },
  // The 61-column export credits a row to the first of these that is set (DATA.md).
  { name: 'promoterId', aliases: ['授权推广者ID', 'promoter_id'] },
  { name: 'promoterName', aliases: ['授权推广者昵称', 'promoter_name'] },
  { name: 'quickEarnerId', aliases: ['快赚客ID', 'quick_earner_id'] },
  { name: 'quickEarnerName', aliases: ['快赚客昵称', 'quick_earner_name'] },
  { name: 'leaderId', aliases: ['团长ID', 'leader_id'] },
  { name: 'leaderName', aliases: ['团长昵称', 'leader_name'] },
  { name: 'giftOrderId', aliases: ['赠品订单号', 'gift_order_id'] },
  { name: 'accountType', aliases: ['账号类型', 'account_type'] },
  { name: 'account', aliases: ['账号明细', '账号', 'account'] },
  { name: 'liveId', aliases: ['直播间ID', '直播ID', '场次ID', 'live_id'] },
  { name: 'buyerId', aliases: ['买家ID', '用户ID', 'buyer_id', 'user_id'] },
  { name: 'isFan', aliases: ['是否粉丝', '粉丝订单', 'is_fan'] },
];

const TRAFFIC_FIELDS: readonly FieldSpec[] = [
  { name: 'liveId', aliases: ['直播ID', '场次ID', '直播间ID', 'live_id'], required: true },
  { name: 'account', aliases: ['账号', '主播', '账号ID', '主播昵称', 'account'] },
  { name: 'startAt', aliases: ['开播时间', '直播开始时间', 'start_time'] },
  { name: 'endAt', aliases: ['下播时间', '结束时间', 'end_time'] },
  { name: 'duration', aliases: ['直播时长', 'duration'] },
  { name: 'exposure', aliases: ['曝光人数', '直播间曝光人数', 'exposure'] },
  { name: 'viewers', aliases: ['观看人数', '场观', '进入直播间人数', '累计观看人数', 'viewers', 'uv'] },
  { name: 'views', aliases: ['观看次数', '观看人次', 'views', 'pv'] },
  { name: 'peakOnline', aliases: ['最高在线人数', '在线人数峰值', 'peak_online'] },
  { name: 'avgOnline', aliases: ['平均在线人数', 'avg_online'] },
  { name: 'avgStay', aliases: ['人均观看时长', '平均观看时长', '平均停留时长', 'avg_stay'] },
  { name: 'newFans', aliases: ['新增粉丝数', '涨粉人数', 'new_fans'] },
  { name: 'productClicks', aliases: ['商品点击人数', '商品点击次数', 'product_clicks'] },
  { name: 'gmv', aliases: ['成交金额', '直播间成交金额', 'gmv'] },
  { name: 'buyers', aliases: ['成交人数', 'buyers'] },
  { name: 'orders', aliases: ['成交订单数', 'orders'] },
  { name: 'adSpend', aliases: ['花费', '投放消耗', '磁力金牛消耗', '推广花费', 'ad_spend'] },
  { name: 'paidViewers', aliases: ['付费流量观看人数', '付费观看人数', 'paid_viewers'] },
  { name: 'paidShare', aliases: ['付费流量占比', 'paid_share'] },
  { name: 'fanViewers', aliases: ['粉丝观看人数', 'fan_viewers'] },
  { name: 'shortVideoViewers', aliases: ['短视频引流人数', '短视频引流观看人数', 'short_video_viewers'] },
  { name: 'reservations', aliases: ['预约人数', '直播预约人数', 'reservations'] },
  { name: 'warmupVideos', aliases: ['预热视频数', '预热短视频数', 'warmup_videos'] },
  { name: 'couponClaims', aliases: ['优惠券领取数', '领券人数', 'coupon_claims'] },
];

const PRODUCT_FIELDS: readonly FieldSpec[] = [
  { name: 'productId', aliases: ['商品ID', 'product_id', 'item_id'], required: true },
  { name: 'productName', aliases: ['商品名称', 'product_name', 'item_name'] },
  { name: 'listPrice', aliases: ['商品单价', '售价', 'list_price', 'price'] },
  { name: 'category', aliases: ['类目', 'category'] },
  { name: 'exclusive', aliases: ['渠道特供', '是否特供', '专供', 'exclusive'] },
  { name: 'launchedAt', aliases: ['上架时间', 'launched_at'] },
];

const CUSTOMER_FIELDS: readonly FieldSpec[] = [
  { name: 'buyerId', aliases: ['买家ID', '用户ID', 'buyer_id', 'user_id'], required: true },
  { name: 'isFan', aliases: ['是否粉丝', 'is_fan'] },
  { name: 'firstOrderAt', aliases: ['首单时间', 'first_order_at'] },
  { name: 'orders', aliases: ['累计订单数', 'orders'] },
];

// The settlement export shares 订单号, 订单实付(元) and 订单退款(元) with the orders export; its
// commission and payout columns are what tell it apart (an orders export has none of them).
const SETTLEMENT_FIELDS: readonly FieldSpec[] = [
  { name: 'orderId', aliases: ['订单号', '订单编号', 'order_id'], required: true },
  { name: 'paidAt', aliases: ['订单创建时间', '订单支付时间', '下单时间', 'created_at'], required: true },
  { name: 'amount', aliases: ['订单实付(元)', '实付款', 'amount'], required: true },
  { name: 'refund', aliases: ['订单退款(元)', '退款金额', 'refund'] },
  { name: 'creatorId', aliases: ['达人ID', 'creator_id'] },
  { name: 'creatorCommission', aliases: ['达人佣金(元)', '达人佣金', 'creator_commission'], signature: true },
  { name: 'leaderId', aliases: ['团长id', 'leader_id'] },
  { name: 'leaderCommission', aliases: ['团长佣金(元)', '团长佣金', 'leader_commission'], signature: true },
  { name: 'quickEarnerId', aliases: ['快赚客ID', 'quick_earner_id'] },
  { name: 'serviceFee', aliases: ['技术服务费(元)', '技术服务费', 'service_fee'], signature: true },
  { name: 'settledAmount', aliases: ['实际结算金额(元)', '实际结算金额', 'settled_amount'], signature: true },
  { name: 'settledAt', aliases: ['实际结算时间', 'settled_at'] },
];

export const FIELDS: Readonly<Record<InputKind, readonly FieldSpec[]>> = {
  orders: ORDER_FIELDS,
  traffic: TRAFFIC_FIELDS,
  products: PRODUCT_FIELDS,
  customers: CUSTOMER_FIELDS,
  settlement: SETTLEMENT_FIELDS,
};

export function fieldNames(kind: InputKind): string[] {
  return FIELDS[kind].map((field) => field.name);
}

/** Headers the user mapped in columns.json: normalised header → field, per kind. */
export type ExtraAliases = Partial<Record<InputKind, ReadonlyMap<string, string>>>;

/**
 * The comparable form of a header: NFKC (full-width brackets and letters become half-width),
 * lower case, without spaces, underscores, hyphens or a BOM. `订单实付（元）` = `订单实付(元)`,
 * `Order ID` = `order_id`.
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[\ufeff\s_-]+/g, '')
    .replace(/【/g, '[')
    .replace(/】/g, ']')
    .toLowerCase();
}

// Exports often add the unit to a header: 退款金额(元), 直播时长(秒), 付费流量占比(%).
const UNIT_SUFFIX = /\([^()]*\)$|\[[^[\]]*\]$/;

interface AliasEntry {
  field: string;
  /** Position in the field's alias list: lower is preferred. User mappings come first. */
  rank: number;
}

const aliasIndexCache = new Map<InputKind, Map<string, AliasEntry>>();

function builtInAliasIndex(kind: InputKind): Map<string, AliasEntry> {
  const cached = aliasIndexCache.get(kind);
  if (cached) return cached;
  const index = new Map<string, AliasEntry>();
  for (const field of FIELDS[kind]) {
    field.aliases.forEach((alias, position) => {
      const key = normaliseHeader(alias);
      if (!index.has(key)) index.set(key, { field: field.name, rank: position + 1 });
    });
  }
  aliasIndexCache.set(kind, index);
  return index;
}

function lookupHeader(kind: InputKind, header: string, extra: ExtraAliases): AliasEntry | null {
  const normalised = normaliseHeader(header);
  if (normalised === '') return null;
  const userField = extra[kind]?.get(normalised);
  if (userField) return { field: userField, rank: 0 };
  const index = builtInAliasIndex(kind);
  const direct = index.get(normalised);
  if (direct) return direct;
  const withoutUnit = normalised.replace(UNIT_SUFFIX, '');
  if (withoutUnit !== normalised && withoutUnit !== '') return index.get(withoutUnit) ?? null;
  return null;
}

export interface ColumnMap {
  kind: InputKind;
  /** The header row's cells as written. */
  headers: readonly string[];
  /** field → column index. */
  index: Readonly<Record<string, number>>;
  /** field → header as written. */
  columns: Record<string, string>;
  /** Headers that map to no field (or lost to a preferred alias). */
  ignored: string[];
  /** Required fields with no column. */
  missing: FieldSpec[];
}

export function mapColumns(kind: InputKind, headers: readonly string[], extra: ExtraAliases): ColumnMap {
  const best = new Map<string, { column: number; rank: number }>();
  headers.forEach((header, column) => {
    const entry = lookupHeader(kind, header, extra);
    if (!entry) return;
    const current = best.get(entry.field);
    if (!current || entry.rank < current.rank) best.set(entry.field, { column, rank: entry.rank });
  });
  const index: Record<string, number> = {};
  const columns: Record<string, string> = {};
  const used = new Set<number>();
  for (const field of FIELDS[kind]) {
    const chosen = best.get(field.name);
    if (!chosen) continue;
    index[field.name] = chosen.column;
    columns[field.name] = headers[chosen.column]!;
    used.add(chosen.column);
  }
  const ignored = headers.filter((header, column) => !used.has(column) && header.trim() !== '');
  const missing = FIELDS[kind].filter((field) => field.required && index[field.name] === undefined);
  return { kind, headers, index, columns, ignored, missing };
}

/** Distinct fields of `kind` that the cells of one row name. */
export function countMatchedFields(kind: InputKind, cells: readonly string[], extra: ExtraAliases): number {
  const fields = new Set<string>();
  for (const cell of cells) {
    if (cell.length > 60) continue; // a header is short; long cells are data or titles
    const entry = lookupHeader(kind, cell, extra);
    if (entry) fields.add(entry.field);
  }
  return fields.size;
}

/** A row is a header when it names at least this many fields of one kind. */
const HEADER_MIN_FIELDS = 2;

/**
 * The kind a row is the header of, or null when it is not a header. The kind naming the most
 * fields wins; on a tie, a kind whose required fields are all present, then the order of
 * `kinds`. With a single kind (given by --orders and friends) it only asks whether the row is
 * that kind's header.
 */
export function classifyHeaderRow(
  cells: readonly string[],
  extra: ExtraAliases,
  kinds: readonly InputKind[],
): InputKind | null {
  let bestKind: InputKind | null = null;
  let bestScore = 0;
  let bestComplete = false;
  for (const kind of kinds) {
    const score = countMatchedFields(kind, cells, extra);
    if (score === 0 || !hasSignature(kind, cells, extra)) continue;
    const complete = isComplete(kind, cells, extra);
    // When the kind was given, its required columns alone are enough to call the row its header.
    const enough = score >= HEADER_MIN_FIELDS || (kinds.length === 1 && complete);
    if (!enough) continue;
    if (score > bestScore || (score === bestScore && complete && !bestComplete)) {
      bestKind = kind;
      bestScore = score;
      bestComplete = complete;
    }
  }
  return bestKind;
}

function hasSignature(kind: InputKind, cells: readonly string[], extra: ExtraAliases): boolean {
  const signatures = FIELDS[kind].filter((field) => field.signature);
  if (signatures.length === 0) return true;
  const map = mapColumns(kind, cells, extra);
  return signatures.some((field) => map.index[field.name] !== undefined);
}

function isComplete(kind: InputKind, cells: readonly string[], extra: ExtraAliases): boolean {
  return mapColumns(kind, cells, extra).missing.length === 0;
}
