// Builders for the metrics tests: order lines, traffic rows and brand configs as ingest
// would hand them over, with every field a test does not care about left at its usual value.

import type {
  BrandConfig,
  CustomerRow,
  OrderLine,
  ProductRow,
  RecordSink,
  SessionRow,
} from '../../src/ingest/types.js';
import { createMetricsAccumulator, type Metrics, type PeriodWindow } from '../../src/metrics/index.js';

/** '2024-06-01 20:05' in Asia/Shanghai → epoch ms. */
export function at(text: string): number {
  return Date.parse(`${text.replace(' ', 'T')}:00+08:00`);
}

type LineFields = Partial<Omit<OrderLine, 'paidAt'>> & { orderId: string; paidAt?: string };

export function line(fields: LineFields): OrderLine {
  const { paidAt, ...rest } = fields;
  return {
    paidAt: at(paidAt ?? '2024-06-01 20:00'),
    amountFen: 10_000,
    quantity: 1,
    refundFen: 0,
    productId: null,
    productName: null,
    sku: null,
    seller: 'self',
    carrier: 'live',
    creatorId: null,
    creatorName: null,
    account: null,
    liveId: null,
    buyerId: null,
    isFan: null,
    ...rest,
  };
}

type SessionFields = Partial<Omit<SessionRow, 'startAt' | 'endAt'>> & {
  liveId: string;
  startAt?: string | null;
  endAt?: string | null;
};

export function session(fields: SessionFields): SessionRow {
  const { startAt, endAt, ...rest } = fields;
  return {
    account: null,
    startAt: startAt === undefined || startAt === null ? null : at(startAt),
    endAt: endAt === undefined || endAt === null ? null : at(endAt),
    durationSeconds: null,
    exposure: null,
    viewers: null,
    views: null,
    peakOnline: null,
    avgOnline: null,
    avgStaySeconds: null,
    newFans: null,
    productClicks: null,
    gmvFen: null,
    buyers: null,
    orders: null,
    adSpendFen: null,
    paidViewers: null,
    paidShare: null,
    fanViewers: null,
    shortVideoViewers: null,
    reservations: null,
    warmupVideos: null,
    couponClaims: null,
    line: 2,
    ...rest,
  };
}

export function product(fields: Partial<ProductRow> & { productId: string }): ProductRow {
  return { productName: null, listPriceFen: null, category: null, exclusive: null, launchedAt: null, ...fields };
}

export function customer(fields: Partial<CustomerRow> & { buyerId: string }): CustomerRow {
  return { isFan: null, firstOrderAt: null, orders: null, ...fields };
}

export function brand(fields: Partial<BrandConfig> = {}): BrandConfig {
  return {
    name: '山野茶铺',
    category: 'food',
    profile: null,
    period: null,
    ownAccounts: [],
    scores: { shopExperience: null, creatorReputation: null, product: null },
    ...fields,
  };
}

export interface Records {
  orders?: OrderLine[];
  sessions?: SessionRow[];
  products?: ProductRow[];
  customers?: CustomerRow[];
}

/** Products and customers before orders; tests about arrival order feed by hand. */
export function feed(accumulator: RecordSink, records: Records): void {
  for (const row of records.products ?? []) accumulator.product(row);
  for (const row of records.customers ?? []) accumulator.customer(row);
  for (const row of records.orders ?? []) accumulator.order(row);
  for (const row of records.sessions ?? []) accumulator.session(row);
}

export function metricsOf(records: Records, config: BrandConfig = brand(), period?: PeriodWindow | null): Metrics {
  const accumulator = createMetricsAccumulator(config, period);
  feed(accumulator, records);
  return accumulator.finish();
}

/** Inclusive Shanghai-day bounds, as the CLI's --period produces them. */
export function days(from: string, to: string): PeriodWindow {
  return { fromMs: at(`${from} 00:00`), toMs: at(`${to} 00:00`) + 24 * 3600 * 1000 - 1 };
}
