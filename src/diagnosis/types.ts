// The diagnosis layer's vocabulary: profiles, rules (stages and STAGE items) and what they return.
// Rules return Messages (catalog key + params), never finished text: the report puts them into words.

import type { Catalog, Message, MessageParams } from '../i18n/index.js';
import type { BrandConfig } from '../ingest/types.js';
import type { Metrics, SessionMetrics } from '../metrics/types.js';
import type { FocusReason, StageCoverage } from './coverage.js';
import type { Plan } from './plan/index.js';

export type StageKey = 'elite-distribution' | 'traffic' | 'self-broadcast' | 'private-domain' | 'specify-supply';

/** Adoption order (METHOD.md): E → T → S → P → S, read from the stage rule list. */
export { STAGE_KEYS } from './stages/index.js';

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
  /** Set when the threshold holds over a longer window than the period: the miss was not judged. */
  window?: { days: number; periodDays: number };
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
  nextSteps: ChosenStep[];
  /** One line for the stage table. */
  evidence: Message;
  /** False when the data shows no activity at all for the stage (no creator sales, no spend, no own session...). */
  started: boolean;
}

export interface StageContext {
  metrics: Metrics;
  profile: Profile;
  brand: BrandConfig;
  /** Brands like this one, from the consultant's benchmark (`--benchmarks`); null without one. */
  peers: PeerLookup | null;
}

/** One metric among the peer group: its median and its excellent value (the better quarter's edge). */
export interface PeerFigures {
  median: number;
  excellent: number;
  /** Brands in the group with a value for this metric. */
  n: number;
}

/**
 * The peer group of this brand, as plain data: src/benchmarks builds it from the benchmark file,
 * so the diagnosis reads peers without knowing where they come from.
 */
export interface PeerLookup {
  /** The group in a few words ("food brands"), put into words by the report. */
  groupName: Message;
  /** Check id → figures; a check the group has too few values for is absent. */
  metrics: Readonly<Record<string, PeerFigures>>;
}

/** Where a step's goal came from (PLAN.md §1 "Sized to the brand", §3 peers). */
export type GoalSource = 'target' | 'peerMedian' | 'peerExcellent' | 'milestone';

/**
 * A goal for one check's metric within a step's horizon: the profile target when the brand can
 * reach it, else the peers' median, else their excellent value, else the step's own milestone.
 */
export interface SizedGoal {
  check: string;
  value: number;
  source: GoalSource;
  /** The peer figures the choice looked at; null when the group has none for the check. */
  peer: PeerFigures | null;
  /**
   * For a milestone goal with peers: the first peer figure the brand has not reached that lies
   * beyond the milestone, or null when the brand is past both.
   */
  peerBeyondReach: 'median' | 'excellent' | null;
}

/** What a plan item is: a trust or data blocker, growth, or doing the same with less. */
export type StepKind = 'blocker' | 'data' | 'growth' | 'efficiency';
/** When a consultant would expect to see the step's result. */
export type StepHorizon = 'this-week' | 'this-month' | 'this-quarter';

/** What a rule's checks, findings and steps read: the metrics plus the rule's own evidence. */
export interface RuleInput<E> extends StageContext {
  /** What the rule derived once from the metrics (e.g. the exclusive-supply figures), shared by its parts. */
  evidence: E;
}

/** One check of a stage, as data: the engine measures, grades and scores it. */
export interface CheckDeclaration<E> {
  id: string;
  /**
   * The metric the check reads, by the name benchmarks and plan targets use (e.g. "creatorGmvYuan").
   * A peer benchmark for this metric, when one is loaded, belongs to this check.
   */
  metric: string;
  value(input: RuleInput<E>): number | null;
  /** Catalog key of the label when it depends on the data (the basis a ratio was taken on); by default `<namespace>.check.<id>`. */
  label?(input: RuleInput<E>): string;
  /** Profile key of the target, e.g. "E.creatorGmvYuan". */
  threshold: string;
  comparison: Check['comparison'];
  unit: Check['unit'];
  weight: number;
  /**
   * Profile key of the days the threshold is defined over (repeat buyers over 90 days). Over a
   * shorter period a miss is not a verdict: the check is left unjudged and says why.
   */
  window?: string;
}

/** What a step's parts read: the rule input and the stage's measured checks. */
export interface StepInput<E> extends RuleInput<E> {
  checks: readonly Check[];
  /** The measured check of this id (a programming error when the stage has none). */
  check(id: string): Check;
  /**
   * The goal for check `id` from `current` within a horizon whose milestone is `milestone` (the
   * furthest the brand can plan to get): see SizedGoal. Steps size through this, so a peer
   * figure stands in for an out-of-reach target the same way everywhere.
   */
  sizeGoal(id: string, current: number, milestone: number): SizedGoal;
}

