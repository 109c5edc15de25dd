// Turns the diagnosis into the Report: puts every Message into words in the report's language,
// converts fen to yuan, and fixes the order of everything so the same inputs give the same JSON.

import { ISSUES_SHOWN } from '../ingest/read-file.js';
import { diagnosisMessages } from '../diagnosis/engine.js';
import type { Plan, PlanItem } from '../diagnosis/plan/index.js';
import type {
  Diagnosis,
  FactorRatios,
  Finding,
  SessionOutcome,
  StageHealth,
  StageKey,
  StageOutcome,
} from '../diagnosis/types.js';
import { STAGE_ITEM_KEYS } from '../diagnosis/types.js';
import { allMessages } from '../i18n/catalogs/index.js';
import { formatDateTime } from '../i18n/format.js';
import { mergeCatalogs, translator, type Lang, type Message, type Translate } from '../i18n/index.js';
import type { IngestResult, InputFileSummary } from '../ingest/types.js';
import type { Metrics } from '../metrics/types.js';
import {
  fenToReportYuan,
  FRACTION_DIGITS,
  reportMetrics,
  reportNumber,
  reportSessionMetrics,
  roundTo,
} from './metrics.js';
import {
  SCHEMA_VERSION,
  type Report,
  type ReportFinding,
  type ReportInput,
  type ReportPlan,
  type ReportPlanItem,
  type ReportSession,
  type ReportSessionFunnel,
  type ReportSessionMedian,
  type ReportStage,
  type ReportStageHealth,
} from './types.js';

export interface ReportContext {
  ingest: IngestResult;
  metrics: Metrics;
  diagnosis: Diagnosis;
  lang: Lang;
  tool: { name: string; version: string };
  generatedAt: string;
  /** Input paths are reported relative to the client folder, so reports do not depend on where it sits. */
  relativePath: (path: string) => string;
  /** Notes about the run that belong to no stage (e.g. a checklist file that was not read). */
  warnings?: Message[];
}

function reportInput(file: InputFileSummary, t: Translate, relativePath: (path: string) => string): ReportInput {
  return {
    kind: file.kind,
    path: relativePath(file.path),
    encoding: file.encoding,
    format: file.format,
    delimiter: file.delimiter,
    sheet: file.sheet,
    headerLine: file.headerLine,
    rows: file.rows,
    giftLines: file.giftLines,
    paidThenRefundedLines: file.paidThenRefundedLines,
    skippedRows: file.skippedRows,
    duplicateRows: file.duplicateRows,
    excludedRows: file.excludedRows,
    firstAt: formatDateTime(file.firstAt),
    lastAt: formatDateTime(file.lastAt),
    columns: file.columns,
    ignoredColumns: file.ignoredColumns,
    issues: file.issues.slice(0, ISSUES_SHOWN).map((issue) => ({
      line: issue.line,
      column: issue.column,
      value: issue.value,
      message: t(issue.code, issue.params),
    })),
    issueCount: file.issueCount,
  };
}

/** One note per file whose ids were read without invisible characters or full-width digits. */
function normalisedIdNotes(files: readonly InputFileSummary[], relativePath: (path: string) => string): Message[] {
  return files.flatMap((file) => {
    const example = file.normalisedIdExample;
    if (file.normalisedIds === 0 || example === null) return [];
    const params = {
      file: relativePath(file.path),
      count: file.normalisedIds,
      line: String(example.line),
      value: example.value,
    };
    return [{ key: 'ingest.note.normalisedIds', params }];
  });
}

function reportFinding(finding: Finding, say: (message: Message) => string): ReportFinding {
  return { id: finding.id, severity: finding.severity, text: say(finding.message) };
}

function reportStage(stage: StageOutcome, t: Translate, say: (message: Message) => string): ReportStage {
  return {
    key: stage.key,
    letter: stage.letter,
    order: stage.order,
    name: t(`diagnosis.stage.${stage.key}`),
    score: stage.score,
    status: stage.status,
    statusText: t(`diagnosis.status.${stage.status}`),
    isFocus: stage.isFocus,
    evidence: say(stage.evidence),
    checks: stage.checks.map((check) => ({
      id: check.id,
      label: say(check.label),
      value: check.value === null ? null : checkNumber(check.unit, check.value),
      target: checkNumber(check.unit, check.target),
      targetMax: check.targetMax === undefined ? null : checkNumber(check.unit, check.targetMax),
      comparison: check.comparison,
      unit: check.unit,
      result: check.result,
      window: check.window ?? null,
      peer: null,
    })),
    findings: stage.findings.map((finding) => reportFinding(finding, say)),
    nextSteps: stage.nextSteps.map((step) => say(step.message)),
  };
}

/** Check values are already in yuan for money (diagnosis/types.ts); only rounding is left. */
function checkNumber(unit: string, value: number): number {
  if (unit === 'yuan') return roundTo(value, 2);
  return reportNumber(value);
}

function reportSession(session: SessionOutcome, say: (message: Message) => string): ReportSession {
  const { liveId, account, startAt } = session.metrics;
  const stage = {} as ReportSession['stage'];
  for (const key of STAGE_ITEM_KEYS) {
    const verdict = session.items[key];
    stage[key] = { result: verdict.result, evidence: verdict.evidence.map(say), basis: verdict.basis };
  }
  return {
    liveId,
    account,
    startAt,
    metrics: reportSessionMetrics(session.metrics),
    stage,
    score: session.score,
    factors: session.factors === null ? null : reportFactors(session.factors),
    weakestFactor: session.weakestFactor,
  };
}

