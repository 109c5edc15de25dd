// The terminal formatter: Report → text for a consultant at a terminal, laid out for its width.

import { peerCompact, peerHeader } from './peer.js';
import { allMessages } from '../../i18n/catalogs/index.js';
import { formatCount } from '../../i18n/format.js';
import { translator, type Translate } from '../../i18n/index.js';
import { stagesFocusFirst } from '../order.js';
import { priorityLines, prioritiesOf } from './plan.js';
import { createTextTable } from './table.js';
import { DEFAULT_TERMINAL_WIDTH, layoutColumns, type ColumnSpec } from './layout.js';
import type { Report, ReportStage } from '../types.js';
import { plainStyle, type Style } from './style.js';
import { displayWidth, stripControl, wrap } from './text.js';
import {
  CHECK_MARK,
  coverageText,
  focusNote,
  formatTarget,
  formatUnitValue,
  sessionCells,
  sessionColumnHeads,
  SEVERITY_MARK,
  categoryLabel,
  profileLabel,
  windowNote,
} from './values.js';

/** The worst sessions are what a consultant acts on; the JSON report keeps every one. */
const MAX_SESSION_ROWS = 15;

export interface TerminalOptions {
  style?: Style;
  /** Terminal columns to fit; files and pipes get DEFAULT_TERMINAL_WIDTH. */
  width?: number;
}

interface Writer {
  lines: string[];
  t: Translate;
  style: Style;
  width: number;
  /** Next steps are numbered across stages, focus stage first, as report.nextSteps lists them. */
  nextStepNumber: number;
}

function clean(text: string): string {
  return stripControl(text);
}

function indentWrapped(writer: Writer, prefix: string, text: string): void {
  const hanging = ' '.repeat(displayWidth(prefix));
  wrap(clean(text), writer.width - displayWidth(prefix)).forEach((line, index) => {
    writer.lines.push((index === 0 ? prefix : hanging) + line);
  });
}

function scoreText(score: number | null, style: Style): string {
  if (score === null) return style.dim('—');
  if (score >= 70) return style.good(String(score));
  if (score >= 40) return style.warn(String(score));
  return style.bad(String(score));
}

function writeHeader(writer: Writer, report: Report): void {
  const { t, style } = writer;
  const category = report.brand.category ? ` · ${clean(categoryLabel(report.brand.category, t))}` : '';
  for (const line of wrap(`${t('report.title')} · ${clean(report.brand.name)}${category}`, writer.width)) {
    writer.lines.push(style.heading(line));
  }
  const period = report.period.from ? `${report.period.from} → ${report.period.to}` : t('report.noPeriod');
  const colon = t('report.colon');
  indentWrapped(
    writer,
    '',
    `${t('report.period')}${colon}${period} · ${t('report.profile')}${colon}${clean(profileLabel(report.profile.name, t))} (${report.profile.hash})`,
  );
  for (const input of report.inputs) {
    const line = t('report.input', {
      kind: t(`report.kind.${input.kind}`),
      path: clean(input.path),
      encoding: input.encoding.toUpperCase(),
      rows: formatCount(input.rows),
      skipped: formatCount(input.skippedRows),
    });
    indentWrapped(writer, '  ', line);
  }
  for (const entry of report.unrecognisedInputs) {
    indentWrapped(writer, '  ', t('report.unrecognised', { path: clean(entry.path), message: clean(entry.message) }));
  }
  writer.lines.push('');
}

// At 100 columns: 5 + 27 + 7 + 14 + 41 + 6 borders. Narrower, a column keeps room for its
// longest word ("Channel-", "developing") and the evidence gives up the rest.
const STAGE_COLUMNS: readonly ColumnSpec[] = [
  { ideal: 5, min: 5 },
  { ideal: 27, min: 6, grow: 1 },
  { ideal: 7, min: 7 },
  { ideal: 14, min: 6 },
  { ideal: 41, min: 12, grow: 3 },
];

function writeStageTable(writer: Writer, report: Report): void {
  const { t, style } = writer;
  const head = ['', t('report.col.stage'), t('report.col.score'), t('report.col.status'), t('report.col.evidence')];
  const rows = report.stages.map((stage) => {
    const marker = stage.isFocus ? style.focus(`▶ ${stage.letter}`) : `  ${stage.letter}`;
    const name = stage.isFocus ? style.focus(stage.name) : stage.name;
    return [marker, name, scoreText(stage.score, style), stage.statusText, clean(stage.evidence)];
  });
  const { widths } = layoutColumns(STAGE_COLUMNS, writer.width, [head, ...rows]);
  const table = createTextTable(head, widths);
  for (const row of rows) table.push(row);
  writer.lines.push(table.toString());
  const score = report.overallScore === null ? '—' : `${report.overallScore}/100`;
  const coverage = coverageText(report, t);
  const overall = coverage === null ? score : `${score} · ${coverage}`;
  const focus = report.stages.find((stage) => stage.isFocus);
  const focusText = focus ? `${focus.letter} ${focus.name}${focusNote(focus, t)}` : t('report.noFocus');
  const colon = t('report.colon');
  pushSegments(
    writer,
    '',
    [
      `${style.heading(t('report.overall'))}${colon}${overall}`,
      `${style.heading(t('report.focus'))}${colon}${style.focus(focusText)}`,
    ],
    ' · ',
  );
  const peers = peerHeader(report, t);
  if (peers !== null) indentWrapped(writer, '', peers);
  writer.lines.push('');
}

