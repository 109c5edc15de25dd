// What changed between two reports of one brand: pure arithmetic on two Reports, no words. A value
// that is null on either side was not measured, so its change is null too, never a 0 that would
// read as "no change".

import type { StageKey, StageStatus } from '../diagnosis/types.js';
import type { Report, ReportFinding } from '../report/types.js';
import { attributeGmvChange, type Attribution } from './attribution.js';
import { movementsBetween, type Movements } from './movement.js';

export type MetricKind = 'money' | 'count' | 'share' | 'ratio' | 'score';

export interface MetricSpec {
  /** The dotted path in report.metrics; overallScore is the report's own field. */
  metric: string;
  kind: MetricKind;
  /** Whether a rise is good news. Mix shares, spend and creator concentration are neither by themselves. */
  rise: 'good' | 'neutral';
}

/** The metrics a consultant compares period over period, in the order they read them. */
export const DIFF_METRICS: readonly MetricSpec[] = [
  { metric: 'gmv', kind: 'money', rise: 'good' },
  { metric: 'netGmv', kind: 'money', rise: 'good' },
  { metric: 'orders', kind: 'count', rise: 'good' },
  { metric: 'buyers', kind: 'count', rise: 'good' },
  { metric: 'aov', kind: 'money', rise: 'good' },
  { metric: 'repeatBuyerRate', kind: 'share', rise: 'good' },
  { metric: 'fanOrderShare', kind: 'share', rise: 'good' },
  { metric: 'seller.self.share', kind: 'share', rise: 'neutral' },
  { metric: 'seller.creator.share', kind: 'share', rise: 'neutral' },
  { metric: 'carrier.live.share', kind: 'share', rise: 'neutral' },
  { metric: 'carrier.shortVideo.share', kind: 'share', rise: 'neutral' },
  { metric: 'carrier.itemCard.share', kind: 'share', rise: 'neutral' },
  { metric: 'carrier.other.share', kind: 'share', rise: 'neutral' },
  { metric: 'creators', kind: 'count', rise: 'good' },
  { metric: 'topCreatorShare', kind: 'share', rise: 'neutral' },
  { metric: 'exclusive.share', kind: 'share', rise: 'good' },
  { metric: 'sessions', kind: 'count', rise: 'good' },
  { metric: 'adSpend', kind: 'money', rise: 'neutral' },
  { metric: 'roi', kind: 'ratio', rise: 'good' },
  { metric: 'viewers', kind: 'count', rise: 'good' },
  { metric: 'uvValue', kind: 'money', rise: 'good' },
  { metric: 'followRate', kind: 'share', rise: 'good' },
  { metric: 'overallScore', kind: 'score', rise: 'good' },
];

export interface MetricDelta {
  metric: string;
  kind: MetricKind;
  rise: MetricSpec['rise'];
  old: number | null;
  new: number | null;
  /** new − old in the metric's own unit (a fraction for shares); null when either side is not measured. */
  change: number | null;
  /** Shares only: the change in percentage points (0.30 → 0.35 is +5 pp). */
  changePoints: number | null;
  /** change ÷ |old| as a fraction; null when either side is not measured or old is 0. */
  relativeChange: number | null;
}

/** up/down along the status ladder; `changed` when one side is not measured, so there is no ladder to compare on. */
export type StatusDirection = 'up' | 'down' | 'same' | 'changed';

export interface StageSide {
  score: number | null;
  status: StageStatus;
  isFocus: boolean;
}

export interface StageDelta {
  key: StageKey;
  letter: string;
  order: number;
  old: StageSide | null;
  new: StageSide | null;
  scoreChange: number | null;
  statusDirection: StatusDirection;
}

export interface DiffFinding {
  id: string;
  severity: ReportFinding['severity'];
  text: string;
  /** null for brand-wide findings. */
  stage: StageKey | null;
}

export type DiffWarning =
  | { kind: 'brand'; old: string; new: string }
  | { kind: 'profile'; old: string; new: string }
  | { kind: 'schemaVersion'; old: string; new: string };

export interface ReportSide {
  file: string;
  brand: string;
  period: { from: string | null; to: string | null };
  profile: { name: string; hash: string };
  schemaVersion: string;
  generatedAt: string;
}

export interface ReportDiff {
  old: ReportSide;
  new: ReportSide;
  warnings: DiffWarning[];
  overallScore: MetricDelta;
  focusStage: { old: StageKey | null; new: StageKey | null; changed: boolean };
  stages: StageDelta[];
  metrics: MetricDelta[];
  findings: { appeared: DiffFinding[]; resolved: DiffFinding[] };
  nextSteps: { old: number; new: number; change: number };
  /** Why GMV moved, in yuan (PLAN.md §4). */
  attribution: Attribution;
  /** Creators and products that came and went. */
  movements: Movements;
}

const STATUS_LADDER: readonly StageStatus[] = ['not-started', 'emerging', 'developing', 'established', 'strong'];

/** Rounded so JSON carries 0.035, not 0.034999999999999976; the unit decides the precision. */
function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

const CHANGE_DIGITS: Record<MetricKind, number> = { money: 2, count: 0, share: 6, ratio: 4, score: 0 };

export function metricValue(report: Report, metric: string): number | null {
  if (metric === 'overallScore') return report.overallScore;
  let current: unknown = report.metrics;
  for (const segment of metric.split('.')) {
    if (typeof current !== 'object' || current === null) return null;
    current = (current as Record<string, unknown>)[segment];
  }
  return typeof current === 'number' ? current : null;
}

