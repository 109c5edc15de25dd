// `diff` at a terminal: the stages side by side, then the metrics, then which findings appeared
// and which were resolved. Arrows carry the direction; colour (on a TTY only) says good or bad.

import Table from 'cli-table3';
import type { Translate } from '../i18n/index.js';
import type { Style } from '../report/formatters/style.js';
import { stripControl, wrap } from '../report/formatters/text.js';
import type { DiffFinding, MetricDelta, ReportDiff, ReportSide, StageDelta } from './compare.js';
import {
  attributionHeadline,
  attributionNotes,
  carrierLine,
  heroLines,
  movementLines,
  sellerLine,
} from './attribution-words.js';
import { arrow, formatChange, formatMetricValue, formatRelative, metricLabel, signedScore } from './words.js';

/** compact: a rule under the header but none between rows, so 23 metrics stay one screen tall. */
const TABLE_STYLE = { head: [] as string[], border: [] as string[], compact: true };

function toned(text: string, change: number | null, goodWhenUp: boolean, style: Style): string {
  if (change === null || change === 0 || !goodWhenUp) return text;
  return change > 0 ? style.good(text) : style.bad(text);
}

function periodText(side: ReportSide, t: Translate): string {
  return side.period.from ? `${side.period.from} → ${side.period.to}` : t('diff.noPeriod');
}

function header(diff: ReportDiff, t: Translate, style: Style): string[] {
  const brand =
    diff.old.brand === diff.new.brand
      ? stripControl(diff.new.brand)
      : `${stripControl(diff.old.brand)} → ${stripControl(diff.new.brand)}`;
  const lines = [style.heading(`${t('diff.title')} · ${brand}`)];
  for (const [label, side] of [
    [t('diff.old'), diff.old],
    [t('diff.new'), diff.new],
  ] as const) {
    lines.push(
      t('diff.side', {
        label,
        period: periodText(side, t),
        profile: stripControl(side.profile.name),
        hash: side.profile.hash,
        file: stripControl(side.file),
      }),
    );
  }
  lines.push(...indented(attributionHeadline(diff.attribution, t), '').map((line) => style.heading(line)));
  const overall = diff.overallScore;
  const overallChange =
    overall.change === null
      ? ''
      : `  ${toned(`${arrow(overall.change)} ${signedScore(overall.change)}`, overall.change, true, style)}`;
  lines.push(
    `${t('diff.overall')}: ${formatMetricValue('score', overall.old, t)} → ${formatMetricValue('score', overall.new, t)}${overallChange}`,
  );
  lines.push(focusLine(diff, t, style), '');
  return lines;
}

function stageName(key: string | null, diff: ReportDiff, t: Translate): string {
  if (key === null) return t('diff.noFocus');
  const letter = diff.stages.find((stage) => stage.key === key)?.letter ?? '';
  return `${letter} ${t(`diff.stage.${key}`)}`;
}

function focusLine(diff: ReportDiff, t: Translate, style: Style): string {
  const { focusStage } = diff;
  if (!focusStage.changed)
    return `${t('diff.focus')}: ${stageName(focusStage.new, diff, t)} ${style.dim(t('diff.unchanged'))}`;
  return `${t('diff.focus')}: ${stageName(focusStage.old, diff, t)} → ${style.focus(stageName(focusStage.new, diff, t))}`;
}

function statusCell(stage: StageDelta, t: Translate, style: Style): string {
  const oldStatus = stage.old ? t(`diff.status.${stage.old.status}`) : '—';
  const newStatus = stage.new ? t(`diff.status.${stage.new.status}`) : '—';
  if (stage.statusDirection === 'same') return newStatus;
  const text = `${oldStatus} → ${newStatus}`;
  if (stage.statusDirection === 'up') return style.good(text);
  if (stage.statusDirection === 'down') return style.bad(text);
  return text;
}

function scoreCell(score: number | null | undefined, t: Translate): string {
  return score === null || score === undefined ? t('diff.notMeasuredShort') : String(score);
}

