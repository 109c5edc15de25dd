// The fast reader against its twin, csv-parse (the reference reader): over every example
// export, generated 快手小店 exports (UTF-8 and GBK, LF and CRLF, quoted commas, quotes and line
// breaks), seeded byte mutations of them and fast-check's files of arbitrary cells, both must
// hand the row rules the same records on the same lines (the read cells identical, every row
// as blank or not), end the same way, and give the same report, row errors and exit code.
// A case only counts for the fast reader when it did read it: each clean export must be read
// without csv-parse taking over, and the mutations must send some files back to csv-parse.

import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: the generator is plain JavaScript shared with the benchmark
import { writeOrdersExport } from '../../bench/generate.mjs';
import { readCsvRecords, type CsvReadResult } from '../../src/ingest/csv.js';
import { readRecords } from '../../src/ingest/fast/read.js';
import { EXAMPLES, runCli } from '../e2e/run-cli.js';
import { Random, SEED, diagnoseLikeCli, tempRoot, type Outcome } from '../robustness/helpers.js';

interface Record {
  line: number;
  cells: string[];
}

interface Reading {
  records: Record[];
  result: CsvReadResult;
  declined: string | null;
}

const isBlank = (cells: readonly string[]): boolean => cells.every((cell) => cell.trim() === '');

async function readReference(path: string): Promise<Reading> {
  const records: Record[] = [];
  const result = await readCsvRecords(path, (cells, line) => {
    records.push({ line, cells: [...cells] });
    return true;
  });
  return { records, result, declined: null };
}

/** The fast reader, wanting only `mask` columns from the second record on (as after a header). */
async function readFast(path: string, mask: Uint8Array | null): Promise<Reading> {
  const records: Record[] = [];
  let declined: string | null = null;
  const result = await readRecords(
    path,
    (cells, line) => {
      records.push({ line, cells: [...cells] });
      return true;
    },
    undefined,
    undefined,
    () => (records.length === 0 ? null : mask),
    (why) => (declined = why),
  );
  return { records, result, declined };
}

/** The same records as the reference reader gives, as the row rules see them. */
function expectSameRecords(fast: Reading, reference: Reading, mask: Uint8Array | null): void {
  expect(fast.result).toEqual(reference.result);
  expect(fast.records.length).toBe(reference.records.length);
  fast.records.forEach((record, at) => {
    const twin = reference.records[at]!;
    expect(record.line).toBe(twin.line);
    expect(record.cells.length).toBe(twin.cells.length);
    expect(isBlank(record.cells)).toBe(isBlank(twin.cells));
    const selective = at > 0 && mask !== null;
    record.cells.forEach((cell, column) => {
      if (!selective || column >= mask.length || mask[column] === 1) expect(cell).toBe(twin.cells[column]);
    });
  });
}

/** Columns 0, 2, 3 and 7 (of a 17-column export): ids, amounts, times and blanks around them. */
function someColumns(width: number): Uint8Array {
  const mask = new Uint8Array(width);
  for (const column of [0, 2, 3, 7]) if (column < width) mask[column] = 1;
  return mask;
}

async function compareReaders(path: string): Promise<{ declined: string | null }> {
  const reference = await readReference(path);
  const whole = await readFast(path, null);
  expectSameRecords(whole, reference, null);
  const width = reference.records[1]?.cells.length ?? 17;
  const part = await readFast(path, someColumns(width));
  expectSameRecords(part, reference, someColumns(width));
  return { declined: whole.declined };
}

/** The pipeline's outcome (report JSON, or the one error line) with the reader chosen by environment. */
async function outcomeWith(reader: 'fast' | 'csv-parse', dir: string): Promise<string> {
  const before = process.env.STEPS_DOCTOR_READER;
  process.env.STEPS_DOCTOR_READER = reader;
  try {
    return describeOutcome(await diagnoseLikeCli({ dir, threads: 1 }));
  } finally {
    if (before === undefined) delete process.env.STEPS_DOCTOR_READER;
    else process.env.STEPS_DOCTOR_READER = before;
  }
}

function describeOutcome(outcome: Outcome): string {
  if (outcome.code === 0) return outcome.json;
  if (outcome.code === 2)
    return `exit 2: ${outcome.message} (line ${String((outcome.error as { line?: unknown }).line)})`;
  return `exit ${outcome.code}: ${String((outcome as { error?: unknown }).error)}`;
}

