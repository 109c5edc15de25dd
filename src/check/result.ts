// What a `check` run found, as plain data: one outcome per report file, a summary and the exit
// code. Every output (lines, JSON, JUnit) is a function of this.

import { EXIT_CANNOT_RUN, EXIT_GATE_FAILED, EXIT_OK } from '../errors.js';
import type { Message } from '../i18n/index.js';
import type { ReportValidator, SchemaProblem } from '../report/schema.js';
import type { Report } from '../report/types.js';
import type { Assertion } from './config.js';
import { evaluateReport, type AssertionResult } from './evaluate.js';
import { notAReport, otherFileKind } from './other-files.js';
import { readJsonFile } from './read.js';
import { evaluateTrend, isTrendJson, type TrendForGate } from './trend-gate.js';

export type ReportOutcome =
  | { file: string; status: 'unreadable'; brand: null; error: Message }
  /** JSON, but not a report our schema accepts: fails the gate whatever the levels. */
  | { file: string; status: 'invalid'; brand: string | null; problems: SchemaProblem[] }
  | { file: string; status: 'checked'; brand: string; results: AssertionResult[] };

export interface CheckSummary {
  reports: number;
  /** Checked, and no error-level assertion failed (warnings allowed). */
  passedReports: number;
  failedReports: number;
  invalidReports: number;
  unreadableReports: number;
  assertions: number;
  passedAssertions: number;
  /** Failed at level warn. */
  warnings: number;
  /** Failed at level error. */
  errors: number;
}

export interface CheckRun {
  outcomes: ReportOutcome[];
  summary: CheckSummary;
  exitCode: number;
}

export function failedErrors(results: AssertionResult[]): AssertionResult[] {
  return results.filter((result) => !result.passed && result.level === 'error');
}

function brandOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const brand = (value as { brand?: unknown }).brand;
  if (typeof brand !== 'object' || brand === null) return null;
  const name = (brand as { name?: unknown }).name;
  return typeof name === 'string' ? name : null;
}

export async function checkFile(
  file: string,
  validate: ReportValidator,
  assertionsFor: (brand: string) => Assertion[],
): Promise<ReportOutcome> {
  const read = await readJsonFile(file);
  if (!read.ok) return { file, status: 'unreadable', brand: null, error: read.error };
  if (isTrendJson(read.value)) return checkTrendFile(file, read.value, assertionsFor);
  const other = otherFileKind(read.value);
  if (other !== null)
    return { file, status: 'unreadable', brand: null, error: notAReport(file, other, 'check', read.value) };
  const problems = validate(read.value);
  // Assertions would read fields the schema could not vouch for, so an invalid report gets none.
  if (problems.length > 0) return { file, status: 'invalid', brand: brandOf(read.value), problems };
  const report = read.value as Report;
  // Progress needs two periods: trend assertions apply to trend files, the others to reports.
  const assertions = assertionsFor(report.brand.name).filter((assertion) => assertion.target.kind !== 'trend');
  return { file, status: 'checked', brand: report.brand.name, results: evaluateReport(report, assertions) };
}

async function checkTrendFile(
  file: string,
  value: unknown,
  assertionsFor: (brand: string) => Assertion[],
): Promise<ReportOutcome> {
  const { loadTrendValidator } = await import('../trend/schema.js');
  const problems = (await loadTrendValidator())(value);
  const brand = typeof (value as { brand?: unknown }).brand === 'string' ? (value as TrendForGate).brand : null;
  if (problems.length > 0) return { file, status: 'invalid', brand, problems };
  const trend = value as TrendForGate;
  const assertions = assertionsFor(trend.brand).filter((assertion) => assertion.target.kind === 'trend');
  return { file, status: 'checked', brand: trend.brand, results: evaluateTrend(trend, assertions) };
}

export function summarize(outcomes: ReportOutcome[]): CheckSummary {
  const summary: CheckSummary = {
    reports: outcomes.length,
    passedReports: 0,
    failedReports: 0,
    invalidReports: 0,
    unreadableReports: 0,
    assertions: 0,
    passedAssertions: 0,
    warnings: 0,
    errors: 0,
  };
  for (const outcome of outcomes) {
    if (outcome.status === 'unreadable') summary.unreadableReports++;
    if (outcome.status === 'invalid') summary.invalidReports++;
    if (outcome.status !== 'checked') continue;
    const errors = failedErrors(outcome.results).length;
    if (errors > 0) summary.failedReports++;
    else summary.passedReports++;
    summary.assertions += outcome.results.length;
    summary.passedAssertions += outcome.results.filter((result) => result.passed).length;
    summary.warnings += outcome.results.filter((result) => !result.passed && result.level === 'warn').length;
    summary.errors += errors;
  }
  return summary;
}

/** 2 when a file could not be checked at all, else 1 when a report is invalid or an error-level assertion failed. */
export function exitCodeOf(summary: CheckSummary): number {
  if (summary.unreadableReports > 0) return EXIT_CANNOT_RUN;
  if (summary.invalidReports > 0 || summary.errors > 0) return EXIT_GATE_FAILED;
  return EXIT_OK;
}

export async function checkFiles(
  files: string[],
  validate: ReportValidator,
  assertionsFor: (brand: string) => Assertion[],
): Promise<CheckRun> {
  const outcomes: ReportOutcome[] = [];
  // One at a time keeps the output in the order the files were given, and reports are small.
  for (const file of files) outcomes.push(await checkFile(file, validate, assertionsFor));
  const summary = summarize(outcomes);
  return { outcomes, summary, exitCode: exitCodeOf(summary) };
}
