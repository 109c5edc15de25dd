// The diagnosis layer's vocabulary: profiles, rules (stages and STAGE items) and what they return.
// Rules return Messages (catalog key + params), never finished text: the report puts them into words.

import type { Catalog, Message, MessageParams } from '../i18n/index.js';
import type { BrandConfig } from '../ingest/types.js';
import type { Metrics, SessionMetrics } from '../metrics/types.js';
import type { FocusReason, StageCoverage } from './coverage.js';

export type StageKey = 'elite-distribution' | 'traffic' | 'self-broadcast' | 'private-domain' | 'specify-supply';

/** Adoption order (METHOD.md): E → T → S → P → S. */
export const STAGE_KEYS: readonly StageKey[] = [
  'elite-distribution',
  'traffic',
  'self-broadcast',
  'private-domain',
  'specify-supply',
];

export type StageStatus = 'not-measured' | 'not-started' | 'emerging' | 'developing' | 'established' | 'strong';

export type CheckResult = 'pass' | 'warn' | 'fail' | 'unknown';
export type Severity = 'info' | 'warn' | 'error';

export interface Threshold {
  value: number;
  /** A citation, or "assumption". */
  source: string;
  /** Optional second bound (bands such as the paid share of viewers). */
  max?: number;
  note?: string;
}

/** What picked the profile: --profile, brand.json's profile, brand.json's category, or nothing. */
export interface ProfileSelection {
  by: 'option' | 'brand-profile' | 'brand-category' | 'default';
  /** brand.json's category when no shipped profile matched it (the default profile was used). */
  unmatchedCategory: string | null;
}

export interface Profile {
  name: string;
  /** sha256 of the profile file's bytes, first 16 hex digits. */
  hash: string;
  /** Where it was loaded from (a shipped name or a path). */
  origin: string;
  description: { en: string; zh: string };
  thresholds: Record<string, Threshold>;
  /** Set by loadProfile; absent on profiles built by hand. */
  selection?: ProfileSelection;
}

export interface Check {
  id: string;
  /** The measured value (yuan for money, fraction for rates), null when not measured. */
  value: number | null;
  target: number;
  /** The profile threshold the target comes from, e.g. "E.creatorGmvYuan". */
  threshold: string;
  /** How value meets target. */
  comparison: 'atLeast' | 'atMost' | 'between';
  targetMax?: number;
  result: CheckResult;
  /** 0..1 partial credit that feeds the stage score; ignored when result is unknown. */
  credit: number;
  weight: number;
  /** How the check reads, e.g. key "check.creatorGmv". */
  label: Message;
  unit: 'yuan' | 'fraction' | 'count' | 'ratio' | 'seconds' | 'minutes' | 'perWeek';
}

export interface Finding {
  id: string;
  severity: Severity;
  message: Message;
}

export interface NextStep {
  id: string;
  message: Message;
}

export interface StageAssessment {
  checks: Check[];
  findings: Finding[];
  nextSteps: NextStep[];
  /** One line for the stage table. */
  evidence: Message;
  /** False when the data shows no activity at all for the stage (no creator sales, no spend, no own session...). */
  started: boolean;
}

export interface StageContext {
  metrics: Metrics;
  profile: Profile;
  brand: BrandConfig;
}

/** One file per STEPS stage in src/diagnosis/stages/. */
export interface StageRule {
  key: StageKey;
  letter: 'E' | 'T' | 'S' | 'P';
  order: 1 | 2 | 3 | 4 | 5;
  /** This stage's own words, both languages (keys must not clash with other rules: prefix them). */
  strings: Catalog;
  /** Metrics without which the stage is not measured. */
  requires: (keyof Metrics)[];
  /** Message key naming the export that would measure the stage. */
  missingExport: string;
  /**
   * The check that defines the stage (creator GMV for E, a regular schedule for S, ...). While it
   * fails, the stage is held below the established level however well the other checks do:
   * 58 creators do not make distribution established at 42% of the ¥1,000,000 level.
   */
  definingCheck: string;
  assess(context: StageContext): StageAssessment;
}

