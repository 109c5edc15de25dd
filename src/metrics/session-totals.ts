// Period totals over the sessions. Every rate is recomputed from summed numerators and
// denominators over the sessions that report both (METHOD.md: never averaged), so a big
// session weighs as much as its viewers, and a session missing a column drops out of the
// rates that need it rather than counting as 0.

import { fenRatio, ratio, yuanRatio } from './ratios.js';
import { normaliseAccount, type SessionEntry } from './sessions.js';
import type { LiveFunnel, Metrics } from './types.js';

export type SessionTotals = Pick<
  Metrics,
  | 'sessions'
  | 'sessionsPerWeek'
  | 'hoursPerSession'
  | 'ownAccounts'
  | 'sessionGmvFen'
  | 'gmvPerHourFen'
  | 'liveFunnel'
  | 'adSpendFen'
  | 'roi'
  | 'paidSessionGmvFen'
  | 'viewers'
  | 'views'
  | 'uvValue'
  | 'gpm'
  | 'gpmBasis'
  | 'conversion'
  | 'conversionBasis'
  | 'followRate'
  | 'newFans'
  | 'avgStaySeconds'
  | 'paidShare'
  | 'costPerNewFanFen'
  | 'coldStartGrowth'
  | 'naturalViewersTrend'
  | 'shortVideoViewers'
>;

/** One number of a session, null where its export lacks it. */
type Column = (entry: SessionEntry) => number | null;

/** Without a traffic export nothing about sessions is known. */
export function noSessionTotals(): SessionTotals {
  return {
    sessions: null,
    sessionsPerWeek: null,
    hoursPerSession: null,
    ownAccounts: null,
    sessionGmvFen: null,
    gmvPerHourFen: null,
    liveFunnel: null,
    adSpendFen: null,
    roi: null,
    paidSessionGmvFen: null,
    viewers: null,
    views: null,
    uvValue: null,
    gpm: null,
    gpmBasis: null,
    conversion: null,
    conversionBasis: null,
    followRate: null,
    newFans: null,
    avgStaySeconds: null,
    paidShare: null,
    costPerNewFanFen: null,
    coldStartGrowth: null,
    naturalViewersTrend: null,
    shortVideoViewers: null,
  };
}

/** Sum over the sessions that have the value; null when none has it. */
function sumOf(entries: readonly SessionEntry[], pick: Column): number | null {
  let total: number | null = null;
  for (const entry of entries) {
    const value = pick(entry);
    if (value !== null) total = (total ?? 0) + value;
  }
  return total;
}

interface PairedSums {
  numerator: number;
  denominator: number;
}

/** Sums of both values over the sessions that have both; null when none has both. */
function pairedSums(entries: readonly SessionEntry[], numerator: Column, denominator: Column): PairedSums | null {
  let sums: PairedSums | null = null;
  for (const entry of entries) {
    const top = numerator(entry);
    const bottom = denominator(entry);
    if (top === null || bottom === null) continue;
    sums ??= { numerator: 0, denominator: 0 };
    sums.numerator += top;
    sums.denominator += bottom;
  }
  return sums;
}

function pairedRatio(entries: readonly SessionEntry[], numerator: Column, denominator: Column): number | null {
  const sums = pairedSums(entries, numerator, denominator);
  return sums === null ? null : ratio(sums.numerator, sums.denominator);
}

const gmv: Column = (entry) => entry.metrics.gmvFen;
const viewers: Column = (entry) => entry.metrics.viewers;
const views: Column = (entry) => entry.metrics.views;
const buyers: Column = (entry) => entry.metrics.buyers;
const orders: Column = (entry) => entry.metrics.orders;
const newFans: Column = (entry) => entry.metrics.newFans;
const adSpend: Column = (entry) => entry.metrics.adSpendFen;
const hours: Column = (entry) => {
  const minutes = entry.metrics.durationMinutes;
  return minutes === null ? null : minutes / 60;
};

/** Paid viewers as counted, else the paid share applied to the viewers. */
const paidViewers: Column = (entry) => {
  const { row } = entry;
  if (row.paidViewers !== null) return row.paidViewers;
  if (row.paidShare !== null && row.viewers !== null) return row.paidShare * row.viewers;
  return null;
};

