// `diagnose` and `demo` through the built CLI, on the shipped example brands.

import { chmod, cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReportValidator, type ReportValidator } from '../../src/report/schema.js';
import type { Report } from '../../src/report/types.js';
import { otherUserCli } from './other-user.js';
import { EXAMPLES, runCli, unprivilegedUid } from './run-cli.js';

let validate: ReportValidator;
let out: string;

beforeAll(async () => {
  validate = await loadReportValidator();
  out = await mkdtemp(join(tmpdir(), 'steps-diagnose-'));
  // Readable by the unprivileged user the write-error test runs as.
  await chmod(out, 0o755);
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

function jsonReport(brand: string, extra: string[] = []): Report {
  const run = runCli(['diagnose', join(EXAMPLES, brand), '--json', ...extra]);
  expect(run.stderr).not.toMatch(/Error|at .*\.js:\d+/);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Report;
}

describe('diagnose on the example brands', () => {
  it('puts each brand at the focus stage a consultant would give it', () => {
    // A new brand living on creators: creator GMV under the ¥1,000,000 level, so E is the focus.
    expect(jsonReport('xinya-tea').focusStage).toBe('elite-distribution');
    // Creators, paid traffic and its own rooms running; buyers do not come back yet.
    expect(jsonReport('huaxi-beauty').focusStage).toBe('private-domain');
    // Mature and loyal, but its channel-exclusive products are still a small share of GMV.
    expect(jsonReport('jiangnan-home').focusStage).toBe('specify-supply');
  });

  it('writes a JSON report that the shipped schema accepts, with nulls where a stage is not measured', () => {
    const report = jsonReport('xinya-tea');
    expect(validate(report)).toEqual([]);
    expect(report.metrics.buyers).toBeNull();
    expect(report.metrics.repeatBuyerRate).toBeNull();
    expect(report.metrics.exclusive).toBeNull();
    const privateDomain = report.stages.find((stage) => stage.key === 'private-domain')!;
    expect(privateDomain.score).toBeNull();
    expect(privateDomain.status).toBe('not-measured');
  });

  it('gives byte-identical JSON for the same inputs, apart from generatedAt', () => {
    const first = runCli(['diagnose', join(EXAMPLES, 'jiangnan-home'), '--json']).stdout;
    const second = runCli(['diagnose', join(EXAMPLES, 'jiangnan-home'), '--json']).stdout;
    const withoutTime = (text: string) => text.replace(/"generatedAt": "[^"]+"/, '');
    expect(withoutTime(first)).toBe(withoutTime(second));
    expect(first.length).toBeGreaterThan(1000);
  });

  it('reads the GBK export with its title line and reports the encoding', () => {
    const report = jsonReport('xinya-tea');
    const orders = report.inputs.find((input) => input.kind === 'orders')!;
    expect(orders.encoding).toBe('gb18030');
    expect(orders.headerLine).toBe(2);
    expect(report.brand.name).toBe('新芽茶饮');
  });

  it('prints the stage table, the focus stage and numbered next steps in the terminal, within 100 columns', () => {
    const run = runCli(['diagnose', join(EXAMPLES, 'huaxi-beauty'), '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Creator distribution');
    expect(run.stdout).toMatch(/Focus stage: P Private-domain repurchase/);
    expect(run.stdout).toMatch(/^ {4}1\. /m);
    expect(run.stdout).not.toMatch(/\u001b\[/);
    const tooWide = run.stdout.split('\n').filter((line) => displayWidth(line) > 100);
    expect(tooWide).toEqual([]);
  });

  it('speaks Chinese with --lang zh and when LANG says so', () => {
    const flag = runCli(['diagnose', join(EXAMPLES, 'huaxi-beauty'), '--lang', 'zh']);
    expect(flag.stdout).toContain('达人分销');
    expect(flag.stdout).toContain('下一步');
    const env = runCli(['diagnose', join(EXAMPLES, 'huaxi-beauty')], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(env.stdout).toContain('当前重点阶段');
  });

  it('colours only when asked: --color and FORCE_COLOR colour, NO_COLOR and --no-color win', () => {
    const dir = join(EXAMPLES, 'huaxi-beauty');
    expect(runCli(['diagnose', dir, '--color']).stdout).toMatch(/\u001b\[/);
    expect(runCli(['diagnose', dir], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\u001b\[/);
    expect(runCli(['diagnose', dir, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
    expect(runCli(['diagnose', dir], { env: { NO_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
  });

  it('writes several outputs in one run with --format FMT:PATH', async () => {
    const json = join(out, 'r/report.json');
    const markdown = join(out, 'r/report.md');
    const html = join(out, 'r/report.html');
    const run = runCli([
      'diagnose',
      join(EXAMPLES, 'huaxi-beauty'),
      '--format',
      `json:${json}`,
      '--format',
      `markdown:${markdown}`,
      '--format',
      `html:${html}`,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(validate(JSON.parse(await readFile(json, 'utf8')))).toEqual([]);
    expect(await readFile(markdown, 'utf8')).toMatch(/^# STEPS diagnosis · 花溪美妆/);
    expect(await readFile(html, 'utf8')).toMatch(/<svg/);
  });
});

describe('exit codes', () => {
  const dir = join(EXAMPLES, 'huaxi-beauty');

  it('exits 1 when the overall score is below --fail-under, 0 when it is not', () => {
    const report = jsonReport('huaxi-beauty');
    const score = report.overallScore!;
    const below = runCli(['diagnose', dir, '--fail-under', String(score + 1)]);
    expect(below.code).toBe(1);
    expect(below.stderr).toContain(`Overall score ${score} is below the gate ${score + 1}`);
    expect(runCli(['diagnose', dir, '--fail-under', String(score), '--quiet']).code).toBe(0);
  });

  it('exits 2 on commander parse errors and bad option values, without a stack trace', () => {
    for (const args of [
      ['diagnose', dir, '--bogus'],
      ['diagnose', dir, '--fail-under', 'abc'],
      ['diagnose', dir, '--format', 'pdf'],
      ['nonsense'],
      ['diagnose', dir, '--lang', 'fr'],
      ['diagnose', dir, '--period', '2024-06-31..2024-07-01'],
    ]) {
      const run = runCli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
    }
  });

  it("words commander's parse errors in the user's language, with the suggestion", () => {
    const en = runCli(['diagnose', dir, '--jsn']);
    expect(en.stderr).toBe('Error: unknown option --jsn. Did you mean --json? (see steps-doctor diagnose --help)\n');
    const zh = runCli(['diagnose', dir, '--fail-under', 'abc', '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('“abc”不是 --fail-under <score> 的有效值');
    expect(runCli(['--help', '--lang', 'zh']).stdout).toMatch(/^用法：/);
  });

  it('exits 2 with one line naming the folder when it does not exist', () => {
    const run = runCli(['diagnose', join(EXAMPLES, 'no-such-brand')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no-such-brand');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 with one line naming the file when the report cannot be written there', async (context) => {
    const uid = unprivilegedUid();
    if (uid !== undefined) {
      const staged = otherUserCli();
      if ('skip' in staged) return context.skip(staged.skip);
    }
    // The brand is copied beside the output, where the unprivileged user can read it wherever
    // the repository was cloned.
    const brand = join(out, 'shanye-snacks');
    await cp(join(EXAMPLES, 'shanye-snacks'), brand, { recursive: true });
    const readOnly = join(out, 'read-only');
    await mkdir(readOnly);
    await chmod(readOnly, 0o555);
    const target = join(readOnly, 'report.json');
    const run = runCli(['diagnose', brand, '--format', `json:${target}`, '--quiet'], { uid });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `Error: ${target}: cannot write the report here (EACCES): check the folder exists and is writable, and that the disk has room.\n`,
    );
  });

  it('exits 2 on an unknown profile, listing the shipped ones', () => {
    const run = runCli(['diagnose', dir, '--profile', 'pets']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/apparel.*beauty.*default.*food.*home.*jewelry/);
  });
});

describe('demo', () => {
  it('diagnoses the shipped example in one command', () => {
    const run = runCli(['demo', '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('花溪美妆');
    expect(run.stdout).toContain('Next steps');
  });
});

function displayWidth(line: string): number {
  let width = 0;
  for (const char of line)
    width += /[\u1100-\u115f\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char)
      ? 2
      : 1;
  return width;
}
