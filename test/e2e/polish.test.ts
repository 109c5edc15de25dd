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
