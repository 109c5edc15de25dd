// The HTML formatter: one self-contained page a consultant can send a client. Inline CSS, charts
// as inline SVG rendered here at build time, no script and nothing fetched, so it opens offline
// and prints to PDF as it looks on screen.

import { readFileSync } from 'node:fs';
import { STAGE_ITEM_KEYS } from '../../diagnosis/types.js';
import { sessionName } from '../../diagnosis/wording.js';
import { allMessages } from '../../i18n/catalogs/index.js';
import { formatCount, formatDate } from '../../i18n/format.js';
import { translator, type Translate } from '../../i18n/index.js';
import { buildCharts, renderChartSvg, type ChartSet, type ChartSpec } from '../charts/index.js';
import { stagesFocusFirst } from '../order.js';
import type { Report, ReportCheck, ReportFinding, ReportInput, ReportSession, ReportStage } from '../types.js';
import { formatPercentile, peerHeader } from './peer.js';
import { priorityLines, prioritiesOf } from './plan.js';
import { stripControl } from './text.js';
import {
  CHECK_MARK,
  SEVERITY_MARK,
  coverageText,
  focusNote,
  formatTarget,
  formatUnitValue,
  formatYuanValue,
  categoryLabel,
  profileLabel,
  windowNote,
} from './values.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text from the data reads as text: markup characters are escaped and control characters go. */
export function escapeHtml(text: string): string {
  return stripControl(text).replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

let stylesheet: string | undefined;

/** src/report/formatters and dist/report/formatters sit equally deep below the package root. */
function loadStylesheet(): string {
  stylesheet ??= readFileSync(new URL('../../../templates/report/report.css', import.meta.url), 'utf8');
  return stylesheet;
}

interface Page {
  report: Report;
  t: Translate;
  charts: ChartSet;
  /** Charts are numbered in document order so their SVG ids never collide. */
  renderedCharts: number;
}

function figure(page: Page, spec: ChartSpec | null, className = ''): string {
  if (spec === null) return '';
  page.renderedCharts += 1;
  const title = escapeHtml(spec.title);
  const svg = renderChartSvg(spec, `chart${page.renderedCharts}`).replace(
    '<svg ',
    `<svg role="img" aria-label="${title}" `,
  );
  const classes = ['chart', className].filter((name) => name !== '').join(' ');
  return `<figure class="${classes}" data-chart="${spec.id}" style="--chart-width:${spec.width}"><figcaption>${title}</figcaption>${svg}</figure>`;
}

function resultMark(result: string, t: Translate): string {
  const mark = CHECK_MARK[result] ?? '?';
  return `<span class="mark mark-${escapeHtml(result)}" title="${escapeHtml(t(`html.result.${result}`))}">${mark}</span>`;
}

function findingItem(finding: ReportFinding, t: Translate): string {
  const mark = SEVERITY_MARK[finding.severity] ?? 'i';
  const label = escapeHtml(t(`html.severity.${finding.severity}`));
  return `<li class="finding severity-${escapeHtml(finding.severity)}"><span class="severity" title="${label}">${mark}</span><span>${escapeHtml(finding.text)}</span></li>`;
}

function masthead(report: Report, t: Translate): string {
  const period = report.period.from ? `${report.period.from} → ${report.period.to ?? ''}` : t('report.noPeriod');
  const generated = formatDate(Date.parse(report.generatedAt) || null);
  const category = report.brand.category
    ? `<p class="category">${escapeHtml(categoryLabel(report.brand.category, t))}</p>`
    : '';
  return [
    '<header class="masthead">',
    `<p class="eyebrow">${escapeHtml(t('report.title'))}</p>`,
    `<h1>${escapeHtml(report.brand.name)}</h1>`,
    category,
    '<dl class="meta">',
    `<div><dt>${escapeHtml(t('report.period'))}</dt><dd>${escapeHtml(period)}</dd></div>`,
    `<div><dt>${escapeHtml(t('report.profile'))}</dt><dd>${escapeHtml(profileLabel(report.profile.name, t))} <code>${escapeHtml(report.profile.hash)}</code></dd></div>`,
    `<div><dt>${escapeHtml(t('html.generatedOn'))}</dt><dd>${escapeHtml(generated)}</dd></div>`,
    '</dl>',
    '</header>',
  ].join('\n');
}

function kpi(label: string, value: string, note: string, className = ''): string {
  return `<div class="kpi ${className}"><div class="kpi-label">${label}</div><div class="kpi-value">${value}</div><div class="kpi-note">${note}</div></div>`;
}

function keyFigures(report: Report, t: Translate): string {
  const cards: string[] = [];
  const overall = report.overallScore === null ? '—' : String(report.overallScore);
  const coverage = coverageText(report, t);
  const scoreNote = coverage === null ? t('html.kpi.outOf') : `${t('html.kpi.outOf')} · ${coverage}`;
  cards.push(kpi(escapeHtml(t('report.overall')), overall, escapeHtml(scoreNote), 'kpi-score'));
  const focus = report.stages.find((stage) => stage.isFocus);
  const focusValue = focus ? `<span class="letter">${escapeHtml(focus.letter)}</span> ${escapeHtml(focus.name)}` : '—';
  const focusDetail = focus
    ? escapeHtml(`${focus.score ?? '—'}/100 · ${focus.statusText}${focusNote(focus, t)}`)
    : escapeHtml(t('report.noFocus'));
  cards.push(kpi(escapeHtml(t('report.focus')), focusValue, focusDetail, 'kpi-focus'));
  const gmv = report.metrics.gmv;
  if (gmv !== null) {
    const orders = report.metrics.orders;
    const note = orders === null ? '' : `${formatCount(orders)} ${escapeHtml(t('html.funnel.orders'))}`;
    cards.push(kpi(escapeHtml(t('html.kpi.gmv')), escapeHtml(formatYuanValue(gmv)), note));
  }
  const sessions = report.metrics.sessions;
  if (sessions !== null && sessions > 0) {
    const perWeek = report.metrics.sessionsPerWeek;
    const note = perWeek === null ? '' : escapeHtml(formatUnitValue('perWeek', perWeek, t));
    cards.push(kpi(escapeHtml(t('html.kpi.sessions')), formatCount(sessions), note));
  }
  return `<div class="kpis">${cards.join('')}</div>`;
}

function stageTable(report: Report, t: Translate): string {
  const rows = report.stages.map((stage) => {
    const focusTag = stage.isFocus ? ` <span class="focus-tag">${escapeHtml(t('report.focusMark'))}</span>` : '';
    const score = stage.score === null ? '—' : String(stage.score);
    return [
      `<tr class="${stage.isFocus ? 'is-focus' : ''}">`,
      `<td class="letter-cell">${stage.isFocus ? '▶ ' : ''}${escapeHtml(stage.letter)}</td>`,
      `<td class="stage-name">${escapeHtml(stage.name)}${focusTag}</td>`,
      `<td class="num">${score}</td>`,
      `<td><span class="status status-${escapeHtml(stage.status)}">${escapeHtml(stage.statusText)}</span></td>`,
      `<td class="evidence">${escapeHtml(stage.evidence)}</td>`,
      '</tr>',
    ].join('');
  });
  const head = ['', t('report.col.stage'), t('report.col.score'), t('report.col.status'), t('report.col.evidence')]
    .map((label, index) => `<th${index === 2 ? ' class="num"' : ''}>${escapeHtml(label)}</th>`)
    .join('');
  return `<table class="stages"><thead><tr>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

/** "本月三件事 / This month's three priorities": the card a consultant opens the meeting with. */
function prioritiesCard(report: Report, t: Translate): string {
  const priorities = prioritiesOf(report);
  if (priorities === null) return '';
  const items = priorities.map((item) => {
    const lines = priorityLines(item, t);
    const impact = lines.impact ? `<p class="impact">${escapeHtml(lines.impact)}</p>` : '';
    return `<li><p class="step">${escapeHtml(lines.head)}</p><p class="why">${escapeHtml(lines.why)}</p>${impact}</li>`;
  });
  const body = items.length > 0 ? `<ol>${items.join('')}</ol>` : `<p>${escapeHtml(t('plan.none'))}</p>`;
  return `<div class="priorities card"><h3>${escapeHtml(t('plan.title'))}</h3>${body}</div>`;
}

function summarySection(page: Page): string {
  const { report, t } = page;
  const parts = [
    '<section class="summary">',
    `<h2>${escapeHtml(t('html.section.summary'))}</h2>`,
    prioritiesCard(report, t),
    keyFigures(report, t),
    figure(page, page.charts.stageScores, 'chart-wide'),
    stageTable(report, t),
  ];
  const peers = peerHeader(report, t);
  if (peers !== null) parts.push(`<p class="note peer-note">${escapeHtml(peers)}</p>`);
  if (report.brandFindings.length > 0) {
    parts.push(`<h3>${escapeHtml(t('report.brandFindings'))}</h3>`);
    parts.push(`<ul class="findings">${report.brandFindings.map((finding) => findingItem(finding, t)).join('')}</ul>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

function channelSection(page: Page): string {
  const { charts, t } = page;
  if (charts.sellerGmv === null && charts.carrierGmv === null) return '';
  return [
    '<section class="channels">',
    `<h2>${escapeHtml(t('html.section.channels'))}</h2>`,
    '<div class="chart-row">',
    figure(page, charts.sellerGmv),
    figure(page, charts.carrierGmv),
    '</div>',
    '</section>',
  ].join('\n');
}

/**
 * Where the brand stands among its peers, drawn on a percentile axis (better to the right): the
 * shaded band is the middle half of the group (P25–P75), the dot is this brand.
 */
function peerMarker(percentile: number): string {
  const x = Math.max(2, Math.min(98, percentile));
  return [
    '<svg class="peer-band" viewBox="0 0 100 12" width="100" height="12" aria-hidden="true">',
    '<line x1="0" y1="6" x2="100" y2="6" class="peer-axis"/>',
    '<rect x="25" y="2" width="50" height="8" rx="2" class="peer-mid"/>',
    `<circle cx="${x.toFixed(1)}" cy="6" r="3.5" class="peer-dot"/>`,
    '</svg>',
  ].join('');
}

function peerCell(check: ReportCheck, t: Translate): string {
  if (!check.peer) return '<td class="peer">—</td>';
  const { percentile, median, excellent, n } = check.peer;
  const words = [
    t('peer.percentile', { percentile: formatPercentile(percentile) }),
    `${t('peer.median')} ${formatUnitValue(check.unit, median, t)}`,
    `${t('peer.excellent')} ${formatUnitValue(check.unit, excellent, t)}`,
    t('peer.brands', { n }),
  ].join(' · ');
  return `<td class="peer">${peerMarker(percentile)} <span>${escapeHtml(words)}</span></td>`;
}

function checksTable(checks: ReportCheck[], t: Translate, withPeers: boolean): string {
  const labels = [t('html.col.check'), t('html.col.value'), t('html.col.target'), t('html.col.result')];
  if (withPeers) labels.push(t('peer.col'));
  const head = labels
    .map((label, index) => `<th${index === 1 || index === 2 ? ' class="num"' : ''}>${escapeHtml(label)}</th>`)
    .join('');
  const rows = checks.map((check) =>
    [
      `<tr class="result-${escapeHtml(check.result)}">`,
      `<td>${escapeHtml(check.label)}</td>`,
      `<td class="num">${escapeHtml(formatUnitValue(check.unit, check.value, t))}</td>`,
      `<td class="num">${escapeHtml(formatTarget(check, t))}</td>`,
      `<td>${resultMark(check.result, t)} ${escapeHtml(windowNote(check, t) ?? t(`html.result.${check.result}`))}</td>`,
      withPeers ? peerCell(check, t) : '',
      '</tr>',
    ].join(''),
  );
  return `<table class="checks"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function stageArticle(stage: ReportStage, t: Translate, firstStep: number, withPeers: boolean): string {
  const score = stage.score === null ? escapeHtml(t('report.notMeasured')) : `${stage.score}<small>/100</small>`;
  const focusTag = stage.isFocus ? `<span class="focus-tag">${escapeHtml(t('report.focusMark'))}</span>` : '';
  const parts = [
    `<article class="stage${stage.isFocus ? ' is-focus' : ''}${stage.score === null ? ' is-unmeasured' : ''}">`,
    '<header class="stage-head">',
    `<span class="stage-letter">${escapeHtml(stage.letter)}</span>`,
    `<h3>${escapeHtml(stage.name)}</h3>`,
    focusTag,
    `<span class="stage-score">${score}</span>`,
    `<span class="status status-${escapeHtml(stage.status)}">${escapeHtml(stage.statusText)}</span>`,
    '</header>',
  ];
  if (stage.evidence !== '') parts.push(`<p class="evidence">${escapeHtml(stage.evidence)}</p>`);
  if (stage.checks.length > 0) {
    parts.push(`<h4>${escapeHtml(t('report.checks'))}</h4>`, checksTable(stage.checks, t, withPeers));
  }
  if (stage.findings.length > 0) {
    parts.push(`<h4>${escapeHtml(t('report.findings'))}</h4>`);
    parts.push(`<ul class="findings">${stage.findings.map((finding) => findingItem(finding, t)).join('')}</ul>`);
  }
  if (stage.nextSteps.length > 0) {
    const steps = stage.nextSteps.map((step) => `<li>${escapeHtml(step)}</li>`).join('');
    parts.push(
      `<h4>${escapeHtml(t('report.nextSteps'))}</h4>`,
      `<ol class="next-steps" start="${firstStep}">${steps}</ol>`,
    );
  }
  parts.push('</article>');
  return parts.join('\n');
}

function stagesSection(report: Report, t: Translate): string {
  const parts = ['<section class="stage-detail page-break">', `<h2>${escapeHtml(t('html.section.stages'))}</h2>`];
  if (report.nextSteps.length === 0) parts.push(`<p class="note">${escapeHtml(t('report.noNextSteps'))}</p>`);
  let nextStep = 1;
  for (const stage of stagesFocusFirst(report.stages)) {
    parts.push(stageArticle(stage, t, nextStep, report.benchmark !== null));
    nextStep += stage.nextSteps.length;
  }
  parts.push('</section>');
  return parts.join('\n');
}

function sessionRow(session: ReportSession, t: Translate): string {
  const marks = STAGE_ITEM_KEYS.map((key) => resultMark(session.stage[key]?.result ?? 'unknown', t)).join('');
  const date = sessionName(session);
  return [
    '<tr>',
    `<td class="nowrap">${escapeHtml(date)}</td>`,
    `<td>${escapeHtml(session.account ?? '—')}</td>`,
    `<td class="num">${escapeHtml(formatYuanValue(session.metrics.gmv))}</td>`,
    `<td class="num">${formatCount(session.metrics.viewers)}</td>`,
    `<td class="num">${escapeHtml(formatUnitValue('ratio', session.metrics.uvValue, t))}</td>`,
    `<td class="num">${escapeHtml(formatUnitValue('ratio', session.metrics.roi, t))}</td>`,
    `<td class="marks">${marks}</td>`,
    `<td>${session.weakestFactor ? escapeHtml(t(`report.weakest.${session.weakestFactor}`)) : '—'}</td>`,
    '</tr>',
  ].join('');
}

function sessionsSection(page: Page): string {
  const { report, t, charts } = page;
  if (report.sessions.length === 0) return '';
  const columns = ['date', 'account', 'gmv', 'viewers', 'uvValue', 'roi', 'stageMarks', 'weakest'];
  const numeric = new Set(['gmv', 'viewers', 'uvValue', 'roi']);
  const head = columns
    .map((column) => `<th${numeric.has(column) ? ' class="num"' : ''}>${escapeHtml(t(`report.col.${column}`))}</th>`)
    .join('');
  return [
    '<section class="sessions page-break">',
    `<h2>${escapeHtml(t('report.sessions'))}</h2>`,
    figure(page, charts.sessionTrend, 'chart-wide'),
    '<div class="chart-row">',
    figure(page, charts.sessionFunnel),
    figure(page, charts.stageMarks),
    '</div>',
    `<table class="sessions-table"><thead><tr>${head}</tr></thead><tbody>${report.sessions.map((session) => sessionRow(session, t)).join('\n')}</tbody></table>`,
    `<p class="note">${escapeHtml(t('html.stageMarksLegend'))}</p>`,
    '</section>',
  ].join('\n');
}

function coveredDates(input: ReportInput): string {
  if (input.firstAt === null) return '—';
  return `${input.firstAt.slice(0, 10)} → ${(input.lastAt ?? input.firstAt).slice(0, 10)}`;
}

function inputsTable(report: Report, t: Translate): string {
  const head = ['kind', 'file', 'encoding', 'rows', 'skipped', 'covers']
    .map(
      (column) =>
        `<th${column === 'rows' || column === 'skipped' ? ' class="num"' : ''}>${escapeHtml(t(`html.col.${column}`))}</th>`,
    )
    .join('');
  const rows = report.inputs.map((input) =>
    [
      '<tr>',
      `<td>${escapeHtml(t(`report.kind.${input.kind}`))}</td>`,
      `<td><code>${escapeHtml(input.path)}</code></td>`,
      `<td>${escapeHtml(input.encoding.toUpperCase())}</td>`,
      `<td class="num">${formatCount(input.rows)}</td>`,
      `<td class="num">${formatCount(input.skippedRows)}</td>`,
      `<td class="nowrap">${escapeHtml(coveredDates(input))}</td>`,
      '</tr>',
    ].join(''),
  );
  return `<table class="inputs"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function rowIssues(input: ReportInput, t: Translate): string {
  if (input.issueCount === 0) return '';
  const head = ['line', 'column', 'issueValue', 'problem']
    .map((column) => `<th${column === 'line' ? ' class="num"' : ''}>${escapeHtml(t(`html.col.${column}`))}</th>`)
    .join('');
  const rows = input.issues.map((issue) =>
    [
      '<tr>',
      `<td class="num">${issue.line}</td>`,
      `<td>${escapeHtml(issue.column ?? '—')}</td>`,
      `<td><code>${escapeHtml(issue.value ?? '')}</code></td>`,
      `<td>${escapeHtml(issue.message)}</td>`,
      '</tr>',
    ].join(''),
  );
  const parts = [
    `<h3>${escapeHtml(t('report.rowIssues', { path: input.path, count: input.issueCount }))}</h3>`,
    `<table class="issues"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`,
  ];
  if (input.issueCount > input.issues.length) {
    parts.push(
      `<p class="note">${escapeHtml(t('report.rowIssueMore', { count: input.issueCount - input.issues.length }).trim())}</p>`,
    );
  }
  return parts.join('\n');
}

function dataSection(report: Report, t: Translate): string {
  const parts = ['<section class="data page-break">', `<h2>${escapeHtml(t('html.section.data'))}</h2>`];
  if (report.inputs.length > 0) parts.push(inputsTable(report, t));
  if (report.unrecognisedInputs.length > 0) {
    const items = report.unrecognisedInputs.map(
      (entry) => `<li>${escapeHtml(t('report.unrecognised', { path: entry.path, message: entry.message }))}</li>`,
    );
    parts.push(`<ul class="plain">${items.join('')}</ul>`);
  }
  for (const input of report.inputs) parts.push(rowIssues(input, t));
  if (report.warnings.length > 0) {
    parts.push(`<h3>${escapeHtml(t('html.warnings'))}</h3>`);
    parts.push(
      `<ul class="plain">${report.warnings.map((warning) => `<li>${escapeHtml(warning)}</li>`).join('')}</ul>`,
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}

export function formatHtml(report: Report): string {
  const t = translator(allMessages, report.lang);
  const page: Page = { report, t, charts: buildCharts(report, t), renderedCharts: 0 };
  const htmlLang = report.lang === 'zh' ? 'zh-CN' : 'en';
  const title = `${t('report.title')} · ${report.brand.name}`;
  const footer = t('report.generatedBy', {
    version: report.tool.version,
    profile: profileLabel(report.profile.name, t),
    hash: report.profile.hash,
  });
  return [
    '<!DOCTYPE html>',
    `<html lang="${htmlLang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${escapeHtml(`${report.tool.name} ${report.tool.version}`)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${loadStylesheet()}</style>`,
    '</head>',
    '<body>',
    '<main class="page">',
    masthead(report, t),
    summarySection(page),
    channelSection(page),
    stagesSection(report, t),
    sessionsSection(page),
    dataSection(report, t),
    `<footer class="colophon">${escapeHtml(footer)}</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((part) => part !== '')
    .join('\n');
}
