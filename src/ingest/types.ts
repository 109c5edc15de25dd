// The records ingest hands to the metrics layer. Everything here is already normalised:
// money in integer fen, times in epoch milliseconds, ids as text, enums resolved.

import type { Message, MessageParams } from '../i18n/index.js';

export type InputKind = 'orders' | 'traffic' | 'products' | 'customers' | 'settlement';
export const INPUT_KINDS: readonly InputKind[] = ['orders', 'traffic', 'products', 'customers', 'settlement'];

export type Seller = 'self' | 'creator';
export type Carrier = 'live' | 'shortVideo' | 'itemCard' | 'other';
export const CARRIERS: readonly Carrier[] = ['live', 'shortVideo', 'itemCard', 'other'];

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** What separates the cells of a text export; workbooks have none. */
export type Delimiter = 'comma' | 'tab' | 'semicolon';

/** One order line (one product of one order). Closed/cancelled/unpaid lines never reach metrics. */
export interface OrderLine {
  orderId: string;
  /** Epoch ms of payment (or creation when the export has no payment time). */
  paidAt: number;
  amountFen: number;
  quantity: number;
  /** Refunded amount in fen (0 when none); a line refunded with no amount carries its full amount. */
  refundFen: number;
  productId: string | null;
  productName: string | null;
  sku: string | null;
  seller: Seller;
  /** null when the export does not say where it sold (a settlement export standing in for orders). */
  carrier: Carrier | null;
  creatorId: string | null;
  creatorName: string | null;
  /** The brand's own live account that sold it, when the export says. */
  account: string | null;
  liveId: string | null;
  buyerId: string | null;
  isFan: boolean | null;
}

/** One live session (one row of the live sessions export). Missing values are null, never 0. */
export interface SessionRow {
  liveId: string;
  account: string | null;
  startAt: number | null;
  endAt: number | null;
  durationSeconds: number | null;
  exposure: number | null;
  viewers: number | null;
  views: number | null;
  peakOnline: number | null;
  avgOnline: number | null;
  avgStaySeconds: number | null;
  newFans: number | null;
  productClicks: number | null;
  gmvFen: number | null;
  buyers: number | null;
  orders: number | null;
  adSpendFen: number | null;
  paidViewers: number | null;
  /** Fraction 0..1. */
  paidShare: number | null;
  fanViewers: number | null;
  shortVideoViewers: number | null;
  reservations: number | null;
  warmupVideos: number | null;
  couponClaims: number | null;
  /** 1-based line in its file, for messages. */
  line: number;
}

export interface ProductRow {
  productId: string;
  productName: string | null;
  listPriceFen: number | null;
  category: string | null;
  exclusive: boolean | null;
  launchedAt: number | null;
}

export interface CustomerRow {
  buyerId: string;
  isFan: boolean | null;
  firstOrderAt: number | null;
  orders: number | null;
}

/**
 * One order of the settlement export (快手 GMV / 结算明细): what was paid, refunded and paid out
 * in commission. Joined to the orders on orderId, or standing in for them when alone.
 */
export interface SettlementRow {
  orderId: string;
  /** Epoch ms the order was created (the settlement export has no payment time). */
  paidAt: number;
  amountFen: number;
  refundFen: number;
  /** The creator credited: 达人ID, else 团长id, else 快赚客ID (`0` is nobody). */
  creatorId: string | null;
  /** 达人佣金 + 团长佣金, fen. */
  commissionFen: number;
}

/** Receives records as they stream out of the files. */
export interface RecordSink {
  order(line: OrderLine): void;
  session(row: SessionRow): void;
  product(row: ProductRow): void;
  customer(row: CustomerRow): void;
  /** Optional so sinks that only count or forward other kinds need not know it. */
  settlement?(row: SettlementRow): void;
}

/** A problem in one row: the row was skipped (or, for duplicates, counted once). */
export interface RowIssue {
  /** 1-based line as a spreadsheet shows it. */
  line: number;
  /** The column header as written in the file, or null for whole-row problems. */
  column: string | null;
  value: string | null;
  /** Message key in the ingest catalog and its parameters: the report puts it into words. */
  code: string;
  params: MessageParams;
}

export interface InputFileSummary {
  kind: InputKind;
  path: string;
  encoding: Encoding;
  /** `xlsx` for a workbook sheet (its encoding is then the workbook's UTF-8). */
  format: 'csv' | 'xlsx';
  /** null for a workbook sheet. */
  delimiter: Delimiter | null;
  /** The sheet a workbook's rows came from; null for text files. */
  sheet: string | null;
  /** Orders only: gift lines (赠品订单号 set, paid 0), not counted as orders. */
  giftLines: number;
  /** Orders only: 交易关闭 lines paid and then fully refunded, counted in GMV and refunds. */
  paidThenRefundedLines: number;
  /** Data rows read (after the header, excluding blank lines). */
  rows: number;
  skippedRows: number;
  /** Order lines that were closed/cancelled/unpaid and so not counted (orders only). */
  excludedRows: number;
  duplicateRows: number;
  /** Rows dropped because their time falls outside the period asked for (not issues). */
  outsidePeriodRows: number;
  /** 1-based line of the header row (2 or more when title lines sit above it). */
  headerLine: number;
  /** canonical field → header as written. */
  columns: Record<string, string>;
  ignoredColumns: string[];
  /** Epoch ms of the earliest and latest time seen in the file's main time column. */
  firstAt: number | null;
  lastAt: number | null;
  /** The same over the rows outside the period too: the dates the file covers, whatever was asked. */
  dataFirstAt: number | null;
  dataLastAt: number | null;
  /** First issues in full (at most MAX_ISSUES_KEPT), then only counted in issueCount. */
  issues: RowIssue[];
  issueCount: number;
  /** Id cells read without invisible characters or full-width forms (ids.ts): the same id either way. */
  normalisedIds: number;
  /** The first of them: its line and the cell as written. */
  normalisedIdExample: { line: number; value: string } | null;
  /**
   * Set when malformed CSV stopped the reading and --lenient kept the rows before it: the line
   * and what was wrong there (a catalog message naming the file and line).
   */
  stoppedAt: { line: number; reason: Message } | null;
}

export interface BrandConfig {
  name: string | null;
  category: string | null;
  /** A built-in profile name, or an absolute path to a profile file inside the client folder. */
  profile: string | null;
  period: { from: string; to: string } | null;
  ownAccounts: string[];
  /** First day the brand went live on its own account (YYYY-MM-DD): cold start is judged only with it. */
  selfBroadcastSince?: string | null;
  /** Opens password-protected workbooks when --password is not given. */
  exportPassword?: string | null;
  scores: {
    shopExperience: number | null;
    creatorReputation: number | null;
    product: number | null;
  };
}

export interface IngestResult {
  brand: BrandConfig;
  files: InputFileSummary[];
  /**
   * Files that could not be classified or were rejected, with the reason. `kind` is set when the
   * file was of a known kind (rejected while another file supplied that kind, or not used
   * because --orders and friends named other files).
   */
  unrecognised: { path: string; kind: InputKind | null; reason: Message }[];
  /** Kinds present after discovery and overrides. */
  kinds: InputKind[];
  /** Clock time spent reading, for --verbose. */
  elapsedMs: number;
}
