// `validate [dir]`: read and check the inputs only, and say what was found and every problem.
// Exit 0 when the folder can be diagnosed (skipped rows are listed but do not stop it), 2 when
// something stops a diagnosis; that first problem is also thrown, so it reaches stderr as one line.

import { ISSUES_SHOWN, MAX_ISSUES_KEPT } from '../ingest/read-file.js';
import { formatDate, formatDateTime } from '../i18n/format.js';
import type { Translate } from '../i18n/index.js';
import type { Inspection } from '../ingest/index.js';
import type { InputFileSummary, RowIssue } from '../ingest/types.js';
import { colorLevel } from './color.js';
import type { ValidateCommandOptions } from './commands/validate.js';
import { inputOverrides, parsePeriod, resolveLang } from './options.js';
import { progressReporter } from './progress.js';
import { cliText } from './text.js';
import { visibleText, visibleWords } from '../util/terminal-text.js';

/** Painting functions; identity when colour is off. */
interface Paint {
  heading: (text: string) => string;
  problem: (text: string) => string;
  good: (text: string) => string;
  quiet: (text: string) => string;
}

async function painter(flag: boolean | undefined): Promise<Paint> {
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: colorLevel(flag) });
  return { heading: chalk.bold, problem: chalk.red, good: chalk.green, quiet: chalk.dim };
}

