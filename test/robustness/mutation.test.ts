// The mutation suite: a real-looking 快手小店 orders export (UTF-8 and GBK), broken every way a
// download, a hand edit or a spreadsheet breaks files, and fed to the tool. Every case must end
// in exit 0 with a valid report (skipped rows counted and shown) or exit 2 with one line that
// names the file (and the line when there is one): never an internal error, a stack trace or a
// hang. Most cases run in-process through the pipeline; a representative subset runs the built
// CLI. Seeded, so every run breaks the same bytes.

import { spawnSync } from 'node:child_process';
import { chmod, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.js';
import { locked, workbook, type Cell } from '../e2e/client-exports.js';
import { IS_ROOT, NOBODY, otherUserCli } from '../e2e/other-user.js';
import { EXAMPLES } from '../e2e/run-cli.js';
import {
  Random,
  SEED,
  STACK_FRAME,
  diagnoseLikeCli,
  errorLine,
  linesOf,
  reportValidator,
  runCliBounded,
  tempRoot,
  type Outcome,
} from './helpers.js';

interface BaseExport {
  name: string;
  encoding: 'utf-8' | 'gbk';
  fileName: string;
  bytes: Buffer;
  /** Files copied unchanged beside the orders export: brand.json, the session export. */
  beside: Record<string, Buffer>;
  /** Header cells of the required fields, to rename. */
  requiredHeaders: string[];
}

type SpecialFile = 'directory' | 'named pipe' | 'link to /dev/zero' | 'link to itself' | 'dangling link';

/** What a case writes into its client folder and how it asks for the run. */
interface MutationCase {
  id: number;
  category: string;
  detail: string;
  base: BaseExport;
  /** The orders export's bytes, or something else of that name: a folder, a pipe, a link. */
  orders: Buffer | SpecialFile;
  /** Pass the orders file with --orders instead of letting discovery find it. */
  explicitOrders?: boolean;
  /** chmod 000 the orders file. */
  unreadable?: boolean;
  /** Nothing was lost: the report must exist and carry the unbroken export's GMV. */
  sameGmvAsBase?: boolean;
  strict?: boolean;
  lenient?: boolean;
  /** The message a file-level case must end with: the right words, not just any exit 2. */
  expectedKey?: string;
  /** --password, for locked workbooks. */
  password?: string;
}

const RECORDS_KEPT = 200;

/** The first records of a real-looking export, each with its line break. */
function headOf(bytes: Buffer, records: number): Buffer {
  return Buffer.concat([joinLines(splitRecords(bytes).slice(0, records)), Buffer.from('\n')]);
}

async function loadBases(): Promise<BaseExport[]> {
  const huaxi = join(EXAMPLES, 'huaxi-beauty');
  const xinya = join(EXAMPLES, 'xinya-tea');
  return [
    {
      name: 'huaxi-utf8',
      encoding: 'utf-8',
      fileName: '订单明细_2024年6月.csv',
      bytes: headOf(await readFile(join(huaxi, '订单明细_2024年6月.csv')), RECORDS_KEPT),
      beside: {
        'brand.json': await readFile(join(huaxi, 'brand.json')),
        '生意通_直播场次_2024年6月.csv': await readFile(join(huaxi, '生意通_直播场次_2024年6月.csv')),
      },
      requiredHeaders: ['订单编号', '实付金额', '支付时间'],
    },
    {
      name: 'xinya-gbk',
      encoding: 'gbk',
      fileName: '快手小店订单导出_20240601-20240630.csv',
      bytes: headOf(await readFile(join(xinya, '快手小店订单导出_20240601-20240630.csv')), RECORDS_KEPT),
      beside: { 'brand.json': await readFile(join(xinya, 'brand.json')) },
      requiredHeaders: ['订单号', '实付款', '订单支付时间'],
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Mutations

function decode(base: BaseExport, bytes: Buffer): string {
  return base.encoding === 'gbk' ? iconv.decode(bytes, 'gbk') : bytes.toString('utf8');
}

function encode(base: BaseExport, text: string): Buffer {
  return base.encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
}

function truncate(bytes: Buffer, random: Random): Buffer {
  return bytes.subarray(0, 1 + random.int(bytes.length - 1));
}

function flipBytes(bytes: Buffer, random: Random): Buffer {
  const copy = Buffer.from(bytes);
  const flips = 1 + random.int(8);
  for (let i = 0; i < flips; i++) copy[random.int(copy.length)] = random.int(256);
  return copy;
}

const INJECTIONS = ['"', '"', ',', ',,', '\n', '\r', '""', ',"', '"\n', '\r\n"', '"x"', '\t'];

function inject(bytes: Buffer, random: Random): Buffer {
  let copy = bytes;
  const count = 1 + random.int(5);
  for (let i = 0; i < count; i++) {
    const at = random.int(copy.length + 1);
    copy = Buffer.concat([copy.subarray(0, at), Buffer.from(random.pick(INJECTIONS)), copy.subarray(at)]);
  }
  return copy;
}

/** Splits at LF bytes, the last piece holding what follows the final line break. */
function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, start)) {
    lines.push(bytes.subarray(start, at));
    start = at + 1;
  }
  lines.push(bytes.subarray(start));
  return lines;
}

function joinLines(lines: readonly Buffer[]): Buffer {
  return Buffer.concat(lines.flatMap((line, index) => (index === 0 ? [line] : [Buffer.from('\n'), line])));
}

/**
 * Splits at the LF bytes that end a record: those with an even count of quote bytes before them
 * (a quoted cell may hold line breaks). The last piece holds what follows the final one.
 */
function splitRecords(bytes: Buffer): Buffer[] {
  const records: Buffer[] = [];
  let start = 0;
  let quoted = false;
  for (let at = 0; at < bytes.length; at++) {
    if (bytes[at] === 0x22) quoted = !quoted;
    else if (bytes[at] === 10 && !quoted) {
      records.push(bytes.subarray(start, at));
      start = at + 1;
    }
  }
  records.push(bytes.subarray(start));
  return records;
}

/** Lines in another order, quoted line breaks and all: a sort in a spreadsheet, or a bad paste. */
function shuffleLines(bytes: Buffer, random: Random): Buffer {
  const lines = splitLines(bytes);
  const tail = lines.pop()!;
  return joinLines([...random.shuffle(lines), tail]);
}

/** The records below the header in another order: nothing is lost, so the totals must not move. */
function shuffleRecords(bytes: Buffer, random: Random, keepTop: number): Buffer {
  const records = splitRecords(bytes);
  const tail = records.pop()!;
  return joinLines([...records.slice(0, keepTop), ...random.shuffle(records.slice(keepTop)), tail]);
}

function carriageReturnsOnly(bytes: Buffer): Buffer {
  return Buffer.from(bytes.toString('latin1').replace(/\r?\n/g, '\r'), 'latin1');
}

/** Some data lines re-saved in the other encoding, as when two exports are pasted together. */
function mixEncodings(base: BaseExport, random: Random, topLines: number): Buffer {
  const lines = splitLines(base.bytes);
  const count = 1 + random.int(6);
  for (let i = 0; i < count; i++) {
    const index = topLines + random.int(lines.length - topLines - 1);
    const text = decode(base, lines[index]!);
    lines[index] = base.encoding === 'gbk' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'gbk');
  }
  return joinLines(lines);
}

