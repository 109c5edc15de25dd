// `check` through the built CLI (npm test builds first; alone: npx tsc -p . && npx vitest run test/e2e).

import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliRun } from './run-cli.js';
import { sampleReport } from '../fixtures/sample-report.js';

let folder: string;

function cli(args: string[], env: Record<string, string> = {}): CliRun {
  return runCli(args, { cwd: folder, env });
}

async function writeJson(name: string, value: unknown): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, JSON.stringify(value, null, 2));
  return name;
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/check/run.js'))) throw new Error('build first: npx tsc -p .');
  folder = await mkdtemp(join(tmpdir(), 'steps-e2e-check-'));
  await writeJson('huaxi.json', sampleReport());
  const broken = sampleReport() as unknown as { metrics: Record<string, unknown> };
  broken.metrics.gmv = 'a lot';
  await writeJson('broken.json', broken);
  await writeFile(join(folder, 'notes.json'), 'GMV went up in June\n');
  await writeJson('warn-only.json', {
    assertions: { overall: ['warn', { minScore: 90 }], 'metric:roi': ['error', { min: 1.5 }] },
  });
  await writeJson('strict.json', {
    assertions: { overall: ['error', { minScore: 60 }], 'stage:private-domain': ['error', { minScore: 50 }] },
    overrides: [{ brands: ['花溪*'], assertions: { 'stage:private-domain': 'warn' } }],
  });
  await writeJson('typo.json', { assertions: { 'metric:roi': ['error', { minimum: 1.5 }] } });
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('check exit codes', () => {
  it('0: a valid report and no assertions checks only the schema', () => {
    const run = cli(['check', 'huaxi.json']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✓ huaxi\.json {2}schema {2}a valid report$/m);
    expect(run.stdout).toContain('Reports: 1 passed, 0 failed, 0 invalid, 0 unreadable.');
    expect(run.stderr).toBe('');
  });

  it('0: a passing --min-score', () => {
    const run = cli(['check', 'huaxi.json', '--min-score', '60']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✓ huaxi\.json {2}overall {2}62 \(expected ≥ 60\)$/m);
  });

  it('0: a failing assertion at level warn never fails the run', () => {
    const run = cli(['check', 'huaxi.json', '--config', 'warn-only.json']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^! huaxi\.json {2}overall +62, expected ≥ 90 {2}\[warn\]$/m);
    expect(run.stdout).toContain('Assertions: 1 passed, 1 warned, 0 failed.');
  });

  it('1: a failing error assertion, from --min-score or --stage', () => {
    const minScore = cli(['check', 'huaxi.json', '--min-score', '70']);
    expect(minScore.code).toBe(1);
    expect(minScore.stdout).toMatch(/^✗ huaxi\.json {2}overall {2}62, expected ≥ 70 {2}\[error\]$/m);
    const stage = cli(['check', 'huaxi.json', '--stage', 'traffic=80', '--stage', 'elite-distribution=80']);
    expect(stage.code).toBe(1);
    expect(stage.stdout).toMatch(/^✗ huaxi\.json {2}stage:traffic +74, expected ≥ 80/m);
    expect(stage.stdout).toMatch(/^✓ huaxi\.json {2}stage:elite-distribution +86/m);
  });

  it('applies a brand override from .stepsrc.json found in the working folder', async () => {
    await writeFile(join(folder, '.stepsrc.json'), await readFile(join(folder, 'strict.json')));
    try {
      const run = cli(['check', 'huaxi.json']);
      // private-domain scores 31 < 50, but the 花溪* override lowers it to a warning.
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^! huaxi\.json {2}stage:private-domain {2}31, expected ≥ 50 {2}\[warn\]$/m);
    } finally {
      await rm(join(folder, '.stepsrc.json'));
    }
  });

  it('1: a JSON file that breaks the schema fails whatever the levels, listing the JSON paths', () => {
    const run = cli(['check', 'broken.json', '--config', 'warn-only.json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^✗ broken\.json {2}schema {2}not a valid report: 1 schema problem\(s\) {2}\[error\]$/m);
    expect(run.stdout).toContain('    /metrics/gmv: must be number');
  });

  it('2: a missing file, after checking and printing the others', () => {
    const run = cli(['check', 'missing.json', 'huaxi.json', '--min-score', '70']);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^✗ huaxi\.json {2}overall/m);
    expect(run.stdout).toContain('1 unreadable');
    expect(run.stderr).toBe('Error: missing.json: no such file\n');
  });

  it('2: a file that is not JSON', () => {
    const run = cli(['check', 'huaxi.json', 'notes.json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^✓ huaxi\.json {2}schema/m);
    expect(run.stderr).toMatch(/^Error: notes\.json is not JSON: /);
  });

  it('2: an invalid config, naming the file and what is wrong, before reading any report', () => {
    const run = cli(['check', 'huaxi.json', '--config', 'typo.json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'Error: typo.json: unknown option "minimum" for "metric:roi" in assertions; it takes min, max\n',
    );
  });

  it('2: a --config file that does not exist, or an unknown --stage key', () => {
    expect(cli(['check', 'huaxi.json', '--config', 'nope.json'])).toMatchObject({
      code: 2,
      stderr: 'Error: config file nope.json not found\n',
    });
    const stage = cli(['check', 'huaxi.json', '--stage', 'live=50']);
    expect(stage.code).toBe(2);
    expect(stage.stderr).toContain('elite-distribution, traffic, self-broadcast, private-domain, specify-supply');
  });

  it('2: usage errors from commander', () => {
    expect(cli(['check']).code).toBe(2);
    expect(cli(['check', 'huaxi.json', '--no-such-option']).code).toBe(2);
  });
});

describe('check outputs', () => {
  it('--json prints one JSON document and nothing else on stdout', () => {
    const run = cli(['check', 'huaxi.json', 'broken.json', '--config', 'warn-only.json', '--json']);
    expect(run.code).toBe(1);
    const document = JSON.parse(run.stdout);
    expect(document.exitCode).toBe(1);
    expect(document.reports.map((report: { file: string; status: string }) => [report.file, report.status])).toEqual([
      ['huaxi.json', 'passed'],
      ['broken.json', 'invalid'],
    ]);
    expect(document.reports[0].results).toEqual([
      {
        assertion: 'overall',
        level: 'warn',
        passed: false,
        actual: 62,
        expected: { minScore: 90 },
        problem: 'belowMin',
        message: '62, expected ≥ 90',
      },
      {
        assertion: 'metric:roi',
        level: 'error',
        passed: true,
        actual: 2.5821,
        expected: { min: 1.5 },
        problem: null,
        message: '2.58 (expected ≥ 1.5)',
      },
    ]);
  });

  it('--format junit:FILE writes JUnit XML, and keeps the lines on stdout', async () => {
    const run = cli(['check', 'huaxi.json', 'broken.json', '--min-score', '70', '--format', 'junit:out/check.xml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^✗ huaxi\.json +overall +62, expected ≥ 70/m);
    expect(run.stderr).toBe('Wrote out/check.xml\n');
    const xml = await readFile(join(folder, 'out/check.xml'), 'utf8');
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="steps-doctor check" tests="3" failures="2" errors="0">',
      ),
    ).toBe(true);
    expect(xml).toContain('<testsuite name="花溪美妆 (huaxi.json)" tests="2" failures="1" errors="0" skipped="0">');
    expect(xml).toContain(
      '<testcase name="overall" classname="huaxi.json"><failure message="62, expected ≥ 70" type="error">62, expected ≥ 70</failure></testcase>',
    );
    expect(xml).toContain(
      '<failure message="not a valid report: 1 schema problem(s)" type="schema">/metrics/gmv: must be number</failure>',
    );
    expect(xml.trimEnd().endsWith('</testsuites>')).toBe(true);
  });

  it('rejects an unknown output format', () => {
    const run = cli(['check', 'huaxi.json', '--format', 'html:out.html']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('terminal, json, junit');
  });

  it('speaks Chinese with --lang zh or LANG=zh_CN', () => {
    const flag = cli(['check', 'huaxi.json', '--min-score', '70', '--lang', 'zh']);
    expect(flag.stdout).toContain('62，要求 ≥ 70  [错误]');
    const env = cli(['check', 'missing.json'], { LANG: 'zh_CN.UTF-8' });
    expect(env.stderr).toBe('错误：missing.json：文件不存在\n');
  });

  it('colours only when asked or on a terminal', () => {
    expect(cli(['check', 'huaxi.json']).stdout).not.toContain('\u001b[');
    expect(cli(['check', 'huaxi.json', '--color']).stdout).toContain('\u001b[32m✓');
    expect(cli(['check', 'huaxi.json'], { FORCE_COLOR: '1' }).stdout).toContain('\u001b[32m✓');
    expect(cli(['check', 'huaxi.json', '--no-color'], { FORCE_COLOR: '1' }).stdout).not.toContain('\u001b[');
  });
});

describe.each(['en', 'zh'] as const)('check reads right (%s)', (lang) => {
  const label = { en: { error: '[error]', warn: '[warn]' }, zh: { error: '[错误]', warn: '[警告]' } }[lang];

  it('labels only the lines that did not pass with their level', () => {
    const run = cli(['check', 'huaxi.json', '--min-score', '60', '--stage', 'private-domain=50', '--lang', lang]);
    const lines = run.stdout.split('\n').filter((line) => line.includes('huaxi.json'));
    const passing = lines.filter((line) => line.startsWith('✓'));
    expect(passing).toHaveLength(2);
    for (const line of passing) expect(line).not.toMatch(/\[(error|warn|错误|警告)\]/);
    expect(lines.find((line) => line.startsWith('✗'))?.endsWith(label.error)).toBe(true);
  });

  it('prints ROI at the report’s precision: 2.5821 reads 2.58', async () => {
    await writeJson(`roi-${lang}.json`, { assertions: { 'metric:roi': ['warn', { min: 3 }] } });
    const run = cli(['check', 'huaxi.json', '--config', `roi-${lang}.json`, '--lang', lang]);
    const line = run.stdout.split('\n').find((text) => text.includes('metric:roi'));
    expect(line).toContain(lang === 'en' ? '2.58, expected ≥ 3' : '2.58，要求 ≥ 3');
    expect(line?.endsWith(label.warn)).toBe(true);
    expect(run.stdout).not.toContain('2.5821');
  });

  const others = [
    {
      kind: 'a batch summary',
      file: 'out/summary.json',
      value: { generatedAt: '2024-07-01T00:00:00Z', clients: [], counts: { ok: 0, belowGate: 0, failed: 0 } },
      en: 'out/summary.json is a batch summary, not a report: run check on the per-client report files (out/<client>/report.json).',
      zh: 'out/summary.json 是 batch 的汇总文件，不是诊断报告：请对每个客户的报告文件运行 check（out/<客户>/report.json）。',
    },
    {
      kind: 'peer benchmarks',
      file: 'out/benchmarks.json',
      value: { kind: 'steps-doctor-benchmarks', schemaVersion: '1.0.0', groups: [] },
      en: 'out/benchmarks.json is a peer benchmarks file, not a report:',
      zh: 'out/benchmarks.json 是同行基准文件，不是诊断报告：',
    },
    {
      kind: 'check --json output',
      file: 'gate.json',
      value: { tool: { name: 'steps-doctor' }, reports: [], summary: {}, exitCode: 0 },
      en: 'gate.json is the output of check --json, not a report:',
      zh: 'gate.json 是 check --json 的输出，不是诊断报告：',
    },
  ];

  it.each(others)('$kind: one line saying what it is and what to check instead, exit 2', async (other) => {
    await mkdir(join(folder, 'out'), { recursive: true });
    await writeJson(other.file, other.value);
    const run = cli(['check', other.file, '--lang', lang]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(other[lang]);
    expect(run.stdout).not.toMatch(/must have|must be|\/metrics/);
  });

  it('diff given a batch summary says so too, naming diff', async () => {
    await mkdir(join(folder, 'out'), { recursive: true });
    await writeJson('out/summary.json', others[0]!.value);
    const run = cli(['diff', 'out/summary.json', 'huaxi.json', '--lang', lang]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      lang === 'en' ? 'run diff on the per-client report files' : '运行 diff（out/<客户>/report.json）',
    );
  });
});
