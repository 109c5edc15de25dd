// The assertions `check` applies, in the shape of Lighthouse CI and ESLint: a key naming what is
// asserted, a level (off | warn | error) and bounds. A config file is checked completely before
// any report is read, because a typo in a gate should stop CI, not quietly pass it.

import { readRegularText } from '../util/regular-file.js';
import { scoreFromText } from '../util/score.js';
import { join } from 'node:path';
import { STAGE_KEYS, type StageKey } from '../diagnosis/types.js';
import { UserError } from '../errors.js';
import { matchesAnyGlob } from './glob.js';

export const ASSERTION_LEVELS = ['off', 'warn', 'error'] as const;
export type AssertionLevel = (typeof ASSERTION_LEVELS)[number];

export const DEFAULT_CONFIG_FILE = '.stepsrc.json';

export interface AssertionBounds {
  /** Scores (overall, stage:KEY): the score must be at least this. */
  minScore?: number;
  /** Values (metric:PATH, inputs:skippedRows, coverage:measuredStages): inclusive bounds. */
  min?: number;
  max?: number;
  /** Trends (trend:overall, trend:stage:KEY): the last period's score change must be at least this. */
  minChange?: number;
}

export type AssertionTarget =
  | { kind: 'overall' }
  | { kind: 'stage'; stage: StageKey }
  | { kind: 'metric'; path: string[] }
  | { kind: 'inputs'; field: 'skippedRows' }
  | { kind: 'coverage'; field: 'measuredStages' }
  /** Applies to trend files (trend --format json:FILE); stage null = the overall score. */
  | { kind: 'trend'; stage: StageKey | null };

/** As written in a config: a bare level keeps the bounds an earlier entry gave (ESLint's rule). */
export interface AssertionEntry {
  level: AssertionLevel;
  bounds: AssertionBounds | null;
}

export type AssertionEntries = Record<string, AssertionEntry>;

export interface BrandOverride {
  brands: string[];
  assertions: AssertionEntries;
}

export interface CheckConfig {
  assertions: AssertionEntries;
  overrides: BrandOverride[];
}

/** One assertion ready to apply to a report. Level `off` never gets this far. */
export interface Assertion {
  key: string;
  target: AssertionTarget;
  level: Exclude<AssertionLevel, 'off'>;
  bounds: AssertionBounds;
}

export const EMPTY_CONFIG: CheckConfig = { assertions: {}, overrides: [] };

const SCORE_OPTIONS = ['minScore'] as const;
const VALUE_OPTIONS = ['min', 'max'] as const;
const CHANGE_OPTIONS = ['minChange'] as const;
const METRIC_PATH = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

function isStageKey(value: string): value is StageKey {
  return (STAGE_KEYS as readonly string[]).includes(value);
}

export function parseAssertionKey(key: string): AssertionTarget | null {
  if (key === 'overall') return { kind: 'overall' };
  if (key === 'inputs:skippedRows') return { kind: 'inputs', field: 'skippedRows' };
  if (key === 'coverage:measuredStages') return { kind: 'coverage', field: 'measuredStages' };
  if (key === 'trend:overall') return { kind: 'trend', stage: null };
  if (key.startsWith('trend:stage:')) {
    const stage = key.slice('trend:stage:'.length);
    return isStageKey(stage) ? { kind: 'trend', stage } : null;
  }
  if (key.startsWith('stage:')) {
    const stage = key.slice('stage:'.length);
    return isStageKey(stage) ? { kind: 'stage', stage } : null;
  }
  if (key.startsWith('metric:')) {
    const path = key.slice('metric:'.length);
    return METRIC_PATH.test(path) ? { kind: 'metric', path: path.split('.') } : null;
  }
  return null;
}

function optionsFor(target: AssertionTarget): readonly string[] {
  if (target.kind === 'trend') return CHANGE_OPTIONS;
  return target.kind === 'overall' || target.kind === 'stage' ? SCORE_OPTIONS : VALUE_OPTIONS;
}