function reportFactors(factors: FactorRatios): FactorRatios {
  const rounded = { ...factors };
  for (const factor of Object.keys(rounded) as (keyof FactorRatios)[]) rounded[factor] = reportNumber(rounded[factor]);
  return rounded;
}

function reportSessionMedian(diagnosis: Diagnosis): ReportSessionMedian | null {
  const median = diagnosis.sessionMedian;
  if (median === null) return null;
  return {
    viewers: median.viewers,
    conversion: median.conversion === null ? null : roundTo(median.conversion, FRACTION_DIGITS),
    aov: fenToReportYuan(median.aovFen),
  };
}

function reportStageHealth(health: StageHealth, say: (message: Message) => string): ReportStageHealth {
  const items = {} as ReportStageHealth['items'];
  for (const key of STAGE_ITEM_KEYS) items[key] = { ...health.items[key] };
  return {
    sessions: health.sessions,
    items,
    mostFailed: health.mostFailed,
    summary: health.summary === null ? null : say(health.summary),
  };
}

function reportPlan(plan: Plan, say: (message: Message) => string): ReportPlan {
  const item = (entry: PlanItem): ReportPlanItem => ({
    rank: entry.rank,
    id: entry.id,
    stage: entry.stage,
    kind: entry.kind,
    horizon: entry.horizon,
    text: say(entry.text),
    why: say(entry.why),
    checks: entry.checks,
    target: entry.target,
    impact: entry.impact ? { gmv: entry.impact.gmvYuan, basis: say(entry.impact.basis) } : null,
  });
  return {
    priorities: plan.priorities.map(item),
    backlog: plan.backlog.map(item),
    dataRequests: plan.dataRequests.map((request) => ({
      id: request.id,
      export: say(request.export),
      unlocks: request.unlocks,
    })),
  };
}

/**
 * Next steps, top-level and per stage, are the plan's stage items in plan order (data requests
 * aside). Their ids ("E.recruitForGmv") are the plan's, stable across runs, so a later report can
 * tell which of an earlier one's steps are no longer called for.
 */
function planNextSteps(plan: ReportPlan): Report['nextSteps'] {
  return [...plan.priorities, ...plan.backlog]
    .filter((item): item is ReportPlanItem & { stage: StageKey } => item.stage !== null && item.kind !== 'data')
    .map((item) => ({ stage: item.stage, id: item.id, text: item.text }));
}

function establishedScore(diagnosis: Diagnosis): number {
  const level = diagnosis.profile.thresholds['level.established'];
  // The engine refuses a profile without it; this only tells the type so.
  if (level === undefined) throw new Error(`profile ${diagnosis.profile.name} has no level.established`);
  return level.value;
}

/**
 * Buyers are viewers × conversion only when conversion is buyers ÷ viewers, which it is when the
 * orders carried buyer ids (METHOD.md: orders ÷ viewers otherwise). Orders are the sessions' own.
 */
function sessionFunnel(metrics: Metrics): ReportSessionFunnel | null {
  const { viewers, conversion, aovBasis, sessionList } = metrics;
  if (sessionList.length === 0 || viewers === null || viewers <= 0) return null;
  const buyers = conversion !== null && aovBasis === 'buyers' ? Math.round(viewers * conversion) : null;
  let orders: number | null = 0;
  for (const session of sessionList)
    orders = session.orders === null || orders === null ? null : orders + session.orders;
  return { viewers, buyers, orders };
}

export function buildReport(context: ReportContext): Report {
  const { ingest, metrics, diagnosis, lang } = context;
  const t = translator(mergeCatalogs(allMessages, diagnosisMessages), lang);
  const say = (message: Message) => t(message.key, message.params);
  const { period } = metrics;
  const plan = reportPlan(diagnosis.plan, say);
  const nextSteps = planNextSteps(plan);
  const stages = diagnosis.stages.map((stage) => ({
    ...reportStage(stage, t, say),
    nextSteps: nextSteps.filter((step) => step.stage === stage.key).map((step) => step.text),
  }));

  const profileThresholds: Report['profile']['thresholds'] = {};
  for (const key of Object.keys(diagnosis.profile.thresholds).sort()) {
    const threshold = diagnosis.profile.thresholds[key]!;
    profileThresholds[key] = { value: threshold.value, max: threshold.max ?? null, source: threshold.source };
  }

  return {
    schemaVersion: SCHEMA_VERSION,
    tool: context.tool,
    generatedAt: context.generatedAt,
    lang,
    brand: { name: ingest.brand.name ?? '', category: ingest.brand.category },
    period: { from: period.from, to: period.to },
    profile: { name: diagnosis.profile.name, hash: diagnosis.profile.hash, thresholds: profileThresholds },
    inputs: ingest.files.map((file) => reportInput(file, t, context.relativePath)),
    unrecognisedInputs: ingest.unrecognised.map((entry) => ({
      path: context.relativePath(entry.path),
      message: say(entry.reason),
    })),
    metrics: reportMetrics(metrics),
    stages,
    focusStage: diagnosis.focusStage,
    overallScore: diagnosis.overallScore,
    coverage: { measuredStages: diagnosis.coverage.measuredStages, stages: diagnosis.coverage.stages },
    nextSteps,
    brandFindings: diagnosis.brandFindings.map((finding) => reportFinding(finding, say)),
    sessions: diagnosis.sessions.map((session) => reportSession(session, say)),
    sessionMedian: reportSessionMedian(diagnosis),
    stageHealth: reportStageHealth(diagnosis.stageHealth, say),
    establishedScore: establishedScore(diagnosis),
    sessionFunnel: sessionFunnel(metrics),
    warnings: [...(context.warnings ?? []), ...normalisedIdNotes(ingest.files, context.relativePath)].map(say),
    benchmark: null,
    plan,
  };
}