function renameHeader(base: BaseExport, header: string): Buffer {
  return encode(base, decode(base, base.bytes).replace(header, `${header}_旧版`));
}

const TEN_MB = 10 * 1024 * 1024;

/** The cells of one record (no line break outside quotes), quotes undone. */
function cellsOf(record: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const char = record[i]!;
    if (quoted && char === '"' && record[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else {
      cell += char;
    }
  }
  cells.push(cell);
  return cells;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Record `index` (0 is the first line) with the cells `edit` gives back, each written as CSV. */
function editRecord(base: BaseExport, index: number, edit: (cells: string[]) => string[]): Buffer {
  const records = splitRecords(base.bytes);
  const record = decode(base, records[index]!);
  // A CRLF export keeps its CR at the end of the record, outside the last cell.
  const lineEnd = record.endsWith('\r') ? '\r' : '';
  const cells = edit(cellsOf(lineEnd ? record.slice(0, -1) : record));
  records[index] = encode(base, `${cells.join(',')}${lineEnd}`);
  return joinLines(records);
}

/** One cell of record `index` replaced by `raw`, written as it is (quoted or broken on purpose). */
function withCell(base: BaseExport, index: number, column: number, raw: string): Buffer {
  return editRecord(base, index, (cells) => cells.map((cell, at) => (at === column ? raw : csvField(cell))));
}

const PRODUCT_NAME_COLUMN = 4;

// Values a hand edit or a broken export leaves in cells; the CSV around them stays well formed.
const GARBAGE = [
  'abc',
  '',
  '-',
  'N/A',
  '1e5',
  '¥',
  '12,34',
  '2024-13-45 25:61:00',
  '99999999999999999999',
  '=1+1',
  '"quoted, comma"',
  '１２３',
  '一百',
  '-5',
  '0x1F',
  '3.14.15',
  'null',
  'line\nbreak',
  '2.40618E+18',
  '是',
  '  ',
  '¥-0.00',
  '1²',
];

/** One to four cells of random data records replaced by garbage, properly quoted. */
function garbleCells(base: BaseExport, random: Random, topLines: number): Buffer {
  let bytes = base.bytes;
  const edits = 1 + random.int(4);
  for (let i = 0; i < edits; i++) {
    const current: BaseExport = { ...base, bytes };
    const records = splitRecords(bytes);
    const index = topLines + random.int(records.length - topLines - 1);
    const width = cellsOf(decode(base, records[index]!)).length;
    const column = random.int(width);
    // GBK has no ¥ (U+00A5): a GBK sheet holds the full-width ￥.
    const garbage = random.pick(GARBAGE).replace(/¥/g, base.encoding === 'gbk' ? '￥' : '¥');
    bytes = editRecord(current, index, (cells) => cells.map((cell, at) => csvField(at === column ? garbage : cell)));
  }
  return bytes;
}

/** Lines above and including the header: huaxi has the header first, xinya a title line above. */
function topLinesOf(base: BaseExport): number {
  return base.name === 'xinya-gbk' ? 2 : 1;
}

function amountColumnOf(base: BaseExport): number {
  const header = cellsOf(decode(base, splitRecords(base.bytes)[topLinesOf(base) - 1]!));
  return header.indexOf(base.requiredHeaders[1]!);
}

function buildCases(bases: readonly BaseExport[]): MutationCase[] {
  const random = new Random(SEED);
  const cases: MutationCase[] = [];
  const add = (entry: Omit<MutationCase, 'id'>) => cases.push({ id: cases.length + 1, ...entry });

  for (const base of bases) {
    const top = topLinesOf(base);
    add({ category: 'unbroken', detail: 'the export as it is', base, orders: base.bytes, sameGmvAsBase: true });
    for (let i = 0; i < 40; i++)
      add({ category: 'truncated', detail: `cut #${i}`, base, orders: truncate(base.bytes, random) });
    for (let i = 0; i < 40; i++)
      add({ category: 'bytes flipped', detail: `flip #${i}`, base, orders: flipBytes(base.bytes, random) });
    for (let i = 0; i < 20; i++)
      add({ category: 'cells garbled', detail: `garble #${i}`, base, orders: garbleCells(base, random, top) });
    for (let i = 0; i < 40; i++) {
      add({ category: 'quotes/delimiters injected', detail: `inject #${i}`, base, orders: inject(base.bytes, random) });
    }
    for (let i = 0; i < 5; i++) {
      add({
        category: 'lines shuffled',
        detail: `data records #${i}`,
        base,
        orders: shuffleRecords(base.bytes, random, top),
        sameGmvAsBase: true,
      });
      add({ category: 'lines shuffled', detail: `all lines #${i}`, base, orders: shuffleLines(base.bytes, random) });
    }
    add({
      category: 'CRLF/LF → CR',
      detail: 'LF → CR',
      base,
      orders: carriageReturnsOnly(base.bytes),
      sameGmvAsBase: true,
    });
    const crlf = Buffer.from(base.bytes.toString('latin1').replace(/\n/g, '\r\n'), 'latin1');
    add({ category: 'CRLF/LF → CR', detail: 'CRLF', base, orders: crlf, sameGmvAsBase: true });
    add({
      category: 'CRLF/LF → CR',
      detail: 'CRLF → CR',
      base,
      orders: carriageReturnsOnly(crlf),
      sameGmvAsBase: true,
    });
    for (let i = 0; i < 10; i++) {
      add({ category: 'UTF-8 and GBK mixed', detail: `mix #${i}`, base, orders: mixEncodings(base, random, top) });
    }
    for (const header of base.requiredHeaders) {
      add({ category: 'required header renamed', detail: header, base, orders: renameHeader(base, header) });
    }
  }

  const [utf8, gbk] = bases as [BaseExport, BaseExport];
  const name = csvField('好物,推荐\n'.repeat(TEN_MB / 16));
  const nameColumn = PRODUCT_NAME_COLUMN;
  add({
    category: '10 MB single field',
    detail: 'quoted product name',
    base: utf8,
    orders: withCell(utf8, 1, nameColumn, name),
  });
  add({
    category: '10 MB single field',
    detail: 'unquoted product name',
    base: utf8,
    orders: withCell(utf8, 1, nameColumn, 'x'.repeat(TEN_MB)),
  });
  add({
    category: '10 MB single field',
    detail: 'amount cell',
    base: utf8,
    orders: withCell(utf8, 2, amountColumnOf(utf8), '9'.repeat(TEN_MB)),
  });
  add({
    category: '10 MB single field',
    detail: 'quote never closed',
    base: utf8,
    orders: withCell(utf8, 1, nameColumn, `"${'y'.repeat(TEN_MB)}`),
  });
  add({
    category: '10 MB single field',
    detail: 'GBK quoted product name',
    base: gbk,
    orders: withCell(gbk, 2, nameColumn, name),
  });
  // Beyond the 32 MB record limit: stopped there, and told apart by whether a quote is open.
  const beyondLimit = `"${'z'.repeat(4 * TEN_MB)}`;
  add({
    category: '10 MB single field',
    detail: '40 MB, a quote never closed',
    base: utf8,
    orders: withCell(utf8, 1, nameColumn, beyondLimit),
    expectedKey: 'ingest.file.unclosedQuote',
  });
  add({
    category: '10 MB single field',
    detail: '40 MB, no quote',
    base: utf8,
    orders: withCell(utf8, 1, nameColumn, beyondLimit.slice(1)),
    expectedKey: 'ingest.file.malformed',
  });

  for (const base of bases) {
    add({
      category: 'file of 0 bytes',
      detail: base.name,
      base,
      orders: Buffer.alloc(0),
      expectedKey: 'ingest.file.empty',
    });
    add({
      category: 'file that is a directory',
      detail: `${base.name}, discovered`,
      base,
      orders: 'directory',
      expectedKey: 'ingest.noOrders',
    });
    const explicit = { explicitOrders: true, expectedKey: 'ingest.file.isDirectory' };
    add({
      category: 'file that is a directory',
      detail: `${base.name}, --orders`,
      base,
      orders: 'directory',
      ...explicit,
    });
    const unreadable = { unreadable: true, expectedKey: 'ingest.file.noPermission' };
    add({ category: 'file with no read permission', detail: base.name, base, orders: base.bytes, ...unreadable });
  }

  const randomBytes = Buffer.alloc(64 * 1024);
  for (let i = 0; i < randomBytes.length; i++) randomBytes[i] = random.int(256);
  const withNul = Buffer.from(utf8.bytes);
  withNul[Math.floor(withNul.length / 2)] = 0;
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8.bytes.toString('utf8'), 'utf16le')]);
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  const headerOnly = splitLines(utf8.bytes)[0]!;
  const badRows = [
    decode(utf8, headerOnly),
    ...Array.from(
      { length: 50_000 },
      (_, index) =>
        `2406${String(index).padStart(15, '0')},2024-06-01 08:31:04,2024-06-01 08:34:37,1,面膜,1,N/A?,已完成,,,自营,直播间,,,,,,`,
    ),
  ];
  badRows.push(decode(utf8, splitLines(utf8.bytes)[1]!));
  const wide = `${decode(utf8, headerOnly)}\n${Array.from({ length: 20_000 }, (_, index) => String(index)).join(',')}\n`;
  const odd: Array<[string, Buffer, string?]> = [
    ['random bytes', randomBytes, 'ingest.file.binary'],
    ['a NUL byte', withNul, 'ingest.file.binary'],
    ['UTF-16 LE', utf16],
    [
      'Excel workbook',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes.subarray(0, 4096)]),
      'ingest.file.badWorkbook',
    ],
    ['BOM twice', Buffer.concat([bom, bom, utf8.bytes])],
    ['header only', Buffer.concat([headerOnly, Buffer.from('\n')]), 'ingest.file.headerOnly'],
    ['blank lines only', Buffer.from('\n\r\n\n   \n'), 'ingest.file.noRows'],
    ['25 title lines', Buffer.concat([Buffer.from('导出说明,第一行\n'.repeat(25)), utf8.bytes])],
    ['50,000 bad rows (error collection bounded)', Buffer.from(`${badRows.join('\n')}\n`)],
    ['a row 20,000 cells wide', Buffer.from(wide), 'ingest.file.tooManyColumns'],
  ];
  for (const [detail, bytes, expectedKey] of odd)
    add({ category: 'other broken files', detail, base: utf8, orders: bytes, expectedKey });
  const specials: Array<[SpecialFile, string]> = [
    ['named pipe', 'ingest.file.notRegular'],
    ['link to /dev/zero', 'ingest.file.notRegular'],
    ['link to itself', 'ingest.file.unreadable'],
    ['dangling link', 'ingest.file.notFound'],
  ];
  for (const [special, expectedKey] of specials) {
    add({ category: 'not a regular file', detail: special, base: utf8, orders: special, expectedKey });
  }

  const unclosed = withCell(utf8, 100, PRODUCT_NAME_COLUMN, '"面膜');
  const badAmount = withCell(utf8, 5, amountColumnOf(utf8), '"12;34"');
  add({
    category: '--strict / --lenient',
    detail: '--lenient, a quote never closed',
    base: utf8,
    orders: unclosed,
    lenient: true,
  });
  add({
    category: '--strict / --lenient',
    detail: '--strict, a bad amount',
    base: utf8,
    orders: badAmount,
    strict: true,
  });
  add({ category: '--strict / --lenient', detail: 'a bad amount', base: utf8, orders: badAmount });
  return cases;
}

