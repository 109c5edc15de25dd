// Exports as clients really send them (DATA.md's last section), through the built CLI:
// workbooks, locked workbooks, Unicode text, semicolons, the 61-column order export, the
// settlement export, and text in encodings GB18030 would garble.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  SMALL_ORDERS,
  SMALL_ORDERS_HEADER,
  clientDir,
  delimited,
  encoded,
  fullOrderExport,
  locked,
  settlementExport,
  unicodeText,
  utf16be,
  workbook,
} from './client-exports.js';
import { EXAMPLES, runCli } from './run-cli.js';

interface JsonReport {
  inputs: {
    kind: string;
    path: string;
    encoding: string;
    format: string;
    delimiter: string | null;
    sheet: string | null;
    rows: number;
    giftLines: number;
    paidThenRefundedLines: number;
    issues: { line: number; message: string }[];
  }[];
  unrecognisedInputs: { path: string; message: string }[];
  stages: { letter: string; findings: { id: string; text: string }[] }[];
  period: { from: string | null; to: string | null };
  metrics: Record<string, unknown> & {
    gmv: number;
    netGmv: number;
    refunds: number;
    orders: number;
    creators: number;
    commission: number | null;
    gmvPerCommission: number | null;
    topCreators: { creatorId: string; gmv: number; commission: number | null; gmvPerCommission: number | null }[];
    carrier: Record<string, { gmv: number; share: number | null }>;
  };
}

function diagnoseJson(dir: string, ...args: string[]): JsonReport {
  const run = runCli(['diagnose', dir, '--json', '--lang', 'en', ...args]);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as JsonReport;
}

/** The one line a refused run prints (never a stack trace). */
function refusal(dir: string, ...args: string[]): string {
  const run = runCli(['diagnose', dir, '--lang', 'en', ...args]);
  expect(run.code).toBe(2);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  return run.stderr.trim();
}

const smallRows = [SMALL_ORDERS_HEADER, ...SMALL_ORDERS];

