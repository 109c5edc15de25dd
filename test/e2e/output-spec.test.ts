// `--format FMT[:PATH]` reads the same and fails the same in every command that writes outputs.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_FORMATS } from '../../src/check/run.js';
import { DIFF_FORMATS } from '../../src/diff/run.js';
import { FORMAT_NAMES } from '../../src/report/formatters/index.js';
import { TREND_FORMATS } from '../../src/trend/run.js';
import { EXAMPLES, ROOT, runCli } from './run-cli.js';

const BRAND = join(EXAMPLES, 'shanye-snacks');
// Reports are not read before the outputs are settled, so the files need not exist.
// batch refuses a bad --format before it creates or locks the out folder.
const OUT = join(ROOT, 'no-such-out');
const COMMANDS: { name: string; args: string[]; formats: readonly string[] }[] = [
  { name: 'diagnose', args: ['diagnose', BRAND], formats: FORMAT_NAMES },
  { name: 'check', args: ['check', 'a.json'], formats: CHECK_FORMATS },
  { name: 'diff', args: ['diff', 'a.json', 'b.json'], formats: DIFF_FORMATS },
  { name: 'trend', args: ['trend', 'a.json', 'b.json'], formats: TREND_FORMATS },
  { name: 'batch', args: ['batch', EXAMPLES, '--out', OUT], formats: FORMAT_NAMES },
];

describe.each(COMMANDS)('--format in $name', ({ args, formats }) => {
  it('refuses an unknown format with exit 2, naming it and the formats this command writes', () => {
    const run = runCli([...args, '--format', 'pdfx:out.pdfx', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(existsSync(OUT)).toBe(false);
    expect(run.stderr).toBe(
      `Error: unknown output "pdfx:out.pdfx": use one of ${formats.join(', ')}, optionally followed by :PATH\n`,
    );
  });

  it('refuses a colon with no path after it, in Chinese too', () => {
    const run = runCli([...args, '--format', 'json:', '--lang', 'zh']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`错误：未知输出“json:”：请使用 ${formats.join('、')} 之一，可在后面加 :路径\n`);
  });
});
