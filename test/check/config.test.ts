import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  assertionsForBrand,
  findCheckConfig,
  loadCheckConfig,
  parseCheckConfig,
  parseMinScoreShortcut,
  parseStageShortcut,
} from '../../src/check/config.js';
import { UserError } from '../../src/errors.js';
import { allMessages } from '../../src/i18n/catalogs/index.js';
import { translator } from '../../src/i18n/index.js';

const en = translator(allMessages, 'en');
const zh = translator(allMessages, 'zh');

/** The error's text as the CLI would print it, so tests read what a user reads. */
function errorText(action: () => unknown, t = en): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    const detail = (error as UserError).detail;
    expect((error as UserError).exitCode).toBe(2);
    return t(detail.key, detail.params);
  }
  throw new Error('expected a UserError');
}

async function asyncErrorText(action: () => Promise<unknown>, t = en): Promise<string> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    return t((error as UserError).detail.key, (error as UserError).detail.params);
  }
  throw new Error('expected a UserError');
}

describe('reading a check config', () => {
  it('accepts the example of CLI.md', () => {
    const config = parseCheckConfig(
      {
        assertions: {
          overall: ['error', { minScore: 60 }],
          'stage:elite-distribution': ['warn', { minScore: 50 }],
          'stage:private-domain': 'off',
          'metric:roi': ['error', { min: 1.5 }],
          'inputs:skippedRows': ['warn', { max: 0 }],
        },
        overrides: [{ brands: ['acme-*'], assertions: { 'stage:traffic': 'off' } }],
      },
      '.stepsrc.json',
    );
    expect(config.assertions.overall).toEqual({ level: 'error', bounds: { minScore: 60 } });
    expect(config.assertions['stage:private-domain']).toEqual({ level: 'off', bounds: null });
    expect(config.overrides[0]!.brands).toEqual(['acme-*']);
  });

  it('names the file and the unknown assertion key, and lists what would be valid', () => {
    const text = errorText(() => parseCheckConfig({ assertions: { 'stage:trafic': 'error' } }, 'ci/steps.json'));
    expect(text).toContain('ci/steps.json');
    expect(text).toContain('"stage:trafic"');
    expect(text).toContain('elite-distribution');
    expect(text).toContain('metric:PATH');
    expect(errorText(() => parseCheckConfig({ assertions: { score: 'error' } }, 'x.json'))).toContain('"score"');
  });

  it('rejects an unknown level, in the override where it is', () => {
    const text = errorText(() =>
      parseCheckConfig(
        { assertions: {}, overrides: [{ brands: ['*'], assertions: { overall: ['fatal', { minScore: 1 }] } }] },
        'x.json',
      ),
    );
    expect(text).toContain('"fatal"');
    expect(text).toContain('overrides[0].assertions');
    expect(text).toContain('off, warn, error');
    expect(errorText(() => parseCheckConfig({ assertions: { overall: 2 } }, 'x.json'))).toContain('"overall"');
  });

  it('rejects an unknown option and says which options the assertion takes', () => {
    const minOnScore = errorText(() => parseCheckConfig({ assertions: { overall: ['error', { min: 60 }] } }, 'x.json'));
    expect(minOnScore).toContain('"min"');
    expect(minOnScore).toContain('minScore');
    const minScoreOnMetric = errorText(() =>
      parseCheckConfig({ assertions: { 'metric:roi': ['error', { minScore: 2 }] } }, 'x.json'),
    );
    expect(minScoreOnMetric).toContain('"minScore"');
    expect(minScoreOnMetric).toContain('min, max');
  });

  it('rejects option values that are not numbers and scores outside 0..100', () => {
    expect(
      errorText(() => parseCheckConfig({ assertions: { 'metric:roi': ['error', { min: '1.5' }] } }, 'x.json')),
    ).toContain('must be a number');
    expect(
      errorText(() => parseCheckConfig({ assertions: { overall: ['error', { minScore: 160 }] } }, 'x.json')),
    ).toContain('0 to 100');
  });

  it('rejects unknown fields, malformed assertions and malformed overrides', () => {
    expect(errorText(() => parseCheckConfig({ assertion: {} }, 'x.json'))).toContain('"assertion"');
    expect(errorText(() => parseCheckConfig([], 'x.json'))).toContain('JSON object');
    expect(
      errorText(() => parseCheckConfig({ assertions: { overall: ['error', { minScore: 1 }, 'extra'] } }, 'x.json')),
    ).toContain('[level, options]');
    expect(errorText(() => parseCheckConfig({ overrides: {} }, 'x.json'))).toContain('"overrides"');
    expect(errorText(() => parseCheckConfig({ overrides: [{ brands: [], assertions: {} }] }, 'x.json'))).toContain(
      'overrides[0].brands',
    );
    expect(errorText(() => parseCheckConfig({ overrides: [{ brands: ['a'], rules: {} }] }, 'x.json'))).toContain(
      '"rules"',
    );
  });

  it('says the same in Chinese', () => {
    const text = errorText(() => parseCheckConfig({ assertions: { overall: 'fatal' } }, 'x.json'), zh);
    expect(text).toContain('级别');
    expect(text).toContain('x.json');
  });
});

