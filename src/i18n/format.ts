// Numbers as a consultant reads them, the same in both languages (¥, %, grouping).

import { formatNumber } from './index.js';

/** Money for a table cell: ¥1.2万 / ¥3.45亿 in both languages, whole yuan below ten thousand. */
export function formatYuanShort(fen: number | null): string {
  if (fen === null || !Number.isFinite(fen)) return '—';
  const yuan = fen / 100;
  if (Math.abs(yuan) >= 100_000_000) return `¥${formatNumber(yuan / 100_000_000, 2)}亿`;
  if (Math.abs(yuan) >= 10_000) return `¥${formatNumber(yuan / 10_000, 1)}万`;
  return `¥${formatNumber(yuan, 0)}`;
}

/** 0.1234 → 12.3% */
export function formatPercent(fraction: number | null, digits = 1): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—';
  return `${formatNumber(fraction * 100, digits)}%`;
}

export function formatRatio(value: number | null, digits = 2): string {
  if (value === null) return '—';
  return formatNumber(value, digits);
}

export function formatCount(value: number | null): string {
  if (value === null) return '—';
  return formatNumber(value, 0);
}

/** Asia/Shanghai is UTC+8 all year (no DST): every local time in the exports uses it. */
export const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** Epoch ms → YYYY-MM-DD in Asia/Shanghai (China has no DST, so a fixed offset is exact). */
export function formatDate(epochMs: number | null): string {
  if (epochMs === null) return '—';
  return new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Epoch ms → YYYY-MM-DDTHH:mm:ss+08:00 */
export function formatDateTime(epochMs: number | null): string | null {
  if (epochMs === null) return null;
  return `${new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}
