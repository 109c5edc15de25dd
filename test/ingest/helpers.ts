// Fixtures for ingest tests: small client folders with real-looking 快手小店 exports, written to
// temp dirs, and a sink that keeps what it receives.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import type { CustomerRow, OrderLine, ProductRow, RecordSink, SessionRow } from '../../src/ingest/types.js';

const made: string[] = [];

afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A temp client folder holding `files` (name → text or bytes). Removed after the test file. */
export async function clientFolder(files: Record<string, string | Uint8Array>, name = 'acme'): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'steps-ingest-'));
  made.push(root);
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    const path = join(dir, file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
  return dir;
}

export interface CollectingSink extends RecordSink {
  orders: OrderLine[];
  sessions: SessionRow[];
  products: ProductRow[];
  customers: CustomerRow[];
}

export function collectingSink(): CollectingSink {
  const sink: CollectingSink = {
    orders: [],
    sessions: [],
    products: [],
    customers: [],
    order: (line) => void sink.orders.push(line),
    session: (row) => void sink.sessions.push(row),
    product: (row) => void sink.products.push(row),
    customer: (row) => void sink.customers.push(row),
  };
  return sink;
}

/** The columns of the 快手小店 order export (订单导出), the ones the tool reads and a few it ignores. */
export const ORDER_HEADER = [
  '订单号',
  '订单创建时间',
  '订单支付时间',
  '商品ID',
  '商品名称',
  'SKU编码',
  '成交数量',
  '实付款',
  '订单状态',
  '售后状态',
  '订单退款(元)',
  '渠道',
  '订单载体',
  'CPS达人ID',
  'CPS达人昵称',
  '收货地址',
];

export interface OrderFixture {
  orderId?: string;
  createdAt?: string;
  paidAt?: string;
  productId?: string;
  productName?: string;
  sku?: string;
  quantity?: string;
  amount?: string;
  status?: string;
  afterSale?: string;
  refund?: string;
  channel?: string;
  carrier?: string;
  creatorId?: string;
  creatorName?: string;
  address?: string;
}

let nextOrder = 0;

/** One order row with plausible defaults; any cell can be replaced. */
export function orderRow(fields: OrderFixture = {}): string[] {
  nextOrder++;
  return [
    fields.orderId ?? String(2406180000000000000n + BigInt(nextOrder)),
    fields.createdAt ?? '2024-06-18 20:15:03',
    fields.paidAt ?? '2024-06-18 20:16:41',
    fields.productId ?? '22001845',
    fields.productName ?? '玻尿酸补水面膜 10片装',
    fields.sku ?? 'MM-10',
    fields.quantity ?? '1',
    fields.amount ?? '59.90',
    fields.status ?? '交易成功',
    fields.afterSale ?? '',
    fields.refund ?? '0',
    fields.channel ?? '自营',
    fields.carrier ?? '直播间',
    fields.creatorId ?? '',
    fields.creatorName ?? '',
    fields.address ?? '浙江省杭州市西湖区',
  ];
}

function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}

/** A CSV text: optional title lines, a header and rows, LF line ends unless told. */
export function csvText(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  options: { titleLines?: string[]; eol?: string } = {},
): string {
  const eol = options.eol ?? '\n';
  const lines = [...(options.titleLines ?? []), csvLine(header), ...rows.map(csvLine)];
  return lines.join(eol) + eol;
}

export function ordersCsv(
  rows: readonly (readonly string[])[],
  options: { titleLines?: string[]; eol?: string } = {},
): string {
  return csvText(ORDER_HEADER, rows, options);
}