afterEach(() => {
  delete process.env.STEPS_DOCTOR_READER;
});

async function csvFilesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.csv')) found.push(join(entry.parentPath, entry.name));
  }
  return found.sort();
}

const BRAND = JSON.stringify({ name: '山野食品', category: 'food' });

/** A client folder with one generated orders export; returns the folder and the export's path. */
async function generatedClient(root: string, name: string, options: object): Promise<{ dir: string; file: string }> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'brand.json'), BRAND);
  const file = join(dir, '订单导出_202406.csv');
  await writeOrdersExport(file, options);
  return { dir, file };
}

const gbk = (text: string): Buffer => iconv.encode(text, 'gbk');

interface Summary {
  inputs: { duplicateRows: number }[];
  metrics: { gmv: number };
  warnings: string[];
}

const GENERATED = [
  { name: 'utf8-crlf-bom', options: { lines: 4000, seed: 1 } },
  { name: 'utf8-lf', options: { lines: 4000, seed: 2, eol: '\n', bom: false } },
  { name: 'gbk-crlf', options: { lines: 4000, seed: 3, bom: false, encode: gbk } },
  { name: 'gbk-lf-broken', options: { lines: 4000, seed: 4, eol: '\n', bom: false, encode: gbk, brokenEvery: 97 } },
  { name: 'utf8-duplicates', options: { lines: 3000, seed: 5, duplicateRate: 0.05, farDuplicates: 40 } },
];

