// The diagnosis: every stage rule assessed, scored and placed on the STEPS path.
//
// Decisions where METHOD.md is silent:
// - A stage's score is round(100 × Σ weight·credit ÷ Σ weight) over its known checks. A stage
//   whose required metrics are null, or whose checks are all unknown, is not measured: null.
// - A stage with no activity at all (no creator sales, no spend, no own session...) is
//   not-started and scores 0: context checks that happen to pass, such as a rising natural
//   traffic trend, do not make a stage begun.
// - The focus stage is the first measured stage, in adoption order, that is not established
//   or strong; when every measured stage is, it is the first not-measured stage (coverage.ts,
//   PLAN.md section 2). Each not-measured stage gets a brand finding naming the export that
//   would measure it, a warning when it is or sits before the focus stage (it might be the real
//   focus) and a note after it.
// - The overall score is the mean of the measured stages' scores, rounded; null when none is
//   measured. Not-started stages count as 0: the score says how far along the path the brand is.
// - Sessions (STAGE verdicts, median comparison) are diagnosed first, so that their brand-level
//   health can join the findings of the stages it explains (stage-health.ts).
// - Answers in checklist.json for live ids that no session carries are reported, not dropped
//   silently: a mistyped id would otherwise lose a consultant's work without a word.

import { mergeCatalogs, type Catalog, type Message } from '../i18n/index.js';
import type { BrandConfig } from '../ingest/types.js';
import type { Metrics } from '../metrics/types.js';
import { scoreChecks, thresholdValue } from './checks.js';
import { chooseFocus, stageCoverage, type StageCoverage } from './coverage.js';
import { engineMessages } from './messages.js';
import { buildPlan } from './plan/index.js';
import { planMessages } from './plan/messages.js';
import { diagnoseSessions } from './sessions.js';
import { stageHealthMessages, summariseStageHealth, withStageHealth } from './stage-health.js';
import { stageItemMessages } from './stage-items/index.js';
import { assessStageRule } from './stage-runner.js';
import { stageRules } from './stages/index.js';
import type {
  AnyStageRule,
  Check,
  ChecklistAnswers,
  Diagnosis,
  Finding,
  PeerLookup,
  Profile,
  StageContext,
  StageKey,
  StageOutcome,
  StageStatus,
} from './types.js';
import { percent, ratio, yuan } from './wording.js';

export { stageItemRules } from './stage-items/index.js';
export { stageRules } from './stages/index.js';

interface Levels {
  emerging: number;
  developing: number;
  established: number;
  strong: number;
}

function readLevels(profile: Profile): Levels {
  return {
    emerging: thresholdValue(profile, 'level.emerging'),
    developing: thresholdValue(profile, 'level.developing'),
    established: thresholdValue(profile, 'level.established'),
    strong: thresholdValue(profile, 'level.strong'),
  };
}

export function diagnose(
  metrics: Metrics,
  brand: BrandConfig,
  profile: Profile,
  answers: ChecklistAnswers = {},
  peers: PeerLookup | null = null,
): Diagnosis {
  const levels = readLevels(profile);
  const context: StageContext = { metrics, profile, brand, peers };
  const sessions = diagnoseSessions(metrics.sessionList, answers, profile);
  const stageHealth = summariseStageHealth(sessions.sessions);
  const assessed = stageRules.map((rule, index) => assessStage(rule, index + 1, context, levels));
  const stages = withStageHealth(assessed, stageHealth, sessions.sessions, profile);
  const { stage: focus, reason: focusReason } = chooseFocus(stages);
  if (focus) focus.isFocus = true;
  const focusStage = focus?.key ?? null;
  return {
    profile,
    stages,
    focusStage,
    focusReason,
    coverage: stageCoverage(stages),
    overallScore: overallScore(stages),
    sessions: sessions.sessions,
    sessionMedian: sessions.median,
    stageHealth,
    brandFindings: [
      ...trustFindings(brand, profile),
      ...skippedStepFindings(stages, levels),
      ...refundFindings(metrics, profile),
      ...notMeasuredFindings(stages, focus),
      ...dataFindings(metrics, profile),
      ...unmatchedAnswerFindings(metrics, answers),
    ],
    plan: buildPlan(stages, focusStage, brand, profile, peers),
  };
}

/** At most this many unmatched live ids are named; the count says the rest. */
const UNMATCHED_IDS_SHOWN = 5;

function unmatchedAnswerFindings(metrics: Metrics, answers: ChecklistAnswers): Finding[] {
  const known = new Set(metrics.sessionList.map((session) => session.liveId));
  const unmatched = Object.keys(answers)
    .filter((liveId) => !known.has(liveId))
    .sort();
  if (unmatched.length === 0) return [];
  return [
    {
      id: 'checklist.unmatched',
      severity: 'info',
      message: {
        key: 'diagnosis.checklist.unmatched',
        params: { count: unmatched.length, ids: unmatched.slice(0, UNMATCHED_IDS_SHOWN) },
      },
    },
  ];
}

