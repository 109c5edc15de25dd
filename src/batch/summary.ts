// The portfolio summary in three shapes: JSON for machines, CSV for spreadsheets, a table for people.

import { STAGE_KEYS } from '../diagnosis/types.js';
import type { Translate } from '../i18n/index.js';
import { createTextTable } from '../report/formatters/table.js';
import { stripControl } from '../report/formatters/text.js';
import type { ClientSummary } from './types.js';

const STAGE_COLUMN: Record<string, string> = {
  'elite-distribution': 'E',
  traffic: 'T',
  'self-broadcast': 'S',
  'private-domain': 'P',
  'specify-supply': 'S2',
};

export function summaryJson(summaries: ClientSummary[], meta: { generatedAt: string; outDir: string }): string {
  const clients = summaries.map(({ elapsedMs, files, sample: _sample, ...rest }) => ({
    ...rest,
    files,
    elapsedMs: Math.round(elapsedMs),
  }));
  const counts = {
    ok: summaries.filter((s) => s.status === 'ok').length,
    belowGate: summaries.filter((s) => s.status === 'below-gate').length,
    failed: summaries.filter((s) => s.status === 'failed').length,
  };
  return `${JSON.stringify({ generatedAt: meta.generatedAt, clients, counts }, null, 2)}\n`;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or tab/CR) as a formula. A client folder
 * named "=cmd|..." must stay text, so such cells get a leading apostrophe unless they are numbers.
 */
export function neutraliseCell(value: string): string {
  if (NUMBER.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: string | number | null): string {
  const text = neutraliseCell(value === null ? '' : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function summaryCsv(summaries: ClientSummary[]): string {
  const header = [
    'client',
    'brand',
    ...STAGE_KEYS,
    'focusStage',
    'overallScore',
    'status',
    'reason',
    'peerGroup',
    'overallPercentile',
    'focusMetric',
    'focusMetricPercentile',
  ];
  const rows = summaries.map((summary) => [
    summary.client,
    summary.brand,
    ...STAGE_KEYS.map((key) => summary.scores[key]),
    summary.focusStage,
    summary.overallScore,
    summary.status,
    summary.reason,
    summary.peers?.level ?? null,
    roundPercentile(summary.peers?.overallPercentile ?? null),
    summary.peers?.focusMetric ?? null,
    roundPercentile(summary.peers?.focusMetricPercentile ?? null),
  ]);
  // A BOM so Excel on Chinese Windows opens the UTF-8 file without mojibake.
  return `\ufeff${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function roundPercentile(value: number | null): number | null {
  return value === null ? null : Math.round(value);
}

/** "72 · P62": the overall score, and its percentile among the client's peers when there is one. */
function overallCell(summary: ClientSummary): string {
  if (summary.overallScore === null) return '—';
  const percentile = roundPercentile(summary.peers?.overallPercentile ?? null);
  return percentile === null ? String(summary.overallScore) : `${summary.overallScore} · P${percentile}`;
}

export function statusText(summary: ClientSummary, t: Translate): string {
  if (summary.status === 'ok') return t('batch.status.ok');
  if (summary.status === 'below-gate') return t('batch.status.belowGate');
  return t('batch.status.failed', { reason: summary.reason ?? '' });
}

export function summaryTable(summaries: ClientSummary[], t: Translate): string {
  const table = createTextTable(
    [
      t('batch.col.client'),
      ...STAGE_KEYS.map((key) => STAGE_COLUMN[key]!),
      t('batch.col.focus'),
      t('batch.col.overall'),
      t('batch.col.status'),
    ],
    // 18 + 5×5 + 10 + 12 + 25 + 10 borders = 100 columns; the overall column holds "72 · P62".
    [18, 5, 5, 5, 5, 5, 10, 12, 25],
  );
  for (const summary of summaries) {
    const score = (value: number | null) => (value === null ? '—' : String(value));
    table.push([
      stripControl(summary.client),
      ...STAGE_KEYS.map((key) => score(summary.scores[key])),
      summary.focusStage ? STAGE_COLUMN[summary.focusStage]! : '—',
      overallCell(summary),
      stripControl(statusText(summary, t)),
    ]);
  }
  return `${table.toString()}\n`;
}