/** Viewers the brand did not pay for; a session with zero spend bought none of its viewers. */
const naturalViewers: Column = (entry) => {
  const { row } = entry;
  if (row.viewers === null) return null;
  const paid = paidViewers(entry) ?? (row.adSpendFen === 0 ? 0 : null);
  if (paid === null) return null;
  return Math.max(row.viewers - paid, 0);
};

/** ROI and the GMV it is over, so a report can show both sides of the division it made. */
function roiOverPaidSessions(entries: readonly SessionEntry[]): Pick<SessionTotals, 'roi' | 'paidSessionGmvFen'> {
  // Sessions that spent nothing would lend their GMV to an ROI they did not pay for.
  const paid = entries.filter((entry) => (entry.metrics.adSpendFen ?? 0) > 0);
  const sums = pairedSums(paid, gmv, adSpend);
  if (sums === null) return { roi: null, paidSessionGmvFen: null };
  return { roi: ratio(sums.numerator, sums.denominator), paidSessionGmvFen: sums.numerator };
}

function yuanPerViewer(entries: readonly SessionEntry[]): number | null {
  const sums = pairedSums(entries, gmv, viewers);
  return sums === null ? null : yuanRatio(sums.numerator, sums.denominator);
}

function gpmTotals(entries: readonly SessionEntry[]): Pick<SessionTotals, 'gpm' | 'gpmBasis'> {
  const overViews = pairedSums(entries, gmv, views);
  if (overViews !== null) {
    const perView = yuanRatio(overViews.numerator, overViews.denominator);
    return { gpm: perView === null ? null : perView * 1000, gpmBasis: 'views' };
  }
  const overViewers = pairedSums(entries, gmv, viewers);
  if (overViewers !== null) {
    const perViewer = yuanRatio(overViewers.numerator, overViewers.denominator);
    return { gpm: perViewer === null ? null : perViewer * 1000, gpmBasis: 'viewers' };
  }
  return { gpm: null, gpmBasis: null };
}

function conversionTotal(entries: readonly SessionEntry[]): Pick<SessionTotals, 'conversion' | 'conversionBasis'> {
  if (pairedSums(entries, buyers, viewers) !== null) {
    return { conversion: pairedRatio(entries, buyers, viewers), conversionBasis: 'buyers' };
  }
  const overOrders = pairedRatio(entries, orders, viewers);
  return { conversion: overOrders, conversionBasis: overOrders === null ? null : 'orders' };
}

/** Same basis as conversionTotal: buyers where any session counts them, else orders. */
function liveFunnel(entries: readonly SessionEntry[]): LiveFunnel | null {
  const basis = pairedSums(entries, buyers, viewers) !== null ? 'buyers' : 'orders';
  const counted = basis === 'buyers' ? buyers : orders;
  let funnel: LiveFunnel | null = null;
  for (const entry of entries) {
    const sessionViewers = viewers(entry);
    const sessionBuyers = counted(entry);
    const sessionGmv = gmv(entry);
    if (sessionViewers === null || sessionBuyers === null || sessionGmv === null) continue;
    funnel ??= { sessions: 0, viewers: 0, buyers: 0, gmvFen: 0, basis };
    funnel.sessions += 1;
    funnel.viewers += sessionViewers;
    funnel.buyers += sessionBuyers;
    funnel.gmvFen += sessionGmv;
  }
  return funnel;
}

/**
 * Weighted by viewers, since a session's average stay is per viewer. Exports without a
 * viewers column leave nothing to weigh with; the plain mean over sessions is then the
 * only honest figure.
 */
function averageStay(entries: readonly SessionEntry[]): number | null {
  const stay: Column = (entry) => entry.metrics.avgStaySeconds;
  const weighted = pairedSums(
    entries,
    (entry) => {
      const seconds = stay(entry);
      const count = viewers(entry);
      return seconds === null || count === null ? null : seconds * count;
    },
    viewers,
  );
  if (weighted !== null && weighted.denominator > 0) return weighted.numerator / weighted.denominator;
  const stays = entries.map(stay).filter((seconds): seconds is number => seconds !== null);
  if (stays.length === 0) return null;
  return stays.reduce((total, seconds) => total + seconds, 0) / stays.length;
}

