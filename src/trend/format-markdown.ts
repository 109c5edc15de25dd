// `trend --format markdown`: the same tables and step notes for a monthly review document.

import { attributionHeadline, carrierLine, sellerLine } from '../diff/attribution-words.js';
import { STAGE_KEYS } from '../diagnosis/types.js';
import type { Translate } from '../i18n/index.js';
import { escapeMarkdown } from '../report/formatters/markdown.js';
import { TREND_METRICS, type Trend } from './build.js';
import { priorityLines, STAGE_CODES, stepMovementLine } from './format-terminal.js';
import { periodName, signedPoints, trendMetricValue, trendWarningText } from './words.js';

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function formatTrendMarkdown(trend: Trend, t: Translate): string {
  const { overall } = trend;
  const lines = [
    `# ${escapeMarkdown(t('trend.title', { brand: trend.brand, by: t(`trend.by.${trend.by}`) }))}`,
    '',
    t('trend.overall', {
      count: trend.periods.length,
      first: overall.first ?? '—',
      last: overall.last ?? '—',
      change: signedPoints(overall.change),
    }),
    '',
  ];
  for (const warning of trend.warnings) lines.push(`> ⚠ ${escapeMarkdown(trendWarningText(warning, t))}`, '');

  lines.push(
    row([t('trend.col.period'), ...STAGE_CODES, t('trend.col.focus'), t('trend.col.overall'), t('trend.col.change')]),
    row(['---', ...STAGE_CODES.map(() => '---:'), '---', '---:', '---:']),
  );
  trend.periods.forEach((period, index) => {
    const focusIndex = period.focusStage === null ? -1 : STAGE_KEYS.indexOf(period.focusStage);
    lines.push(
      row([
        escapeMarkdown(periodName(period, t)),
        ...period.stages.map((stage) => {
          const text = stage.score === null ? '—' : String(stage.score);
          return stage.key === period.focusStage ? `**▶${text}**` : text;
        }),
        focusIndex === -1 ? '—' : STAGE_CODES[focusIndex]!,
        period.overallScore === null ? '—' : String(period.overallScore),
        index === 0 ? '' : signedPoints(trend.steps[index - 1]?.overallChange ?? null),
      ]),
    );
  });
  lines.push('');

  lines.push(
    row([t('trend.col.period'), ...TREND_METRICS.map((metric) => t(`trend.metric.${metric}`))]),
    row(['---', ...TREND_METRICS.map(() => '---:')]),
  );
  for (const period of trend.periods) {
    lines.push(
      row([
        escapeMarkdown(periodName(period, t)),
        ...TREND_METRICS.map((metric) => escapeMarkdown(trendMetricValue(metric, period.metrics[metric]))),
      ]),
    );
  }
  lines.push('');

  trend.steps.forEach((step, index) => {
    const before = trend.periods[index]!;
    const after = trend.periods[index + 1]!;
    lines.push(`## ${escapeMarkdown(`${periodName(before, t)} → ${periodName(after, t)}`)}`, '');
    lines.push(`**${escapeMarkdown(attributionHeadline(step.attribution, t))}**`, '');
    for (const line of [
      sellerLine(step.attribution, t),
      carrierLine(step.attribution, t),
      stepMovementLine(step, t),
      ...priorityLines(step, t),
    ]) {
      lines.push(`- ${escapeMarkdown(line)}`);
    }
    // A review reads what was asked, not only its id.
    for (const priority of [...step.priorities.met, ...step.priorities.open]) {
      lines.push(`  - \`${escapeMarkdown(priority.id)}\` ${escapeMarkdown(priority.text)}`);
    }
    lines.push('');
  });
  if (trend.periods.some((period) => period.partial)) lines.push(`_${t('trend.partialNote')}_`, '');
  return lines.join('\n');
}
