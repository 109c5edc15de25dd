// Where the GMV change between two reports came from, in yuan: live-session GMV split into traffic,
// conversion and AOV (lmdi.ts), and total GMV split by who sold it and through which carrier.
// Pure arithmetic on two Reports, money added up in whole fen so every split adds up exactly.

import type { Carrier, Seller } from '../ingest/types.js';
import type { Report } from '../report/types.js';
import { splitGmvChange, type FactorSplit, type FunnelFactor } from './lmdi.js';

export interface FunnelTotals {
  sessions: number;
  viewers: number;
  /** Buyers, or orders where `basis` is 'orders'. */
  buyers: number;
  /** Yuan. */
  gmv: number;
  basis: 'buyers' | 'orders';
  /** buyers ÷ viewers; null with no viewers. */
  conversion: number | null;
  /** GMV ÷ buyers in yuan; null with no buyers. */
  aov: number | null;
}

export type AttributionSplit = 'lmdi' | 'zeroLimit' | 'noChange' | 'notMeasured';

export interface Attribution {
  method: 'lmdi';
  /** How the live-session change was split: see LmdiResult.method; notMeasured when a period has no live funnel. */
  split: AttributionSplit;
  /** 'mixed' when one period counts buyers and the other only orders: conversion and AOV then compare unlike things. */
  basis: 'buyers' | 'orders' | 'mixed' | null;
  /** Change of live-session GMV (the traffic file's sessions), yuan; null when a period has none measured. */
  gmvChange: number | null;
  /** Yuan; they add up to gmvChange to the fen. null when notMeasured. */
  factors: FactorSplit | null;
  zeroFactor: FunnelFactor | null;
  /** The periods without a live funnel (no traffic export, or no session with viewers, buyers and GMV). */
  notMeasured: ('old' | 'new')[];
  funnel: { old: FunnelTotals | null; new: FunnelTotals | null };
  /** Sessions in each report, for saying when the funnel covers only some of them. */
  sessions: { old: number | null; new: number | null };
  /** Change of total GMV, yuan. */
  totalGmvChange: number;
  /** Yuan; add up to totalGmvChange. */
  bySeller: Record<Seller, number>;
  byCarrier: Record<Carrier, number>;
}

const SELLERS: readonly Seller[] = ['self', 'creator'];
const CARRIERS: readonly Carrier[] = ['live', 'shortVideo', 'itemCard', 'other'];

export function toFen(yuan: number): number {
  return Math.round(yuan * 100);
}

function toYuan(fen: number): number {
  return fen / 100;
}

function numberAt(value: unknown, ...path: string[]): number | null {
  let current = value;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return null;
    current = (current as Record<string, unknown>)[segment];
  }
  return typeof current === 'number' && Number.isFinite(current) ? current : null;
}

function totals(sessions: number, viewers: number, buyers: number, gmvFen: number, basis: FunnelTotals['basis']) {
  return {
    sessions,
    viewers,
    buyers,
    gmv: toYuan(gmvFen),
    basis,
    conversion: viewers > 0 ? buyers / viewers : null,
    aov: buyers > 0 ? Math.round(gmvFen / buyers) / 100 : null,
  };
}

/**
 * Reports from 1.2.0 carry the funnel; for older ones it is summed from the sessions, the same
 * way the metrics layer sums it: buyers where any session counts them, else orders.
 */
export function liveFunnelOf(report: Report): FunnelTotals | null {
  const stored = report.metrics.liveFunnel;
  if (typeof stored === 'object' && stored !== null) {
    const viewers = numberAt(stored, 'viewers');
    const buyers = numberAt(stored, 'buyers');
    const gmv = numberAt(stored, 'gmv');
    const sessions = numberAt(stored, 'sessions');
    const basis = (stored as { basis?: unknown }).basis === 'orders' ? 'orders' : 'buyers';
    if (viewers !== null && buyers !== null && gmv !== null && sessions !== null)
      return totals(sessions, viewers, buyers, toFen(gmv), basis);
  }
  if (stored === null) return null;
  return funnelFromSessions(report);
}

function funnelFromSessions(report: Report): FunnelTotals | null {
  const hasBuyers = report.sessions.some(
    (session) => numberAt(session.metrics, 'buyers') !== null && numberAt(session.metrics, 'viewers') !== null,
  );
  const basis = hasBuyers ? 'buyers' : 'orders';
  let sessions = 0;
  let viewers = 0;
  let buyers = 0;
  let gmvFen = 0;
  for (const session of report.sessions) {
    const sessionViewers = numberAt(session.metrics, 'viewers');
    const sessionBuyers = numberAt(session.metrics, basis);
    const sessionGmv = numberAt(session.metrics, 'gmv');
    if (sessionViewers === null || sessionBuyers === null || sessionGmv === null) continue;
    sessions += 1;
    viewers += sessionViewers;
    buyers += sessionBuyers;
    gmvFen += toFen(sessionGmv);
  }
  return sessions === 0 ? null : totals(sessions, viewers, buyers, gmvFen, basis);
}

function gmvFenOf(report: Report, ...path: string[]): number {
  return toFen(numberAt(report.metrics, ...path) ?? 0);
}

function changesBy<K extends string>(keys: readonly K[], oldReport: Report, newReport: Report, family: string) {
  const changes = {} as Record<K, number>;
  for (const key of keys) {
    changes[key] = toYuan(gmvFenOf(newReport, family, key, 'gmv') - gmvFenOf(oldReport, family, key, 'gmv'));
  }
  return changes;
}

function basisOf(oldFunnel: FunnelTotals | null, newFunnel: FunnelTotals | null): Attribution['basis'] {
  if (oldFunnel === null || newFunnel === null) return oldFunnel?.basis ?? newFunnel?.basis ?? null;
  return oldFunnel.basis === newFunnel.basis ? oldFunnel.basis : 'mixed';
}

function yuanSplit(parts: FactorSplit): FactorSplit {
  return { traffic: toYuan(parts.traffic), conversion: toYuan(parts.conversion), aov: toYuan(parts.aov) };
}

export function attributeGmvChange(oldReport: Report, newReport: Report): Attribution {
  const oldFunnel = liveFunnelOf(oldReport);
  const newFunnel = liveFunnelOf(newReport);
  const notMeasured: Attribution['notMeasured'] = [];
  if (oldFunnel === null) notMeasured.push('old');
  if (newFunnel === null) notMeasured.push('new');
  const base = {
    method: 'lmdi' as const,
    basis: basisOf(oldFunnel, newFunnel),
    notMeasured,
    funnel: { old: oldFunnel, new: newFunnel },
    sessions: { old: numberAt(oldReport.metrics, 'sessions'), new: numberAt(newReport.metrics, 'sessions') },
    totalGmvChange: toYuan(gmvFenOf(newReport, 'gmv') - gmvFenOf(oldReport, 'gmv')),
    bySeller: changesBy(SELLERS, oldReport, newReport, 'seller'),
    byCarrier: changesBy(CARRIERS, oldReport, newReport, 'carrier'),
  };
  if (oldFunnel === null || newFunnel === null) {
    return { ...base, split: 'notMeasured', gmvChange: null, factors: null, zeroFactor: null };
  }
  const side = (funnel: FunnelTotals) => ({
    viewers: funnel.viewers,
    buyers: funnel.buyers,
    gmvFen: toFen(funnel.gmv),
  });
  const result = splitGmvChange(side(oldFunnel), side(newFunnel));
  return {
    ...base,
    split: result.method,
    gmvChange: toYuan(result.changeFen),
    factors: yuanSplit(result.partsFen),
    zeroFactor: result.zeroFactor,
  };
}