/** What an assertion means when it names no bounds. */
function defaultBounds(target: AssertionTarget): AssertionBounds {
  // Skipped rows are always counted, so "measured" would say nothing; no skipped row is the
  // natural reading of `"inputs:skippedRows": "error"`. Everything else must at least be measured.
  if (target.kind === 'inputs') return { max: 0 };
  return {};
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class ConfigReader {
  constructor(readonly file: string) {}

  fail(key: string, params: Record<string, string | number | readonly string[]>): never {
    throw new UserError({ key, params: { file: this.file, ...params } });
  }

  level(value: unknown, assertion: string, where: string): AssertionLevel {
    if (typeof value === 'string' && (ASSERTION_LEVELS as readonly string[]).includes(value))
      return value as AssertionLevel;
    return this.fail('check.config.unknownLevel', {
      value: JSON.stringify(value) ?? String(value),
      assertion,
      where,
      levels: [...ASSERTION_LEVELS],
    });
  }

  bounds(value: unknown, assertion: string, target: AssertionTarget, where: string): AssertionBounds {
    if (!isPlainObject(value)) return this.fail('check.config.badOptions', { assertion, where });
    const known = optionsFor(target);
    const bounds: AssertionBounds = {};
    for (const [option, raw] of Object.entries(value)) {
      if (!known.includes(option))
        return this.fail('check.config.unknownOption', { option, assertion, where, known: [...known] });
      if (typeof raw !== 'number' || !Number.isFinite(raw))
        return this.fail('check.config.badNumber', { option, assertion, where });
      if (option === 'minScore' && (raw < 0 || raw > 100))
        return this.fail('check.config.badScore', { option, assertion, where });
      bounds[option as keyof AssertionBounds] = raw;
    }
    return bounds;
  }

  entry(key: string, value: unknown, where: string): AssertionEntry {
    const target = parseAssertionKey(key);
    if (target === null)
      return this.fail('check.config.unknownAssertion', { assertion: key, where, stages: [...STAGE_KEYS] });
    if (typeof value === 'string') return { level: this.level(value, key, where), bounds: null };
    if (!Array.isArray(value) || value.length < 1 || value.length > 2)
      return this.fail('check.config.badAssertion', { assertion: key, where });
    const level = this.level(value[0], key, where);
    return { level, bounds: value.length === 2 ? this.bounds(value[1], key, target, where) : null };
  }

  entries(value: unknown, where: string): AssertionEntries {
    if (!isPlainObject(value)) return this.fail('check.config.badAssertions', { where });
    const entries: AssertionEntries = {};
    for (const [key, raw] of Object.entries(value)) entries[key] = this.entry(key, raw, where);
    return entries;
  }

  override(value: unknown, index: number): BrandOverride {
    const where = `overrides[${index}]`;
    if (!isPlainObject(value)) return this.fail('check.config.badOverride', { where });
    for (const field of Object.keys(value)) {
      if (field !== 'brands' && field !== 'assertions')
        return this.fail('check.config.unknownField', { field, where, known: ['brands', 'assertions'] });
    }
    const brands = value.brands;
    if (
      !Array.isArray(brands) ||
      brands.length === 0 ||
      !brands.every((brand) => typeof brand === 'string' && brand !== '')
    ) {
      return this.fail('check.config.badBrands', { where });
    }
    return { brands: brands as string[], assertions: this.entries(value.assertions ?? {}, `${where}.assertions`) };
  }

  config(value: unknown): CheckConfig {
    if (!isPlainObject(value)) return this.fail('check.config.notObject', {});
    // `benchmarks` is read by diagnose and batch (the consultant's peer file), not by check.
    const known = ['assertions', 'overrides', 'benchmarks'];
    for (const field of Object.keys(value)) {
      if (!known.includes(field)) return this.fail('check.config.unknownField', { field, where: '/', known });
    }
    const assertions = this.entries(value.assertions ?? {}, 'assertions');
    const overridesValue = value.overrides ?? [];
    if (!Array.isArray(overridesValue)) return this.fail('check.config.badOverrides', {});
    return { assertions, overrides: overridesValue.map((override, index) => this.override(override, index)) };
  }
}

/** Validates a parsed config; `file` names it in every error. */
export function parseCheckConfig(value: unknown, file: string): CheckConfig {
  return new ConfigReader(file).config(value);
}

export async function loadCheckConfig(file: string): Promise<CheckConfig> {
  let text: string;
  try {
    text = await readRegularText(file, 1024 * 1024);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError({ key: 'check.config.missing', params: { file } });
    throw new UserError({ key: 'check.config.unreadable', params: { file, reason: code ?? String(error) } });
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UserError({ key: 'check.config.notJson', params: { file, reason: (error as Error).message } });
  }
  return parseCheckConfig(value, file);
}

/** `--config FILE` when given (it must exist); else `.stepsrc.json` in `cwd` if there is one. */
export async function findCheckConfig(
  explicit: string | undefined,
  cwd: string,
): Promise<{ config: CheckConfig; file: string | null }> {
  if (explicit !== undefined) return { config: await loadCheckConfig(explicit), file: explicit };
  const candidate = join(cwd, DEFAULT_CONFIG_FILE);
  try {
    return { config: await loadCheckConfig(candidate), file: candidate };
  } catch (error) {
    if (error instanceof UserError && error.detail.key === 'check.config.missing')
      return { config: EMPTY_CONFIG, file: null };
    throw error;
  }
}

/** `--min-score N`: the same as `"overall": ["error", {"minScore": N}]`. */
export function parseMinScoreShortcut(text: string): AssertionEntries {
  return { overall: { level: 'error', bounds: { minScore: parseScore(text, '--min-score') } } };
}

/** `--stage KEY=N`: the same as `"stage:KEY": ["error", {"minScore": N}]`. */
export function parseStageShortcut(text: string): AssertionEntries {
  const equals = text.indexOf('=');
  if (equals === -1) throw new UserError({ key: 'check.badStageShortcut', params: { value: text } });
  const stage = text.slice(0, equals).trim();
  if (!isStageKey(stage))
    throw new UserError({ key: 'check.unknownStage', params: { value: stage, stages: [...STAGE_KEYS] } });
  return {
    [`stage:${stage}`]: {
      level: 'error',
      bounds: { minScore: parseScore(text.slice(equals + 1), `--stage ${stage}`) },
    },
  };
}

function parseScore(text: string, option: string): number {
  const value = scoreFromText(text);
  if (value === null) throw new UserError({ key: 'check.badScore', params: { option, value: text } });
  return value;
}

function layer(merged: Map<string, AssertionEntry>, entries: AssertionEntries): void {
  for (const [key, entry] of Object.entries(entries)) {
    const earlier = merged.get(key);
    merged.set(key, { level: entry.level, bounds: entry.bounds ?? earlier?.bounds ?? null });
  }
}

/**
 * The assertions for one brand: the config's, then each override whose globs match the brand in
 * file order (later wins), then the command-line shortcuts, which win over the file.
 */
export function assertionsForBrand(config: CheckConfig, brand: string, shortcuts: AssertionEntries = {}): Assertion[] {
  const merged = new Map<string, AssertionEntry>();
  layer(merged, config.assertions);
  for (const override of config.overrides) {
    if (matchesAnyGlob(override.brands, brand)) layer(merged, override.assertions);
  }
  layer(merged, shortcuts);
  const assertions: Assertion[] = [];
  for (const [key, entry] of merged) {
    if (entry.level === 'off') continue;
    const target = parseAssertionKey(key)!;
    assertions.push({ key, target, level: entry.level, bounds: entry.bounds ?? defaultBounds(target) });
  }
  return assertions.sort((a, b) => targetRank(a.target) - targetRank(b.target));
}

/** Output order: overall, stages in adoption order, metrics and inputs as configured. */
function targetRank(target: AssertionTarget): number {
  switch (target.kind) {
    case 'overall':
      return 0;
    case 'stage':
      return 1 + STAGE_KEYS.indexOf(target.stage);
    case 'metric':
      return 10;
    case 'inputs':
      return 11;
    case 'coverage':
      return 12;
    case 'trend':
      return 12;
  }
}
