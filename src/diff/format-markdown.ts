// `diff --format markdown`: the same comparison for a pull request comment or a step summary.

import type { Translate } from '../i18n/index.js';
import { escapeMarkdown } from '../report/formatters/markdown.js';
import type { DiffFinding, ReportDiff, ReportSide } from './compare.js';
import {
  attributionHeadline,
  attributionNotes,
  carrierLine,
  heroLines,
  movementLines,
  sellerLine,
} from './attribution-words.js';
import {
  arrow,
  formatChange,
  formatMetricValue,
  formatRelative,
  metricLabel,
  signedScore,
  warningText,
} from './words.js';

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function sideLine(label: string, side: ReportSide, t: Translate): string {
  const period = side.period.from ? `${side.period.from} → ${side.period.to}` : t('diff.noPeriod');
  return `- ${t('diff.side', { label, period, profile: escapeMarkdown(side.profile.name), hash: `\`${side.profile.hash}\``, file: escapeMarkdown(side.file) })}`;
}

function stageLabel(key: string | null, diff: ReportDiff, t: Translate): string {
  if (key === null) return t('diff.noFocus');
  const letter = diff.stages.find((stage) => stage.key === key)?.letter ?? '';
  return `${letter} ${t(`diff.stage.${key}`)}`;
}

function changeCell(change: number | null, text: string): string {
  return change === null ? '—' : `${arrow(change)} ${text}`;
}

function findingItem(finding: DiffFinding, t: Translate): string {
  const where = finding.stage === null ? t('diff.brandWide') : t(`diff.stage.${finding.stage}`);
  return `- \`${escapeMarkdown(finding.id)}\` ${where}: ${escapeMarkdown(finding.text)}`;
}

/** The attribution and who came and went, as bullet lists under their headings. */
export function attributionMarkdown(diff: Pick<ReportDiff, 'attribution' | 'movements'>, t: Translate): string[] {
  const { attribution, movements } = diff;
  const bullet = (line: string) => `- ${escapeMarkdown(line.trim())}`;
  return [
    `## ${t('diff.attr.heading')}`,
    '',
    ...attributionNotes(attribution, t).map(bullet),
    bullet(sellerLine(attribution, t)),
    bullet(carrierLine(attribution, t)),
    '',
    `## ${t('diff.move.heading')}`,
    '',
    ...movementLines(movements.creators, 'creators', t).map(bullet),
    ...movementLines(movements.products, 'products', t).map(bullet),
    ...heroLines(movements, t).map(bullet),
    '',
  ];
}

export function formatDiffMarkdown(diff: ReportDiff, t: Translate): string {
  const brand =
    diff.old.brand === diff.new.brand
      ? escapeMarkdown(diff.new.brand)
      : `${escapeMarkdown(diff.old.brand)} → ${escapeMarkdown(diff.new.brand)}`;
  const lines = [`# ${t('diff.title')} · ${brand}`, ''];
  lines.push(sideLine(t('diff.old'), diff.old, t), sideLine(t('diff.new'), diff.new, t), '');
  for (const warning of diff.warnings) lines.push(`> ⚠ ${escapeMarkdown(warningText(warning, t))}`, '');
  lines.push(`**${escapeMarkdown(attributionHeadline(diff.attribution, t))}**`, '');

  const overall = diff.overallScore;
  lines.push(
    `**${t('diff.overall')}**: ${formatMetricValue('score', overall.old, t)} → ${formatMetricValue('score', overall.new, t)} ${changeCell(overall.change, signedScore(overall.change))}`.trimEnd(),
  );
  const focus = diff.focusStage.changed
    ? `${stageLabel(diff.focusStage.old, diff, t)} → **${stageLabel(diff.focusStage.new, diff, t)}**`
    : `${stageLabel(diff.focusStage.new, diff, t)} (${t('diff.unchangedWord')})`;
  lines.push('', `**${t('diff.focus')}**: ${focus}`, '');

  lines.push(
    row(['', t('diff.col.stage'), t('diff.col.old'), t('diff.col.new'), t('diff.col.change'), t('diff.col.status')]),
  );
  lines.push(row(['---', '---', '---:', '---:', '---:', '---']));
  for (const stage of diff.stages) {
    const oldStatus = stage.old ? t(`diff.status.${stage.old.status}`) : '—';
    const newStatus = stage.new ? t(`diff.status.${stage.new.status}`) : '—';
    const status = stage.statusDirection === 'same' ? newStatus : `${oldStatus} → ${newStatus}`;
    lines.push(
      row([
        stage.new?.isFocus ? `**▶ ${stage.letter}**` : stage.letter,
        t(`diff.stage.${stage.key}`),
        stage.old?.score == null ? t('diff.notMeasuredShort') : String(stage.old.score),
        stage.new?.score == null ? t('diff.notMeasuredShort') : String(stage.new.score),
        changeCell(stage.scoreChange, signedScore(stage.scoreChange)),
        status,
      ]),
    );
  }
  lines.push('');

  lines.push(...attributionMarkdown(diff, t));

  lines.push(
    row([t('diff.col.metric'), t('diff.col.old'), t('diff.col.new'), t('diff.col.change'), t('diff.col.relative')]),
  );
  lines.push(row(['---', '---:', '---:', '---:', '---:']));
  for (const delta of diff.metrics) {
    lines.push(
      row([
        metricLabel(delta.metric, t),
        escapeMarkdown(formatMetricValue(delta.kind, delta.old, t)),
        escapeMarkdown(formatMetricValue(delta.kind, delta.new, t)),
        escapeMarkdown(changeCell(delta.change, formatChange(delta, t))),
        escapeMarkdown(formatRelative(delta.relativeChange)),
      ]),
    );
  }
  lines.push('');

  const { appeared, resolved } = diff.findings;
  lines.push(`## ${t('diff.findingsAppeared', { count: appeared.length })}`, '');
  lines.push(
    ...(appeared.length === 0 ? [`_${t('diff.none')}_`] : appeared.map((finding) => findingItem(finding, t))),
    '',
  );
  lines.push(`## ${t('diff.findingsResolved', { count: resolved.length })}`, '');
  lines.push(
    ...(resolved.length === 0 ? [`_${t('diff.none')}_`] : resolved.map((finding) => findingItem(finding, t))),
    '',
  );
  lines.push(
    t('diff.nextSteps', {
      old: diff.nextSteps.old,
      new: diff.nextSteps.new,
      change: signedScore(diff.nextSteps.change),
    }),
    '',
  );
  return lines.join('\n');
}
