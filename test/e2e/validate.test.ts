// `validate` end to end: the built CLI on real-looking client folders, as a consultant runs it.

import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { IS_ROOT, NOBODY, otherUserCli } from './other-user.js';
import { EXAMPLES, runCli } from './run-cli.js';
import { clientFolder, csvLine, csvText, ORDER_HEADER, orderRow, ordersCsv } from '../ingest/helpers.js';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/steps-doctor.js');

beforeAll(() => {
  // The CLI runs from dist/. Other areas may still have type errors while they are being
  // written; tsc emits anyway, and what matters here is that the validate command was built.
  try {
    execFileSync('npx', ['tsc', '-p', '.'], { cwd: root, stdio: 'pipe' });
  } catch {
    // reported below if it left no build
  }
  expect(existsSync(join(root, 'dist/cli/commands/validate.js'))).toBe(true);
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function validate(args: string[], options: SpawnSyncOptions = {}): Run {
  const result = spawnSync(process.execPath, [bin, 'validate', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
    ...options,
  });
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

describe('validate on a clean folder', () => {
  it('lists each file with kind, encoding, counts, period and columns, and exits 0', async () => {
    const dir = await clientFolder({
      '订单导出_0601.csv': iconv.encode(
        ordersCsv(
          [
            orderRow({ paidAt: '2024-06-01 10:00:00' }),
            orderRow({ status: '已关闭', paidAt: '' }),
            orderRow({ paidAt: '2024-06-30 21:00:00', channel: '分销', creatorId: 'kol_8841', creatorName: '小杨' }),
          ],
          { titleLines: ['快手小店订单导出,导出时间2024-07-01'], eol: '\r\n' },
        ),
        'gbk',
      ),
      'traffic.csv': csvText(
        ['直播ID', '开播时间', '观看人数', '成交金额'],
        [['L1', '2024-06-18 20:00:00', '1.2万', '¥86,520.00']],
      ),
      'notes.csv': 'todo,owner\ncall client,amy\n',
    });
    const run = validate([dir, '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const out = run.stdout;
    expect(out).toContain(`orders: ${join(dir, '订单导出_0601.csv')}`);
    expect(out).toContain(
      'GB18030 · comma-separated · header on line 2 · rows: 3 · skipped: 0 · duplicates counted once: 0 · not counted (closed, cancelled, unpaid): 1',
    );
    expect(out).toContain('period covered: 2024-06-01 .. 2024-06-30');
    expect(out).toContain('orderId ← 订单号, paidAt ← 订单支付时间, amount ← 实付款');
    expect(out).toContain('columns ignored: 订单创建时间, 收货地址');
    expect(out).toContain(`live sessions: ${join(dir, 'traffic.csv')}`);
    expect(out).toContain(`${join(dir, 'notes.csv')}: no header row with known columns`);
    expect(out.trim().endsWith('Ready to diagnose.')).toBe(true);
  });

  it('speaks Chinese with --lang zh', async () => {
    const dir = await clientFolder({ 'orders.csv': ordersCsv([orderRow()]) });
    const run = validate([dir, '--lang', 'zh']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`订单: ${join(dir, 'orders.csv')}`);
    expect(run.stdout).toContain('表头在第 1 行 · 1 行 · 跳过 0 行');
    expect(run.stdout).toContain('可以开始诊断。');
  });

  it('prints no colour codes with --no-color, even when colour is forced by the environment', async () => {
    const dir = await clientFolder({ 'orders.csv': ordersCsv([orderRow({ amount: 'abc' })]) });
    const run = validate([dir, '--lang', 'en', '--no-color'], {
      env: { ...process.env, FORCE_COLOR: '1', NO_COLOR: undefined },
    });
    expect(run.stdout).not.toMatch(/\x1b\[/);
    const coloured = validate([dir, '--lang', 'en', '--color']);
    expect(coloured.stdout).toMatch(/\x1b\[/);
  });
});

describe('validate with row-level problems', () => {
  it('shows a bad amount with file, line, column and value, skips the row and still exits 0', async () => {
    const rows = [orderRow({ address: '杭州市\n西湖区' }), orderRow({ amount: 'abc' }), orderRow()];
    const dir = await clientFolder({ 'orders.csv': ordersCsv(rows, { titleLines: ['订单导出'] }) });
    const run = validate([dir, '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('rows: 3 · skipped: 1');
    expect(run.stdout).toContain(
      'line 5: column "实付款": "abc" is not an amount of money. Write it like 1299.00, ¥1,299.90 or 1.2万.',
    );
    expect(run.stdout).toContain('Ready to diagnose. Rows that will be skipped (listed above): 1.');
  });

  it('shows the first 10 problems in full, then how many more', async () => {
    const rows = Array.from({ length: 14 }, () => orderRow({ paidAt: '18/06/2024' }));
    const dir = await clientFolder({ 'orders.csv': ordersCsv([orderRow(), ...rows]) });
    const run = validate([dir, '--lang', 'en']);
    expect(run.stdout.match(/is not a date and time/g)).toHaveLength(10);
    expect(run.stdout).toContain('… and 4 more');
  });

  it('--strict makes skipped rows an error: exit 2, naming the file and the first line', async () => {
    const dir = await clientFolder({ 'orders.csv': ordersCsv([orderRow(), orderRow({ amount: 'abc' })]) });
    const run = validate([dir, '--lang', 'en', '--strict']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `Error: ${join(dir, 'orders.csv')}, line 3: this row was skipped (column "实付款", value "abc") and --strict allows no skipped rows; rows skipped in this file: 1. Run validate to see them all.\n`,
    );
  });
});

describe('validate on bad input: exit 2 and one line naming the file', () => {
  function expectOneLineError(run: Run, ...parts: string[]): void {
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith('Error: ')).toBe(true);
    for (const part of parts) expect(lines[0]).toContain(part);
    expect(run.stderr).not.toContain('    at '); // no stack trace
  }

  it('a missing required column', async () => {
    const header = ORDER_HEADER.filter((name) => name !== '实付款');
    const dir = await clientFolder({
      'orders.csv': csvText(header, [orderRow().filter((_, i) => i !== 7)], { titleLines: ['订单导出'] }),
    });
    const run = validate([dir, '--lang', 'en']);
    expectOneLineError(run, `${join(dir, 'orders.csv')}, line 2:`, 'no column for amount', '实付款 | 订单实付(元)');
    expect(run.stdout).toContain('Not ready to diagnose. Problems to fix first: 1.');
  });

  it('an empty file', async () => {
    const dir = await clientFolder({ 'orders.csv': '' });
    expectOneLineError(validate([dir, '--lang', 'en']), `${join(dir, 'orders.csv')} is empty (0 bytes)`);
  });

  it('a header without rows', async () => {
    const dir = await clientFolder({ 'orders.csv': ordersCsv([]) });
    expectOneLineError(
      validate([dir, '--lang', 'en']),
      `${join(dir, 'orders.csv')}, line 1: there is a header row but no data rows`,
    );
  });

  it('a binary file', async () => {
    const dir = await clientFolder({
      'orders.csv': Buffer.concat([Buffer.from(`${csvLine(ORDER_HEADER)}\n`), Buffer.from([0, 159, 146, 150])]),
    });
    expectOneLineError(
      validate([dir, '--lang', 'en']),
      `${join(dir, 'orders.csv')}, line 2: this is not a CSV text file`,
    );
  });

  it('an unclosed quote, at the line where it opens', async () => {
    const broken = csvLine(orderRow()).replace('玻尿酸', '"玻尿酸');
    const dir = await clientFolder({
      'orders.csv': `${ordersCsv([orderRow()])}${broken}\n${csvLine(orderRow())}\n${csvLine(orderRow())}\n`,
    });
    expectOneLineError(
      validate([dir, '--lang', 'en']),
      `${join(dir, 'orders.csv')}, line 3: a quote (") opens in this row and never closes`,
    );
    const lenient = validate([dir, '--lang', 'en', '--lenient']);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain('reading stopped early; the rows before it were kept (--lenient)');
  });

  it('a directory where a file was expected', async () => {
    const dir = await clientFolder({ 'orders.csv': ordersCsv([orderRow()]) });
    await mkdir(join(dir, 'exports'));
    expectOneLineError(
      validate([dir, '--lang', 'en', '--orders', join(dir, 'exports')]),
      `${join(dir, 'exports')} is a folder, not a file`,
    );
  });

  it('a file that does not exist', async () => {
    const dir = await clientFolder({ 'orders.csv': ordersCsv([orderRow()]) });
    const missing = join(dir, '订单导出_0701.csv');
    expectOneLineError(validate([dir, '--lang', 'en', '--orders', missing]), `${missing}: file not found`);
  });

  it('a client folder that does not exist', () => {
    expectOneLineError(validate(['/nonexistent/acme', '--lang', 'en']), '/nonexistent/acme: folder not found');
  });

  it('a file it has no permission to read', async (context) => {
    if (IS_ROOT) {
      const staged = otherUserCli();
      if ('skip' in staged) return context.skip(staged.skip);
    }
    const dir = await clientFolder({ 'orders.csv': ordersCsv([orderRow()]) });
    const file = join(dir, 'orders.csv');
    await chmod(file, 0o000);
    // Root reads through chmod 000; run the CLI as an unprivileged user then, so the check is real.
    if (IS_ROOT) {
      await chmod(dir, 0o755);
      await chmod(resolve(dir, '..'), 0o755);
    }
    const run = IS_ROOT ? runCli(['validate', dir, '--lang', 'en'], { uid: NOBODY }) : validate([dir, '--lang', 'en']);
    expectOneLineError(run, `${file}: permission denied`);
    await chmod(file, 0o644);
  });

  it('no orders export in the folder', async () => {
    const dir = await clientFolder({ 'traffic.csv': csvText(['直播ID', '开播时间'], [['L1', '2024-06-18 20:00:00']]) });
    expectOneLineError(validate([dir, '--lang', 'en']), `${dir}: no orders export found`);
  });

  it('a bad columns.json', async () => {
    const dir = await clientFolder({
      'orders.csv': ordersCsv([orderRow()]),
      'columns.json': '{"orders": {"付款金额": "paid"}}',
    });
    expectOneLineError(
      validate([dir, '--lang', 'en']),
      `${join(dir, 'columns.json')}, line 1:`,
      'Valid names: orderId, paidAt, amount',
    );
  });

  it('an unknown --lang', async () => {
    const dir = await clientFolder({ 'orders.csv': ordersCsv([orderRow()]) });
    expectOneLineError(validate([dir, '--lang', 'fr']), 'unknown language "fr"');
  });
});

describe('validate --json', () => {
  it('prints one JSON document with files, unrecognised, issues and ok', async () => {
    const dir = await clientFolder({
      'orders.csv': ordersCsv([orderRow({ orderId: '2406181234567890123' }), orderRow({ amount: 'abc' })]),
      'notes.csv': 'a,b\n1,2\n',
    });
    const run = validate([dir, '--lang', 'en', '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(true);
    expect(report.issues).toEqual([]);
    expect(report.files).toHaveLength(1);
    expect(report.files[0]).toMatchObject({
      kind: 'orders',
      encoding: 'utf-8',
      rows: 2,
      skippedRows: 1,
      headerLine: 1,
    });
    expect(report.files[0].issues[0]).toMatchObject({
      line: 3,
      column: '实付款',
      value: 'abc',
      code: 'ingest.row.badMoney',
    });
    expect(report.files[0].issues[0].message).toContain('is not an amount of money');
    expect(report.unrecognised).toEqual([
      expect.objectContaining({ path: join(dir, 'notes.csv'), code: 'ingest.file.noHeader' }),
    ]);
  });

  it('still prints the document when the inputs cannot be diagnosed, with ok false and exit 2', async () => {
    const dir = await clientFolder({ 'orders.csv': '' });
    const run = validate([dir, '--lang', 'zh', '--json']);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(false);
    expect(report.issues).toEqual([
      {
        file: join(dir, 'orders.csv'),
        line: null,
        code: 'ingest.file.empty',
        message: `${join(dir, 'orders.csv')} 是空文件（0 字节）。请重新导出，或将其移出目录。`,
      },
    ]);
  });
});

describe.each(['en', 'zh'] as const)('validate shows what the files can measure (%s)', (lang) => {
  const coverage = {
    en: (measured: number) => `${measured} of 5 stages can be measured with these files.`,
    zh: (measured: number) => `5 个阶段中可衡量 ${measured} 个（按这些文件）。`,
  }[lang];

  it('a brand with orders only: 1 of 5, and the export each other stage needs', () => {
    const run = runCli(['validate', join(EXAMPLES, 'shanye-snacks'), '--lang', lang]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const at = lines.indexOf(coverage(1));
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 5).every((line) => /not measured|未测量/.test(line))).toBe(true);
  });

  it('a brand with every export: 5 of 5, and --json carries the same coverage', () => {
    const dir = join(EXAMPLES, 'jiangnan-home');
    expect(runCli(['validate', dir, '--lang', lang]).stdout).toContain(coverage(5));
    const json = JSON.parse(runCli(['validate', dir, '--json', '--lang', lang]).stdout);
    expect(json.coverage).toEqual({ measuredStages: 5, stages: 5, notMeasured: [] });
  });

  it('a period with no orders: no coverage and never "ready"', () => {
    const run = runCli([
      'validate',
      join(EXAMPLES, 'jiangnan-home'),
      '--period',
      '2020-01-01..2020-01-31',
      '--lang',
      lang,
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).not.toMatch(/stages can be measured|个阶段中可衡量/);
    expect(run.stdout).not.toMatch(/Ready to diagnose|可以开始诊断/);
  });
});