export interface StageOutcome {
  key: StageKey;
  letter: StageRule['letter'];
  order: StageRule['order'];
  score: number | null;
  status: StageStatus;
  isFocus: boolean;
  checks: Check[];
  findings: Finding[];
  nextSteps: NextStep[];
  evidence: Message;
}

// STAGE, the per-session checklist

export type StageItemKey = 'script' | 'traffic' | 'assortment' | 'gifts' | 'early-warmup';
export const STAGE_ITEM_KEYS: readonly StageItemKey[] = ['script', 'traffic', 'assortment', 'gifts', 'early-warmup'];

/** The consultant's answers for one session: question id → yes/no. */
export type ItemAnswers = Record<string, boolean>;
export type SessionAnswers = Partial<Record<StageItemKey, ItemAnswers>>;
/** checklist.json's answers: live id → that session's answers. */
export type ChecklistAnswers = Record<string, SessionAnswers>;

/** What an item's verdict rests on: the session's data, the consultant's answers, both, or neither. */
export type VerdictBasis = 'data' | 'answers' | 'both' | 'none';

export interface StageItemVerdict {
  result: CheckResult;
  evidence: Message[];
  basis: VerdictBasis;
}

export interface StageItemQuestion {
  id: string;
  /** Catalog key of the question. */
  text: string;
  /** Catalog key of the evidence line when the answer is no ("checklist: no written script"). */
  notDone: string;
}

/** One file per STAGE item in src/diagnosis/stage-items/. */
export interface StageItemRule {
  key: StageItemKey;
  letter: 'S' | 'T' | 'A' | 'G' | 'E';
  /** Catalog key of the item's name. */
  name: string;
  strings: Catalog;
  /** Catalog key of the one-line "why it matters" shown by `checklist`. */
  why: string;
  questions: StageItemQuestion[];
  /** The STEPS stage whose findings and next steps carry this item's brand-level health. */
  feeds: Extract<StageKey, 'traffic' | 'self-broadcast'>;
  /** Catalog keys of the brand-level finding ({failed}, {judged}, {sessions}) and next step. */
  health: { finding: string; nextStep: string };
  /** Parameters of the next step, from the profile (targets the step names). */
  nextStepParams(profile: Profile): MessageParams;
  assess(session: SessionMetrics, answers: ItemAnswers | null, profile: Profile): StageItemVerdict;
}

/** GMV = viewers × conversion × AOV (METHOD.md): the factor a session lost GMV on. */
export type WeakestFactor = 'traffic' | 'conversion' | 'aov';

/** A session's viewers, conversion and AOV each divided by the brand's median session's. */
export type FactorRatios = Record<WeakestFactor, number>;

/** The brand's median session: each factor's median over the sessions where it is measured. */
export interface SessionMedian {
  viewers: number | null;
  conversion: number | null;
  aovFen: number | null;
}

export interface SessionOutcome {
  metrics: SessionMetrics;
  items: Record<StageItemKey, StageItemVerdict>;
  /** 0..100 over the known items, null when none is known. */
  score: number | null;
  /** null when one of the three factors, or its median, is not measured. */
  factors: FactorRatios | null;
  weakestFactor: WeakestFactor | null;
}

export interface StageItemTally {
  pass: number;
  warn: number;
  fail: number;
  unknown: number;
}

/** STAGE across all sessions: how often each item passed or failed, and which failed most. */
export interface StageHealth {
  sessions: number;
  items: Record<StageItemKey, StageItemTally>;
  /** The item with the most failed sessions (ties: more warnings, then S-T-A-G-E order); null when none failed. */
  mostFailed: StageItemKey | null;
  /** One sentence on the above; null without sessions. */
  summary: Message | null;
}

export interface Diagnosis {
  profile: Profile;
  stages: StageOutcome[];
  focusStage: StageKey | null;
  /** null when there is no focus; `notMeasured` when the focus is a stage the data cannot judge yet. */
  focusReason: FocusReason | null;
  coverage: StageCoverage;
  overallScore: number | null;
  sessions: SessionOutcome[];
  /** null without sessions. */
  sessionMedian: SessionMedian | null;
  stageHealth: StageHealth;
  /** Findings about the brand as a whole: platform scores, skipped steps, not-measured stages. */
  brandFindings: Finding[];
}
