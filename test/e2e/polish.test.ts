// The places a new user stumbles: a closed pipe, -q, and mistakes on the command line.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cliEnv, EXAMPLES, ROOT, runCli } from './run-cli.js';

const BRAND = join(EXAMPLES, 'jiangnan-home');

/** Runs the CLI into `head`, which stops reading after one line, and reports the CLI's own exit code. */
function runIntoHead(args: string[]): { code: number | null; stderr: string } {
  const command = `set -o pipefail; "${process.execPath}" "${BIN}" ${args.join(' ')} | head -n 1 >/dev/null`;
  const result = spawnSync('bash', ['-c', command], { cwd: ROOT, encoding: 'utf8', env: cliEnv(), timeout: 60_000 });
  return { code: result.status, stderr: result.stderr };
}

describe.each(['en', 'zh'])('a closed pipe (%s)', (lang) => {
  it('ends quietly with exit 0 when the reader stops early', () => {
    const run = runIntoHead(['diagnose', BRAND, '--json', '--lang', lang]);
    expect(run.stderr).not.toMatch(/EPIPE|Unhandled|at /);
    expect(run.code).toBe(0);
  });
});

describe.each(['en', 'zh'])('-q (%s)', (lang) => {
  it('prints nothing when nothing goes wrong', () => {
    const run = runCli(['diagnose', BRAND, '-q', '--lang', lang]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
  });

  it('still prints a report asked for by name', () => {
    const run = runCli(['diagnose', BRAND, '-q', '--json', '--lang', lang]);
    expect(JSON.parse(run.stdout).brand.name).toBe('江南家居');
    expect(run.stderr).toBe('');
  });

  it('still prints errors', () => {
    const run = runCli(['diagnose', join(ROOT, 'no-such-folder'), '-q', '--lang', lang]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no-such-folder');
  });
});

describe('common mistakes', () => {
  it('says a CSV file is not a folder, in both languages', () => {
    const file = join(BRAND, 'products.csv');
    const en = runCli(['diagnose', file, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(`Error: ${file} is a file, not a folder. Give the client folder that holds the exports.\n`);
    expect(runCli(['diagnose', file, '--lang', 'zh']).stderr).toContain('是文件而不是目录');
  });

  it('asks "did you mean batch?" for a portfolio folder', () => {
    const en = runCli(['diagnose', EXAMPLES, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('Did you mean batch?');
    expect(en.stderr).toContain(`steps-doctor batch ${EXAMPLES} --out OUT_DIR`);
    expect(runCli(['validate', EXAMPLES, '--lang', 'zh']).stderr).toContain('是不是想用 batch？');
  });

  it('lists every example brand for demo --brand, in the error and in help', () => {
    const brands = ['huaxi-beauty', 'jiangnan-home', 'lanting-tea', 'qingshan-coffee', 'shanye-snacks', 'xinya-tea'];
    const en = runCli(['demo', '--brand', 'foo', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`Use one of: ${brands.join(', ')}.`);
    expect(en.stderr).toContain('(see steps-doctor demo --help)');
    const zh = runCli(['demo', '--brand', 'foo', '--lang', 'zh']);
    expect(zh.stderr).toContain(`可选：${brands.join('、')}。（运行 steps-doctor demo --help 查看用法）`);
    const help = runCli(['demo', '--help', '--lang', 'zh']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain(`可选：${brands.join('、')}；默认：huaxi-beauty`);
  });

  it('points a usage error to the command it came from', () => {
    expect(runCli(['validate', '--bogus', '--lang', 'en']).stderr).toContain('(see steps-doctor validate --help)');
    expect(runCli(['diagnos', '--lang', 'en']).stderr).toContain('(see steps-doctor --help)');
  });
});

describe.each(['en', 'zh'])('help notes (%s)', (lang) => {
  it("words commander's default notes in the language, once", () => {
    const help = runCli(['batch', '--help', '--lang', lang]).stdout.replace(/\s+/g, ' ');
    expect(help).not.toMatch(/[)）] ?\(default: /);
    if (lang === 'zh') expect(help).not.toContain('(default:');
    expect(help).toContain(
      lang === 'zh'
        ? '同时诊断的客户数（默认：先开 1 个，有空闲核心再逐个加开，最多为 CPU 核数）'
        : 'clients diagnosed at once (default: one, and one more for each idle core, up to the number of cores)',
    );
    if (lang === 'zh')
      expect(runCli(['diagnose', '--help', '--lang', 'zh']).stdout).not.toMatch(/\((default|choices):/);
  });
});
