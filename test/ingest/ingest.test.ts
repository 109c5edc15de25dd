import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { ingestMessages } from '../../src/i18n/catalogs/ingest.js';
import { translator } from '../../src/i18n/index.js';
import { ingest, inspect } from '../../src/ingest/index.js';
import { clientFolder, collectingSink, csvLine, csvText, ORDER_HEADER, orderRow, ordersCsv } from './helpers.js';

const en = translator(ingestMessages, 'en');
const zh = translator(ingestMessages, 'zh');

async function failure(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

function words(error: InputError, lang: 'en' | 'zh' = 'en'): string {
  return (lang === 'en' ? en : zh)(error.detail.key, error.detail.params);
}

describe('header row and line numbers', () => {
  it('finds the header below title lines and counts lines as a spreadsheet shows them', async () => {
    const rows = [
      orderRow({ address: '浙江省杭州市\n西湖区文三路 1 号' }), // lines 3-4
      orderRow({ amount: 'abc' }), // line 5
      orderRow(), // line 6
    ];
    const text = ordersCsv(rows, { titleLines: ['快手小店订单导出,导出时间2024-07-01'] });
    const dir = await clientFolder({ '订单导出_0601.csv': text });
    const sink = collectingSink();
    const result = await ingest({ dir }, sink);
    expect(result.files[0]).toMatchObject({
      kind: 'orders',
      headerLine: 2,
      rows: 3,
      skippedRows: 1,
      encoding: 'utf-8',
    });
    expect(result.files[0]!.issues).toEqual([
      {
        line: 5,
        column: '实付款',
        value: 'abc',
        code: 'ingest.row.badMoney',
        params: { column: '实付款', value: 'abc' },
      },
    ]);
    expect(sink.orders).toHaveLength(2);
  });

  it('counts CRLF line ends, quoted CRLF inside cells and blank lines', async () => {
    const text = [
      '订单导出',
      '',
      csvLine(ORDER_HEADER), // line 3
      csvLine(orderRow({ productName: '礼盒\r\n套装' })), // lines 4-5
      '', // line 6, blank
      csvLine(orderRow({ paidAt: 'yesterday' })), // line 7
    ].join('\r\n');
    const dir = await clientFolder({ 'orders.csv': `${text}\r\n` });
    const sink = collectingSink();
    const result = await ingest({ dir }, sink);
    expect(result.files[0]!.headerLine).toBe(3);
    expect(result.files[0]!.rows).toBe(2);
    expect(result.files[0]!.issues.map((issue) => [issue.line, issue.code])).toEqual([[7, 'ingest.row.badTime']]);
    expect(sink.orders[0]!.productName).toBe('礼盒\r\n套装');
    // No \r left in the last column.
    expect(sink.orders[0]!.creatorName).toBeNull();
  });

  it('numbers lines right whatever the mix of quoted line breaks, blank lines and CRLF', async () => {
    const rowSpec = fc.record({ breaks: fc.integer({ min: 0, max: 3 }), blankAfter: fc.boolean(), bad: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowSpec, { minLength: 1, maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        async (specs, eol) => {
          const parts = ['快手小店订单导出', csvLine(ORDER_HEADER)];
          const expectedBadLines: number[] = [];
          let nextLine = 3;
          for (const spec of specs) {
            const name = ['面膜', ...Array.from({ length: spec.breaks }, (_, i) => `第${i}行`)].join(eol);
            if (spec.bad) expectedBadLines.push(nextLine);
            parts.push(csvLine(orderRow({ productName: name, amount: spec.bad ? 'abc' : '59.90' })));
            nextLine += 1 + spec.breaks;
            if (spec.blankAfter) {
              parts.push('');
              nextLine += 1;
            }
          }
          const dir = await clientFolder({ 'orders.csv': `${parts.join(eol)}${eol}` });
          const result = await ingest({ dir }, collectingSink());
          expect(result.files[0]!.issues.map((issue) => issue.line)).toEqual(expectedBadLines.slice(0, 1000));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('keeps the first 1000 row issues in full (for validate --json) and counts the rest', async () => {
    const rows = Array.from({ length: 1025 }, () => orderRow({ amount: 'N/A?' }));
    const dir = await clientFolder({ 'orders.csv': ordersCsv([...rows, orderRow()]) });
    const result = await ingest({ dir }, collectingSink());
    expect(result.files[0]).toMatchObject({ skippedRows: 1025, issueCount: 1025 });
    expect(result.files[0]!.issues).toHaveLength(1000);
    expect(result.files[0]!.issues[999]!.line).toBe(1001);
  });
});

describe('encodings', () => {
  it('reads a GBK export (Excel on Chinese Windows) without mojibake', async () => {
    const text = ordersCsv(
      [orderRow({ productName: '玻尿酸补水面膜，10片装', creatorName: '小杨哥', creatorId: 'kol_1' })],
      {
        titleLines: ['快手小店订单导出'],
        eol: '\r\n',
      },
    );
    const dir = await clientFolder({ '订单.csv': iconv.encode(text, 'gbk') });
    const sink = collectingSink();
    const result = await ingest({ dir }, sink);
    expect(result.files[0]).toMatchObject({ encoding: 'gb18030', headerLine: 2, rows: 1 });
    expect(sink.orders[0]).toMatchObject({
      productName: '玻尿酸补水面膜，10片装',
      creatorName: '小杨哥',
      seller: 'self',
    });
  });

  it('reads UTF-8 with a BOM, and the first header still matches', async () => {
    const dir = await clientFolder({ 'orders.csv': `\ufeff${ordersCsv([orderRow()])}` });
    const result = await ingest({ dir }, collectingSink());
    expect(result.files[0]).toMatchObject({ encoding: 'utf-8-bom', rows: 1 });
    expect(result.files[0]!.columns.orderId).toBe('订单号');
  });

  it('decides late when the first megabyte is plain ASCII (GBK text after it)', async () => {
    const asciiRows = Array.from({ length: 12_000 }, (_, i) =>
      orderRow({ productName: `Mask pack ${i}`, address: 'Hangzhou West Lake District, Zhejiang' }),
    );
    const text = csvText(
      ['order_id', 'paid_at', 'product_id', 'product_name', 'sku', 'quantity', 'amount', 'status', 'address'],
      [
        ...asciiRows.map((row) => [row[0]!, row[2]!, row[3]!, row[4]!, row[5]!, row[6]!, row[7]!, 'paid', row[15]!]),
        [
          '2406189999999999999',
          '2024-06-20 10:00:00',
          '22001845',
          '玻尿酸补水面膜',
          'MM-10',
          '1',
          '59.90',
          'paid',
          '杭州',
        ],
      ],
    );
    expect(text.length).toBeGreaterThan(1 << 20);
    const dir = await clientFolder({ 'orders.csv': iconv.encode(text, 'gbk') });
    const sink = collectingSink();
    const result = await ingest({ dir }, sink);
    expect(result.files[0]!.encoding).toBe('gb18030');
    expect(sink.orders).toHaveLength(12_001);
    expect(sink.orders.at(-1)!.productName).toBe('玻尿酸补水面膜');
  });

  it('keeps UTF-8 characters cut by the 1 MB read boundary intact', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) =>
      orderRow({ productName: `玻尿酸补水面膜第${i}批次限定礼盒装` }),
    );
    const text = ordersCsv(rows);
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 << 20);
    const dir = await clientFolder({ 'orders.csv': text });
    const sink = collectingSink();
    const result = await ingest({ dir }, sink);
    expect(result.files[0]!.encoding).toBe('utf-8');
    expect(sink.orders).toHaveLength(12_000);
    expect(sink.orders.every((order, i) => order.productName === `玻尿酸补水面膜第${i}批次限定礼盒装`)).toBe(true);
  });

  it('rejects a UTF-8 file with a GBK line in it, naming the line, rather than garbling it', async () => {
    const utf8 = Buffer.from(ordersCsv([orderRow(), orderRow()]));
    const gbkLine = iconv.encode(`${csvLine(orderRow({ productName: '面膜' }))}\n`, 'gbk');
    const dir = await clientFolder({ 'orders.csv': Buffer.concat([utf8, gbkLine]) });
    const error = await failure(ingest({ dir }, collectingSink()));
    expect(error.detail.key).toBe('ingest.file.mixedEncoding');
    expect(error.line).toBe(4);
    expect(words(error)).toContain(`${join(dir, 'orders.csv')}, line 4`);
  });

  it('rejects bytes that are neither UTF-8 nor GB18030', async () => {
    const header = iconv.encode(`${csvLine(ORDER_HEADER)}\n`, 'gbk');
    const bad = Buffer.from([0x31, 0x2c, 0xff, 0xff, 0xff, 0xfe, 0x80, 0x0a]);
    const dir = await clientFolder({ 'orders.csv': Buffer.concat([header, bad]) });
    const error = await failure(ingest({ dir }, collectingSink()));
    expect(error.detail.key).toBe('ingest.file.notText');
    expect(error.line).toBe(2);
  });

  it('rejects binary files and Excel workbooks saved as .csv with a way out', async () => {
    const binary = await clientFolder({ 'orders.csv': Buffer.from([0x6f, 0x72, 0x64, 0x0a, 0x00, 0x01, 0x02, 0x0a]) });
    expect((await failure(ingest({ dir: binary }, collectingSink()))).detail).toMatchObject({
      key: 'ingest.file.binary',
      params: { line: '2' },
    });
    const workbook = await clientFolder({ 'orders.csv': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]) });
    const excel = await failure(ingest({ dir: workbook }, collectingSink()));
    // Read as the workbook its bytes say it is: cut short, it is named as a damaged workbook.
    expect(excel.detail.key).toBe('ingest.file.badWorkbook');
    expect(words(excel)).toContain('export it again');
  });

  it('reads Excel "Unicode text" (UTF-16LE, tab-separated) and says so', async () => {
    const text = '订单号\t订单支付时间\t实付款\n240618000000000001\t2024-06-18 20:15:03\t59.90\n';
    const dir = await clientFolder({
      '订单.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    });
    const sink = collectingSink();
    const result = await ingest({ dir }, sink);
    expect(result.files[0]).toMatchObject({ encoding: 'utf-16le', delimiter: 'tab', rows: 1 });
    expect(sink.orders[0]).toMatchObject({ orderId: '240618000000000001', amountFen: 5990 });
  });
});

describe('file-level problems', () => {
  it('rejects an orders file without a required column and lists the aliases that would match', async () => {
    const header = ORDER_HEADER.filter((name) => name !== '实付款');
    const dir = await clientFolder({ 'orders.csv': csvText(header, [orderRow().filter((_, i) => i !== 7)]) });
    const error = await failure(ingest({ dir }, collectingSink()));
    expect(error.detail.key).toBe('ingest.file.missingColumns');
    expect(error.file).toBe(join(dir, 'orders.csv'));
    expect(error.exitCode).toBe(2);
    const text = words(error);
    expect(text).toContain('line 1');
    expect(text).toContain('amount');
    expect(text).toContain('实付款 | 订单实付(元) | 实付金额');
    expect(words(error, 'zh')).toContain('表头缺少 amount 列');
  });

  it('says so and goes on when another file supplies the rejected kind', async () => {
    const header = ORDER_HEADER.filter((name) => name !== '实付款');
    const dir = await clientFolder({
      'a_broken.csv': csvText(header, [orderRow().filter((_, i) => i !== 7)]),
      'b_orders.csv': ordersCsv([orderRow()]),
    });
    const sink = collectingSink();
    const result = await ingest({ dir }, sink);
    expect(sink.orders).toHaveLength(1);
    expect(result.unrecognised).toEqual([
      expect.objectContaining({
        path: join(dir, 'a_broken.csv'),
        kind: 'orders',
        reason: expect.objectContaining({ key: 'ingest.file.missingColumns' }),
      }),
    ]);
  });

  it('rejects an empty file and a header-only file, each in one line', async () => {
    const empty = await clientFolder({ 'orders.csv': '' });
    const emptyError = await failure(ingest({ dir: empty }, collectingSink()));
    expect(words(emptyError)).toBe(
      `${join(empty, 'orders.csv')} is empty (0 bytes). Export it again, or remove it from the folder.`,
    );
    const headerOnly = await clientFolder({ 'orders.csv': ordersCsv([], { titleLines: ['订单导出'] }) });
    const headerError = await failure(ingest({ dir: headerOnly }, collectingSink()));
    expect(headerError.detail.key).toBe('ingest.file.headerOnly');
    expect(headerError.line).toBe(2);
  });

  it('reports the line where an unclosed quote opens; --lenient keeps the rows before it', async () => {
    const text = `${ordersCsv([orderRow(), orderRow()])}${csvLine(orderRow()).replace('玻尿酸', '"玻尿酸')}\n${csvLine(orderRow())}\n`;
    const dir = await clientFolder({ 'orders.csv': text });
    const error = await failure(ingest({ dir }, collectingSink()));
    expect(error.detail.key).toBe('ingest.file.unclosedQuote');
    expect(error.line).toBe(4);
    expect(words(error)).toContain('orders.csv, line 4');

    const sink = collectingSink();
    const result = await ingest({ dir, lenient: true }, sink);
    expect(sink.orders).toHaveLength(2);
    expect(result.files[0]!.stoppedAt).toMatchObject({ line: 4, reason: { key: 'ingest.file.unclosedQuote' } });
  });

  it('reports a ragged row; --lenient keeps the rows before it', async () => {
    const text = `${ordersCsv([orderRow(), orderRow()])}2406180000000000777,2024-06-18 20:15:03,only three cells\n${csvLine(orderRow())}\n`;
    const dir = await clientFolder({ 'orders.csv': text });
    const error = await failure(ingest({ dir }, collectingSink()));
    expect(error.detail).toMatchObject({ key: 'ingest.file.ragged', params: { line: '4', found: 3, expected: 16 } });
    const sink = collectingSink();
    await ingest({ dir, lenient: true }, sink);
    expect(sink.orders).toHaveLength(2);
  });

  it('accepts rows that only add empty trailing cells', async () => {
    const text = `${csvLine(ORDER_HEADER)}\n${csvLine(orderRow())},,\n`;
    const dir = await clientFolder({ 'orders.csv': text });
    const sink = collectingSink();
    await ingest({ dir }, sink);
    expect(sink.orders).toHaveLength(1);
  });

  it('fails when there is no orders export at all', async () => {
    const dir = await clientFolder({
      'traffic.csv': csvText(['直播ID', '开播时间', '观看人数'], [['L1', '2024-06-18 20:00:00', '1200']]),
    });
    const error = await failure(ingest({ dir }, collectingSink()));
    expect(error.detail.key).toBe('ingest.noOrders');
    expect(words(error)).toContain(dir);
  });

  it('reports a CSV it cannot classify instead of ignoring it', async () => {
    const dir = await clientFolder({
      'orders.csv': ordersCsv([orderRow()]),
      'notes.csv': 'todo,owner\ncall client,amy\n',
    });
    const result = await ingest({ dir }, collectingSink());
    expect(result.unrecognised).toEqual([
      { path: join(dir, 'notes.csv'), kind: null, reason: expect.objectContaining({ key: 'ingest.file.noHeader' }) },
    ]);
  });

  it('reads no sub-folders or hidden files, and lists an Excel lock file and a PDF with what to do', async () => {
    const dir = await clientFolder({
      'orders.csv': ordersCsv([orderRow()]),
      'archive/old.csv': '',
      '._orders.csv': Buffer.from([0, 5, 22, 7]),
      '~$orders.csv': Buffer.from([0, 1]),
      '合同.pdf': Buffer.from('%PDF-1.4'),
    });
    const result = await ingest({ dir }, collectingSink());
    expect(result.files.map((file) => file.path)).toEqual([join(dir, 'orders.csv')]);
    expect(result.unrecognised.map((entry) => [entry.path, entry.reason.key])).toEqual([
      [join(dir, '~$orders.csv'), 'ingest.file.lockFile'],
      [join(dir, '合同.pdf'), 'ingest.file.notAnExport'],
    ]);
  });

  it('names a directory and a missing file given with --orders', async () => {
    const dir = await clientFolder({ 'sub/x.csv': 'a' });
    const directory = await failure(ingest({ dir, overrides: { orders: [join(dir, 'sub')] } }, collectingSink()));
    expect(directory.detail.key).toBe('ingest.file.isDirectory');
    const missing = await failure(ingest({ dir, overrides: { orders: [join(dir, 'nope.csv')] } }, collectingSink()));
    expect(words(missing)).toBe(`${join(dir, 'nope.csv')}: file not found. Check the path and the file name.`);
  });

  // As root, chmod 000 does not stop reads, so there is nothing to observe: skipped, not faked.
  it.skipIf(process.getuid?.() === 0)('names a file it has no permission to read', async () => {
    const dir = await clientFolder({ 'orders.csv': ordersCsv([orderRow()]) });
    const locked = join(dir, 'orders.csv');
    await chmod(locked, 0o000);
    const unreadable = await failure(ingest({ dir }, collectingSink()));
    expect(unreadable.detail.key).toBe('ingest.file.noPermission');
    expect(words(unreadable)).toContain(locked);
    await chmod(locked, 0o644);
  });

  it('says when the client folder does not exist', async () => {
    const error = await failure(ingest({ dir: '/nonexistent/acme' }, collectingSink()));
    expect(error.detail.key).toBe('ingest.dir.notFound');
  });
});

describe('overrides, columns.json and brand.json', () => {
  it('uses --orders files instead of the discovered orders, and notes the one not used', async () => {
    const elsewhere = await clientFolder({ 'export.csv': ordersCsv([orderRow(), orderRow()]) }, 'downloads');
    const dir = await clientFolder({ 'orders.csv': ordersCsv([orderRow()]) });
    const sink = collectingSink();
    const result = await ingest({ dir, overrides: { orders: [join(elsewhere, 'export.csv')] } }, sink);
    expect(sink.orders).toHaveLength(2);
    expect(result.files.map((file) => file.path)).toEqual([join(elsewhere, 'export.csv')]);
    expect(result.unrecognised).toEqual([
      {
        path: join(dir, 'orders.csv'),
        kind: 'orders',
        reason: { key: 'ingest.file.overridden', params: { file: join(dir, 'orders.csv'), kind: 'orders' } },
      },
    ]);
  });

  it('maps unknown headers with columns.json', async () => {
    const dir = await clientFolder({
      'columns.json': JSON.stringify({ orders: { 付款金额: 'amount', 付款时间: 'paidAt' } }),
      'orders.csv': csvText(
        ['订单号', '付款时间', '付款金额'],
        [['2406181234567890123', '2024-06-18 20:16:41', '59.90']],
      ),
    });
    const sink = collectingSink();
    const result = await ingest({ dir }, sink);
    expect(sink.orders[0]).toMatchObject({ orderId: '2406181234567890123', amountFen: 5990 });
    expect(result.files[0]!.columns).toEqual({ orderId: '订单号', paidAt: '付款时间', amount: '付款金额' });
  });

  it('refuses a columns.json field name it does not know, listing the valid ones', async () => {
    const dir = await clientFolder({
      'columns.json': '{\n  "orders": {\n    "付款金额": "amout"\n  }\n}\n',
      'orders.csv': ordersCsv([orderRow()]),
    });
    const error = await failure(ingest({ dir }, collectingSink()));
    expect(error.detail.key).toBe('ingest.columns.unknownField');
    expect(error.line).toBe(3);
    expect(words(error)).toContain('"amout", which is not a orders field. Valid names: orderId, paidAt, amount');
  });

  it('refuses an unknown kind in columns.json and a --columns file that does not exist', async () => {
    const dir = await clientFolder({
      'columns.json': '{"order": {"x": "amount"}}',
      'orders.csv': ordersCsv([orderRow()]),
    });
    expect((await failure(ingest({ dir }, collectingSink()))).detail.key).toBe('ingest.columns.unknownKind');
    const clean = await clientFolder({ 'orders.csv': ordersCsv([orderRow()]) });
    const missing = await failure(ingest({ dir: clean, columnsFile: join(clean, 'map.json') }, collectingSink()));
    expect(missing.detail.key).toBe('ingest.file.notFound');
  });

  it('loads brand.json: own accounts decide the seller, its period filters', async () => {
    const dir = await clientFolder({
      'brand.json': JSON.stringify({
        name: '阿克美',
        category: 'beauty',
        ownAccounts: ['acme_live'],
        period: { from: '2024-06-01', to: '2024-06-30' },
      }),
      'orders.csv': ordersCsv([
        orderRow({ channel: '', creatorId: 'acme_live' }),
        orderRow({ channel: '', creatorId: 'kol_8841' }),
        orderRow({ channel: '', paidAt: '2024-07-02 10:00:00' }),
      ]),
    });
    const sink = collectingSink();
    const result = await ingest({ dir }, sink);
    expect(result.brand).toMatchObject({ name: '阿克美', category: 'beauty', ownAccounts: ['acme_live'] });
    expect(sink.orders.map((order) => order.seller)).toEqual(['self', 'creator']);
    expect(result.files[0]!.outsidePeriodRows).toBe(1);
  });

  it('defaults the brand name to the folder name', async () => {
    const dir = await clientFolder({ 'orders.csv': ordersCsv([orderRow()]) }, 'xinya-tea');
    expect((await ingest({ dir }, collectingSink())).brand.name).toBe('xinya-tea');
  });

  it('names brand.json and the line of a JSON syntax error', async () => {
    const dir = await clientFolder({
      'brand.json': '{\n  "name": "acme",\n  "ownAccounts": ["a",]\n}\n',
      'orders.csv': ordersCsv([orderRow()]),
    });
    const error = await failure(ingest({ dir }, collectingSink()));
    expect(error.detail.key).toBe('ingest.json.invalid');
    expect(error.file).toBe(join(dir, 'brand.json'));
    expect(error.line).toBe(3);
  });

  it('does not let brand.json point the profile outside the client folder', async () => {
    const dir = await clientFolder({
      'brand.json': '{"profile": "../../etc/passwd"}',
      'orders.csv': ordersCsv([orderRow()]),
    });
    expect((await failure(ingest({ dir }, collectingSink()))).detail.key).toBe('ingest.brand.profileOutside');
    const inside = await clientFolder({
      'brand.json': '{"profile": "profiles/acme.json"}',
      'orders.csv': ordersCsv([orderRow()]),
    });
    expect((await ingest({ dir: inside }, collectingSink())).brand.profile).toBe(join(inside, 'profiles/acme.json'));
  });

  it('refuses an own-account id written as a JSON number too long to be exact', async () => {
    const dir = await clientFolder({
      'brand.json': '{"ownAccounts": [1234567890123456789]}',
      'orders.csv': ordersCsv([orderRow()]),
    });
    expect((await failure(ingest({ dir }, collectingSink()))).detail.key).toBe('ingest.brand.unsafeAccountId');
  });
});

describe('strict, period and progress', () => {
  it('--strict turns skipped rows into an error after reading', async () => {
    const dir = await clientFolder({ 'orders.csv': ordersCsv([orderRow(), orderRow({ amount: '12元5角' })]) });
    const error = await failure(ingest({ dir, strict: true }, collectingSink()));
    expect(error.detail).toMatchObject({ key: 'ingest.strict', params: { line: '3', count: 1, column: '实付款' } });
    expect(error.exitCode).toBe(2);
    // Without --strict the run goes on.
    expect((await ingest({ dir }, collectingSink())).files[0]!.skippedRows).toBe(1);
  });

  it('--strict still names the file when the first skipped row lies beyond the issues kept in full', async () => {
    const repeated = orderRow();
    const rows = [repeated, ...Array.from({ length: 1000 }, () => [...repeated]), orderRow({ amount: 'abc' })];
    const dir = await clientFolder({ 'orders.csv': ordersCsv(rows) });
    const error = await failure(ingest({ dir, strict: true }, collectingSink()));
    expect(error.detail).toMatchObject({ key: 'ingest.strictCount', params: { count: 1 } });
    expect(words(error)).toContain(join(dir, 'orders.csv'));
  });

  it('--period drops order lines and sessions outside it, without calling them problems', async () => {
    const dir = await clientFolder({
      'orders.csv': ordersCsv([
        orderRow({ paidAt: '2024-05-31 23:59:59' }),
        orderRow({ paidAt: '2024-06-01 00:00:00' }),
      ]),
      'traffic.csv': csvText(
        ['直播ID', '开播时间', '观看人数'],
        [
          ['L1', '2024-05-20 20:00:00', '800'],
          ['L2', '2024-06-02 20:00:00', '1200'],
        ],
      ),
    });
    const june = { fromMs: Date.parse('2024-06-01T00:00:00+08:00'), toMs: Date.parse('2024-06-30T23:59:59.999+08:00') };
    const sink = collectingSink();
    const result = await ingest({ dir, period: june }, sink);
    expect(sink.orders).toHaveLength(1);
    expect(sink.sessions.map((session) => session.liveId)).toEqual(['L2']);
    expect(result.files.map((file) => [file.kind, file.outsidePeriodRows, file.issueCount])).toEqual([
      ['orders', 1, 0],
      ['traffic', 1, 0],
    ]);
  });

  it('reports progress up to the total size', async () => {
    const dir = await clientFolder({ 'orders.csv': ordersCsv([orderRow(), orderRow()]) });
    const calls: [number, number][] = [];
    await ingest({ dir, onProgress: (read, total) => calls.push([read, total]) }, collectingSink());
    const [read, total] = calls.at(-1)!;
    expect(read).toBe(total);
    expect(total).toBeGreaterThan(0);
  });
});

describe('traffic, products and customers', () => {
  it('normalises a 生意通 session export', async () => {
    const header = [
      '直播ID',
      '主播昵称',
      '开播时间',
      '下播时间',
      '直播时长',
      '观看人数',
      '最高在线人数',
      '平均在线人数',
      '人均观看时长',
      '成交金额',
      '投放消耗',
      '付费流量占比',
      '新增粉丝数',
    ];
    const dir = await clientFolder({
      'orders.csv': ordersCsv([orderRow()]),
      '场次数据.csv': csvText(header, [
        [
          'L20240618',
          '阿克美官方',
          '2024-06-18 19:30:00',
          '2024-06-18 23:45:00',
          '4小时15分',
          '1.2万',
          '856',
          '312.5',
          '1分23秒',
          '¥86,520.00',
          '12,000',
          '35.5%',
          '431',
        ],
        [
          'L20240619',
          '阿克美官方',
          '2024-06-19 19:30:00',
          '2024-06-19 21:00:00',
          '-',
          '8,800',
          '-',
          '-',
          '00:01:05',
          '-',
          '-',
          '0.2',
          '-',
        ],
      ]),
    });
    const sink = collectingSink();
    const result = await ingest({ dir }, sink);
    expect(result.kinds).toEqual(['orders', 'traffic']);
    expect(sink.sessions[0]).toMatchObject({
      liveId: 'L20240618',
      account: '阿克美官方',
      durationSeconds: 15300,
      viewers: 12000,
      peakOnline: 856,
      avgOnline: 312.5,
      avgStaySeconds: 83,
      gmvFen: 8652000,
      adSpendFen: 1200000,
      paidShare: 0.355,
      newFans: 431,
      line: 2,
    });
    // Missing values stay null (never 0); a duration is the exact span between start and end.
    expect(sink.sessions[1]).toMatchObject({
      durationSeconds: 5400,
      peakOnline: null,
      gmvFen: null,
      paidShare: 0.2,
      line: 3,
    });
  });

  it('normalises products and customers', async () => {
    const dir = await clientFolder({
      'orders.csv': ordersCsv([orderRow()]),
      'products.csv': csvText(
        ['商品ID', '商品名称', '售价', '类目', '是否特供', '上架时间'],
        [['22001845', '玻尿酸补水面膜 10片装', '59.90', '美妆', '是', '2024-03-01']],
      ),
      'customers.csv': csvText(
        ['买家ID', '是否粉丝', '首单时间', '累计订单数'],
        [['\t8800012345678901', 'N', '2023-11-11 00:01:02', '3']],
      ),
    });
    const sink = collectingSink();
    await ingest({ dir }, sink);
    expect(sink.products).toEqual([
      {
        productId: '22001845',
        productName: '玻尿酸补水面膜 10片装',
        listPriceFen: 5990,
        category: '美妆',
        exclusive: true,
        launchedAt: Date.parse('2024-03-01T00:00:00+08:00'),
      },
    ]);
    expect(sink.customers).toEqual([
      { buyerId: '8800012345678901', isFan: false, firstOrderAt: Date.parse('2023-11-11T00:01:02+08:00'), orders: 3 },
    ]);
  });
});

describe('inspect', () => {
  it('reads everything and lists every problem instead of stopping at the first', async () => {
    const dir = await clientFolder({
      'a.csv': '',
      'b.csv': ordersCsv([orderRow()]),
      'c.csv': Buffer.from([0x50, 0x4b, 0x03, 0x04]),
    });
    await mkdir(join(dir, 'd.csv'));
    const { result, problems } = await inspect({ dir });
    expect(problems.map((problem) => problem.detail.key)).toEqual(['ingest.file.empty', 'ingest.file.badWorkbook']);
    expect(result.files).toHaveLength(1);
  });
});
