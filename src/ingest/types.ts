// The records ingest hands to the metrics layer. Everything here is already normalised:
// money in integer fen, times in epoch milliseconds, ids as text, enums resolved.

import type { Message, MessageParams } from '../i18n/index.js';

export type InputKind = 'orders' | 'traffic' | 'products' | 'customers';
export const INPUT_KINDS: readonly InputKind[] = ['orders', 'traffic', 'products', 'customers'];

export type Seller = 'self' | 'creator';
export type Carrier = 'live' | 'shortVideo' | 'itemCard' | 'other';
export const CARRIERS: readonly Carrier[] = ['live', 'shortVideo', 'itemCard', 'other'];

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

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
  carrier: Carrier;
  creatorId: string | null;
  creatorName: string | null;
  /** The brand's own live account that sold it, when the export says. */
  account: string | null;
  liveId: string | null;
  buyerId: string | null;
  isFan: boolean | null;
}

/** One live session (one row of the traffic export). Missing values are null, never 0. */
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

/** Receives records as they stream out of the files. */
export interface RecordSink {
  order(line: OrderLine): void;
  session(row: SessionRow): void;
  product(row: ProductRow): void;
  customer(row: CustomerRow): void;
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
  /** First issues in full (at most 10), then only counted in issueCount. */
  issues: RowIssue[];
  issueCount: number;
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