// ---------------------------------------------------------------------------------------------
// Running and judging

async function writeCase(root: string, entry: MutationCase): Promise<{ dir: string; ordersPath: string }> {
  const dir = join(root, `case-${entry.id}`);
  await mkdir(dir, { recursive: true });
  for (const [file, bytes] of Object.entries(entry.base.beside)) await writeFile(join(dir, file), bytes);
  const ordersPath = join(dir, entry.base.fileName);
  await writeOrders(ordersPath, entry.orders);
  if (entry.unreadable) await chmod(ordersPath, 0o000);
  return { dir, ordersPath };
}

async function writeOrders(path: string, orders: Buffer | SpecialFile): Promise<void> {
  if (Buffer.isBuffer(orders)) return writeFile(path, orders);
  switch (orders) {
    case 'directory':
      return void (await mkdir(path));
    case 'named pipe':
      // A pipe nobody writes to: reading it would wait for ever.
      return void spawnSync('mkfifo', [path]);
    case 'link to /dev/zero':
      return symlink('/dev/zero', path);
    case 'link to itself':
      return symlink(path, path);
    case 'dangling link':
      return symlink(`${path}.gone`, path);
  }
}

/**
 * The same export as a workbook (its records as sheet rows, title lines included), and broken
 * the ways a workbook breaks: cut short, locked, locked with the wrong password, no header row,
 * a 10 MB cell. Workbooks are read by their bytes, so the orders file keeps its name.
 */
