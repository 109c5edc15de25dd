// The plan a consultant puts in front of the client (PLAN.md §1): at most three priorities, then
// a ranked backlog, built from the steps the stage rules chose.
//
// Ranking, as a consultant would:
// 1. Trust blockers: a platform score under the profile floor comes first, stage null. Nothing
//    that spends on growth can rank above it: traffic bought for a restricted shop is wasted.
// 2. Data blockers: a stage that cannot be judged, before the focus stage, gets its export asked
//    for (it may be the real focus).
// 3. The focus stage's steps, in the order the stage ranked them; then the next stage in adoption
//    order. Only these reach the three priorities.
// 4. Everything else is backlog, stage by stage in adoption order.
//
// One cause, one item: steps declaring the same cause (the follow rate asked for by S and by P,
// warm-up videos by S's 短直联动 step and by STAGE E) become the first-ranked of them, carrying
// the others' checks. No two items share an id or a target metric.

import type { Message, MessageParam } from '../../i18n/index.js';
import type { BrandConfig } from '../../ingest/types.js';
import { thresholdValue } from '../checks.js';
import { stageRule } from '../stages/index.js';
import type {
  Check,
  ChosenStep,
  PeerLookup,
  Profile,
  SizedGoal,
  StageKey,
  StageOutcome,
  StepHorizon,
  StepImpact,
  StepKind,
} from '../types.js';
import { percent, ratio, yuanFromYuan, count } from '../wording.js';

export interface PlanItem {
  rank: number;
  /** Stable across runs and languages: "<stage namespace>.<step id>", "brand.<score>" or "data.<stage>". */
  id: string;
  stage: StageKey | null;
  kind: StepKind;
  horizon: StepHorizon;
  text: Message;
  why: Message;
  checks: string[];
  target: { metric: string; current: number; goal: number; unit: Check['unit'] } | null;
  impact: StepImpact | null;
}

export interface DataRequest {
  id: string;
  export: Message;
  unlocks: StageKey[];
}

export interface Plan {
  priorities: PlanItem[];
  backlog: PlanItem[];
  dataRequests: DataRequest[];
}

/** At most this many priorities: what a client meeting can commit to. */
export const PRIORITIES = 3;

type Draft = Omit<PlanItem, 'rank'> & { cause: string | null };

const PLATFORM_SCORES = ['shopExperience', 'creatorReputation', 'product'] as const;

/**
 * A score under trust.critical is its own blocker (traffic and subsidies are likely restricted);
 * the scores merely under the floor share one item, so three low scores do not fill the three
 * priorities and push the focus stage out of the meeting.
 */
function trustBlockers(brand: BrandConfig, profile: Profile): Draft[] {
  const critical = thresholdValue(profile, 'trust.critical');
  const drafts: Draft[] = [];
  const low: { name: (typeof PLATFORM_SCORES)[number]; score: number; minimum: number }[] = [];
  for (const name of PLATFORM_SCORES) {
    const score = brand.scores[name];
    const minimum = thresholdValue(profile, `trust.${name}`);
    if (score === null || score >= minimum) continue;
    if (score >= critical) {
      low.push({ name, score, minimum });
      continue;
    }
    const params = { score: ratio(score), minimum: ratio(minimum) };
    drafts.push({
      id: `brand.${name}`,
      stage: null,
      kind: 'blocker',
      horizon: 'this-week',
      text: { key: `plan.trust.${name}`, params },
      why: { key: `plan.trust.${name}.why`, params },
      checks: [],
      target: { metric: name, current: score, goal: minimum, unit: 'ratio' },
      impact: null,
      cause: `trust.${name}`,
    });
  }
  if (low.length > 0) {
    const scores = low.map(({ name, score, minimum }) => ({
      key: `plan.trust.score.${name}`,
      params: { score: ratio(score), minimum: ratio(minimum) },
    }));
    drafts.push({
      id: 'brand.platformScores',
      stage: null,
      kind: 'blocker',
      horizon: 'this-month',
      text: { key: 'plan.trust.low', params: { scores: scoreList(scores) } },
      why: { key: 'plan.trust.low.why', params: { scores: scoreList(scores) } },
      checks: [],
      target: null,
      impact: null,
      cause: 'trust.low',
    });
  }
  return drafts;
}