function writeStageDetail(writer: Writer, stage: ReportStage, report: Report): void {
  const { t, style } = writer;
  const score = stage.score === null ? '' : ` · ${stage.score}/100`;
  const focus = stage.isFocus ? ` ${style.focus(`[${t('report.focusMark')}]`)}` : '';
  writer.lines.push(style.heading(`${stage.letter} ${stage.name}${score} · ${stage.statusText}`) + focus);
  if (stage.score === null) indentWrapped(writer, '  ', stage.evidence);
  if (stage.checks.length > 0) {
    writer.lines.push(`  ${t('report.checks')}`);
    for (const check of stage.checks) {
      const mark = markForResult(check.result, style);
      const value = formatUnitValue(check.unit, check.value, t);
      const peer = peerCompact(check, report, t);
      const peerText = peer === null ? '' : ` · ${style.dim(peer)}`;
      const window = windowNote(check, t);
      const windowText = window === null ? '' : ` · ${window}`;
      indentWrapped(
        writer,
        `    ${mark} `,
        `${check.label}${t('report.colon')}${value} (${formatTarget(check, t)})${windowText}${peerText}`,
      );
    }
  }
  if (stage.findings.length > 0) {
    writer.lines.push(`  ${t('report.findings')}`);
    for (const finding of stage.findings) {
      indentWrapped(writer, `    ${severityMark(finding.severity, style)} `, finding.text);
    }
  }
  if (stage.nextSteps.length > 0) {
    writer.lines.push(`  ${t('report.nextSteps')}`);
    for (const step of stage.nextSteps) {
      writer.nextStepNumber += 1;
      indentWrapped(writer, `    ${writer.nextStepNumber}. `, step);
    }
  }
  writer.lines.push('');
}

function markForResult(result: string, style: Style): string {
  const mark = CHECK_MARK[result] ?? '?';
  if (result === 'pass') return style.good(mark);
  if (result === 'warn') return style.warn(mark);
  if (result === 'fail') return style.bad(mark);
  return style.dim(mark);
}

function severityMark(severity: string, style: Style): string {
  const mark = SEVERITY_MARK[severity] ?? 'i';
  if (severity === 'error') return style.bad(mark);
  if (severity === 'warn') return style.warn(mark);
  return style.dim(mark);
}

// At 100 columns: 18 + 13 + 13 + 10 + 8 + 6 + 11 + 12 + 9 borders. The date and time name the
// session as the findings do. On a narrow terminal the columns a consultant can read elsewhere
// in the report (UV value, viewers, ROI) go first.
const SESSION_COLUMNS: readonly ColumnSpec[] = [
  { ideal: 18, min: 12 },
  { ideal: 13, min: 6, grow: 1, dropRank: 1 },
  { ideal: 13, min: 6 },
  { ideal: 10, min: 6, dropRank: 3 },
  { ideal: 8, min: 6, dropRank: 4 },
  { ideal: 6, min: 6, dropRank: 2 },
  { ideal: 11, min: 11 },
  { ideal: 12, min: 6 },
];

function writeSessions(writer: Writer, report: Report): void {
  if (report.sessions.length === 0) return;
  const { t, style } = writer;
  // Weakest first when there are many: the score is over the known STAGE items.
  const ordered =
    report.sessions.length > MAX_SESSION_ROWS
      ? [...report.sessions].sort((a, b) => (a.score ?? 101) - (b.score ?? 101) || a.liveId.localeCompare(b.liveId))
      : report.sessions;
  const shown = ordered.slice(0, MAX_SESSION_ROWS);
  writer.lines.push(style.heading(t('report.sessions')));
  const heads = sessionColumnHeads(t);
  const rows = shown.map((session) =>
    sessionCells(session, t, { text: clean, mark: (result) => markForResult(result, style) }),
  );
  const layout = layoutColumns(SESSION_COLUMNS, writer.width, [heads, ...rows]);
  const pick = (cells: string[]) => layout.shown.map((index) => cells[index] ?? '');
  const table = createTextTable(pick(heads), layout.widths);
  for (const row of rows) table.push(pick(row));
  writer.lines.push(table.toString());
  if (layout.shown.length < SESSION_COLUMNS.length) {
    const hidden = heads.filter((_, index) => !layout.shown.includes(index));
    const narrow = t('report.sessionsNarrow', { columns: hidden.join(t('report.listSeparator')) });
    for (const line of wrap(narrow, writer.width)) writer.lines.push(style.dim(line));
  }
  if (shown.length < report.sessions.length) {
    const more = t('report.sessionsMore', { shown: shown.length, total: report.sessions.length });
    for (const line of wrap(more, writer.width)) writer.lines.push(style.dim(line));
  }
  writeStageHealth(writer, report);
  writer.lines.push('');
}