async function workbookCases(base: BaseExport, firstId: number): Promise<MutationCase[]> {
  const records = splitRecords(base.bytes).map((record) => cellsOf(decode(base, record).replace(/\r?\n$/, '')));
  const rows: Cell[][] = records.filter((cells) => cells.some((cell) => cell !== ''));
  const whole = await workbook({ 订单: rows });
  const headerAt = rows.findIndex((cells) => cells.includes(base.requiredHeaders[0]!));
  const withBigCell = rows.map((cells) => [...cells]);
  withBigCell[headerAt + 2]![PRODUCT_NAME_COLUMN] = 'x'.repeat(TEN_MB);
  const entries: Omit<MutationCase, 'id'>[] = [
    { category: 'workbooks', detail: 'the export as a workbook', base, orders: whole, sameGmvAsBase: true },
    {
      category: 'workbooks',
      detail: 'a workbook cut short',
      base,
      orders: whole.subarray(0, whole.length >> 1),
      expectedKey: 'ingest.file.badWorkbook',
    },
    {
      category: 'workbooks',
      detail: 'a locked workbook, no password',
      base,
      orders: locked(whole, 'ks-2024'),
      expectedKey: 'ingest.file.locked',
    },
    {
      category: 'workbooks',
      detail: 'a locked workbook, wrong password',
      base,
      orders: locked(whole, 'ks-2024'),
      password: 'ks-2025',
      expectedKey: 'ingest.file.wrongPassword',
    },
    {
      category: 'workbooks',
      detail: 'a locked workbook, its password',
      base,
      orders: locked(whole, 'ks-2024'),
      password: 'ks-2024',
      sameGmvAsBase: true,
    },
    {
      category: 'workbooks',
      detail: 'a sheet with no header row',
      base,
      orders: await workbook({ 订单: rows.slice(headerAt + 1) }),
      expectedKey: 'ingest.noOrdersRecognised',
    },
    { category: 'workbooks', detail: 'a 10 MB cell', base, orders: await workbook({ 订单: withBigCell }) },
  ];
  return entries.map((entry, index) => ({ id: firstId + index, ...entry }));
}

