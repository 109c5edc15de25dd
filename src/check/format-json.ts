// `check --json`: one document, per report and per assertion, for scripts. Raw numbers and the
// config's own tokens (levels, assertion keys), plus the same sentence a person would read.

import type { Translate } from '../i18n/index.js';
import { TOOL_NAME, toolVersion } from '../version.js';
import type { AssertionBounds } from './config.js';
import type { AssertionProblem } from './evaluate.js';
import { failedErrors, type CheckRun, type CheckSummary, type ReportOutcome } from './result.js';
import { resultDetail } from './words.js';

export interface CheckJsonResult {
  assertion: string;
  level: 'warn' | 'error';
  passed: boolean;
  actual: number | null;
  expected: AssertionBounds;
  problem: AssertionProblem | null;
  message: string;
}

export interface CheckJsonReport {
  file: string;
  brand: string | null;
  status: 'passed' | 'failed' | 'invalid' | 'unreadable';
  error: string | null;
  schemaProblems: { path: string; message: string }[];
  results: CheckJsonResult[];
}

export interface CheckJson {
  tool: { name: string; version: string };
  reports: CheckJsonReport[];
  summary: CheckSummary;
  exitCode: number;
}

function jsonReport(outcome: ReportOutcome, t: Translate): CheckJsonReport {
  const base = { file: outcome.file, brand: outcome.brand, error: null, schemaProblems: [], results: [] };
  if (outcome.status === 'unreadable') {
    return { ...base, status: 'unreadable', error: t(outcome.error.key, outcome.error.params) };
  }
  if (outcome.status === 'invalid') return { ...base, status: 'invalid', schemaProblems: outcome.problems };
  const results = outcome.results.map((result) => ({
    assertion: result.assertion,
    level: result.level,
    passed: result.passed,
    actual: result.actual,
    expected: result.bounds,
    problem: result.problem,
    message: resultDetail(result, t),
  }));
  return { ...base, status: failedErrors(outcome.results).length > 0 ? 'failed' : 'passed', results };
}

export function checkJson(run: CheckRun, t: Translate): CheckJson {
  return {
    tool: { name: TOOL_NAME, version: toolVersion() },
    reports: run.outcomes.map((outcome) => jsonReport(outcome, t)),
    summary: run.summary,
    exitCode: run.exitCode,
  };
}

export function formatCheckJson(run: CheckRun, t: Translate): string {
  return `${JSON.stringify(checkJson(run, t), null, 2)}\n`;
}