function hoursPerSession(entries: readonly SessionEntry[]): number | null {
  const durations = entries.map(hours).filter((value): value is number => value !== null);
  if (durations.length === 0) return null;
  return durations.reduce((total, value) => total + value, 0) / durations.length;
}

function ownAccountCount(entries: readonly SessionEntry[]): number | null {
  const accounts = new Set<string>();
  for (const entry of entries) {
    const account = entry.metrics.account;
    if (entry.metrics.isOwnAccount && account !== null) accounts.add(normaliseAccount(account));
  }
  return accounts.size === 0 ? null : accounts.size;
}

function mean(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0) / values.length;
}

const COLD_START_SESSIONS = 6;

/**
 * Whether GMV per session rose over the brand's first own sessions: mean of sessions 4-6
 * over mean of sessions 1-3. Entries come sorted by start time; sessions without a start
 * time cannot be placed and are left out.
 */
function coldStartGrowth(entries: readonly SessionEntry[]): number | null {
  const first = entries
    .filter((entry) => entry.metrics.isOwnAccount && entry.row.startAt !== null)
    .slice(0, COLD_START_SESSIONS)
    .map((entry) => entry.metrics.gmvFen);
  if (first.length < COLD_START_SESSIONS) return null;
  if (first.some((value) => value === null)) return null;
  const gmvs = first as number[];
  return ratio(mean(gmvs.slice(3)), mean(gmvs.slice(0, 3)));
}

/**
 * Natural (unpaid) viewers of the later half of the sessions over the earlier half, by start
 * time. With an odd count the middle session belongs to neither half, so the halves compare
 * equal numbers of sessions.
 */
function naturalViewersTrend(entries: readonly SessionEntry[]): number | null {
  const natural = entries
    .filter((entry) => entry.row.startAt !== null)
    .map(naturalViewers)
    .filter((value): value is number => value !== null);
  const half = Math.floor(natural.length / 2);
  if (half === 0) return null;
  const earlier = natural.slice(0, half).reduce((total, value) => total + value, 0);
  const later = natural.slice(natural.length - half).reduce((total, value) => total + value, 0);
  return ratio(later, earlier);
}

/** `entries` sorted by start time; `days` the days sessions per week is measured over. */
export function finishSessionTotals(entries: readonly SessionEntry[], days: number | null): SessionTotals {
  const sessions = entries.length;
  const hourTotals = pairedSums(entries, gmv, hours);
  const spendForFans = pairedSums(entries, adSpend, newFans);
  return {
    sessions,
    sessionsPerWeek: days === null ? null : ratio(sessions * 7, days),
    hoursPerSession: hoursPerSession(entries),
    ownAccounts: ownAccountCount(entries),
    sessionGmvFen: sumOf(entries, gmv),
    gmvPerHourFen: hourTotals === null ? null : fenRatio(hourTotals.numerator, hourTotals.denominator),
    liveFunnel: liveFunnel(entries),
    adSpendFen: sumOf(entries, adSpend),
    ...roiOverPaidSessions(entries),
    viewers: sumOf(entries, viewers),
    views: sumOf(entries, views),
    uvValue: yuanPerViewer(entries),
    ...gpmTotals(entries),
    ...conversionTotal(entries),
    followRate: pairedRatio(entries, newFans, viewers),
    newFans: sumOf(entries, newFans),
    avgStaySeconds: averageStay(entries),
    paidShare: pairedRatio(entries, paidViewers, viewers),
    // No spend buys no fans: a cost of ¥0 per fan would read as a success.
    costPerNewFanFen:
      spendForFans === null || spendForFans.numerator === 0
        ? null
        : fenRatio(spendForFans.numerator, spendForFans.denominator),
    coldStartGrowth: coldStartGrowth(entries),
    naturalViewersTrend: naturalViewersTrend(entries),
    shortVideoViewers: sumOf(entries, (entry) => entry.metrics.shortVideoViewers),
  };
}