/** Up to three scores, each put into words: a fixed-arity message keeps the list translatable. */
function scoreList(scores: Message[]): Message {
  const [first, second, third] = scores;
  if (third && second && first) return { key: 'plan.list.3', params: { a: first, b: second, c: third } };
  if (second && first) return { key: 'plan.list.2', params: { a: first, b: second } };
  return first ?? { key: 'plan.list.0' };
}

function dataDraft(stage: StageOutcome): Draft {
  const rule = stageRule(stage.key);
  return {
    id: `data.${stage.key}`,
    stage: stage.key,
    kind: 'data',
    horizon: 'this-week',
    text: {
      key: 'plan.data',
      params: { stage: { key: `diagnosis.stage.${stage.key}` }, export: { key: rule.missingExport } },
    },
    why: { key: 'plan.data.why', params: { stage: { key: `diagnosis.stage.${stage.key}` } } },
    checks: [],
    target: null,
    impact: null,
    cause: `data.${stage.key}`,
  };
}

/** "Conversion 0.9% against 4%": the figure behind a step, in the unit its check shows ("45 秒", not "45"). */
export function shownValue(unit: Check['unit'], value: number | null): MessageParam {
  if (unit === 'fraction') return percent(value);
  if (unit === 'yuan') return yuanFromYuan(value);
  if (unit === 'ratio') return ratio(value);
  if (value !== null && unit === 'perWeek') return { key: 'plan.unit.perWeek', params: { value: ratio(value) } };
  if (value !== null && (unit === 'seconds' || unit === 'minutes')) {
    return { key: `plan.unit.${unit}`, params: { value: count(value) } };
  }
  return count(value);
}

function whyOf(stage: StageOutcome, step: ChosenStep): Message {
  const check = step.answers
    .map((id) => stage.checks.find((candidate) => candidate.id === id))
    .find((candidate): candidate is Check => candidate !== undefined && candidate.result !== 'pass');
  if (!check) {
    // A STAGE habit's step rests on its tally ("warm-up failed in 4 of 5 sessions").
    // A programme step (川流, 短直联动, the shelf) rests on its own "…Low" finding.
    const health = stage.findings.find((finding) => finding.id === step.id || finding.id === `${step.id}Low`);
    if (health) return health.message;
    const name = { key: `diagnosis.stage.${stage.key}` };
    if (stage.status === 'not-started') return { key: 'plan.why.notStarted', params: { stage: name } };
    return { key: 'plan.why.stage', params: { stage: name, score: count(stage.score) } };
  }
  return {
    key: check.comparison === 'atMost' ? 'plan.why.checkAtMost' : 'plan.why.check',
    params: {
      check: check.label,
      value: shownValue(check.unit, check.value),
      target: shownValue(check.unit, check.target),
    },
  };
}

/**
 * Where the goal came from, when the brand has peers for the metric it sizes: the consultant must
 * be able to say whether "¥550,000 this month" is the profile's level, the median of brands like
 * this one, their better quarter, or the milestone. Without peers the why stays as it was.
 */
function goalWhy(stage: StageOutcome, sizing: SizedGoal | null, peers: PeerLookup | null): Message | null {
  if (!sizing?.peer || !peers) return null;
  const check = stage.checks.find((candidate) => candidate.id === sizing.check);
  if (!check) return null;
  const show = (value: number): MessageParam => shownValue(check.unit, value);
  const beyond = sizing.peerBeyondReach;
  const key =
    sizing.source !== 'milestone'
      ? `plan.goal.${sizing.source}`
      : beyond === null
        ? 'plan.goal.milestone.pastPeers'
        : 'plan.goal.milestone.peersFar';
  return {
    key,
    params: {
      which: { key: `plan.goal.which.${beyond ?? 'median'}` },
      next: show(beyond === null ? sizing.peer.median : sizing.peer[beyond]),
      goal: show(sizing.value),
      target: show(check.target),
      median: show(sizing.peer.median),
      excellent: show(sizing.peer.excellent),
      n: count(sizing.peer.n),
      group: peers.groupName,
    },
  };
}

