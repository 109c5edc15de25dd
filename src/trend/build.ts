// Where a brand went on the STEPS path over several periods: a layer that reads finished Reports,
// like diff. Periods in date order; per period the stage scores, the focus stage and the key
// metrics; between consecutive periods the ¥ attribution, who came and went, and which of the
// earlier period's priorities were met. Pure: reports in, plain data out, no words.

import { attributeGmvChange, liveFunnelOf, type Attribution } from '../diff/attribution.js';
import { movementsBetween } from '../diff/movement.js';
import { STAGE_KEYS, type StageKey, type StageStatus } from '../diagnosis/types.js';
import type { Report } from '../report/types.js';

/** The metrics a monthly review reads off a trend, in that order. */
export const TREND_METRICS = [
  'gmv',
  'liveGmv',
  'viewers',
  'conversion',
  'aov',
  'buyers',
  'creators',
  'repeatBuyerRate',
  'roi',
] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];

export interface TrendInput {
  report: Report;
  /** Where the report came from: its file, or the client folder with the period diagnosed. */
  source: string;
  /** Set when the trend cut the data itself and the period is not a full calendar month or week. */
  partial?: boolean;
}

export interface TrendStagePoint {
  key: StageKey;
  letter: string;
  score: number | null;
  status: StageStatus;
}

export interface TrendPriority {
  id: string;
  stage: StageKey;
  text: string;
}

export interface TrendPeriod {
  label: string;
  from: string | null;
  to: string | null;
  source: string;
  partial: boolean;
  overallScore: number | null;
  focusStage: StageKey | null;
  stages: TrendStagePoint[];
  /** Money in yuan; conversion and AOV from the live funnel (buyers ÷ viewers, live GMV ÷ buyers). */
  metrics: Record<TrendMetric, number | null>;
  /** The period's next steps, first the focus stage's: at most PRIORITIES_PER_PERIOD. */
  priorities: TrendPriority[];
}

export interface PriorityOutcome {
  /** Priorities of the earlier period no longer called for in the later one: their checks now pass. */
  met: TrendPriority[];
  /** Still among the later period's next steps. */
  open: TrendPriority[];
  /** Ids are missing in a report older than 1.2.0: nothing can be said. */
  known: boolean;
}

export interface TrendStep {
  from: string;
  to: string;
  overallChange: number | null;
  stageChanges: Record<StageKey, number | null>;
  focusChanged: boolean;
  attribution: Attribution;
  creators: { new: number; retained: number; lost: number } | null;
  newHeroProducts: { id: string; name: string | null; gmv: number }[];
  priorities: PriorityOutcome;
}

export type TrendBy = 'month' | 'week' | 'reports';

export interface Trend {
  brand: string;
  by: TrendBy;
  periods: TrendPeriod[];
  steps: TrendStep[];
  /** First period to last. */
  overall: { first: number | null; last: number | null; change: number | null };
  warnings: TrendWarning[];
}

export type TrendWarning =
  | { kind: 'brands'; brands: string[] }
  | { kind: 'profiles'; profiles: string[] }
  | { kind: 'overlap'; first: string; second: string }
  | { kind: 'undated'; source: string };

/** What a review can act on; the full list stays in each report. */
export const PRIORITIES_PER_PERIOD = 5;

function numberAt(metrics: object, ...path: string[]): number | null {
  let current: unknown = metrics;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return null;
    current = (current as Record<string, unknown>)[segment];
  }
  return typeof current === 'number' ? current : null;
}

function periodMetrics(report: Report): TrendPeriod['metrics'] {
  const funnel = liveFunnelOf(report);
  const metrics = report.metrics;
  return {
    gmv: numberAt(metrics, 'gmv'),
    liveGmv: funnel?.gmv ?? null,
    viewers: funnel?.viewers ?? numberAt(metrics, 'viewers'),
    conversion: funnel?.conversion ?? null,
    aov: funnel?.aov ?? null,
    buyers: numberAt(metrics, 'buyers'),
    creators: numberAt(metrics, 'creators'),
    repeatBuyerRate: numberAt(metrics, 'repeatBuyerRate'),
    roi: numberAt(metrics, 'roi'),
  };
}

/** "2024-04" for a calendar month, "2024-04-01 → 2024-04-14" for anything else. */
export function periodLabel(from: string | null, to: string | null, by: TrendBy): string {
  if (from === null || to === null) return '—';
  if (by === 'month' && from.slice(0, 7) === to.slice(0, 7)) return from.slice(0, 7);
  // Weeks drop the year so thirteen of them fit a terminal; the title and JSON carry full dates.
  if (by === 'week') return `${from.slice(5)}–${to.slice(5)}`;
  const sameMonth = from.slice(0, 7) === to.slice(0, 7) && from.endsWith('-01') && isLastDayOfMonth(to);
  return sameMonth ? from.slice(0, 7) : `${from} → ${to}`;
}

function isLastDayOfMonth(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.getUTCDate() === 1;
}

