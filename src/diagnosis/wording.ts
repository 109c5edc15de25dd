// Message parameters built from metrics. Numbers are pre-formatted the way a consultant reads
// them (¥412,300, 41%, 2.3×), which reads the same in both languages; names fall back to ids.

import { formatNumber } from '../i18n/index.js';
import type { CreatorStat, ProductStat, SessionMetrics } from '../metrics/types.js';

/** Whole yuan with grouping: ¥412,300. Below ¥100 keeps the fen: ¥3.50. */
export function yuan(fen: number | null): string {
  if (fen === null) return '—';
  const value = fen / 100;
  const sign = value < 0 ? '-' : '';
  const digits = Math.abs(value) < 100 && !Number.isInteger(value) ? 2 : 0;
  return `${sign}¥${formatNumber(Math.abs(value), digits)}`;
}

export function yuanFromYuan(value: number | null): string {
  return value === null ? '—' : yuan(Math.round(value * 100));
}

/** 0.412 → 41.2%, 0.41 → 41%: one decimal only when it says something. */
export function percent(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—';
  const tenths = Math.round(fraction * 1000) / 10;
  return `${formatNumber(tenths, Number.isInteger(tenths) ? 0 : 1)}%`;
}

/** 2.345 → 2.3 */
export function ratio(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const tenths = Math.round(value * 10) / 10;
  return formatNumber(tenths, Number.isInteger(tenths) ? 0 : 1);
}

export function count(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return formatNumber(Math.round(value), 0);
}

/**
 * A product as steps and findings name it, in quotes: names from the exports run on with spaces,
 * commas and plus signs (“精华水乳套装,补水保湿,送小样”), and a list of three is unreadable without them.
 */
export function productName(product: ProductStat): string {
  return `“${product.productName ?? product.productId}”`;
}

export function creatorName(creator: CreatorStat): string {
  return creator.creatorName ?? creator.creatorId;
}

/**
 * "2024-06-18 20:00": how every output names a session, findings and the sessions table alike,
 * because that is what a consultant sees in the Kuaishou back office; the live id when undated.
 */
export function sessionName(session: Pick<SessionMetrics, 'liveId' | 'startAt'>): string {
  if (!session.startAt) return session.liveId;
  return session.startAt.slice(0, 16).replace('T', ' ');
}

/** The products a step should name: hero products (proven across creators) first, then best sellers. */
export function leadProducts(
  heroProducts: readonly ProductStat[],
  topProducts: readonly ProductStat[],
  limit: number,
): ProductStat[] {
  const chosen: ProductStat[] = [];
  for (const product of [...heroProducts, ...topProducts]) {
    if (chosen.length >= limit) break;
    if (!chosen.some((existing) => existing.productId === product.productId)) chosen.push(product);
  }
  return chosen;
}