/** The number a step moves, from today's value to the next milestone within its horizon. */
export interface StepTarget<E> {
  metric: string;
  unit: Check['unit'];
  current(input: StepInput<E>): number | null;
  /** The milestone; null when none can be set from the brand's own figures. */
  goal(input: StepInput<E>, current: number): number | null;
}

/** Expected GMV effect of a step over its horizon, and how it was estimated. */
export interface StepImpact {
  gmvYuan: number | null;
  basis: Message;
}

/** When a step is offered: only for a begun stage (default), only for one not begun, or either way. */
export type StepPhase = 'started' | 'not-started' | 'always';

/** One next step of a stage, as data: the engine decides when it applies and how it ranks. */
export interface StepDeclaration<E> {
  /** Local id, unique in the rule; the plan qualifies it with the stage letter ("E.recruitForGmv"). */
  id: string;
  /** Catalog key of the step's text; by default `<namespace>.next.<id>`. */
  message?: string;
  /** Ids of the checks the step answers: it applies when one of them falls short (see `applies`). */
  answers: readonly string[];
  /**
   * The cause the step acts on, when steps of other rules act on it too ("followRate" for S and P):
   * the plan keeps one item per cause.
   */
  cause?: string;
  kind: StepKind;
  horizon: StepHorizon;
  phase?: StepPhase;
  /** A fixed rank weight for steps not tied to a check (programmes); else the answered checks' gaps. */
  priority?: number;
  /** Overrides "one of the answered checks falls short". */
  applies?(input: StepInput<E>): boolean;
  /** The step's message parameters, or null when the data cannot name what the step needs. */
  params(input: StepInput<E>): MessageParams | null;
  target?: StepTarget<E>;
  /** The goal the step sized (through `sizeGoal`), so the plan can say where it came from. */
  sizing?(input: StepInput<E>): SizedGoal | null;
  impact?(input: StepInput<E>): StepImpact | null;
}

/** Strings side by side: catalog key → its English and Chinese. */
export type BilingualStrings = Record<string, { en: string; zh: string }>;

/**
 * One file per STEPS stage in src/diagnosis/stages/: what the stage is and what it measures, as
 * data. The engine (stage-runner.ts) runs the checks, the score, the hold, the findings and the
 * choice of steps; the adoption order is the order of `stageRules` (stages/index.ts).
 */
export interface StageRule<E = unknown> {
  key: StageKey;
  letter: 'E' | 'T' | 'S' | 'P';
  /** Prefix of the rule's catalog keys ("S2" for the second S, so keys do not clash). */
  namespace: string;
  name: { en: string; zh: string };
  /** What a brand that skipped this stage lacks: the second half of a skipped-step finding. */
  ifSkipped?: { en: string; zh: string };
  /** This stage's own words, both languages (keys start with the namespace). */
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
  /** Derived once per run; `requires` guarantees its inputs are present. */
  evidence(context: StageContext): E;
  /** False when the data shows no activity at all for the stage. */
  isStarted(input: RuleInput<E>): boolean;
  checks: readonly CheckDeclaration<E>[];
  /** The stage table's one line. */
  summary(input: RuleInput<E>, started: boolean): Message;
  findings(input: RuleInput<E>, started: boolean): Finding[];
  steps: readonly StepDeclaration<E>[];
}

/** A rule of any evidence type, as the engine holds them in one list. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyStageRule = StageRule<any>;

/** A step the engine chose, with what the plan needs to place it. */
export interface ChosenStep extends NextStep {
  answers: readonly string[];
  cause?: string;
  kind: StepKind;
  horizon: StepHorizon;
  priority: number;
  target: { metric: string; unit: Check['unit']; current: number; goal: number } | null;
  impact: StepImpact | null;
  sizing: SizedGoal | null;
}

export interface StageOutcome {
  key: StageKey;
  letter: StageRule['letter'];
  /** 1-based place in the adoption order. */
  order: number;
  score: number | null;
  status: StageStatus;
  isFocus: boolean;
  checks: Check[];
  findings: Finding[];
  nextSteps: ChosenStep[];
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
  /** Its catalog keys and thresholds are "stage.<namespace>.…", e.g. "earlyWarmup". */
  namespace: string;
  /**
   * The session fields the item's data signals read, and what their absence means in words: the
   * "not judged: …" line is built from it (stage-items/index.ts), so it cannot drift from the data.
   */
  requires: { fields: (keyof SessionMetrics)[]; missing: { en: string; zh: string } };
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
  /** What to do, ranked (plan/index.ts). */
  plan: Plan;
}
