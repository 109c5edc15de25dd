// One name for each kind of input, in every language and output (issue 14 item 11): the names
// are the catalog's report.kind.* words, and validate, diagnose and the help say only those.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allMessages } from '../../src/i18n/catalogs/index.js';
import { INPUT_KINDS } from '../../src/ingest/types.js';
import { EXAMPLES, runCli } from './run-cli.js';

const BRAND = join(EXAMPLES, 'jiangnan-home');

/** The words a kind was once called besides its one name, in either language. */
const OTHER_NAMES = /live-session|traffic export|traffic data|直播场次流量|场次流量|流量导出|流量数据|直播数据导出/;

describe.each(['en', 'zh'] as const)('kind names (%s)', (lang) => {
  const names = INPUT_KINDS.map((kind) => allMessages[lang][`report.kind.${kind}`]!);

  it('the catalog names every kind once, and no two kinds alike', () => {
    expect(names.every((name) => name !== undefined && name.length > 0)).toBe(true);
    expect(new Set(names).size).toBe(INPUT_KINDS.length);
    expect(names.join(' ')).not.toMatch(OTHER_NAMES);
  });

  it('validate heads each file with one of those names and says no other', () => {
    const run = runCli(['validate', BRAND, '--lang', lang]);
    expect(run.code).toBe(0);
    const headings = run.stdout
      .split('\n')
      .filter((line) => line.includes(`${BRAND}/`) && !line.startsWith(' '))
      .map((line) => line.slice(0, line.indexOf(': ')));
    expect(headings.length).toBeGreaterThanOrEqual(4);
    for (const heading of headings) expect(names).toContain(heading);
    expect(run.stdout).not.toMatch(OTHER_NAMES);
  });

  it('diagnose lists its inputs by those names, and neither the report nor the help says another', () => {
    const run = runCli(['diagnose', BRAND, '--lang', lang, '--no-color']);
    expect(run.code).toBe(0);
    const inputs = run.stdout
      .split('\n')
      .filter((line) => / · (UTF-8|GB18030|UTF-16)/.test(line) && line.startsWith('  '));
    expect(inputs.length).toBeGreaterThanOrEqual(4);
    for (const line of inputs) expect(names).toContain(line.trim().slice(0, line.trim().search(/[:：]/)));
    expect(run.stdout).not.toMatch(OTHER_NAMES);
    const shanye = runCli(['diagnose', join(EXAMPLES, 'shanye-snacks'), '--lang', lang, '--no-color']);
    expect(shanye.stdout).not.toMatch(OTHER_NAMES);
    expect(runCli(['diagnose', '--help', '--lang', lang]).stdout).not.toMatch(OTHER_NAMES);
  });
});
