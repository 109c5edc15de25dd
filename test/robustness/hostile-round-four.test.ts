// Hostile and odd inputs, round four (issue 15, the classes round three left: 2, 7, 8, 9, 11, 13):
// every case through the built CLI, judged by the exit code, the one line on stderr and the
// files on disk, with both readers where a reader is involved.

import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../e2e/run-cli.js';
import { linesOf, runCliBounded, STACK_FRAME, tempRoot } from './helpers.js';

const ORDERS = '6月订单(手工整理).csv';
const READERS = ['fast', 'csv-parse'] as const;

async function brandCopy(prefix: string): Promise<{ root: string; dir: string }> {
  const root = await tempRoot(prefix);
  const dir = join(root, 'shanye');
  await cp(join(EXAMPLES, 'shanye-snacks'), dir, { recursive: true });
  return { root, dir };
}

async function ordersLines(dir: string): Promise<string[]> {
  return (await readFile(join(dir, ORDERS), 'utf8')).split('\n');
}

/** The example's first data lines that hold no quote (cells split on commas as written). */
function plainLines(lines: readonly string[], count: number): string[] {
  const plain = lines.slice(1).filter((line) => line.split(',').length === 11 && !line.includes('"'));
  expect(plain.length).toBeGreaterThanOrEqual(count);
  return plain.slice(0, count);
}

function withCell(line: string, column: number, value: string): string {
  const cells = line.split(',');
  cells[column] = value;
  return cells.join(',');
}

interface ReportJson {
  metrics: { gmv: number; adSpend: number | null };
  inputs: { duplicateRows: number; skippedRows: number; issues: { line: number; column: string; value: string }[] }[];
  warnings: string[];
}

function diagnoseJson(dir: string, lang: 'en' | 'zh', reader: (typeof READERS)[number] = 'fast'): ReportJson {
  const run = runCliBounded(['diagnose', dir, '--json', '--lang', lang], { env: { STEPS_DOCTOR_READER: reader } });
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as ReportJson;
}

/** One line on stderr, no stack trace, exit 2. */
function expectOneLineRefusal(run: { code: number | null; stderr: string }): string {
  expect(run.code, run.stderr).toBe(2);
  expect(linesOf(run.stderr)).toHaveLength(1);
  expect(run.stderr).not.toMatch(STACK_FRAME);
  return run.stderr.trim();
}

describe('invisible differences in ids (class 7)', () => {
  it('a line repeated with a BOM, U+200B or full-width digits before its order id counts once, as a duplicate, and is said', async () => {
    const { dir } = await brandCopy('ids');
    const clean = diagnoseJson(dir, 'en');
    const lines = await ordersLines(dir);
    const [first, second, third] = plainLines(lines, 3) as [string, string, string];
    const fullWidth = (line: string): string =>
      withCell(
        line,
        0,
        line.split(',')[0]!.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
      );
    const copies = [`\ufeff${first}`, `\u200b${second}`, fullWidth(third)];
    await writeFile(join(dir, ORDERS), [...lines.slice(0, -1), ...copies, lines.at(-1)].join('\n'));

    for (const reader of READERS) {
      const report = diagnoseJson(dir, 'en', reader);
      expect(report.metrics.gmv).toBe(clean.metrics.gmv);
      expect(report.inputs[0]!.duplicateRows).toBe(clean.inputs[0]!.duplicateRows + 3);
      const notes = report.warnings.filter((warning) => warning.includes('3 ids'));
      expect(notes).toHaveLength(1);
      expect(notes[0]).toContain('invisible characters or full-width digits');
      expect(notes[0]).toContain('<U+FEFF>');
    }
    const zh = diagnoseJson(dir, 'zh');
    expect(
      zh.warnings.filter((warning) => warning.includes('3 个编号') && warning.includes('同一订单只计一次')),
    ).toHaveLength(1);

    const validate = runCliBounded(['validate', dir, '--lang', 'en']);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stdout).toContain('ids read without invisible or full-width characters: 3');
    // The note quotes the cell with its invisible character made visible, never raw.
    expect(validate.stdout).not.toMatch(/[\u200b\ufeff]/);
    const json = JSON.parse(runCliBounded(['validate', dir, '--json', '--lang', 'en']).stdout) as {
      files: { normalisedIds: number; normalisedIdExample: { line: number } }[];
    };
    expect(json.files[0]!.normalisedIds).toBe(3);
    expect(json.files[0]!.normalisedIdExample.line).toBe(lines.length);
  });
});