export function metricDelta(spec: MetricSpec, oldValue: number | null, newValue: number | null): MetricDelta {
  const base = { metric: spec.metric, kind: spec.kind, rise: spec.rise, old: oldValue, new: newValue };
  if (oldValue === null || newValue === null)
    return { ...base, change: null, changePoints: null, relativeChange: null };
  const change = roundTo(newValue - oldValue, CHANGE_DIGITS[spec.kind]);
  const changePoints = spec.kind === 'share' ? roundTo((newValue - oldValue) * 100, 2) : null;
  const relativeChange = oldValue === 0 ? null : roundTo((newValue - oldValue) / Math.abs(oldValue), 4);
  return { ...base, change, changePoints, relativeChange };
}

export function statusDirection(oldStatus: StageStatus, newStatus: StageStatus): StatusDirection {
  if (oldStatus === newStatus) return 'same';
  const oldRank = STATUS_LADDER.indexOf(oldStatus);
  const newRank = STATUS_LADDER.indexOf(newStatus);
  if (oldRank === -1 || newRank === -1) return 'changed';
  return newRank > oldRank ? 'up' : 'down';
}

function stageSide(report: Report, key: StageKey): StageSide | null {
  const stage = report.stages.find((candidate) => candidate.key === key);
  if (!stage) return null;
  return { score: stage.score, status: stage.status, isFocus: stage.isFocus };
}

function stageDeltas(oldReport: Report, newReport: Report): StageDelta[] {
  const keys: StageKey[] = [];
  const reference = [...newReport.stages, ...oldReport.stages];
  for (const stage of reference) if (!keys.includes(stage.key)) keys.push(stage.key);
  return keys
    .map((key) => {
      const stage = reference.find((candidate) => candidate.key === key)!;
      const oldSide = stageSide(oldReport, key);
      const newSide = stageSide(newReport, key);
      const scoreChange = oldSide?.score != null && newSide?.score != null ? newSide.score - oldSide.score : null;
      const direction = oldSide && newSide ? statusDirection(oldSide.status, newSide.status) : 'changed';
      return {
        key,
        letter: stage.letter,
        order: stage.order,
        old: oldSide,
        new: newSide,
        scoreChange,
        statusDirection: direction,
      };
    })
    .sort((a, b) => a.order - b.order);
}

function allFindings(report: Report): DiffFinding[] {
  const findings: DiffFinding[] = [];
  for (const stage of report.stages) {
    for (const finding of stage.findings) findings.push({ ...findingFields(finding), stage: stage.key });
  }
  for (const finding of report.brandFindings) findings.push({ ...findingFields(finding), stage: null });
  return findings;
}

function findingFields(finding: ReportFinding): Omit<DiffFinding, 'stage'> {
  return { id: finding.id, severity: finding.severity, text: finding.text };
}

/** By finding id: the same problem keeps its id while its text changes with the numbers. */
function findingChanges(oldReport: Report, newReport: Report): ReportDiff['findings'] {
  const oldFindings = allFindings(oldReport);
  const newFindings = allFindings(newReport);
  const oldIds = new Set(oldFindings.map((finding) => finding.id));
  const newIds = new Set(newFindings.map((finding) => finding.id));
  return {
    appeared: uniqueById(newFindings.filter((finding) => !oldIds.has(finding.id))),
    resolved: uniqueById(oldFindings.filter((finding) => !newIds.has(finding.id))),
  };
}

function uniqueById(findings: DiffFinding[]): DiffFinding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    if (seen.has(finding.id)) return false;
    seen.add(finding.id);
    return true;
  });
}

function side(report: Report, file: string): ReportSide {
  return {
    file,
    brand: report.brand.name,
    period: { from: report.period.from, to: report.period.to },
    profile: { name: report.profile.name, hash: report.profile.hash },
    schemaVersion: report.schemaVersion,
    generatedAt: report.generatedAt,
  };
}

function warningsFor(oldReport: Report, newReport: Report): DiffWarning[] {
  const warnings: DiffWarning[] = [];
  if (oldReport.brand.name !== newReport.brand.name) {
    warnings.push({ kind: 'brand', old: oldReport.brand.name, new: newReport.brand.name });
  }
  // A different profile moves the targets, so scores and statuses may change with no change in the business.
  if (oldReport.profile.name !== newReport.profile.name || oldReport.profile.hash !== newReport.profile.hash) {
    warnings.push({
      kind: 'profile',
      old: `${oldReport.profile.name} (${oldReport.profile.hash})`,
      new: `${newReport.profile.name} (${newReport.profile.hash})`,
    });
  }
  if (oldReport.schemaVersion !== newReport.schemaVersion) {
    warnings.push({ kind: 'schemaVersion', old: oldReport.schemaVersion, new: newReport.schemaVersion });
  }
  return warnings;
}

export function diffReports(
  oldReport: Report,
  newReport: Report,
  files: { old: string; new: string } = { old: '', new: '' },
): ReportDiff {
  const metrics = DIFF_METRICS.map((spec) =>
    metricDelta(spec, metricValue(oldReport, spec.metric), metricValue(newReport, spec.metric)),
  );
  return {
    old: side(oldReport, files.old),
    new: side(newReport, files.new),
    warnings: warningsFor(oldReport, newReport),
    overallScore: metrics.find((delta) => delta.metric === 'overallScore')!,
    focusStage: {
      old: oldReport.focusStage,
      new: newReport.focusStage,
      changed: oldReport.focusStage !== newReport.focusStage,
    },
    stages: stageDeltas(oldReport, newReport),
    metrics,
    findings: findingChanges(oldReport, newReport),
    nextSteps: {
      old: oldReport.nextSteps.length,
      new: newReport.nextSteps.length,
      change: newReport.nextSteps.length - oldReport.nextSteps.length,
    },
    attribution: attributeGmvChange(oldReport, newReport),
    movements: movementsBetween(oldReport, newReport),
  };
}