function stepDraft(stage: StageOutcome, step: ChosenStep, peers: PeerLookup | null): Draft {
  const namespace = stageRule(stage.key).namespace;
  const why = whyOf(stage, step);
  const goal = goalWhy(stage, step.sizing, peers);
  return {
    id: step.id.startsWith('stageHealth.') ? step.id : `${namespace}.${step.id}`,
    stage: stage.key,
    kind: step.kind,
    horizon: step.horizon,
    text: step.message,
    why: goal ? { key: 'plan.why.withGoal', params: { why, goal } } : why,
    checks: [...step.answers],
    target: step.target,
    impact: step.impact,
    cause: step.cause ?? null,
  };
}

/** Drafts that answer one cause become the first of them; a later duplicate id or metric is dropped. */
function merged(drafts: readonly Draft[]): Draft[] {
  const kept: Draft[] = [];
  for (const draft of drafts) {
    const same = kept.find(
      (existing) =>
        existing.id === draft.id ||
        (draft.cause !== null && existing.cause === draft.cause) ||
        (draft.target !== null && existing.target?.metric === draft.target.metric),
    );
    if (!same) {
      kept.push({ ...draft, checks: [...draft.checks] });
      continue;
    }
    for (const id of draft.checks) if (!same.checks.includes(id)) same.checks.push(id);
  }
  return kept;
}

function ranked(drafts: readonly Draft[], from: number): PlanItem[] {
  return drafts.map(({ cause: _cause, ...item }, index) => ({ rank: from + index, ...item }));
}

export function buildPlan(
  stages: readonly StageOutcome[],
  focusStage: StageKey | null,
  brand: BrandConfig,
  profile: Profile,
  peers: PeerLookup | null = null,
): Plan {
  const focusIndex = stages.findIndex((stage) => stage.key === focusStage);
  const notMeasured = stages.filter((stage) => stage.status === 'not-measured');
  // A not-measured focus (coverage.ts) is asked for first: its data request is rank 1 after trust.
  const blockingData = notMeasured.filter((stage) => focusIndex < 0 || stages.indexOf(stage) <= focusIndex);
  const laterData = notMeasured.filter((stage) => !blockingData.includes(stage));
  const stepsOf = (stage: StageOutcome | undefined): Draft[] =>
    stage ? stage.nextSteps.map((step) => stepDraft(stage, step, peers)) : [];

  const focus = focusIndex >= 0 ? stages[focusIndex] : undefined;
  const next =
    focusIndex >= 0 ? stages.slice(focusIndex + 1).find((stage) => stage.status !== 'not-measured') : undefined;
  const eligible = merged([
    ...trustBlockers(brand, profile),
    ...blockingData.map(dataDraft),
    ...stepsOf(focus),
    ...stepsOf(next),
  ]);
  const priorities = eligible.slice(0, PRIORITIES);
  const rest = merged([
    ...priorities,
    ...eligible.slice(PRIORITIES),
    ...stages.filter((stage) => stage !== focus && stage !== next).flatMap(stepsOf),
    ...laterData.map(dataDraft),
  ]).slice(priorities.length);

  return {
    priorities: ranked(priorities, 1),
    backlog: ranked(rest, priorities.length + 1),
    dataRequests: notMeasured.map((stage) => ({
      id: `data.${stage.key}`,
      export: { key: stageRule(stage.key).missingExport },
      unlocks: [stage.key],
    })),
  };
}