/** The example brand's report, written by the CLI into `root`. */
async function exportedReport(root: string): Promise<{ path: string; text: string }> {
  const path = join(root, 'report.json');
  const run = runCliBounded(['diagnose', join(EXAMPLES, 'shanye-snacks'), '--format', `json:${path}`, '--quiet']);
  expect(run.code, run.stderr).toBe(0);
  return { path, text: await readFile(path, 'utf8') };
}

describe('numbers that are not (class 8)', () => {
  it('"gmv": 1e400 is refused by check, diff and trend with one line naming the JSON path; nothing prints ¥Infinity', async () => {
    const root = await tempRoot('infinite');
    const { path, text } = await exportedReport(root);
    const infinite = join(root, 'infinite.json');
    await writeFile(infinite, text.replace(/"gmv": [0-9.]+/, '"gmv": 1e400'));
    const check = runCliBounded(['check', infinite, '--lang', 'en']);
    const line = expectOneLineRefusal(check);
    expect(line).toContain(infinite);
    expect(line).toContain('/metrics/gmv');
    for (const args of [
      ['diff', path, infinite],
      ['trend', path, infinite],
    ]) {
      const run = runCliBounded([...args, '--lang', 'en']);
      expect(expectOneLineRefusal(run)).toContain('/metrics/gmv');
      expect(run.stdout + run.stderr).not.toMatch(/NaN|Infinity/);
    }
  });

  it('negative ad spend and a negative ROI fail the schema (exit 1) with the JSON paths named', async () => {
    const root = await tempRoot('negative');
    const { text } = await exportedReport(root);
    const report = JSON.parse(text) as { metrics: Record<string, unknown> };
    report.metrics.adSpend = -500;
    report.metrics.roi = -2.5;
    const negative = join(root, 'negative.json');
    await writeFile(negative, JSON.stringify(report));
    const run = runCliBounded(['check', negative, '--format', 'json', '--lang', 'en']);
    expect(run.code, run.stderr).toBe(1);
    const paths = (
      JSON.parse(run.stdout) as { reports: { schemaProblems: { path: string }[] }[] }
    ).reports[0]!.schemaProblems.map((problem) => problem.path);
    expect(paths).toEqual(expect.arrayContaining(['/metrics/adSpend', '/metrics/roi']));
  });

  it('an amount with fractions of a fen (12.345) is a row problem with line, column and value, in both readers', async () => {
    const { dir } = await brandCopy('fen');
    const clean = diagnoseJson(dir, 'en');
    const lines = await ordersLines(dir);
    const target = plainLines(lines, 1)[0]!;
    const lineNumber = lines.indexOf(target) + 1;
    lines[lineNumber - 1] = withCell(target, 5, '12.345');
    await writeFile(join(dir, ORDERS), lines.join('\n'));
    for (const reader of READERS) {
      const report = diagnoseJson(dir, 'en', reader);
      expect(report.inputs[0]!.skippedRows).toBe(clean.inputs[0]!.skippedRows + 1);
      // Not rounded into the GMV: the line's own amount is gone from it.
      expect(report.metrics.gmv).toBeLessThan(clean.metrics.gmv);
      const issue = report.inputs[0]!.issues.find((each) => each.line === lineNumber);
      expect(issue).toMatchObject({ column: '付款金额', value: '12.345' });
    }
    const validate = runCliBounded(['validate', dir, '--lang', 'en']);
    expect(validate.stdout).toContain(`line ${lineNumber}: column "付款金额": "12.345" has fractions of a fen`);
    const zh = runCliBounded(['validate', dir, '--lang', 'zh']);
    expect(zh.stdout).toContain('“12.345”精确到了分以下');
  });
});

