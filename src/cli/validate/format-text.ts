// validate's human output: each file with what was read from it, the problems, and one verdict
// line. A renderer only: the inspection is done before it is called.

import { formatDate } from '../../i18n/format.js';
import type { Translate } from '../../i18n/index.js';
import type { Inspection } from '../../ingest/index.js';
import { ISSUES_SHOWN } from '../../ingest/read-file.js';
import type { InputFileSummary, RowIssue } from '../../ingest/types.js';
import type { StageCoverage } from '../../diagnosis/coverage.js';
import { notMeasuredMessage } from '../../diagnosis/engine.js';
import { visibleText, visibleWords } from '../../util/terminal-text.js';

/** Painting functions; identity when colour is off. */
export interface Paint {
  heading: (text: string) => string;
  problem: (text: string) => string;
  good: (text: string) => string;
  quiet: (text: string) => string;
}

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
  const lines = [paint.heading(`${t(`report.kind.${file.kind}`)}: ${visibleText(file.path)}`)];
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
  /** What the files can measure; null when a problem stops the diagnosis (nothing to promise then). */
  coverage: StageCoverage | null,
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
  if (coverage !== null) {
    lines.push(paint.heading(t('validate.coverage', { measured: coverage.measuredStages, stages: coverage.stages })));
    for (const stage of coverage.notMeasured) {
      const message = notMeasuredMessage(stage);
      lines.push(`  ${paint.quiet(t(message.key, message.params))}`);
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