describe('workbooks', () => {
  it('reads each sheet of an .xlsx by its header, title rows above it, 18-digit ids and Excel dates intact', async () => {
    const orders = [['快手小店-订单导出'], [], SMALL_ORDERS_HEADER, ...SMALL_ORDERS.map((row) => [...row])];
    // A date cell and a bare serial (45461.84375 = 2024-06-18 20:15:00) read as the time they show.
    orders[3]![1] = new Date(Date.UTC(2024, 5, 18, 20, 15, 3));
    orders[4]![1] = 45461.875;
    const dir = clientDir({ '订单导出.xlsx': await workbook({ 订单: orders, 说明: [['导出说明：本表仅供参考']] }) });
    const report = diagnoseJson(dir);
    expect(report.metrics.gmv).toBe(190);
    expect(report.metrics.orders).toBe(3);
    expect(report.inputs[0]).toMatchObject({ kind: 'orders', format: 'xlsx', sheet: '订单', rows: 3, delimiter: null });
    expect(report.unrecognisedInputs.map((entry) => entry.path)).toEqual(['订单导出.xlsx › 说明']);
    expect(report.period).toMatchObject({ from: '2024-06-18', to: '2024-06-19' });
  });

  it('names the sheet and its row number when a cell is bad, and the id Excel rounded', async () => {
    const rows = [...smallRows.map((row) => [...row])];
    rows[2]![2] = 'abc';
    // eslint-disable-next-line no-loss-of-precision -- the point: an id stored as a number is rounded
    rows[3]![0] = 240618000000000003; // a number: Excel kept 15 digits
    const dir = clientDir({ 'orders.xlsx': await workbook({ 六月: rows }) });
    const run = runCli(['validate', dir, '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Excel workbook, sheet "六月"');
    expect(run.stdout).toMatch(/line 3: column "实付款": "abc" is not an amount/);
    expect(run.stdout).toMatch(
      /line 4: column "订单号": "2\.40618E\+17" is an id that Excel turned into a rounded number/,
    );
  });

  it('asks for the password of a locked workbook in one line, and reads it with --password or exportPassword', async () => {
    const bytes = locked(await workbook({ 订单: smallRows }), 'ks-2024');
    const dir = clientDir({ '订单导出.xlsx': bytes });
    expect(refusal(dir)).toMatch(/订单导出\.xlsx is a password-protected workbook\. Give its password with --password/);
    expect(refusal(dir, '--password', 'wrong')).toMatch(/the password given does not open this workbook/);
    expect(diagnoseJson(dir, '--password', 'ks-2024').metrics.gmv).toBe(190);
    writeFileSync(join(dir, 'brand.json'), JSON.stringify({ exportPassword: 'ks-2024' }));
    expect(diagnoseJson(dir).metrics.gmv).toBe(190);
  });

  it('says what to do with .xls, .numbers, .zip and .xlsb, and lists them in unrecognisedInputs', async () => {
    const dir = clientDir({
      'orders.csv': delimited(smallRows, ','),
      '旧订单.xls': Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      '表格.numbers': 'x',
      '导出.zip': Buffer.from([0x50, 0x4b, 0x05, 0x06]),
      'big.xlsb': 'x',
      '合同.pdf': '%PDF',
    });
    const report = diagnoseJson(dir);
    const reasons = Object.fromEntries(report.unrecognisedInputs.map((entry) => [entry.path, entry.message]));
    expect(reasons['旧订单.xls']).toMatch(/legacy Excel 97-2003 workbook.*save it as \.xlsx/);
    expect(reasons['表格.numbers']).toMatch(/Apple Numbers.*Export To/);
    expect(reasons['导出.zip']).toMatch(/archive\. Unpack it/);
    expect(reasons['big.xlsb']).toMatch(/binary workbook.*\.xlsx/);
    expect(reasons['合同.pdf']).toMatch(/not an export the tool reads/);
    const terminal = runCli(['diagnose', dir, '--lang', 'en']);
    expect(terminal.stdout + terminal.stderr).toContain('旧订单.xls');
  });
});

describe('Unicode text, tabs and semicolons', () => {
  it('reads UTF-16LE with BOM (.txt), UTF-16BE without, and semicolons, and validate names what it found', () => {
    const dir = clientDir({
      'a.txt': unicodeText(smallRows.slice(0, 2)),
      'b.tsv': utf16be([SMALL_ORDERS_HEADER, SMALL_ORDERS[1]!]),
      'c.csv': delimited([SMALL_ORDERS_HEADER, SMALL_ORDERS[2]!], ';'),
    });
    const report = diagnoseJson(dir);
    expect(report.metrics.gmv).toBe(190);
    expect(report.inputs.map((input) => [input.path, input.encoding, input.delimiter])).toEqual([
      ['a.txt', 'utf-16le', 'tab'],
      ['b.tsv', 'utf-16be', 'tab'],
      ['c.csv', 'utf-8', 'semicolon'],
    ]);
    const run = runCli(['validate', dir, '--lang', 'en']);
    expect(run.stdout).toContain('UTF-16LE · tab-separated');
    expect(run.stdout).toContain('UTF-16BE · tab-separated');
    expect(run.stdout).toContain('UTF-8 · semicolon-separated');
  });

  it.each([
    [
      'Big5',
      'big5',
      'order_id,paid_at,amount,product_name\n1,2024-06-18 20:00:00,59.9,手撕牛肉乾 五香\n2,2024-06-18 21:00:00,59.9,台灣高山烏龍茶\n',
    ],
    [
      'Shift_JIS',
      'shift_jis',
      'order_id,paid_at,amount,product_name\n1,2024-06-18 20:00:00,59.9,手作りビーフジャーキー\n',
    ],
    ['EUC-JP', 'euc-jp', 'order_id,paid_at,amount,product_name\n1,2024-06-18 20:00:00,59.9,ほうじ茶 ティーバッグ\n'],
    [
      'EUC-KR',
      'euc-kr',
      '주문번호,상품명,금액\norder_id,paid_at,amount,product_name\n1,2024-06-18 20:00:00,59.9,수제 육포 오향맛\n',
    ],
  ])('refuses %s text in one line naming the file and the encoding, instead of garbling it', (name, encoding, text) => {
    const dir = clientDir({ 'orders.csv': encoded(text, encoding) });
    expect(refusal(dir)).toMatch(new RegExp(`orders\\.csv is encoded as ${name}, not UTF-8 or GB18030`));
  });

  it('still reads GB18030 exports whose names a detector could take for Korean', () => {
    const text = readFileSync(join(EXAMPLES, 'jiangnan-home/live_sessions_2024-06.csv'), 'utf8');
    const orders = readFileSync(join(EXAMPLES, 'jiangnan-home/orders_2024-06-01_15.csv'));
    const dir = clientDir({ 'sessions.csv': encoded(text, 'gb18030'), 'orders.csv': orders });
    const report = diagnoseJson(dir);
    expect(report.inputs.find((input) => input.path === 'sessions.csv')?.encoding).toBe('gb18030');
  });
});

describe('the 61-column 快手小店 order export', () => {
  it('credits each row to the first creator column set, leaves gifts out and counts paid-then-refunded orders', () => {
    const dir = clientDir({ '快手小店订单导出.csv': fullOrderExport() });
    const report = diagnoseJson(dir);
    const metrics = report.metrics;
    expect(metrics.gmv).toBe(430);
    expect(metrics.refunds).toBe(70);
    expect(metrics.netGmv).toBe(360);
    expect(metrics.orders).toBe(7);
    expect(metrics.creators).toBe(5);
    const byCreator = Object.fromEntries(metrics.topCreators.map((creator) => [creator.creatorId, creator.gmv]));
    expect(byCreator).toEqual({ kol_a: 170, promo_b: 80, qz_c: 60, t_1: 50, t_2: 40 });
    expect(report.inputs[0]).toMatchObject({ giftLines: 1, paidThenRefundedLines: 1, rows: 9 });
    const run = runCli(['validate', dir, '--lang', 'en']);
    expect(run.stdout).toContain('gift lines (not orders): 1');
    expect(run.stdout).toContain('paid, then fully refunded (in GMV and refunds): 1');
  });
});

describe('the settlement export', () => {
  it('beside the orders: classified apart, joined on 订单号 for refunds and commission, the unmatched order counted', () => {
    const dir = clientDir({ 'orders.csv': fullOrderExport(), '结算明细.csv': settlementExport() });
    const report = diagnoseJson(dir);
    expect(report.inputs.map((input) => input.kind).sort()).toEqual(['orders', 'settlement']);
    const metrics = report.metrics;
    expect(metrics.gmv).toBe(430); // not counted twice
    expect(metrics.refunds).toBe(100); // + ¥30 on order B that only the settlement records
    expect(metrics.commission).toBe(30);
    expect(metrics.gmvPerCommission).toBeCloseTo(400 / 30, 3);
    expect(metrics.settlementOrdersWithoutOrder).toBe(1);
    const kolA = metrics.topCreators.find((creator) => creator.creatorId === 'kol_a');
    expect(kolA).toMatchObject({ commission: 20, gmvPerCommission: 8.5 });
    const creatorStage = report.stages.find((stage) => stage.letter === 'E')!;
    expect(creatorStage.findings.map((finding) => finding.text)).toContain(
      'Commission paid (达人 + 团长, from the settlement export): ¥30 for ¥400 of creator GMV, ¥13.3 of GMV per ¥1 of commission.',
    );
  });

  it('alone: stands in for the orders, seller from 达人ID, carrier not measured', () => {
    const dir = clientDir({ '结算明细.csv': settlementExport() });
    const metrics = diagnoseJson(dir).metrics;
    expect(metrics.gmv).toBe(225);
    expect(metrics.refunds).toBe(30);
    expect(metrics.orders).toBe(3);
    expect(metrics.commission).toBe(35);
    expect(metrics.creators).toBe(3);
    expect(Object.values(metrics.carrier).map((carrier) => carrier.share)).toEqual([null, null, null, null]);
  });
});

describe('example 兰亭茶舍', () => {
  it('gives the numbers its workbook and Unicode text would give as CSV', async () => {
    const example = join(EXAMPLES, 'lanting-tea');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(example, '快手小店订单导出_202406.xlsx'));
    const sheet = book.worksheets[0]!;
    const quote = (text: string): string => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
    const two = (value: number): string => String(value).padStart(2, '0');
    const asText = (value: ExcelJS.CellValue): string => {
      if (value instanceof Date) {
        const day = `${value.getUTCFullYear()}-${two(value.getUTCMonth() + 1)}-${two(value.getUTCDate())}`;
        return `${day} ${two(value.getUTCHours())}:${two(value.getUTCMinutes())}:${two(value.getUTCSeconds())}`;
      }
      return value === null || value === undefined ? '' : String(value);
    };
    const lines: string[] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells = (row.values as ExcelJS.CellValue[]).slice(1);
      while (cells.length < sheet.columnCount) cells.push(null);
      lines.push(cells.map((cell) => quote(asText(cell))).join(','));
    });
    const sessions = readFileSync(join(example, '直播数据_202406.txt'))
      .subarray(2)
      .toString('utf16le')
      .replaceAll('\t', ',');
    const dir = clientDir({
      'brand.json': readFileSync(join(example, 'brand.json')),
      'orders.csv': `${lines.join('\n')}\n`,
      'sessions.csv': sessions,
    });
    const fromWorkbook = diagnoseJson(example);
    const fromCsv = diagnoseJson(dir);
    expect(fromWorkbook.inputs.map((input) => input.format)).toEqual(['xlsx', 'csv']);
    expect(fromWorkbook.metrics).toEqual(fromCsv.metrics);
    expect(fromWorkbook.metrics.gmv).toBeGreaterThan(0);
  });
});
