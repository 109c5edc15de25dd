// CSV round trip through ingest: order lines are generated (18-19 digit ids, names holding
// commas, quotes, line breaks and CJK, amounts written every way exports write them), written
// as a 快手小店 export in UTF-8, UTF-8 with BOM, GBK or GB18030 with LF or CRLF line ends, and
// read back: every record must equal the generated one, field for field.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import type { Carrier, OrderLine, Seller } from '../../src/ingest/types.js';
import { collectingSink } from '../ingest/helpers.js';
import { isMissingText } from './reference.js';

const SEED = 42;

let root = '';
let folders = 0;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'steps-roundtrip-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// What is generated

interface GeneratedLine {
  orderId: string;
  paidAtText: string;
  paidAt: number;
  amountText: string;
  amountFen: number;
  quantity: number;
  productId: string | null;
  productName: string;
  channel: '自营' | '分销';
  carrierText: string;
  carrier: Carrier;
  creatorId: string | null;
  creatorName: string;
  address: string;
}

// Characters GBK can encode; GB18030 (and UTF-8) get emoji and rarer CJK on top.
const GBK_TEXT = [
  '面',
  '膜',
  '补',
  '水',
  '礼',
  '盒',
  '装',
  'A',
  'b',
  '7',
  ' ',
  ',',
  '"',
  '\n',
  '\r\n',
  '，',
  '“',
  '”',
  '（',
  '）',
  '-',
  '=',
  '+',
  '@',
  '#',
  '|',
  '￥',
  '·',
  '\t',
];
const WIDE_TEXT = [...GBK_TEXT, '😀', '𠀀', '€', 'é', '\u3000'];

const CARRIERS: ReadonlyArray<[string, Carrier]> = [
  ['直播间', 'live'],
  ['短视频', 'shortVideo'],
  ['商品卡', 'itemCard'],
  ['其他', 'other'],
  ['橱窗', 'other'],
];

const two = (value: number) => String(value).padStart(2, '0');

/** A payment time in June 2024 (Asia/Shanghai), as the export or a hand-kept sheet writes it. */
const paidAt = fc
  .tuple(fc.integer({ min: Date.UTC(2024, 5, 1), max: Date.UTC(2024, 5, 30, 23, 59, 59) }), fc.boolean())
  .map(([shanghaiClockMs, slashes]) => {
    // The sheet without seconds (2024/6/18 20:15) holds whole minutes only.
    const shown = shanghaiClockMs - (shanghaiClockMs % (slashes ? 60_000 : 1000));
    const clock = new Date(shown);
    const [y, mo, d] = [clock.getUTCFullYear(), clock.getUTCMonth() + 1, clock.getUTCDate()];
    const [h, mi, s] = [clock.getUTCHours(), clock.getUTCMinutes(), clock.getUTCSeconds()];
    const text = slashes
      ? `${y}/${mo}/${d} ${h}:${two(mi)}`
      : `${y}-${two(mo)}-${two(d)} ${two(h)}:${two(mi)}:${two(s)}`;
    return { text, epochMs: shown - 8 * 3600_000 };
  });

const amount = fc
  .tuple(fc.integer({ min: 0, max: 100_000_000 }), fc.constantFrom('plain', 'grouped', 'yuan', 'symbol', 'wan'))
  .map(([fen, style]) => {
    const yuan = `${Math.floor(fen / 100)}.${two(fen % 100)}`;
    const grouped = `${Math.floor(fen / 100).toLocaleString('en-US')}.${two(fen % 100)}`;
    const texts: Record<string, string> = {
      plain: yuan,
      grouped,
      yuan: `${yuan}元`,
      symbol: `¥${grouped}`,
      wan: `${`${Math.floor(fen / 1_000_000)}.${String(fen % 1_000_000).padStart(6, '0')}`.replace(/\.?0+$/, '')}万`,
    };
    return { text: texts[style]!, fen };
  });

function freeText(alphabet: readonly string[], maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength });
}

function orderLine(alphabet: readonly string[]): fc.Arbitrary<GeneratedLine> {
  return fc
    .record({
      orderId: fc.stringMatching(/^[1-9][0-9]{17,18}$/),
      paidAt,
      amount,
      quantity: fc.integer({ min: 1, max: 99 }),
      productId: fc.option(fc.stringMatching(/^[1-9][0-9]{7,11}$/), { nil: null }),
      productName: freeText(alphabet, 24),
      channel: fc.constantFrom('自营' as const, '分销' as const),
      carrier: fc.constantFrom(...CARRIERS),
      creatorId: fc.option(fc.stringMatching(/^[1-9][0-9]{9}$/), { nil: null }),
      creatorName: freeText(alphabet, 12),
      address: freeText(alphabet, 30),
    })
    .map((line) => ({
      orderId: line.orderId,
      paidAtText: line.paidAt.text,
      paidAt: line.paidAt.epochMs,
      amountText: line.amount.text,
      amountFen: line.amount.fen,
      quantity: line.quantity,
      productId: line.productId,
      productName: line.productName,
      channel: line.channel,
      carrierText: line.carrier[0],
      carrier: line.carrier[1],
      creatorId: line.creatorId,
      creatorName: line.creatorName,
      address: line.address,
    }));
}

// ---------------------------------------------------------------------------------------------
// How it is written

