// What a row normaliser returns besides a record, and the normalisers of the small exports
// (traffic, products, customers: a few thousand rows at most, so clarity beats speed here;
// the orders normaliser in orders.ts is the hot path).
//
// Normalisers are pure functions of (cells, line): no I/O and no shared state, so a later
// worker-thread reader can run them on its own byte range.

import type { MessageParams } from '../i18n/index.js';
import type { ColumnMap } from './fields.js';
import type { CustomerRow, ProductRow, SessionRow, SettlementRow } from './types.js';
import {
  INVALID,
  hasFractionOfFen,
  parseCount,
  parseDecimalNumber,
  parseDurationSeconds,
  parseId,
  parseMoneyFen,
  parsePercent,
  parseText,
  parseTime,
  parseYesNo,
  type Parsed,
} from './values.js';

/** Why one row was skipped; becomes a RowIssue once the reader adds the line. */
export class RowFault {
  constructor(
    /** Header as written, or null for a whole-row problem. */
    readonly column: string | null,
    readonly value: string | null,
    readonly code: string,
    readonly params: MessageParams,
  ) {}
}

/** A closed, cancelled or unpaid order line: read fine, not counted. */
export const EXCLUDED: unique symbol = Symbol('excluded');
/** A gift line (赠品订单号 set, paid 0): read fine, not an order. */
export const GIFT: unique symbol = Symbol('gift');
/**
 * A record outside the period asked for, with its time: a period that catches no order is
 * reported with the dates the data does cover (PLAN.md section 2).
 */
export class OutsidePeriod {
  constructor(readonly at: number) {}
}

export type RowOutcome<T> = T | RowFault | typeof EXCLUDED | OutsidePeriod | typeof GIFT;
export type RowNormaliser<T> = (cells: readonly string[], line: number) => RowOutcome<T>;

export interface PeriodBounds {
  fromMs: number;
  toMs: number;
}

// Long cells (a pasted description) would swamp a message; the start is enough to find it.
const MAX_SHOWN_VALUE = 80;