function pipelineOptions(entry: MutationCase, dir: string, ordersPath: string) {
  return {
    password: entry.password ?? null,
    dir,
    overrides: entry.explicitOrders ? { orders: [ordersPath] } : undefined,
    strict: entry.strict ?? false,
    lenient: entry.lenient ?? false,
  };
}

function cliArgs(entry: MutationCase, dir: string, ordersPath: string): string[] {
  const args = ['diagnose', dir, '--json', '--lang', 'en'];
  if (entry.explicitOrders) args.push('--orders', ordersPath);
  if (entry.strict) args.push('--strict');
  if (entry.lenient) args.push('--lenient');
  if (entry.password !== undefined) args.push('--password', entry.password);
  return args;
}

interface Judgement {
  code: 0 | 2 | 'other';
  skippedRows: number;
  problems: string[];
  messageKey: string | null;
}

async function judge(
  entry: MutationCase,
  dir: string,
  outcome: Outcome,
  baseGmv: Map<string, number>,
): Promise<Judgement> {
  const problems: string[] = [];
  if (outcome.code === 'hang')
    return { code: 'other', skippedRows: 0, problems: ['did not finish: a hang'], messageKey: null };
  if (outcome.code === 'internal') {
    const error = outcome.error;
    const text =
      error instanceof Error ? `${error.message} ${error.stack?.split('\n')[1]?.trim() ?? ''}` : String(error);
    return { code: 'other', skippedRows: 0, problems: [`would be an internal error: ${text}`], messageKey: null };
  }
  if (outcome.code === 2) {
    const { message, error } = outcome;
    if (/[\r\n]/.test(message)) problems.push(`message is not one line: ${JSON.stringify(message)}`);
    if (!message.includes(dir)) problems.push(`message names neither the file nor the folder: ${message}`);
    const line = errorLine(error);
    if (line !== null && !message.includes(`line ${line}`))
      problems.push(`message does not give line ${line}: ${message}`);
    if (STACK_FRAME.test(message)) problems.push(`message holds a stack frame: ${message}`);
    if (entry.sameGmvAsBase) problems.push(`nothing was broken, yet exit 2: ${message}`);
    if (entry.expectedKey && error.detail.key !== entry.expectedKey)
      problems.push(`${error.detail.key} instead of ${entry.expectedKey}: ${message}`);
    return { code: 2, skippedRows: 0, problems, messageKey: error.detail.key };
  }
  const report = JSON.parse(outcome.json) as Report;
  const validate = await reportValidator();
  for (const problem of validate(report))
    problems.push(`report breaks the schema at ${problem.path}: ${problem.message}`);
  let skippedRows = 0;
  for (const input of report.inputs) {
    skippedRows += input.skippedRows;
    if (input.issueCount !== input.skippedRows + input.duplicateRows) {
      problems.push(
        `${input.path}: ${input.issueCount} issues for ${input.skippedRows} skipped and ${input.duplicateRows} duplicate rows`,
      );
    }
    if (input.issues.length !== Math.min(10, input.issueCount))
      problems.push(`${input.path}: ${input.issues.length} issues kept in full`);
    for (const issue of input.issues) {
      if ((issue.value ?? '').length > 81)
        problems.push(`${input.path}: an issue holds a ${issue.value!.length}-character value`);
      if (issue.line < 1) problems.push(`${input.path}: an issue on line ${issue.line}`);
    }
  }
  if (entry.expectedKey) problems.push(`exit 0 instead of ${entry.expectedKey}`);
  if (entry.sameGmvAsBase && report.metrics.gmv !== baseGmv.get(entry.base.name)) {
    problems.push(`GMV ${String(report.metrics.gmv)} instead of ${String(baseGmv.get(entry.base.name))}`);
  }
  return { code: 0, skippedRows, problems, messageKey: null };
}