function stageTable(diff: ReportDiff, t: Translate, style: Style): string[] {
  const table = new Table({
    head: ['', t('diff.col.stage'), t('diff.col.old'), t('diff.col.new'), t('diff.col.change'), t('diff.col.status')],
    colAligns: ['left', 'left', 'right', 'right', 'right', 'left'],
    style: TABLE_STYLE,
  });
  for (const stage of diff.stages) {
    const focus = stage.new?.isFocus ? style.focus(`▶ ${stage.letter}`) : `  ${stage.letter}`;
    const change =
      stage.scoreChange === null
        ? '—'
        : toned(`${arrow(stage.scoreChange)} ${signedScore(stage.scoreChange)}`, stage.scoreChange, true, style);
    table.push([
      focus,
      t(`diff.stage.${stage.key}`),
      scoreCell(stage.old?.score, t),
      scoreCell(stage.new?.score, t),
      change,
      statusCell(stage, t, style),
    ]);
  }
  return [table.toString(), ''];
}

function metricRow(delta: MetricDelta, t: Translate, style: Style): string[] {
  const goodWhenUp = delta.rise === 'good';
  const change =
    delta.change === null
      ? '—'
      : toned(`${arrow(delta.change)} ${formatChange(delta, t)}`, delta.change, goodWhenUp, style);
  return [
    metricLabel(delta.metric, t),
    formatMetricValue(delta.kind, delta.old, t),
    formatMetricValue(delta.kind, delta.new, t),
    change,
    formatRelative(delta.relativeChange),
  ];
}

function metricTable(diff: ReportDiff, t: Translate, style: Style): string[] {
  const table = new Table({
    head: [t('diff.col.metric'), t('diff.col.old'), t('diff.col.new'), t('diff.col.change'), t('diff.col.relative')],
    colAligns: ['left', 'right', 'right', 'right', 'right'],
    style: TABLE_STYLE,
  });
  for (const delta of diff.metrics) table.push(metricRow(delta, t, style));
  return [table.toString(), ''];
}

/** The width every diff line keeps to, so it reads in a default terminal and a CI log. */
const LINE_WIDTH = 100;

/** Wrapped to LINE_WIDTH, continuation lines indented two more so each sentence stays one block. */
export function indented(text: string, indent: string): string[] {
  const lead = (indent + text.match(/^ */)![0]).length;
  const body = stripControl(text.trimStart());
  return wrap(body, LINE_WIDTH - lead - 2).map((line, index) => `${' '.repeat(index === 0 ? lead : lead + 2)}${line}`);
}

function attributionSection(diff: ReportDiff, t: Translate, style: Style): string[] {
  const { attribution, movements } = diff;
  const block = (texts: string[]) => texts.flatMap((text) => indented(text, '  '));
  return [
    style.heading(t('diff.attr.heading')),
    ...block([...attributionNotes(attribution, t), sellerLine(attribution, t), carrierLine(attribution, t)]),
    '',
    style.heading(t('diff.move.heading')),
    ...block([
      ...movementLines(movements.creators, 'creators', t),
      ...movementLines(movements.products, 'products', t),
      ...heroLines(movements, t),
    ]),
    '',
  ];
}

function findingLine(mark: string, finding: DiffFinding, t: Translate): string {
  const where = finding.stage === null ? t('diff.brandWide') : t(`diff.stage.${finding.stage}`);
  return `  ${mark} [${finding.id}] ${where}: ${stripControl(finding.text)}`;
}

function findingLines(diff: ReportDiff, t: Translate, style: Style): string[] {
  const { appeared, resolved } = diff.findings;
  const lines = [style.heading(t('diff.findingsAppeared', { count: appeared.length }))];
  for (const finding of appeared) lines.push(findingLine(style.bad('+'), finding, t));
  if (appeared.length === 0) lines.push(`  ${style.dim(t('diff.none'))}`);
  lines.push(style.heading(t('diff.findingsResolved', { count: resolved.length })));
  for (const finding of resolved) lines.push(findingLine(style.good('−'), finding, t));
  if (resolved.length === 0) lines.push(`  ${style.dim(t('diff.none'))}`);
  lines.push('');
  return lines;
}

export function formatDiffTerminal(diff: ReportDiff, t: Translate, style: Style): string {
  const steps = diff.nextSteps;
  const lines = [
    ...header(diff, t, style),
    ...stageTable(diff, t, style),
    ...attributionSection(diff, t, style),
    ...metricTable(diff, t, style),
    ...findingLines(diff, t, style),
    t('diff.nextSteps', { old: steps.old, new: steps.new, change: signedScore(steps.change) }),
  ];
  return `${lines.join('\n')}\n`;
}