describe('bounded everything (class 9)', () => {
  it('a file of 4 rows with 2 million columns stops at the first wide row, as a file problem, in both readers', async () => {
    const root = await tempRoot('wide');
    const dir = join(root, 'client');
    await mkdir(dir);
    const header = '订单号,支付时间,商品ID,宝贝名称,购买数量,实付款,订单状态';
    const row = '2406018646824713928,2024/6/1 9:38,24081000525,手撕牛肉干 250g,1,56.90,交易成功';
    await writeFile(join(dir, 'orders.csv'), [header, row, 'x,'.repeat(2_000_000), row, ''].join('\n'));
    for (const reader of READERS) {
      const run = runCliBounded(['diagnose', dir, '--lang', 'en', '--quiet'], {
        env: { STEPS_DOCTOR_READER: reader },
      });
      expect(expectOneLineRefusal(run)).toBe(
        `Error: ${join(dir, 'orders.csv')}, line 3: this row has more than 1,000 columns, which no export has, so the file was not read further. Check the delimiter, or save the file again from Excel as "CSV UTF-8".`,
      );
    }
  });

  it('check on a 31 MB report of 10 million empty objects refuses it before parsing, in one line', async () => {
    const root = await tempRoot('objects');
    const path = join(root, 'objects.json');
    await writeFile(path, `{"sessions":[${'{},'.repeat(10_000_000)}{}]}`);
    const run = runCliBounded(['check', path, '--lang', 'en']);
    expect(expectOneLineRefusal(run)).toContain('more than 250,000 objects and arrays');
  });

  it('schema problems are listed up to 100, then counted', async () => {
    const root = await tempRoot('problems');
    const path = join(root, 'problems.json');
    const report = JSON.parse((await exportedReport(root)).text) as Record<string, unknown>;
    report.sessions = Array.from({ length: 500 }, () => ({}));
    await writeFile(path, JSON.stringify(report));
    const run = runCliBounded(['check', path, '--format', 'json', '--lang', 'en']);
    expect(run.code, run.stderr).toBe(1);
    const problems = (JSON.parse(run.stdout) as { reports: { schemaProblems: { message: string }[] }[] }).reports[0]!
      .schemaProblems;
    expect(problems).toHaveLength(101);
    expect(problems.at(-1)!.message).toMatch(/^… and \d+ more schema problems$/);
  });
});

describe('special files as data files (class 2)', () => {
  it('an orders CSV or workbook that is a link to /dev/zero or a FIFO is refused at once, in one line', async () => {
    for (const [name, make] of [
      ['orders.csv', (path: string) => symlink('/dev/zero', path)],
      ['orders.xlsx', (path: string) => symlink('/dev/urandom', path)],
      ['orders.csv', async (path: string) => void spawnSync('mkfifo', [path])],
    ] as const) {
      const root = await tempRoot('special');
      const dir = join(root, 'client');
      await mkdir(dir);
      await make(join(dir, name));
      for (const reader of READERS) {
        const run = runCliBounded(['diagnose', dir, '--lang', 'en', '--quiet'], {
          env: { STEPS_DOCTOR_READER: reader },
          boundMs: 20_000,
        });
        expect(run.signal).toBeNull();
        const line = expectOneLineRefusal(run);
        expect(line).toContain(name);
      }
    }
  });
});