const STAGE_LETTERS = { script: 'S', traffic: 'T', assortment: 'A', gifts: 'G', 'early-warmup': 'E' } as const;
const TALLY_RESULTS = ['pass', 'warn', 'fail', 'unknown'] as const;

/** "S ✓12 !5 ✗3 ?0 · T …" and the sentence naming the item that fails most. */
function writeStageHealth(writer: Writer, report: Report): void {
  const health = report.stageHealth;
  // Reports written before schema 1.1.0 have no stage health.
  if (!health) return;
  const { style } = writer;
  const tallies = Object.entries(STAGE_LETTERS).map(([key, letter]) => {
    const tally = health.items[key as keyof typeof STAGE_LETTERS];
    const counts = TALLY_RESULTS.map((result) => `${markForResult(result, style)}${tally[result]}`).join(' ');
    return `${letter} ${counts}`;
  });
  pushSegments(writer, 'STAGE  ', tallies, ' · ');
  if (health.summary) indentWrapped(writer, '', health.summary);
}

/** Joins segments on one line while they fit the width, never splitting a segment. */
function pushSegments(writer: Writer, prefix: string, segments: readonly string[], separator: string): void {
  const hanging = ' '.repeat(displayWidth(prefix));
  let line = prefix;
  let empty = true;
  for (const segment of segments) {
    const candidate = empty ? line + segment : line + separator + segment;
    if (!empty && displayWidth(candidate) > writer.width) {
      writer.lines.push(line);
      line = hanging + segment;
      continue;
    }
    line = candidate;
    empty = false;
  }
  writer.lines.push(line);
}

function writeWarnings(writer: Writer, report: Report): void {
  for (const warning of report.warnings) indentWrapped(writer, `${writer.style.warn('!')} `, warning);
  if (report.warnings.length > 0) writer.lines.push('');
}

function writeRowIssues(writer: Writer, report: Report): void {
  const { t, style } = writer;
  for (const input of report.inputs) {
    if (input.issueCount === 0) continue;
    for (const line of wrap(
      t('report.rowIssues', { path: clean(input.path), count: input.issueCount }),
      writer.width,
    )) {
      writer.lines.push(style.warn(line));
    }
    for (const issue of input.issues) {
      const line = t('report.rowIssue', {
        line: String(issue.line),
        column: clean(issue.column ?? '—'),
        value: clean(issue.value ?? ''),
        message: clean(issue.message),
      });
      indentWrapped(writer, '  ', line);
    }
    if (input.issueCount > input.issues.length) {
      writer.lines.push(`  ${t('report.rowIssueMore', { count: input.issueCount - input.issues.length })}`);
    }
  }
}

/** The three priorities lead, right after the stage table (PLAN.md §1). */
function writePriorities(writer: Writer, report: Report): void {
  const priorities = prioritiesOf(report);
  if (priorities === null) return;
  const { t, style } = writer;
  writer.lines.push(style.heading(t('plan.title')));
  if (priorities.length === 0) writer.lines.push(`  ${t('plan.none')}`);
  for (const item of priorities) {
    const lines = priorityLines(item, t);
    const number = `  ${item.rank}. `;
    const hanging = ' '.repeat(displayWidth(number));
    indentWrapped(writer, number, lines.head);
    indentWrapped(writer, hanging, style.dim(lines.why));
    if (lines.impact) indentWrapped(writer, hanging, lines.impact);
  }
  if (report.plan.backlog.length > 0) writer.lines.push(style.dim(`  ${t('plan.backlogNote')}`));
  writer.lines.push('');
}

export function formatTerminal(report: Report, options: TerminalOptions = {}): string {
  const writer: Writer = {
    lines: [],
    t: translator(allMessages, report.lang),
    style: options.style ?? plainStyle,
    width: options.width ?? DEFAULT_TERMINAL_WIDTH,
    nextStepNumber: 0,
  };
  writeHeader(writer, report);
  writeStageTable(writer, report);
  writePriorities(writer, report);

  if (report.brandFindings.length > 0) {
    writer.lines.push(writer.style.heading(writer.t('report.brandFindings')));
    for (const finding of report.brandFindings) {
      indentWrapped(writer, `  ${severityMark(finding.severity, writer.style)} `, finding.text);
    }
    writer.lines.push('');
  }

  for (const stage of stagesFocusFirst(report.stages)) writeStageDetail(writer, stage, report);
  if (report.nextSteps.length === 0) writer.lines.push(writer.t('report.noNextSteps'), '');

  writeSessions(writer, report);
  writeWarnings(writer, report);
  writeRowIssues(writer, report);
  const generatedBy = writer.t('report.generatedBy', {
    version: report.tool.version,
    profile: clean(profileLabel(report.profile.name, writer.t)),
    hash: report.profile.hash,
  });
  for (const line of wrap(generatedBy, writer.width)) writer.lines.push(writer.style.dim(line));
  return `${writer.lines.join('\n')}\n`;
}