export async function runValidate(dir: string, options: ValidateCommandOptions): Promise<void> {
  const lang = resolveLang(options);
  const t = cliText(lang);
  const period = options.period ? parsePeriod(options.period) : null;
  const { inspect } = await import('../ingest/index.js');
  const progress = progressReporter(Boolean(options.quiet || options.json), t);
  let inspection: Inspection;
  try {
    inspection = await inspect({
      dir,
      overrides: inputOverrides(options),
      columnsFile: options.columns ?? null,
      strict: options.strict,
      lenient: options.lenient,
      password: options.password ?? null,
      period: period ? { fromMs: period.fromMs, toMs: period.toMs } : null,
      onProgress: progress.report,
    });
  } finally {
    progress.clear();
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify(validationJson(dir, inspection, t), null, 2)}\n`);
  } else if (!options.quiet) {
    const periodActive = period !== null || inspection.result.brand.period !== null;
    process.stdout.write(renderValidation(dir, inspection, t, await painter(options.color), periodActive));
  }
  const firstProblem = inspection.problems[0];
  if (firstProblem) throw firstProblem;
}

// ---------------------------------------------------------------------------------------------
// Human output

function fileFacts(file: InputFileSummary, t: Translate, periodActive: boolean): string {
  const stored =
    file.sheet !== null
      ? [t('validate.fact.sheet', { sheet: file.sheet })]
      : [file.encoding.toUpperCase(), t(`validate.fact.delimiter.${file.delimiter ?? 'comma'}`)];
  const facts = [
    ...stored,
    t('validate.fact.header', { line: String(file.headerLine) }),
    t('validate.fact.rows', { count: file.rows }),
    t('validate.fact.skipped', { count: file.skippedRows }),
  ];
  if (file.kind === 'orders') {
    facts.push(t('validate.fact.duplicates', { count: file.duplicateRows }));
    facts.push(t('validate.fact.excluded', { count: file.excludedRows }));
    if (file.giftLines > 0) facts.push(t('validate.fact.gifts', { count: file.giftLines }));
    if (file.paidThenRefundedLines > 0)
      facts.push(t('validate.fact.paidThenRefunded', { count: file.paidThenRefundedLines }));
  }
  if (file.normalisedIds > 0) facts.push(t('validate.fact.normalisedIds', { count: file.normalisedIds }));
  if (periodActive || file.outsidePeriodRows > 0)
    facts.push(t('validate.fact.outside', { count: file.outsidePeriodRows }));
  return facts.join(' · ');
}

function issueLine(issue: RowIssue, t: Translate): string {
  // A line is a label as the spreadsheet shows it: 3534, not 3,534.
  return t('validate.issue', { line: String(issue.line), message: t(issue.code, issue.params) });
}

/** The dates kept; when the period kept none, the dates the file does hold, so the period can be fixed. */
function coveredLine(file: InputFileSummary, t: Translate): string {
  if (file.firstAt !== null && file.lastAt !== null) {
    return t('validate.covered', { from: formatDate(file.firstAt), to: formatDate(file.lastAt) });
  }
  if (file.dataFirstAt !== null && file.dataLastAt !== null) {
    return t('validate.coveredOutside', { from: formatDate(file.dataFirstAt), to: formatDate(file.dataLastAt) });
  }
  return t('validate.coveredNone');
}

function renderFile(file: InputFileSummary, t: Translate, paint: Paint, periodActive: boolean): string[] {
  const lines = [paint.heading(`${t(`validate.kind.${file.kind}`)}: ${visibleText(file.path)}`)];
  lines.push(`  ${fileFacts(file, t, periodActive)}`);
  lines.push(`  ${coveredLine(file, t)}`);
  const recognised = Object.entries(file.columns).map(([field, header]) => `${field} ← ${visibleText(header)}`);
  lines.push(`  ${t('validate.columns', { columns: recognised })}`);
  const ignored = file.ignoredColumns.length > 0 ? file.ignoredColumns : [t('validate.none')];
  lines.push(`  ${paint.quiet(t('validate.ignored', { columns: ignored }))}`);
  if (file.stoppedAt) {
    lines.push(
      `  ${paint.problem(t('validate.stopped', { message: t(file.stoppedAt.reason.key, file.stoppedAt.reason.params) }))}`,
    );
  }
  const shown = file.issues.slice(0, ISSUES_SHOWN);
  const example = file.normalisedIdExample;
  if (example !== null) {
    const params = { file: file.path, count: file.normalisedIds, line: String(example.line), value: example.value };
    lines.push(`  ${paint.quiet(t('ingest.note.normalisedIds', params))}`);
  }
  for (const issue of shown) lines.push(`  ${paint.problem(issueLine(issue, t))}`);
  const more = file.issueCount - shown.length;
  if (more > 0) lines.push(`  ${paint.problem(t('validate.more', { count: more }))}`);
  return lines;
}

export function renderValidation(
  dir: string,
  inspection: Inspection,
  t: Translate,
  paint: Paint,
  periodActive: boolean,
): string {
  // Messages quote cells, headers and file names as found: shown, never obeyed by the terminal.
  t = visibleWords(t);
  dir = visibleText(dir);
  const { result, problems } = inspection;
  const lines = [paint.heading(t('validate.heading', { dir })), ''];
  for (const file of result.files) lines.push(...renderFile(file, t, paint, periodActive), '');
  if (result.unrecognised.length > 0) {
    lines.push(paint.heading(t('validate.unrecognised')));
    for (const entry of result.unrecognised) {
      lines.push(`  ${t(entry.reason.key, entry.reason.params)}`);
      const standIns = result.files.filter((file) => file.kind === entry.kind).map((file) => visibleText(file.path));
      if (entry.reason.key !== 'ingest.file.overridden' && standIns.length > 0) {
        lines.push(`    ${paint.quiet(t('validate.replaced', { others: standIns }))}`);
      }
    }
    lines.push('');
  }
  if (problems.length > 0) {
    lines.push(paint.heading(t('validate.problems')));
    for (const problem of problems) lines.push(`  ${paint.problem(t(problem.detail.key, problem.detail.params))}`);
    lines.push('');
  }
  lines.push(summaryLine(inspection, t, paint));
  return `${lines.join('\n')}\n`;
}

function summaryLine(inspection: Inspection, t: Translate, paint: Paint): string {
  if (inspection.problems.length > 0)
    return paint.problem(t('validate.notReady', { count: inspection.problems.length }));
  const skipped = inspection.result.files.reduce((sum, file) => sum + file.skippedRows, 0);
  if (skipped > 0) return paint.good(t('validate.readyWithSkips', { count: skipped }));
  return paint.good(t('validate.ready'));
}

// ---------------------------------------------------------------------------------------------
// JSON output: plain data, every message in words as well as its code.

export function validationJson(dir: string, inspection: Inspection, t: Translate) {
  const { result, problems } = inspection;
  return {
    dir,
    brand: { name: result.brand.name, category: result.brand.category },
    files: result.files.map((file) => ({
      kind: file.kind,
      path: file.path,
      encoding: file.encoding,
      format: file.format,
      delimiter: file.delimiter,
      sheet: file.sheet,
      headerLine: file.headerLine,
      rows: file.rows,
      giftLines: file.giftLines,
      paidThenRefundedLines: file.paidThenRefundedLines,
      skippedRows: file.skippedRows,
      duplicateRows: file.duplicateRows,
      excludedRows: file.excludedRows,
      outsidePeriodRows: file.outsidePeriodRows,
      firstAt: formatDateTime(file.firstAt),
      lastAt: formatDateTime(file.lastAt),
      dataFirstAt: formatDateTime(file.dataFirstAt),
      dataLastAt: formatDateTime(file.dataLastAt),
      columns: file.columns,
      ignoredColumns: file.ignoredColumns,
      normalisedIds: file.normalisedIds,
      normalisedIdExample: file.normalisedIdExample,
      issueCount: file.issueCount,
      issuesListed: file.issues.length,
      issuesCap: MAX_ISSUES_KEPT,
      issuesTruncated: file.issueCount > file.issues.length,
      issues: file.issues.map((issue) => ({
        line: issue.line,
        column: issue.column,
        value: issue.value,
        code: issue.code,
        message: t(issue.code, issue.params),
      })),
      stoppedAt: file.stoppedAt
        ? { line: file.stoppedAt.line, message: t(file.stoppedAt.reason.key, file.stoppedAt.reason.params) }
        : null,
    })),
    unrecognised: result.unrecognised.map((entry) => ({
      path: entry.path,
      kind: entry.kind,
      code: entry.reason.key,
      message: t(entry.reason.key, entry.reason.params),
    })),
    issues: problems.map((problem) => ({
      file: problem.file,
      line: problem.line,
      code: problem.detail.key,
      message: t(problem.detail.key, problem.detail.params),
    })),
    ok: problems.length === 0,
  };
}
