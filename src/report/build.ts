// Turns the diagnosis into the Report: puts every Message into words in the report's language,
// converts fen to yuan, and fixes the order of everything so the same inputs give the same JSON.

import { ISSUES_SHOWN } from '../ingest/read-file.js';
import { diagnosisMessages } from '../diagnosis/engine.js';
import type {
  Diagnosis,
  FactorRatios,
  Finding,
  SessionOutcome,
  StageHealth,
  StageOutcome,
} from '../diagnosis/types.js';
import { STAGE_ITEM_KEYS } from '../diagnosis/types.js';
import { allMessages } from '../i18n/catalogs/index.js';
import { formatDateTime } from '../i18n/format.js';
import { mergeCatalogs, translator, type Lang, type Message, type Translate } from '../i18n/index.js';
import type { IngestResult, InputFileSummary } from '../ingest/types.js';
import type { Metrics } from '../metrics/types.js';
import { stagesFocusFirst } from './order.js';
import {
  SCHEMA_VERSION,
  type Report,
  type ReportFinding,
  type ReportInput,
  type ReportSession,
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

const FEN_SUFFIX = 'Fen';
/** Four decimals keep shares exact to a hundredth of a percent without float noise in the JSON. */
const FRACTION_DIGITS = 4;

function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function convertNumber(key: string, value: number): [string, number] {
  if (key.endsWith(FEN_SUFFIX) && key.length > FEN_SUFFIX.length) {
    return [key.slice(0, -FEN_SUFFIX.length), roundTo(value / 100, 2)];
  }
  return [key, Number.isInteger(value) ? value : roundTo(value, FRACTION_DIGITS)];
}

/** Fen → yuan for every `...Fen` field at any depth, with the suffix dropped from the name. */
export function toReportValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => toReportValues(item));
  if (value === null || typeof value !== 'object') return value;
  const converted: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    if (typeof field === 'number') {
      const [name, number] = convertNumber(key, field);
      converted[name] = number;
      continue;
    }
    const name = key.endsWith(FEN_SUFFIX) && field === null ? key.slice(0, -FEN_SUFFIX.length) : key;
    converted[name] = toReportValues(field);
  }
  return converted;
}

function reportInput(file: InputFileSummary, t: Translate, relativePath: (path: string) => string): ReportInput {
  return {
    kind: file.kind,
    path: relativePath(file.path),
    encoding: file.encoding,
    headerLine: file.headerLine,
    rows: file.rows,
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
      peer: null,
    })),
    findings: stage.findings.map((finding) => reportFinding(finding, say)),
    nextSteps: stage.nextSteps.map((step) => say(step.message)),
  };
}

/** Check values are already in yuan for money (diagnosis/types.ts); only rounding is left. */
function checkNumber(unit: string, value: number): number {
  if (unit === 'yuan') return roundTo(value, 2);
  return Number.isInteger(value) ? value : roundTo(value, FRACTION_DIGITS);
}

function reportSession(session: SessionOutcome, say: (message: Message) => string): ReportSession {
  const { liveId, account, startAt, ...rest } = session.metrics;
  const stage = {} as ReportSession['stage'];
  for (const key of STAGE_ITEM_KEYS) {
    const verdict = session.items[key];
    stage[key] = { result: verdict.result, evidence: verdict.evidence.map(say), basis: verdict.basis };
  }
  return {
    liveId,
    account,
    startAt,
    metrics: toReportValues(rest) as Record<string, unknown>,
    stage,
    score: session.score,
    factors: session.factors === null ? null : (toReportValues(session.factors) as FactorRatios),
    weakestFactor: session.weakestFactor,
  };
}

function reportSessionMedian(diagnosis: Diagnosis): ReportSessionMedian | null {
  const median = diagnosis.sessionMedian;
  if (median === null) return null;
  return {
    viewers: median.viewers,
    conversion: median.conversion === null ? null : roundTo(median.conversion, FRACTION_DIGITS),
    aov: median.aovFen === null ? null : roundTo(median.aovFen / 100, 2),
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

function orderedNextSteps(stages: ReportStage[]): Report['nextSteps'] {
  return stagesFocusFirst(stages).flatMap((stage) => stage.nextSteps.map((text) => ({ stage: stage.key, text })));
}

export function buildReport(context: ReportContext): Report {
  const { ingest, metrics, diagnosis, lang } = context;
  const t = translator(mergeCatalogs(allMessages, diagnosisMessages), lang);
  const say = (message: Message) => t(message.key, message.params);
  const { sessionList, period, ...brandMetrics } = metrics;
  void sessionList;
  const stages = diagnosis.stages.map((stage) => reportStage(stage, t, say));

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
    metrics: { periodDays: period.days, ...(toReportValues(brandMetrics) as Record<string, unknown>) },
    stages,
    focusStage: diagnosis.focusStage,
    overallScore: diagnosis.overallScore,
    coverage: { measuredStages: diagnosis.coverage.measuredStages, stages: diagnosis.coverage.stages },
    nextSteps: orderedNextSteps(stages),
    brandFindings: diagnosis.brandFindings.map((finding) => reportFinding(finding, say)),
    sessions: diagnosis.sessions.map((session) => reportSession(session, say)),
    sessionMedian: reportSessionMedian(diagnosis),
    stageHealth: reportStageHealth(diagnosis.stageHealth, say),
    warnings: (context.warnings ?? []).map(say),
    benchmark: null,
  };
}