describe('batch folder names (class 11)', () => {
  it('a client folder whose name is not valid UTF-8 is skipped with its bytes shown as \\xNN, never "not found"', async () => {
    const root = await tempRoot('names');
    const portfolio = join(root, 'portfolio');
    await mkdir(portfolio);
    await cp(join(EXAMPLES, 'shanye-snacks'), join(portfolio, 'shanye'), { recursive: true });
    // 客户 in GBK: not UTF-8, so only a Buffer path can make (or open) it.
    const gbkName = Buffer.concat([
      Buffer.from(`${portfolio}/`),
      Buffer.from([0xbf, 0xcd, 0xbb, 0xa7]),
      Buffer.from('-gbk'),
    ]);
    await mkdir(gbkName);
    await writeFile(
      Buffer.concat([gbkName, Buffer.from(`/${ORDERS}`)]),
      await readFile(join(portfolio, 'shanye', ORDERS)),
    );
    const out = join(root, 'out');
    const run = runCliBounded(['batch', portfolio, '--out', out, '--lang', 'en']);
    expect(run.code, run.stderr).toBe(0);
    expect(
      linesOf(run.stderr).filter((line) =>
        line.startsWith('Skipped \\xbf\\xcd\\xbb\\xa7-gbk: the folder name is not valid UTF-8'),
      ),
    ).toHaveLength(1);
    expect(run.stdout + run.stderr).not.toMatch(/not found/);
    expect((await readdir(out)).sort()).toEqual(['benchmarks.json', 'shanye', 'summary.csv', 'summary.json']);
  });
});

/** Puts `value` in the amount column of `count` unquoted order lines, each given a new order id. */
async function spoilAmounts(dir: string, count: number, value: string): Promise<void> {
  const lines = await ordersLines(dir);
  const template = plainLines(lines, 1)[0]!;
  const bad = Array.from({ length: count }, (_, index) =>
    withCell(withCell(template, 0, String(9_000_000_000 + index)), 5, value),
  );
  await writeFile(join(dir, ORDERS), [...lines.slice(0, -1), ...bad, lines.at(-1)].join('\n'));
}

interface ValidateFile {
  kind: string;
  issues: { value: string }[];
  issueCount: number;
  issuesListed: number;
  issuesCap: number;
  issuesTruncated: boolean;
}

function validateOrders(dir: string): ValidateFile {
  const run = runCliBounded(['validate', dir, '--json', '--lang', 'en']);
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { files: ValidateFile[] }).files.find((file) => file.kind === 'orders')!;
}

describe('validate --json lists every bad row up to a cap it states (class 13)', () => {
  it('22 bad amounts: the JSON lists them all, the terminal shows 10 and counts the rest', async () => {
    const { dir } = await brandCopy('all-issues');
    await spoilAmounts(dir, 22, 'abc');
    const orders = validateOrders(dir);
    // The example has a few bad rows of its own besides our 22.
    expect(orders.issues).toHaveLength(orders.issueCount);
    expect(orders.issuesListed).toBe(orders.issueCount);
    expect(orders.issues.filter((issue) => issue.value === 'abc')).toHaveLength(22);
    expect(orders).toMatchObject({ issuesCap: 1000, issuesTruncated: false });

    const text = runCliBounded(['validate', dir, '--lang', 'en']);
    const shown = text.stdout.split('\n').filter((line) => /^ {2}line \d+:/.test(line));
    expect(shown).toHaveLength(10);
    expect(text.stdout).toContain(`and ${orders.issueCount - 10} more`);
    // The report keeps its first 10.
    expect(diagnoseJson(dir, 'en').inputs[0]!.issues).toHaveLength(10);
  });

  it('past the cap the JSON lists 1000 and says it was cut short', async () => {
    const { dir } = await brandCopy('issue-cap');
    await spoilAmounts(dir, 1005, 'abc');
    const orders = validateOrders(dir);
    expect(orders.issueCount).toBeGreaterThan(1005);
    expect(orders.issues).toHaveLength(1000);
    expect(orders).toMatchObject({ issuesListed: 1000, issuesTruncated: true });
  });
});