function isMeasured(rule: AnyStageRule, metrics: Metrics): boolean {
  return rule.requires.every((key) => metrics[key] !== null);
}

/**
 * Which stages the files can measure at all, by the rules' declared `requires` (validate's
 * "3 of 5 stages can be measured"): the same test the diagnosis applies before judging a stage.
 */
export function measurableCoverage(metrics: Metrics): StageCoverage {
  const notMeasured = stageRules.filter((rule) => !isMeasured(rule, metrics)).map((rule) => rule.key);
  return { measuredStages: stageRules.length - notMeasured.length, stages: stageRules.length, notMeasured };
}

/** "T is not measured: it needs the live sessions export with …", as the report's finding says it. */
export function notMeasuredMessage(stage: StageKey): Message {
  return { key: notMeasuredKey(stage) };
}

function assessStage(rule: AnyStageRule, order: number, context: StageContext, levels: Levels): StageOutcome {
  const base = { key: rule.key, letter: rule.letter, order, isFocus: false };
  if (!isMeasured(rule, context.metrics)) return notMeasured(rule, base);
  const assessment = assessStageRule(rule, context);
  const computed = scoreChecks(assessment.checks);
  if (computed === null && assessment.started) return notMeasured(rule, base);
  const held = assessment.started ? holdBelowEstablished(rule, assessment.checks, computed as number, levels) : null;
  const score = held ? held.score : assessment.started ? (computed as number) : 0;
  return {
    ...base,
    score,
    status: assessment.started ? statusFor(score, levels) : 'not-started',
    checks: assessment.checks,
    findings: held ? [held.finding, ...assessment.findings] : assessment.findings,
    nextSteps: assessment.nextSteps,
    evidence: assessment.evidence,
  };
}

/** A stage whose defining check fails scores at most one point under the established level. */
function holdBelowEstablished(
  rule: AnyStageRule,
  checks: readonly Check[],
  score: number,
  levels: Levels,
): { score: number; finding: Finding } | null {
  const defining = checks.find((check) => check.id === rule.definingCheck);
  if (!defining || defining.result !== 'fail' || score < levels.established) return null;
  return {
    score: levels.established - 1,
    finding: {
      id: 'heldByDefiningCheck',
      severity: 'warn',
      message: {
        key: 'diagnosis.heldByDefiningCheck',
        params: { check: defining.label, reached: percent(defining.credit), score, held: levels.established - 1 },
      },
    },
  };
}

function notMeasured(
  rule: AnyStageRule,
  base: Pick<StageOutcome, 'key' | 'letter' | 'order' | 'isFocus'>,
): StageOutcome {
  return {
    ...base,
    score: null,
    status: 'not-measured',
    checks: [],
    findings: [],
    nextSteps: [],
    evidence: { key: rule.missingExport },
  };
}

function statusFor(score: number, levels: Levels): StageStatus {
  if (score >= levels.strong) return 'strong';
  if (score >= levels.established) return 'established';
  if (score >= levels.developing) return 'developing';
  // Below the emerging level a begun stage still reads "emerging"; the level itself marks it
  // weak for skipped-step findings.
  return 'emerging';
}

function isEstablished(status: StageStatus): boolean {
  return status === 'established' || status === 'strong';
}

function overallScore(stages: readonly StageOutcome[]): number | null {
  const scores = stages.map((stage) => stage.score).filter((score): score is number => score !== null);
  if (scores.length === 0) return null;
  return Math.round(scores.reduce((sum, score) => sum + score, 0) / scores.length);
}

/** A stage established over an earlier measured stage that is weak or not started. */
function skippedStepFindings(stages: readonly StageOutcome[], levels: Levels): Finding[] {
  const findings: Finding[] = [];
  for (const later of stages) {
    if (!isEstablished(later.status)) continue;
    for (const earlier of stages) {
      if (earlier.order >= later.order || earlier.score === null) continue;
      if (earlier.score >= levels.emerging) continue;
      findings.push({
        id: `skipped.${later.key}.${earlier.key}`,
        severity: 'warn',
        message: {
          key: skippedKey(later.key, earlier.key),
          params: { score: later.score ?? 0, earlierScore: earlier.score },
        },
      });
    }
  }
  return findings;
}

function skippedKey(later: StageKey, earlier: StageKey): string {
  return `diagnosis.skipped.${later}.${earlier}`;
}

function notMeasuredKey(stage: StageKey): string {
  return `diagnosis.notMeasured.${stage}`;
}

function notMeasuredFindings(stages: readonly StageOutcome[], focus: StageOutcome | null): Finding[] {
  return stages
    .filter((stage) => stage.status === 'not-measured')
    .map((stage) => ({
      id: `notMeasured.${stage.key}`,
      severity: focus === null || stage.order <= focus.order ? 'warn' : 'info',
      message: { key: notMeasuredKey(stage.key) },
    }));
}

