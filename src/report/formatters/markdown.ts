// The Markdown formatter: the whole diagnosis, readable on a code host and in $GITHUB_STEP_SUMMARY.

import { peerCompact, peerHeader } from './peer.js';
import { allMessages } from '../../i18n/catalogs/index.js';
import { formatCount } from '../../i18n/format.js';
import { translator, type Translate } from '../../i18n/index.js';
import { stagesFocusFirst } from '../order.js';
import { priorityLines, prioritiesOf } from './plan.js';
import type { Report, ReportSession, ReportStage } from '../types.js';
import { neutraliseAutolinks } from './autolink.js';
import { stripControl } from './text.js';
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

/**
 * Text from the data (names, file names, messages quoting values) must read as text: emphasis,
 * links, code, tables and inline HTML characters are escaped, and line breaks would end a row.
 * Every escaped string is placed after a prefix, so line-start markers (#, -, 1.) need no escape.
 */
export function escapeMarkdown(text: string): string {
  return neutraliseAutolinks(
    stripControl(text)
      .replace(/[\\`*_[\]<>|~&!]/g, (char) => `\\${char}`)
      .replace(/\r?\n/g, ' '),
  );
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function stageTable(report: Report, t: Translate): string[] {
  const lines = [
    row(['', t('report.col.stage'), t('report.col.score'), t('report.col.status'), t('report.col.evidence')]),
    row(['---', '---', '---:', '---', '---']),
  ];
  for (const stage of report.stages) {
    const marker = stage.isFocus ? `**▶ ${stage.letter}**` : stage.letter;
    const name = stage.isFocus ? `**${escapeMarkdown(stage.name)}**` : escapeMarkdown(stage.name);
    lines.push(
      row([
        marker,
        name,
        stage.score === null ? '—' : String(stage.score),
        escapeMarkdown(stage.statusText),
        escapeMarkdown(stage.evidence),
      ]),
    );
  }
  return lines;
}

function stageSection(stage: ReportStage, report: Report, t: Translate, firstStep: number): string[] {
  const score = stage.score === null ? '' : ` · ${stage.score}/100`;
  const focus = stage.isFocus ? ` · **${t('report.focusMark')}**` : '';
  const lines = [
    `### ${stage.letter} ${escapeMarkdown(stage.name)}${score} · ${escapeMarkdown(stage.statusText)}${focus}`,
    '',
  ];
  if (stage.score === null) lines.push(escapeMarkdown(stage.evidence), '');
  if (stage.checks.length > 0) {
    lines.push(`**${t('report.checks')}**`, '');
    for (const check of stage.checks) {
      const value = formatUnitValue(check.unit, check.value, t);
      const peer = peerCompact(check, report, t);
      const peerText = peer === null ? '' : ` · ${escapeMarkdown(peer)}`;
      const window = windowNote(check, t);
      const windowText = window === null ? '' : ` · ${escapeMarkdown(window)}`;
      lines.push(
        `- ${CHECK_MARK[check.result]} ${escapeMarkdown(check.label)}${t('report.colon')}${escapeMarkdown(value)} (${escapeMarkdown(formatTarget(check, t))})${windowText}${peerText}`,
      );
    }
    lines.push('');
  }
  if (stage.findings.length > 0) {
    lines.push(`**${t('report.findings')}**`, '');
    for (const finding of stage.findings)
      lines.push(`- ${SEVERITY_MARK[finding.severity]} ${escapeMarkdown(finding.text)}`);
    lines.push('');
  }
  if (stage.nextSteps.length > 0) {
    lines.push(`**${t('report.nextSteps')}**`, '');
    stage.nextSteps.forEach((step, index) => lines.push(`${firstStep + index}. ${escapeMarkdown(step)}`));
    lines.push('');
  }
  return lines;
}

function sessionTable(sessions: ReportSession[], t: Translate): string[] {
  const lines = [row(sessionColumnHeads(t)), row(['---', '---', '---:', '---:', '---:', '---:', '---', '---'])];
  for (const session of sessions) {
    lines.push(row(sessionCells(session, t, { text: escapeMarkdown, mark: (result) => CHECK_MARK[result] ?? '?' })));
  }
  return lines;
}

export function formatMarkdown(report: Report): string {
  const t = translator(allMessages, report.lang);
  const lines: string[] = [];
  const category = report.brand.category ? ` · ${escapeMarkdown(categoryLabel(report.brand.category, t))}` : '';
  lines.push(`# ${t('report.title')} · ${escapeMarkdown(report.brand.name)}${category}`, '');
  const period = report.period.from ? `${report.period.from} → ${report.period.to}` : t('report.noPeriod');
  const colon = t('report.colon');
  // A profile file names itself: its name is data, and a backtick in it would end a code span.
  lines.push(
    `${t('report.period')}${colon}${period} · ${t('report.profile')}${colon}${escapeMarkdown(profileLabel(report.profile.name, t))} (\`${report.profile.hash}\`)`,
    '',
  );
  lines.push(`**${t('report.inputs')}**`, '');
  for (const input of report.inputs) {
    const text = t('report.input', {
      kind: t(`report.kind.${input.kind}`),
      path: input.path,
      encoding: input.encoding.toUpperCase(),
      rows: formatCount(input.rows),
      skipped: formatCount(input.skippedRows),
    });
    lines.push(`- ${escapeMarkdown(text)}`);
  }
  lines.push('');
  lines.push(...stageTable(report, t), '');
  const priorities = prioritiesOf(report);
  if (priorities !== null) {
    lines.push(`## ${t('plan.title')}`, '');
    if (priorities.length === 0) lines.push(t('plan.none'), '');
    for (const item of priorities) {
      const text = priorityLines(item, t);
      lines.push(
        `${item.rank}. ${escapeMarkdown(text.head)}  `,
        `   ${escapeMarkdown(text.why)}${text.impact ? '  ' : ''}`,
      );
      if (text.impact) lines.push(`   ${escapeMarkdown(text.impact)}`);
      lines.push('');
    }
  }
  const score = report.overallScore === null ? '—' : `${report.overallScore}/100`;
  const coverage = coverageText(report, t);
  const overall = coverage === null ? score : `${score} · ${coverage}`;
  const focus = report.stages.find((stage) => stage.isFocus);
  const focusText = focus
    ? `${focus.letter} ${escapeMarkdown(focus.name)}${escapeMarkdown(focusNote(focus, t))}`
    : t('report.noFocus');
  lines.push(`**${t('report.overall')}**${colon}${overall} · **${t('report.focus')}**${colon}${focusText}`, '');
  const peers = peerHeader(report, t);
  if (peers !== null) lines.push(escapeMarkdown(peers), '');

  if (report.brandFindings.length > 0) {
    lines.push(`## ${t('report.brandFindings')}`, '');
    for (const finding of report.brandFindings)
      lines.push(`- ${SEVERITY_MARK[finding.severity]} ${escapeMarkdown(finding.text)}`);
    lines.push('');
  }

  lines.push(`## ${t('report.nextSteps')}`, '');
  let nextStep = 1;
  for (const stage of stagesFocusFirst(report.stages)) {
    lines.push(...stageSection(stage, report, t, nextStep));
    nextStep += stage.nextSteps.length;
  }

  if (report.sessions.length > 0) {
    lines.push(`## ${t('report.sessions')}`, '', ...sessionTable(report.sessions, t), '');
  }
  lines.push(
    `_${escapeMarkdown(t('report.generatedBy', { version: report.tool.version, profile: profileLabel(report.profile.name, t), hash: report.profile.hash }))}_`,
    '',
  );
  return lines.join('\n');
}