describe('the fast reader reads as csv-parse does', () => {
  it('on every example export, without csv-parse taking over, with the same reports', async () => {
    const files = await csvFilesUnder(EXAMPLES);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const { declined } = await compareReaders(file);
      expect({ file, declined }).toEqual({ file, declined: null });
    }
    for (const brand of await readdir(EXAMPLES, { withFileTypes: true })) {
      if (!brand.isDirectory()) continue;
      const dir = join(EXAMPLES, brand.name);
      expect(await outcomeWith('fast', dir)).toBe(await outcomeWith('csv-parse', dir));
    }
  }, 120_000);

  it('on ids pasted with a BOM, a zero-width space or full-width digits: the same records, the same report', async () => {
    const root = await tempRoot('steps-readers-ids-');
    const { dir, file } = await generatedClient(root, 'ids', { lines: 3000, seed: 6, eol: '\n', bom: false });
    const lines = (await readFile(file, 'utf8')).split('\n');
    const fullWidth = (id: string): string =>
      id.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
    const hide = [
      (id: string) => `\ufeff${id}`,
      (id: string) => `\u200b${id}`,
      (id: string) => `${id}\u2060`,
      fullWidth,
    ];
    // Copies of successful lines (an unquoted order id first), each id disguised one way.
    const copies = lines
      .slice(2)
      .filter((line) => line.includes(',交易成功,-,-,') && /^\d+,/.test(line))
      .slice(0, 8)
      .map((line, index) => {
        const [id = '', ...rest] = line.split(',');
        return [hide[index % hide.length]!(id), ...rest].join(',');
      });
    expect(copies).toHaveLength(8);
    const before = JSON.parse(await outcomeWith('fast', dir)) as Summary;
    await writeFile(file, [...lines.slice(0, -1), ...copies, ''].join('\n'));
    const { declined } = await compareReaders(file);
    expect(declined).toBeNull();
    const fast = await outcomeWith('fast', dir);
    expect(fast).toBe(await outcomeWith('csv-parse', dir));
    // Each copy is the order it shows: counted once, reported as a duplicate, and said so.
    const after = JSON.parse(fast) as Summary;
    expect(after.inputs[0]!.duplicateRows).toBe(before.inputs[0]!.duplicateRows + 8);
    expect(after.metrics.gmv).toBe(before.metrics.gmv);
    expect(after.warnings.filter((warning) => warning.includes(': 8 ids'))).toHaveLength(1);
  }, 120_000);

  it('on generated 快手小店 exports: UTF-8 and GBK, LF and CRLF, broken rows and pasted copies', async () => {
    const root = await tempRoot('steps-readers-');
    for (const { name, options } of GENERATED) {
      const { dir, file } = await generatedClient(root, name, options);
      const { declined } = await compareReaders(file);
      expect({ name, declined }).toEqual({ name, declined: null });
      expect(await outcomeWith('fast', dir)).toBe(await outcomeWith('csv-parse', dir));
    }
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------
// Mutations: the ways a download, a hand edit or a spreadsheet breaks an export

type Mutation = (bytes: Buffer, random: Random) => Buffer;

function at(bytes: Buffer, random: Random): number {
  return random.int(bytes.length);
}

function insert(bytes: Buffer, offset: number, inserted: Buffer | string): Buffer {
  return Buffer.concat([bytes.subarray(0, offset), Buffer.from(inserted), bytes.subarray(offset)]);
}

/** The offset just after the n-th line feed, to put something at a line's start. */
function lineStart(bytes: Buffer, random: Random): number {
  let offset = 0;
  for (let lines = 1 + random.int(200); lines > 0; lines--) {
    const next = bytes.indexOf(10, offset);
    if (next === -1) break;
    offset = next + 1;
  }
  return offset;
}

const MUTATIONS: { [name: string]: Mutation } = {
  'a quote inserted': (bytes, random) => insert(bytes, at(bytes, random), '"'),
  'a comma inserted': (bytes, random) => insert(bytes, at(bytes, random), ','),
  'a line feed inserted': (bytes, random) => insert(bytes, at(bytes, random), '\n'),
  'a bare CR inserted': (bytes, random) => insert(bytes, at(bytes, random), '\r'),
  'a byte deleted': (bytes, random) => {
    const offset = at(bytes, random);
    return Buffer.concat([bytes.subarray(0, offset), bytes.subarray(offset + 1)]);
  },
  'cut short': (bytes, random) => bytes.subarray(0, at(bytes, random)),
  'a NUL byte': (bytes, random) => insert(bytes, at(bytes, random), Buffer.from([0])),
  'an invalid byte': (bytes, random) => insert(bytes, at(bytes, random), Buffer.from([0xff, 0xfe, 0x80])),
  'a whitespace-only row': (bytes, random) => insert(bytes, lineStart(bytes, random), ' ,\t, ,\u3000,\u00a0\r\n'),
  'an empty row': (bytes, random) => insert(bytes, lineStart(bytes, random), '\r\n'),
  'a ragged row': (bytes, random) => insert(bytes, lineStart(bytes, random), 'a,b,c\r\n'),
  'trailing empty cells': (bytes, random) => insert(bytes, lineStart(bytes, random), '1,2,3,,,,,,,,,,,,,,,,,,\r\n'),
  'an LF line in a CRLF file': (bytes, random) => {
    const offset = bytes.indexOf('\r\n', lineStart(bytes, random));
    return offset === -1 ? bytes : Buffer.concat([bytes.subarray(0, offset), bytes.subarray(offset + 1)]);
  },
  'text after a closing quote': (bytes) => {
    const offset = bytes.indexOf('",');
    return offset === -1 ? bytes : insert(bytes, offset + 1, 'x');
  },
  'a quote cell never closed': (bytes, random) => insert(bytes, lineStart(bytes, random), '"never closed,'),
  'a UTF-8 row in a GBK file': (bytes, random) => insert(bytes, lineStart(bytes, random), '订单,中文\r\n'),
  'a row of 1,001 cells': (bytes, random) => insert(bytes, lineStart(bytes, random), `${'x,'.repeat(1000)}x\r\n`),
  'a row of 1,500 cells': (bytes, random) => insert(bytes, lineStart(bytes, random), `${'x,'.repeat(1499)}x\r\n`),
};

describe('the fast reader on broken exports', () => {
  it('gives the rows, row errors, reports and exit codes csv-parse gives, over every mutation', async () => {
    const root = await tempRoot('steps-readers-mutated-');
    const random = new Random(SEED);
    const declinedBy = new Set<string>();
    let readFast = 0;
    let cases = 0;
    for (const [index, { name, options }] of GENERATED.slice(0, 3).entries()) {
      const base = await generatedClient(root, `base-${name}`, { ...options, lines: 800 });
      const bytes = await readFile(base.file);
      for (const [mutation, mutate] of Object.entries(MUTATIONS)) {
        for (let copy = 0; copy < 2; copy++) {
          const dir = join(root, `${index}-${cases++}`);
          await mkdir(dir, { recursive: true });
          await writeFile(join(dir, 'brand.json'), BRAND);
          const file = join(dir, '订单导出_202406.csv');
          await writeFile(file, mutate(bytes, random));
          const { declined } = await compareReaders(file);
          if (declined === null) readFast++;
          else declinedBy.add(mutation);
          const fast = await outcomeWith('fast', dir);
          expect({ name, mutation, outcome: fast }).toEqual({
            name,
            mutation,
            outcome: await outcomeWith('csv-parse', dir),
          });
        }
      }
    }
    // Neither reader took every case: the comparison covers both what the scanner reads and what it hands on.
    expect(readFast).toBeGreaterThan(cases / 4);
    expect(declinedBy.size).toBeGreaterThan(4);
  }, 300_000);

  it('exits with the same code and says the same thing from the built CLI', async () => {
    const root = await tempRoot('steps-readers-cli-');
    const random = new Random(SEED + 1);
    const base = await generatedClient(root, 'base', { lines: 500, seed: 9 });
    const bytes = await readFile(base.file);
    const chosen = ['a quote cell never closed', 'a ragged row', 'a NUL byte', 'a whitespace-only row', 'cut short'];
    for (const mutation of chosen) {
      const dir = join(root, mutation.replaceAll(' ', '-'));
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'brand.json'), BRAND);
      await writeFile(join(dir, '订单导出_202406.csv'), MUTATIONS[mutation]!(bytes, random));
      const args = ['diagnose', dir, '--json', '--lang', 'zh'];
      const fast = runCli(args, { timeoutMs: 30_000 });
      const reference = runCli(args, { env: { STEPS_DOCTOR_READER: 'csv-parse' }, timeoutMs: 30_000 });
      const withoutTime = (text: string): string => text.replace(/"generatedAt": "[^"]*"/, '');
      expect({ mutation, code: fast.code, stderr: fast.stderr, stdout: withoutTime(fast.stdout) }).toEqual({
        mutation,
        code: reference.code,
        stderr: reference.stderr,
        stdout: withoutTime(reference.stdout),
      });
    }
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------
// Property: files of arbitrary cells

/**
 * Cells made of the characters that decide CSV structure, blankness and encoding: UTF-8 of one
 * to four bytes (👑 is a surrogate pair), and a run long enough that the read cells on both
 * sides of an unread one are decoded as separate stretches (scan.ts, MAX_UNREAD_GAP).
 */
const LONG_RUN = '地址'.repeat(40);
const cellText = fc
  .array(
    fc.constantFrom(
      'a',
      '1',
      ' ',
      '\t',
      ',',
      '"',
      '\n',
      '\r\n',
      '\r',
      '中',
      '¥',
      '👑',
      '\u3000',
      '\u00a0',
      '""',
      LONG_RUN,
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

/** A cell as a writer would put it: quoted when it must be (or at random), else as it is. */
const writtenCell = fc.tuple(cellText, fc.boolean()).map(([text, quote]) => {
  const needsQuotes = /[",\r\n]/.test(text);
  return needsQuotes || quote ? `"${text.replaceAll('"', '""')}"` : text;
});

/** Sometimes a raw, possibly broken cell: what hand edits leave. */
const anyCell = fc.oneof({ weight: 30, arbitrary: writtenCell }, { weight: 1, arbitrary: cellText });

const file = fc.record({
  rows: fc.array(fc.array(anyCell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }),
  eol: fc.constantFrom('\n', '\r\n'),
  finalEol: fc.boolean(),
  encoding: fc.constantFrom('utf-8', 'gbk'),
  bom: fc.boolean(),
});

describe('the fast reader on property-generated files', () => {
  it('hands on the same records as csv-parse for any cells, quoted or broken', async () => {
    const root = await tempRoot('steps-readers-property-');
    let fastRead = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(file, async ({ rows, eol, finalEol, encoding, bom }) => {
        const text = rows.map((cells) => cells.join(',')).join(eol) + (finalEol ? eol : '');
        const body = encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
        const bytes = bom && encoding === 'utf-8' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
        const path = join(root, `case-${runs++}.csv`);
        await writeFile(path, bytes);
        const { declined } = await compareReaders(path);
        if (declined === null) fastRead++;
      }),
      { numRuns: 400, seed: SEED },
    );
    expect(fastRead).toBeGreaterThan(runs / 4);
  }, 120_000);
});
