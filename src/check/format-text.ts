// `check` for people: one line per assertion per report (✓ passed, ! warning, ✗ failed, the
// latter two with their level), then a summary. Unreadable files are not here: they are errors, and go to stderr.

import type { Translate } from '../i18n/index.js';
import { padEnd, displayWidth } from '../report/formatters/text.js';
import type { Style } from '../report/formatters/style.js';
import type { CheckRun, ReportOutcome } from './result.js';
import { clean, levelText, resultDetail } from './words.js';

/** A schema failure can list hundreds of problems; the JSON and JUnit outputs keep them all. */
const MAX_PROBLEM_LINES = 20;

interface Line {
  mark: string;
  file: string;
  assertion: string;
  detail: string;
  /** The severity, on lines that did not pass only: a passing line is not an error. */
  level: string | null;
  /** Lines printed under this one, indented (schema problems). */
  more: string[];
}

function markFor(passed: boolean, level: 'warn' | 'error', style: Style): string {
  if (passed) return style.good('✓');
  return level === 'warn' ? style.warn('!') : style.bad('✗');
}

function outcomeLines(outcome: ReportOutcome, t: Translate, style: Style): Line[] {
  const file = clean(outcome.file);
  if (outcome.status === 'unreadable') return [];
  if (outcome.status === 'invalid') {
    const shown = outcome.problems
      .slice(0, MAX_PROBLEM_LINES)
      .map((problem) => `${clean(problem.path)}: ${clean(problem.message)}`);
    const hidden = outcome.problems.length - shown.length;
    if (hidden > 0) shown.push(t('check.moreProblems', { count: hidden }));
    const detail = t('check.schema.invalid', { count: outcome.problems.length });
    return [{ mark: style.bad('✗'), file, assertion: 'schema', detail, level: levelText('error', t), more: shown }];
  }
  const lines: Line[] = [
    {
      mark: style.good('✓'),
      file,
      assertion: 'schema',
      detail: t('check.schema.valid'),
      level: null,
      more: [],
    },
  ];
  for (const result of outcome.results) {
    lines.push({
      mark: markFor(result.passed, result.level, style),
      file,
      assertion: result.assertion,
      detail: resultDetail(result, t),
      level: result.passed ? null : levelText(result.level, t),
      more: [],
    });
  }
  return lines;
}

function summaryLine(run: CheckRun, t: Translate): string {
  const { summary } = run;
  return t('check.summary', {
    passedReports: summary.passedReports,
    failedReports: summary.failedReports,
    invalidReports: summary.invalidReports,
    unreadableReports: summary.unreadableReports,
    passedAssertions: summary.passedAssertions,
    warnings: summary.warnings,
    errors: summary.errors,
  });
}

export function formatCheckText(run: CheckRun, t: Translate, style: Style): string {
  const lines = run.outcomes.flatMap((outcome) => outcomeLines(outcome, t, style));
  const fileWidth = Math.max(0, ...lines.map((line) => displayWidth(line.file)));
  const assertionWidth = Math.max(0, ...lines.map((line) => displayWidth(line.assertion)));
  const out: string[] = [];
  for (const line of lines) {
    const level = line.level === null ? '' : `  ${style.dim(`[${line.level}]`)}`;
    out.push(
      `${line.mark} ${padEnd(line.file, fileWidth)}  ${padEnd(line.assertion, assertionWidth)}  ${line.detail}${level}`,
    );
    for (const extra of line.more) out.push(`    ${extra}`);
  }
  if (out.length > 0) out.push('');
  const summary = summaryLine(run, t);
  out.push(run.exitCode === 0 ? style.good(summary) : style.bad(summary));
  return `${out.join('\n')}\n`;
}
