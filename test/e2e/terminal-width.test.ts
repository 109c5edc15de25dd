// The terminal report fits the terminal it is printed on: every line within the width, tables
// closed, Chinese columns aligned, and the layout at each width kept as a golden file.
// Regenerate the golden files after a deliberate change: UPDATE_GOLDEN=1 npx vitest run test/e2e/terminal-width.test.ts

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/report/formatters/text.js';
import { runOnTerminal } from './pty.js';
import { EXAMPLES, runCli } from './run-cli.js';

const GOLDEN = join(import.meta.dirname, 'golden');
const BRAND = join(EXAMPLES, 'jiangnan-home');

function checkGolden(name: string, text: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, text);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

describe.each(['en', 'zh'])('diagnose on a terminal (%s)', (lang) => {
  it.each([60, 80, 100, 140])('fits %i columns', (columns) => {
    const text = runOnTerminal(['diagnose', BRAND, '--lang', lang, '--no-color'], columns);
    const lines = text.trimEnd().split('\n');
    const tooWide = lines.filter((line) => displayWidth(line) > columns);
    expect(tooWide).toEqual([]);
    // Every row of a table is as wide as its top border: wide CJK text did not push a border out.
    const tables = lines.filter((line) => /^[┌│├└]/.test(line));
    const borderWidths = new Set(tables.map((line) => displayWidth(line)));
    expect(borderWidths.size).toBeLessThanOrEqual(2);
    expect(text).toContain(lang === 'zh' ? '当前重点阶段' : 'Focus stage');
    checkGolden(`jiangnan-home.${lang}.${columns}.txt`, text);
  });
});

describe('widths outside the range', () => {
  it('lays out a 40-column terminal at the 60-column minimum', () => {
    const text = runOnTerminal(['diagnose', BRAND, '--lang', 'en', '--no-color'], 40);
    expect(Math.max(...text.split('\n').map(displayWidth))).toBe(60);
  });

  it('lays out for 100 columns when stdout is a pipe', () => {
    const run = runCli(['diagnose', BRAND, '--lang', 'zh']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(GOLDEN, 'jiangnan-home.zh.100.txt'), 'utf8'));
  });

  it('names the columns a narrow terminal leaves out of the sessions table', () => {
    const unwrapped = (text: string) => text.replace(/\n(?=[A-Za-z])/g, ' ').replace(/\n/g, '');
    expect(unwrapped(runOnTerminal(['diagnose', BRAND, '--lang', 'en', '--no-color'], 60))).toContain(
      'Left out to fit this terminal: Account, Viewers, UV value, ROI',
    );
    expect(unwrapped(runOnTerminal(['diagnose', BRAND, '--lang', 'zh', '--no-color'], 60))).toContain(
      '终端宽度不够，未显示：观看人数、UV价值',
    );
  });
});