interface Tally {
  cases: number;
  exit0: number;
  exit0Skipped: number;
  exit2: number;
  other: number;
  keys: Map<string, number>;
}

const tallies = new Map<string, Tally>();
let cliCases = 0;
let cliMatched = 0;
let started = 0;

function count(category: string, judgement: Judgement): void {
  const tally = tallies.get(category) ?? { cases: 0, exit0: 0, exit0Skipped: 0, exit2: 0, other: 0, keys: new Map() };
  tally.cases++;
  if (judgement.code === 0) {
    tally.exit0++;
    if (judgement.skippedRows > 0) tally.exit0Skipped++;
  } else if (judgement.code === 2) {
    tally.exit2++;
    tally.keys.set(judgement.messageKey!, (tally.keys.get(judgement.messageKey!) ?? 0) + 1);
  } else {
    tally.other++;
  }
  tallies.set(category, tally);
}

function summaryLines(seconds: number): string[] {
  const all = [...tallies.values()];
  const sum = (pick: (tally: Tally) => number) => all.reduce((total, tally) => total + pick(tally), 0);
  const lines = [
    `mutation suite: ${sum((t) => t.cases)} cases in ${tallies.size} categories, ${seconds.toFixed(1)} s · ` +
      `exit 0: ${sum((t) => t.exit0)} (${sum((t) => t.exit0Skipped)} with skipped rows reported) · ` +
      `exit 2 with a one-line message: ${sum((t) => t.exit2)} · other: ${sum((t) => t.other)} · ` +
      `built CLI: ${cliMatched}/${cliCases} cases agree`,
  ];
  for (const [category, tally] of tallies) {
    const keys = [...tally.keys].map(([key, times]) => `${key.replace(/^ingest\./, '')}×${times}`).join(', ');
    lines.push(
      `  ${category}: ${tally.cases} · exit 0: ${tally.exit0} (${tally.exit0Skipped} skipped rows) · exit 2: ${tally.exit2}${keys ? ` [${keys}]` : ''} · other: ${tally.other}`,
    );
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------

let bases: BaseExport[] = [];
let cases: MutationCase[] = [];
let root = '';
let workbookCaseList: MutationCase[] = [];
const baseGmv = new Map<string, number>();

beforeAll(async () => {
  started = performance.now();
  bases = await loadBases();
  cases = buildCases(bases);
  workbookCaseList = await workbookCases(bases[0]!, cases.length + 1);
  root = await tempRoot('mutation');
  // The permission case runs as another user when the suite runs as root: it must reach the folder.
  await chmod(root, 0o755);
});

afterAll(() => {
  if (tallies.size > 0) console.log(summaryLines((performance.now() - started) / 1000).join('\n'));
});

// How many cases of each category also run the built CLI (spawning costs ~0.3 s a run).
const CLI_PER_CATEGORY: Record<string, number> = {
  unbroken: 2,
  '10 MB single field': 2,
  'file that is a directory': 2,
  'other broken files': 3,
  'not a regular file': 2,
  '--strict / --lenient': 3,
};
// These take one case of each export, UTF-8 and GBK; the other categories one case in all.
const CLI_PER_EXPORT = new Set([
  'truncated',
  'bytes flipped',
  'cells garbled',
  'UTF-8 and GBK mixed',
  'file with no read permission',
]);

function runsTheCli(entry: MutationCase, seen: Map<string, number>): boolean {
  const perExport = CLI_PER_EXPORT.has(entry.category);
  const key = perExport ? `${entry.category}/${entry.base.name}` : entry.category;
  const times = seen.get(key) ?? 0;
  if (times >= (perExport ? 1 : (CLI_PER_CATEGORY[entry.category] ?? 1))) return false;
  seen.set(key, times + 1);
  return true;
}

describe('mutation suite over a real-looking orders export', () => {
  it('ends every case in exit 0 with a valid report or exit 2 with one line naming the file', async () => {
    const failures: string[] = [];
    for (const entry of cases) {
      if (entry.unreadable && IS_ROOT) continue; // root reads anything: the built CLI runs it as nobody below
      const { dir, ordersPath } = await writeCase(root, entry);
      const outcome = await diagnoseLikeCli(pipelineOptions(entry, dir, ordersPath));
      if (entry.category === 'unbroken' && outcome.code === 0)
        baseGmv.set(entry.base.name, outcome.report.metrics.gmv as number);
      const judgement = await judge(entry, dir, outcome, baseGmv);
      count(entry.category, judgement);

      for (const problem of judgement.problems)
        failures.push(`#${entry.id} ${entry.category} (${entry.base.name}, ${entry.detail}): ${problem}`);
      if (entry.unreadable) await chmod(ordersPath, 0o644);
      await rm(dir, { recursive: true, force: true });
    }
    expect(failures).toEqual([]);
    expect(baseGmv.size).toBe(2);
  });

  it('ends the same way through the built CLI: exit 0 or 2, one line, no stack trace, a report that passes the schema', async () => {
    const validate = await reportValidator();
    const seen = new Map<string, number>();
    const failures: string[] = [];
    const nobody = IS_ROOT ? otherUserCli() : null;
    const cannotRunAsNobody = nobody !== null && 'skip' in nobody ? nobody.skip : null;
    for (const entry of cases.filter((each) => runsTheCli(each, seen))) {
      if (entry.unreadable && IS_ROOT && cannotRunAsNobody !== null) {
        console.warn(`skipped #${entry.id} ${entry.category}: ${cannotRunAsNobody}`);
        continue;
      }
      const { dir, ordersPath } = await writeCase(root, entry);
      const inProcess =
        entry.unreadable && IS_ROOT ? null : await diagnoseLikeCli(pipelineOptions(entry, dir, ordersPath));
      const run = runCliBounded(cliArgs(entry, dir, ordersPath), entry.unreadable && IS_ROOT ? { uid: NOBODY } : {});
      const label = `#${entry.id} ${entry.category} (${entry.base.name}, ${entry.detail})`;
      const problems: string[] = [];
      if (run.signal !== null) problems.push(`killed by ${run.signal}: a hang or a crash`);
      if (run.code !== 0 && run.code !== 2) problems.push(`exit ${String(run.code)}`);
      if (STACK_FRAME.test(run.stderr) || /Internal error/i.test(run.stderr)) problems.push(`stderr: ${run.stderr}`);
      if (run.code === 2) {
        const lines = linesOf(run.stderr);
        if (lines.length !== 1 || !lines[0]!.startsWith('Error: '))
          problems.push(`stderr is not one error line: ${JSON.stringify(run.stderr)}`);
        if (entry.unreadable && !/permission denied/.test(run.stderr))
          problems.push(`no word of the permission: ${run.stderr}`);
      }
      if (run.code === 0) {
        const schemaProblems = validate(JSON.parse(run.stdout));
        if (schemaProblems.length > 0)
          problems.push(`report breaks the schema: ${JSON.stringify(schemaProblems.slice(0, 3))}`);
      }
      if (inProcess !== null && inProcess.code !== run.code)
        problems.push(`exit ${String(run.code)} but ${String(inProcess.code)} in-process`);
      if (entry.unreadable) await chmod(ordersPath, 0o644);
      await rm(dir, { recursive: true, force: true });
      cliCases++;
      if (problems.length === 0) cliMatched++;
      else failures.push(...problems.map((problem) => `${label}: ${problem}`));
      if (entry.unreadable && IS_ROOT)
        count(entry.category, {
          code: run.code === 2 ? 2 : 'other',
          skippedRows: 0,
          problems,
          messageKey: 'ingest.file.noPermission',
        });
    }
    expect(failures).toEqual([]);
    expect(cliCases).toBeGreaterThanOrEqual(20);
  });
});

describe('mutation suite over the same export as a workbook', () => {
  // Decrypting a locked workbook derives its key with 100,000 SHA-512 rounds in pure JS: seconds.
  it('ends every workbook case in exit 0 with the CSV GMV or exit 2 with one line, in process and through the CLI', async () => {
    const failures: string[] = [];
    for (const entry of workbookCaseList) {
      const { dir, ordersPath } = await writeCase(root, entry);
      const judgement = await judge(
        entry,
        dir,
        await diagnoseLikeCli(pipelineOptions(entry, dir, ordersPath)),
        baseGmv,
      );
      count(entry.category, judgement);
      const run = runCliBounded(cliArgs(entry, dir, ordersPath), {});
      const label = `#${entry.id} ${entry.detail}`;
      for (const problem of judgement.problems) failures.push(`${label}: ${problem}`);
      if (run.code !== 0 && run.code !== 2) failures.push(`${label}: CLI exit ${String(run.code)}`);
      if (STACK_FRAME.test(run.stderr)) failures.push(`${label}: stderr ${run.stderr}`);
      if (run.code === 2 && linesOf(run.stderr).length !== 1) failures.push(`${label}: ${JSON.stringify(run.stderr)}`);
      await rm(dir, { recursive: true, force: true });
    }
    expect(failures).toEqual([]);
  }, 240_000);
});

describe('what the suite found wanting in the messages', () => {
  it('names a quote opening inside an unquoted cell as a misplaced quote, in Chinese too', async () => {
    const root = await tempRoot('quote');
    const dir = join(root, 'acme');
    await mkdir(dir);
    const bases = await loadBases();
    await writeFile(join(dir, 'orders.csv'), withCell(bases[0]!, 3, PRODUCT_NAME_COLUMN, '面膜"10片'));
    const outcome = await diagnoseLikeCli({ dir });
    expect(outcome.code).toBe(2);
    if (outcome.code !== 2) return;
    expect(outcome.error.detail).toMatchObject({ key: 'ingest.file.badQuote', params: { line: '4' } });
  });
});