export function shownValue(value: string | undefined): string {
  if (value === undefined) return '';
  return value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE)}…` : value;
}

/** A fault on one cell: the column's header, the value as written, and what was expected. */
export function cellFault(map: ColumnMap, column: number, cells: readonly string[], code: string): RowFault {
  const header = map.headers[column] ?? '';
  const value = shownValue(cells[column]);
  return new RowFault(header, value, code, { column: header, value });
}

/** Why a money cell is bad: fractions of a fen, or not an amount at all. */
export function moneyFault(text: string | undefined): string {
  return hasFractionOfFen(text) ? FAULT.fenFraction : FAULT.money;
}

export const FAULT = {
  missing: 'ingest.row.missingValue',
  money: 'ingest.row.badMoney',
  fenFraction: 'ingest.row.fractionOfFen',
  count: 'ingest.row.badCount',
  number: 'ingest.row.badNumber',
  percent: 'ingest.row.badPercent',
  duration: 'ingest.row.badDuration',
  time: 'ingest.row.badTime',
  yesNo: 'ingest.row.badYesNo',
  mangledId: 'ingest.row.mangledId',
} as const;

/**
 * Reads the mapped cells of one row by field name; the first bad cell is kept as the row's
 * fault and later reads return null, so a normaliser reads straight through and checks once.
 */
class RowReader {
  fault: RowFault | null = null;
  private cells: readonly string[] = [];

  constructor(private readonly map: ColumnMap) {}

  begin(cells: readonly string[]): this {
    this.cells = cells;
    this.fault = null;
    return this;
  }

  read<T>(field: string, parse: (text: string | undefined) => Parsed<T>, code: string): T | null {
    const column = this.map.index[field];
    if (column === undefined || this.fault) return null;
    const value = parse(this.cells[column]);
    if (value !== INVALID) return value;
    this.fault = cellFault(this.map, column, this.cells, code === FAULT.money ? moneyFault(this.cells[column]) : code);
    return null;
  }

  /** A value the row cannot do without: missing is a fault too. */
  required<T>(field: string, parse: (text: string | undefined) => Parsed<T>, code: string): T | null {
    const value = this.read(field, parse, code);
    const column = this.map.index[field];
    if (value === null && !this.fault && column !== undefined) {
      this.fault = cellFault(this.map, column, this.cells, FAULT.missing);
    }
    return value;
  }

  id(field: string): string | null {
    return this.read(field, parseId, FAULT.mangledId);
  }
  text(field: string): string | null {
    return this.read(field, parseText, FAULT.missing);
  }
  money(field: string): number | null {
    return this.read(field, (text) => parseMoneyFen(text), FAULT.money);
  }
  count(field: string): number | null {
    return this.read(field, parseCount, FAULT.count);
  }
  decimal(field: string): number | null {
    return this.read(field, parseDecimalNumber, FAULT.number);
  }
  share(field: string): number | null {
    return this.read(field, parseShare, FAULT.percent);
  }
  duration(field: string): number | null {
    return this.read(field, parseDurationSeconds, FAULT.duration);
  }
  time(field: string): number | null {
    return this.read(field, parseTime, FAULT.time);
  }
  yesNo(field: string): boolean | null {
    return this.read(field, parseYesNo, FAULT.yesNo);
  }
}

/** A share of a whole: a percentage outside 0..100% is a broken cell. */
function parseShare(text: string | undefined): Parsed<number> {
  const value = parsePercent(text);
  if (value === null || value === INVALID) return value;
  return value < 0 || value > 1 ? INVALID : value;
}

/** `0` in the settlement export's id columns means nobody was credited. */
function creditedId(id: string | null): string | null {
  return id === '0' ? null : id;
}

export function createSettlementNormaliser(map: ColumnMap, period: PeriodBounds | null): RowNormaliser<SettlementRow> {
  const reader = new RowReader(map);
  return (cells) => {
    const row = reader.begin(cells);
    const orderId = row.required('orderId', parseId, FAULT.mangledId);
    const paidAt = row.required('paidAt', parseTime, FAULT.time);
    const amountFen = row.required('amount', (text) => parseMoneyFen(text), FAULT.money);
    const refund = row.read('refund', (text) => parseMoneyFen(text, { allowNegative: true }), FAULT.money);
    const creatorId =
      creditedId(row.id('creatorId')) ?? creditedId(row.id('leaderId')) ?? creditedId(row.id('quickEarnerId'));
    const creatorCommission = row.money('creatorCommission');
    const leaderCommission = row.money('leaderCommission');
    if (row.fault) return row.fault;
    if (isOutside(period, paidAt)) return new OutsidePeriod(paidAt!);
    const amount = amountFen ?? 0;
    return {
      orderId: orderId!,
      paidAt: paidAt!,
      amountFen: amount,
      // A settlement cannot give back more than was paid (see the orders normaliser).
      refundFen: Math.min(Math.abs(refund ?? 0), amount),
      creatorId,
      commissionFen: (creatorCommission ?? 0) + (leaderCommission ?? 0),
    };
  };
}

function isOutside(period: PeriodBounds | null, at: number | null): boolean {
  return period !== null && at !== null && (at < period.fromMs || at > period.toMs);
}

export function createSessionNormaliser(map: ColumnMap, period: PeriodBounds | null): RowNormaliser<SessionRow> {
  const reader = new RowReader(map);
  return (cells, line) => {
    const row = reader.begin(cells);
    const liveId = row.required('liveId', parseId, FAULT.mangledId);
    const startAt = row.time('startAt');
    const endAt = row.time('endAt');
    const session: SessionRow = {
      liveId: liveId ?? '',
      account: row.id('account'),
      startAt,
      endAt,
      durationSeconds: row.duration('duration') ?? durationBetween(startAt, endAt),
      exposure: row.count('exposure'),
      viewers: row.count('viewers'),
      views: row.count('views'),
      peakOnline: row.count('peakOnline'),
      avgOnline: row.decimal('avgOnline'),
      avgStaySeconds: row.duration('avgStay'),
      newFans: row.count('newFans'),
      productClicks: row.count('productClicks'),
      gmvFen: row.money('gmv'),
      buyers: row.count('buyers'),
      orders: row.count('orders'),
      adSpendFen: row.money('adSpend'),
      paidViewers: row.count('paidViewers'),
      paidShare: row.share('paidShare'),
      fanViewers: row.count('fanViewers'),
      shortVideoViewers: row.count('shortVideoViewers'),
      reservations: row.count('reservations'),
      warmupVideos: row.count('warmupVideos'),
      couponClaims: row.count('couponClaims'),
      line,
    };
    if (row.fault) return row.fault;
    if (startAt !== null && isOutside(period, startAt)) return new OutsidePeriod(startAt);
    return session;
  };
}

/** A session with start and end but no duration column: the difference is exact, not a guess. */
function durationBetween(startAt: number | null, endAt: number | null): number | null {
  if (startAt === null || endAt === null || endAt <= startAt) return null;
  return Math.round((endAt - startAt) / 1000);
}

export function createProductNormaliser(map: ColumnMap): RowNormaliser<ProductRow> {
  const reader = new RowReader(map);
  return (cells) => {
    const row = reader.begin(cells);
    const product: ProductRow = {
      productId: row.required('productId', parseId, FAULT.mangledId) ?? '',
      productName: row.text('productName'),
      listPriceFen: row.money('listPrice'),
      category: row.text('category'),
      exclusive: row.yesNo('exclusive'),
      launchedAt: row.time('launchedAt'),
    };
    return row.fault ?? product;
  };
}

export function createCustomerNormaliser(map: ColumnMap): RowNormaliser<CustomerRow> {
  const reader = new RowReader(map);
  return (cells) => {
    const row = reader.begin(cells);
    const customer: CustomerRow = {
      buyerId: row.required('buyerId', parseId, FAULT.mangledId) ?? '',
      isFan: row.yesNo('isFan'),
      firstOrderAt: row.time('firstOrderAt'),
      orders: row.count('orders'),
    };
    return row.fault ?? customer;
  };
}