const COLUMNS: ReadonlyArray<[string, (line: GeneratedLine) => string]> = [
  ['订单号', (line) => line.orderId],
  ['订单支付时间', (line) => line.paidAtText],
  ['商品ID', (line) => line.productId ?? ''],
  ['商品名称', (line) => line.productName],
  ['成交数量', (line) => String(line.quantity)],
  ['实付款', (line) => line.amountText],
  ['订单状态', () => '交易成功'],
  ['渠道', (line) => line.channel],
  ['订单载体', (line) => line.carrierText],
  ['CPS达人ID', (line) => line.creatorId ?? ''],
  ['CPS达人昵称', (line) => line.creatorName],
  ['收货地址', (line) => line.address],
];

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

type FileEncoding = 'utf-8' | 'utf-8-bom' | 'gbk' | 'gb18030';

interface FileStyle {
  encoding: FileEncoding;
  eol: '\n' | '\r\n';
  titleLine: boolean;
  columnOrder: number[];
}

function exportBytes(lines: readonly GeneratedLine[], style: FileStyle): Buffer {
  const columns = style.columnOrder.map((index) => COLUMNS[index]!);
  const rows = [columns.map(([header]) => header), ...lines.map((line) => columns.map(([, cell]) => cell(line)))];
  const text =
    [
      ...(style.titleLine ? ['快手小店订单导出,导出时间：2024-07-01 09:00'] : []),
      ...rows.map((row) => row.map(csvCell).join(',')),
    ].join(style.eol) + style.eol;
  if (style.encoding === 'gbk' || style.encoding === 'gb18030') {
    // GBK has no ¥ (U+00A5): Chinese Windows writes the full-width ￥, which the parser folds.
    const local = style.encoding === 'gbk' ? text.replace(/¥/g, '￥') : text;
    const bytes = iconv.encode(local, style.encoding);
    expect(iconv.decode(bytes, style.encoding), 'the fixture itself must survive the encoding').toBe(local);
    return bytes;
  }
  const bytes = Buffer.from(text, 'utf8');
  return style.encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
}

/** What ingest must hand on for a generated line: text cells trimmed, empty ones null. */
function expectedRecord(line: GeneratedLine): OrderLine {
  const text = (value: string): string | null => (isMissingText(value) ? null : value.trim());
  const seller: Seller = line.channel === '自营' ? 'self' : 'creator';
  return {
    orderId: line.orderId,
    paidAt: line.paidAt,
    amountFen: line.amountFen,
    quantity: line.quantity,
    refundFen: 0,
    productId: line.productId,
    productName: text(line.productName),
    sku: null,
    seller,
    carrier: line.carrier,
    creatorId: line.creatorId,
    creatorName: text(line.creatorName),
    account: null,
    liveId: null,
    buyerId: null,
    isFan: null,
  };
}

async function ingestBytes(bytes: Buffer): Promise<OrderLine[]> {
  const dir = join(root, `client-${++folders}`);
  await mkdir(dir);
  await writeFile(join(dir, '订单导出.csv'), bytes);
  const sink = collectingSink();
  const result = await ingest({ dir }, sink);
  expect(result.files[0]!.skippedRows).toBe(0);
  await rm(dir, { recursive: true });
  return sink.orders;
}

function fileStyle(encodings: readonly FileEncoding[]): fc.Arbitrary<FileStyle> {
  return fc.record({
    encoding: fc.constantFrom(...encodings),
    eol: fc.constantFrom('\n' as const, '\r\n' as const),
    titleLine: fc.boolean(),
    columnOrder: fc.shuffledSubarray(
      COLUMNS.map((_, index) => index),
      { minLength: COLUMNS.length },
    ),
  });
}

/** Order lines with distinct ids: a repeated id + product would be counted once, by design. */
function orderLines(alphabet: readonly string[], maxLength: number): fc.Arbitrary<GeneratedLine[]> {
  return fc.uniqueArray(orderLine(alphabet), { minLength: 1, maxLength, selector: (line) => line.orderId });
}

describe('CSV round trip through ingest', () => {
  it('reads back every generated order line exactly, in UTF-8 and GBK, LF and CRLF', async () => {
    const cases = fc.oneof(
      fc.tuple(orderLines(GBK_TEXT, 30), fileStyle(['utf-8', 'utf-8-bom', 'gbk', 'gb18030'])),
      fc.tuple(orderLines(WIDE_TEXT, 30), fileStyle(['utf-8', 'utf-8-bom', 'gb18030'])),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ([lines, style]) => {
        const records = await ingestBytes(exportBytes(lines, style));
        expect(records).toEqual(lines.map(expectedRecord));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('reads back lines that straddle the 1 MB read boundary, characters cut in two included', async () => {
    // A long address column pushes the file past one read chunk at a different byte each run.
    const bigLines = fc.tuple(orderLines(GBK_TEXT, 6), fc.integer({ min: 0, max: 4000 })).map(([lines, shift]) =>
      lines.map((line, index) => ({
        ...line,
        address: index === 0 ? `${'浙江省杭州市'.repeat(100_000)}${'号'.repeat(shift)}` : line.address,
      })),
    );
    await fc.assert(
      fc.asyncProperty(bigLines, fileStyle(['utf-8', 'gbk']), async (lines, style) => {
        const records = await ingestBytes(exportBytes(lines, style));
        expect(records).toEqual(lines.map(expectedRecord));
      }),
      { seed: SEED, numRuns: 8 },
    );
  });
});