const PLATFORM_SCORES = ['shopExperience', 'creatorReputation', 'product'] as const;

/** Platform scores gate traffic and subsidies: a low one is a risk to every stage. */
function trustFindings(brand: BrandConfig, profile: Profile): Finding[] {
  const critical = thresholdValue(profile, 'trust.critical');
  const findings: Finding[] = [];
  for (const name of PLATFORM_SCORES) {
    const score = brand.scores[name];
    const minimum = thresholdValue(profile, `trust.${name}`);
    if (score === null || score >= minimum) continue;
    const isCritical = score < critical;
    findings.push({
      id: `trust.${name}`,
      severity: isCritical ? 'error' : 'warn',
      message: {
        key: isCritical ? `diagnosis.trust.${name}.critical` : `diagnosis.trust.${name}`,
        params: { score: ratio(score), minimum: ratio(minimum), critical: ratio(critical) },
      },
    });
  }
  if (PLATFORM_SCORES.every((name) => brand.scores[name] === null)) {
    findings.push({ id: 'trust.unstated', severity: 'info', message: { key: 'diagnosis.trust.unstated' } });
  }
  return findings;
}

function refundFindings(metrics: Metrics, profile: Profile): Finding[] {
  if (metrics.gmvFen <= 0) return [];
  const rate = metrics.refundsFen / metrics.gmvFen;
  const max = thresholdValue(profile, 'brand.refundRateMax');
  if (rate <= max) return [];
  return [
    {
      id: 'refunds',
      severity: 'warn',
      message: {
        key: 'diagnosis.refunds',
        params: { rate: percent(rate), refunds: yuan(metrics.refundsFen), max: percent(max) },
      },
    },
  ];
}

function dataFindings(metrics: Metrics, profile: Profile): Finding[] {
  const findings: Finding[] = [];
  if (metrics.orders > 0 && metrics.topProducts.length === 0) {
    findings.push({ id: 'noProducts', severity: 'info', message: { key: 'diagnosis.noProducts' } });
  }
  const unmatched = profile.selection?.unmatchedCategory ?? null;
  if (unmatched !== null) {
    findings.push({
      id: 'profile.categoryUnmatched',
      severity: 'info',
      message: {
        key: 'diagnosis.profile.categoryUnmatched',
        // Only the default profile stands in for an unmatched category; its name is a word in each language.
        params: {
          category: unmatched,
          profile: profile.name === 'default' ? { key: 'diagnosis.profile.defaultName' } : profile.name,
        },
      },
    });
  }
  return findings;
}

/** "Public-domain traffic is not measured: it needs …", one per stage, built from the rule's own words. */
function notMeasuredMessages(): Catalog {
  const catalog: Catalog = { en: {}, zh: {} };
  for (const rule of stageRules) {
    const name = rule.name;
    catalog.en[notMeasuredKey(rule.key)] = `${name.en} is not measured: it ${rule.strings.en[rule.missingExport]}.`;
    catalog.zh[notMeasuredKey(rule.key)] = `${name.zh}未测量，${rule.strings.zh[rule.missingExport]}。`;
  }
  return catalog;
}

/** Each stage's name, from its rule. */
function stageNameMessages(): Catalog {
  const catalog: Catalog = { en: {}, zh: {} };
  for (const rule of stageRules) {
    catalog.en[`diagnosis.stage.${rule.key}`] = rule.name.en;
    catalog.zh[`diagnosis.stage.${rule.key}`] = rule.name.zh;
  }
  return catalog;
}

/** One sentence per (later, earlier) pair, so stage names are translated rather than passed in. */
function skippedStepMessages(): Catalog {
  const catalog: Catalog = { en: {}, zh: {} };
  stageRules.forEach((later, laterIndex) => {
    stageRules.slice(0, laterIndex).forEach((earlier) => {
      const consequence = earlier.ifSkipped;
      if (!consequence)
        throw new Error(`stage "${earlier.key}" comes before another but says nothing of being skipped`);
      const laterName = later.name;
      const earlierName = earlier.name;
      catalog.en[skippedKey(later.key, earlier.key)] =
        `Skipped step: ${laterName.en} scores {score} while the earlier ${earlierName.en.toLowerCase()} scores only {earlierScore}; ${consequence.en}.`;
      catalog.zh[skippedKey(later.key, earlier.key)] =
        `跳步：${laterName.zh}已有 {score} 分，前面的${earlierName.zh}却只有 {earlierScore} 分；${consequence.zh}。`;
    });
  });
  return catalog;
}

/** Every message the diagnosis can emit, in both languages: the report renders with this alone. */
export const diagnosisMessages: Catalog = mergeCatalogs(
  engineMessages,
  planMessages,
  stageNameMessages(),
  notMeasuredMessages(),
  skippedStepMessages(),
  stageHealthMessages(),
  ...stageRules.map((rule) => rule.strings),
  stageItemMessages,
);