describe('config files', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'steps-check-config-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('names a missing --config file', async () => {
    const file = join(folder, 'nope.json');
    expect(await asyncErrorText(() => loadCheckConfig(file))).toBe(`config file ${file} not found`);
  });

  it('names a config file that is not JSON', async () => {
    const file = join(folder, 'broken.json');
    await writeFile(file, '{"assertions": {"overall": "error",}}');
    const text = await asyncErrorText(() => loadCheckConfig(file));
    expect(text).toContain(file);
    expect(text).toContain('not valid JSON');
  });

  it('finds .stepsrc.json in the working folder, and runs without one', async () => {
    expect(await findCheckConfig(undefined, folder)).toEqual({ config: { assertions: {}, overrides: [] }, file: null });
    await writeFile(
      join(folder, '.stepsrc.json'),
      JSON.stringify({ assertions: { overall: ['warn', { minScore: 50 }] } }),
    );
    const found = await findCheckConfig(undefined, folder);
    expect(found.file).toBe(join(folder, '.stepsrc.json'));
    expect(found.config.assertions.overall).toEqual({ level: 'warn', bounds: { minScore: 50 } });
  });

  it('reports an invalid .stepsrc.json found by discovery instead of ignoring it', async () => {
    await writeFile(join(folder, '.stepsrc.json'), JSON.stringify({ assertions: { overall: 'loud' } }));
    expect(await asyncErrorText(() => findCheckConfig(undefined, folder))).toContain('.stepsrc.json');
  });
});

describe('command-line shortcuts', () => {
  it('turns --min-score and --stage into error assertions', () => {
    expect(parseMinScoreShortcut('60')).toEqual({ overall: { level: 'error', bounds: { minScore: 60 } } });
    expect(parseStageShortcut('traffic=55')).toEqual({ 'stage:traffic': { level: 'error', bounds: { minScore: 55 } } });
  });

  it('lists the stage keys when --stage names an unknown stage', () => {
    const text = errorText(() => parseStageShortcut('trafic=55'));
    expect(text).toBe(
      '--stage: unknown stage "trafic"; the stages are elite-distribution, traffic, self-broadcast, private-domain, specify-supply',
    );
  });

  it('rejects scores that are not 0..100 and --stage without =', () => {
    expect(errorText(() => parseMinScoreShortcut('sixty'))).toContain('"sixty"');
    expect(errorText(() => parseMinScoreShortcut('101'))).toContain('0 to 100');
    expect(errorText(() => parseStageShortcut('traffic'))).toContain('KEY=SCORE');
  });
});

describe('assertions for a brand', () => {
  const config = parseCheckConfig(
    {
      assertions: {
        overall: ['error', { minScore: 60 }],
        'stage:traffic': ['warn', { minScore: 50 }],
        'metric:roi': ['error', { min: 1.5 }],
        'stage:private-domain': 'off',
      },
      overrides: [
        { brands: ['acme-*'], assertions: { 'stage:traffic': 'off', 'metric:roi': ['warn', { min: 1 }] } },
        { brands: ['acme-tea'], assertions: { 'metric:roi': ['error', { min: 2 }] } },
        { brands: ['*美妆'], assertions: { overall: 'warn' } },
      ],
    },
    'x.json',
  );

  function byKey(brand: string, shortcuts = {}) {
    return Object.fromEntries(
      assertionsForBrand(config, brand, shortcuts).map((a) => [a.key, { level: a.level, bounds: a.bounds }]),
    );
  }

  it('uses the base assertions for a brand no override matches, without the ones set off', () => {
    expect(byKey('xinya')).toEqual({
      overall: { level: 'error', bounds: { minScore: 60 } },
      'stage:traffic': { level: 'warn', bounds: { minScore: 50 } },
      'metric:roi': { level: 'error', bounds: { min: 1.5 } },
    });
  });

  it('applies matching overrides in order, the later one winning', () => {
    expect(byKey('acme-tea')['metric:roi']).toEqual({ level: 'error', bounds: { min: 2 } });
    expect(byKey('acme-home')['metric:roi']).toEqual({ level: 'warn', bounds: { min: 1 } });
    expect(byKey('acme-home')['stage:traffic']).toBeUndefined();
  });

  it('keeps the earlier bounds when an override only changes the level', () => {
    expect(byKey('花溪美妆').overall).toEqual({ level: 'warn', bounds: { minScore: 60 } });
  });

  it('lets command-line shortcuts win over the file', () => {
    expect(byKey('花溪美妆', parseMinScoreShortcut('70')).overall).toEqual({
      level: 'error',
      bounds: { minScore: 70 },
    });
  });

  it('gives bare levels their default meaning: measured, or no skipped rows', () => {
    const bare = parseCheckConfig(
      { assertions: { 'inputs:skippedRows': 'error', 'metric:fanOrderShare': 'warn' } },
      'x.json',
    );
    const assertions = assertionsForBrand(bare, 'any');
    expect(assertions.map((a) => [a.key, a.bounds])).toEqual([
      ['metric:fanOrderShare', {}],
      ['inputs:skippedRows', { max: 0 }],
    ]);
  });

  it('lists overall first, then stages in adoption order', () => {
    const unordered = parseCheckConfig(
      {
        assertions: {
          'inputs:skippedRows': 'warn',
          'stage:private-domain': 'warn',
          'metric:gmv': 'warn',
          'stage:traffic': 'warn',
          overall: 'warn',
        },
      },
      'x.json',
    );
    expect(assertionsForBrand(unordered, 'any').map((a) => a.key)).toEqual([
      'overall',
      'stage:traffic',
      'stage:private-domain',
      'metric:gmv',
      'inputs:skippedRows',
    ]);
  });
});