function period(input: TrendInput, by: TrendBy): TrendPeriod {
  const { report } = input;
  const stages = STAGE_KEYS.map((key) => {
    const stage = report.stages.find((candidate) => candidate.key === key);
    return {
      key,
      letter: stage?.letter ?? '',
      score: stage?.score ?? null,
      status: stage?.status ?? 'not-measured',
    };
  });
  return {
    label: periodLabel(report.period.from, report.period.to, by),
    from: report.period.from,
    to: report.period.to,
    source: input.source,
    partial: input.partial ?? false,
    overallScore: report.overallScore,
    focusStage: report.focusStage,
    stages,
    metrics: periodMetrics(report),
    priorities: report.nextSteps.slice(0, PRIORITIES_PER_PERIOD).map((step, index) => ({
      id: step.id ?? `${step.stage}#${index}`,
      stage: step.stage,
      text: step.text,
    })),
  };
}

/** A priority is met when the later report no longer asks for it: the rule behind it is satisfied. */
export function priorityOutcome(earlier: Report, later: Report, priorities: TrendPriority[]): PriorityOutcome {
  const known =
    earlier.nextSteps.every((step) => step.id !== undefined) && later.nextSteps.every((step) => step.id !== undefined);
  if (!known) return { met: [], open: [], known };
  const stillAsked = new Set(later.nextSteps.map((step) => step.id));
  return {
    met: priorities.filter((priority) => !stillAsked.has(priority.id)),
    open: priorities.filter((priority) => stillAsked.has(priority.id)),
    known,
  };
}

function step(earlier: TrendInput, later: TrendInput, periods: [TrendPeriod, TrendPeriod]): TrendStep {
  const [before, after] = periods;
  const stageChanges = {} as Record<StageKey, number | null>;
  for (const key of STAGE_KEYS) {
    const oldScore = before.stages.find((stage) => stage.key === key)?.score ?? null;
    const newScore = after.stages.find((stage) => stage.key === key)?.score ?? null;
    stageChanges[key] = oldScore === null || newScore === null ? null : newScore - oldScore;
  }
  const movements = movementsBetween(earlier.report, later.report);
  return {
    from: before.label,
    to: after.label,
    overallChange:
      before.overallScore === null || after.overallScore === null ? null : after.overallScore - before.overallScore,
    stageChanges,
    focusChanged: before.focusStage !== after.focusStage,
    attribution: attributeGmvChange(earlier.report, later.report),
    creators:
      movements.creators === null
        ? null
        : {
            new: movements.creators.new.count,
            retained: movements.creators.retained.count,
            lost: movements.creators.lost.count,
          },
    newHeroProducts: movements.newHeroProducts.map((product) => ({
      id: product.id,
      name: product.name,
      gmv: product.newGmv,
    })),
    priorities: priorityOutcome(earlier.report, later.report, before.priorities),
  };
}

/** Undated reports (no orders with a time) cannot be placed, so they go last, in the order given. */
function byDate(a: TrendInput, b: TrendInput): number {
  const aFrom = a.report.period.from;
  const bFrom = b.report.period.from;
  if (aFrom === bFrom) return 0;
  if (aFrom === null) return 1;
  if (bFrom === null) return -1;
  return aFrom < bFrom ? -1 : 1;
}

function warningsFor(inputs: TrendInput[]): TrendWarning[] {
  const warnings: TrendWarning[] = [];
  const brands = [...new Set(inputs.map((input) => input.report.brand.name))];
  if (brands.length > 1) warnings.push({ kind: 'brands', brands });
  const profiles = [...new Set(inputs.map((input) => `${input.report.profile.name} (${input.report.profile.hash})`))];
  if (profiles.length > 1) warnings.push({ kind: 'profiles', profiles });
  for (const input of inputs) {
    if (input.report.period.from === null) warnings.push({ kind: 'undated', source: input.source });
  }
  for (let index = 1; index < inputs.length; index++) {
    const earlier = inputs[index - 1]!.report.period;
    const later = inputs[index]!.report.period;
    if (earlier.to !== null && later.from !== null && later.from <= earlier.to) {
      warnings.push({ kind: 'overlap', first: inputs[index - 1]!.source, second: inputs[index]!.source });
    }
  }
  return warnings;
}

export function buildTrend(unordered: TrendInput[], by: TrendBy): Trend {
  const inputs = [...unordered].sort(byDate);
  const periods = inputs.map((input) => period(input, by));
  const steps: TrendStep[] = [];
  for (let index = 1; index < inputs.length; index++) {
    steps.push(step(inputs[index - 1]!, inputs[index]!, [periods[index - 1]!, periods[index]!]));
  }
  const first = periods[0]?.overallScore ?? null;
  const last = periods[periods.length - 1]?.overallScore ?? null;
  return {
    brand: inputs[inputs.length - 1]?.report.brand.name ?? '',
    by,
    periods,
    steps,
    overall: { first, last, change: first === null || last === null ? null : last - first },
    warnings: warningsFor(inputs),
  };
}
