// The report's metrics are the Metrics with money in yuan. Which fields hold fen, and the name
// each carries in yuan, is declared below per shape; the report types are derived from those
// declarations, so renaming a metric, or adding a money field without declaring it, shows up as a
// compile error in the builder and in every formatter and chart that reads it.

import type { Carrier, Seller } from '../ingest/types.js';
import type { CreatorStat, GmvShare, LiveFunnel, Metrics, ProductStat, SessionMetrics } from '../metrics/types.js';

/** For a shape T: each fen field of T, mapped to the name it has in yuan. */
type MoneyNames<T> = { readonly [K in keyof T]?: string };

/** T with each declared fen field renamed to its yuan name (same type: number, or null when unmeasured). */
export type InYuan<T, Money extends MoneyNames<T>> = {
  [K in keyof T as K extends keyof Money ? (Money[K] extends string ? Money[K] : K) : K]: T[K];
};

const SHARE_MONEY = { gmvFen: 'gmv' } as const satisfies MoneyNames<GmvShare>;
const CREATOR_MONEY = { gmvFen: 'gmv', commissionFen: 'commission' } as const satisfies MoneyNames<CreatorStat>;
const PRODUCT_MONEY = { gmvFen: 'gmv' } as const satisfies MoneyNames<ProductStat>;
const FUNNEL_MONEY = { gmvFen: 'gmv' } as const satisfies MoneyNames<LiveFunnel>;
type Exclusive = NonNullable<Metrics['exclusive']>;
const EXCLUSIVE_MONEY = { gmvFen: 'gmv', aovFen: 'aov' } as const satisfies MoneyNames<Exclusive>;

/** The brand's metrics as the report carries them: everything but the period (its days aside) and the sessions. */
type BrandMetrics = Omit<Metrics, 'period' | 'sessionList'>;
const BRAND_MONEY = {
  gmvFen: 'gmv',
  netGmvFen: 'netGmv',
  refundsFen: 'refunds',
  aovFen: 'aov',
  sessionGmvFen: 'sessionGmv',
  gmvPerHourFen: 'gmvPerHour',
  adSpendFen: 'adSpend',
  paidSessionGmvFen: 'paidSessionGmv',
  costPerNewFanFen: 'costPerNewFan',
  commissionFen: 'commission',
} as const satisfies MoneyNames<BrandMetrics>;

/** The fields of a session's metrics that the report carries under metrics (id, account and time sit beside them). */
type SessionFigures = Omit<SessionMetrics, 'liveId' | 'account' | 'startAt'>;
const SESSION_MONEY = {
  gmvFen: 'gmv',
  aovFen: 'aov',
  adSpendFen: 'adSpend',
} as const satisfies MoneyNames<SessionFigures>;

export type ReportGmvShare = InYuan<GmvShare, typeof SHARE_MONEY>;
export type ReportCreatorStat = InYuan<CreatorStat, typeof CREATOR_MONEY>;
export type ReportProductStat = InYuan<ProductStat, typeof PRODUCT_MONEY>;
export type ReportExclusive = InYuan<Exclusive, typeof EXCLUSIVE_MONEY>;
export type ReportLiveFunnel = InYuan<LiveFunnel, typeof FUNNEL_MONEY>;

/** Fields holding other shapes, each converted with that shape's declaration. */
interface NestedReportMetrics {
  seller: Record<Seller, ReportGmvShare>;
  carrier: Record<Carrier, ReportGmvShare>;
  topCreators: ReportCreatorStat[];
  heroProducts: ReportProductStat[];
  topProducts: ReportProductStat[];
  exclusive: ReportExclusive | null;
  // Since 1.2.0: optional, because diff and trend read reports written before it.
  creatorsByGmv?: ReportCreatorStat[];
  productsByGmv?: ReportProductStat[];
  liveFunnel?: ReportLiveFunnel | null;
}

export type ReportMetrics = { periodDays: number | null } & Omit<
  InYuan<BrandMetrics, typeof BRAND_MONEY>,
  keyof NestedReportMetrics
> &
  NestedReportMetrics;

export type ReportSessionMetrics = InYuan<SessionFigures, typeof SESSION_MONEY>;

/** Money keeps two decimals (fen); four keep shares exact to a hundredth of a percent without float noise. */
const YUAN_DIGITS = 2;
export const FRACTION_DIGITS = 4;

export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** fen → yuan, two decimals; null stays null. */
export function fenToReportYuan(fen: number | null): number | null {
  return fen === null ? null : roundTo(fen / 100, YUAN_DIGITS);
}

/** A non-money number as the JSON shows it: integers as they are, fractions to four decimals. */
export function reportNumber(value: number): number {
  return Number.isInteger(value) ? value : roundTo(value, FRACTION_DIGITS);
}

type Nested<T> = { [K in keyof T]?: (value: T[K]) => unknown };

/**
 * Copies `value` field by field in its own order (so the JSON keeps the key order it always had):
 * declared fen fields become yuan under their yuan name, nested shapes go through their own
 * converter, other numbers are rounded, everything else is copied.
 */
function inYuan<T extends object, Money extends MoneyNames<T>>(
  value: T,
  money: Money,
  nested: Nested<T> = {},
): InYuan<T, Money> {
  const converted: Record<string, unknown> = {};
  for (const key of Object.keys(value) as (keyof T & string)[]) {
    const field = value[key];
    const yuanName = money[key];
    const convertNested = nested[key];
    if (yuanName !== undefined) converted[yuanName] = fenToReportYuan(field as number | null);
    else if (convertNested !== undefined) converted[key] = convertNested(field);
    else converted[key] = typeof field === 'number' ? reportNumber(field) : field;
  }
  return converted as InYuan<T, Money>;
}

function shares<K extends string>(record: Record<K, GmvShare>): Record<K, ReportGmvShare> {
  const converted = {} as Record<K, ReportGmvShare>;
  for (const key of Object.keys(record) as K[]) converted[key] = inYuan(record[key], SHARE_MONEY);
  return converted;
}

const products = (list: ProductStat[]): ReportProductStat[] => list.map((entry) => inYuan(entry, PRODUCT_MONEY));
const creators = (list: CreatorStat[]): ReportCreatorStat[] => list.map((entry) => inYuan(entry, CREATOR_MONEY));

export function reportMetrics(metrics: Metrics): ReportMetrics {
  const { sessionList, period, ...brand } = metrics;
  const converted = inYuan(brand, BRAND_MONEY, {
    seller: shares,
    carrier: shares,
    topCreators: creators,
    creatorsByGmv: creators,
    heroProducts: products,
    topProducts: products,
    productsByGmv: products,
    exclusive: (exclusive) => (exclusive === null ? null : inYuan(exclusive, EXCLUSIVE_MONEY)),
    liveFunnel: (funnel) => (funnel === null ? null : inYuan(funnel, FUNNEL_MONEY)),
  });
  return { periodDays: period.days, ...(converted as unknown as Omit<ReportMetrics, 'periodDays'>) };
}

export function reportSessionMetrics(session: SessionMetrics): ReportSessionMetrics {
  const { liveId, account, startAt, ...figures } = session;
  return inYuan(figures, SESSION_MONEY);
}

/** The fields of T that hold a number (or null when unmeasured): what a chart can plot. */
export type NumberFields<T> = { [K in keyof T]: T[K] extends number | null ? K : never }[keyof T];
