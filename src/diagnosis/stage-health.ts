// STAGE across all sessions: which item fails most often, fed into the findings and next steps
// of the STEPS stage each item belongs to (the traffic item to public-domain traffic, the four
// others to self-broadcast), so "warm-up failed in 18 of 24 sessions" sits beside the numbers
// it explains.
//
// Decisions where METHOD.md is silent:
// - Every item that failed in at least one session gets a finding; a warning when it failed in
//   at least half of the sessions it could be judged in, else a note.
// - A next step goes to the most-failed item and to every item failing in half or more of its
//   judged sessions. Stage health never changes a stage's score: that stays the period's numbers.
// - A not-started stage gets nothing: its "how to start" step already covers every session.
// - Example sessions are the three most recent that failed the item.

import type { Catalog } from '../i18n/index.js';
import { stageItemRules } from './stage-items/index.js';
import {
  STAGE_ITEM_KEYS,
  type ChosenStep,
  type Finding,
  type Profile,
  type SessionOutcome,
  type StageHealth,
  type StageItemKey,
  type StageItemRule,
  type StageItemTally,
  type StageOutcome,
} from './types.js';
import { sessionName } from './wording.js';

const EXAMPLE_SESSIONS = 3;

function emptyTally(): StageItemTally {
  return { pass: 0, warn: 0, fail: 0, unknown: 0 };
}

function judged(tally: StageItemTally): number {
  return tally.pass + tally.warn + tally.fail;
}

export function summariseStageHealth(sessions: readonly SessionOutcome[]): StageHealth {
  const items = {} as Record<StageItemKey, StageItemTally>;
  for (const key of STAGE_ITEM_KEYS) items[key] = emptyTally();
  for (const session of sessions) {
    for (const key of STAGE_ITEM_KEYS) items[key][session.items[key].result] += 1;
  }
  const mostFailed = mostFailedItem(items);
  return { sessions: sessions.length, items, mostFailed, summary: summaryMessage(sessions.length, items, mostFailed) };
}

function mostFailedItem(items: Record<StageItemKey, StageItemTally>): StageItemKey | null {
  let worst: StageItemKey | null = null;
  for (const key of STAGE_ITEM_KEYS) {
    const tally = items[key];
    if (tally.fail === 0) continue;
    if (worst === null) {
      worst = key;
      continue;
    }
    const current = items[worst];
    if (tally.fail > current.fail || (tally.fail === current.fail && tally.warn > current.warn)) worst = key;
  }
  return worst;
}

function summaryMessage(
  sessions: number,
  items: Record<StageItemKey, StageItemTally>,
  mostFailed: StageItemKey | null,
): StageHealth['summary'] {
  if (sessions === 0) return null;
  if (mostFailed !== null) {
    const tally = items[mostFailed];
    return { key: mostFailedKey(mostFailed), params: { failed: tally.fail, judged: judged(tally), sessions } };
  }
  const anyJudged = STAGE_ITEM_KEYS.some((key) => judged(items[key]) > 0);
  return {
    key: anyJudged ? 'diagnosis.stageHealth.noneFailed' : 'diagnosis.stageHealth.noneJudged',
    params: { sessions },
  };
}

function mostFailedKey(item: StageItemKey): string {
  return `diagnosis.stageHealth.mostFailed.${item}`;
}

function recentFailures(sessions: readonly SessionOutcome[], item: StageItemKey): string[] {
  const failed = sessions.filter((session) => session.items[item].result === 'fail');
  // Most recent first: those are the sessions a consultant still remembers.
  failed.sort(
    (a, b) =>
      (b.metrics.startAt ?? '').localeCompare(a.metrics.startAt ?? '') ||
      a.metrics.liveId.localeCompare(b.metrics.liveId),
  );
  return failed.slice(0, EXAMPLE_SESSIONS).map((session) => sessionName(session.metrics));
}

interface Advice {
  findings: Finding[];
  nextSteps: ChosenStep[];
}

function adviceFor(
  rule: StageItemRule,
  health: StageHealth,
  sessions: readonly SessionOutcome[],
  profile: Profile,
): Advice {
  const tally = health.items[rule.key];
  if (tally.fail === 0) return { findings: [], nextSteps: [] };
  const examples = recentFailures(sessions, rule.key);
  const mostSessions = tally.fail * 2 >= judged(tally);
  const finding: Finding = {
    id: `stageHealth.${rule.key}`,
    severity: mostSessions ? 'warn' : 'info',
    message: { key: rule.health.finding, params: { failed: tally.fail, judged: judged(tally), sessions: examples } },
  };
  const wantsStep = mostSessions || health.mostFailed === rule.key;
  const nextSteps: ChosenStep[] = wantsStep
    ? [
        {
          id: `stageHealth.${rule.key}`,
          message: { key: rule.health.nextStep, params: { ...rule.nextStepParams(profile), sessions: examples } },
          // A habit of every session: it answers no stage check, and is worked on from the next session.
          answers: [],
          ...(rule.key === 'early-warmup' ? { cause: 'warmupVideos' } : {}),
          kind: 'efficiency',
          horizon: 'this-week',
          priority: tally.fail / Math.max(1, judged(tally)),
          target: null,
          impact: null,
          sizing: null,
        },
      ]
    : [];
  return { findings: [finding], nextSteps };
}

/**
 * The stage outcomes with each STAGE item's health added to the stage it feeds. Items are taken
 * most-failed first, so the worst habit leads.
 */
export function withStageHealth(
  stages: readonly StageOutcome[],
  health: StageHealth,
  sessions: readonly SessionOutcome[],
  profile: Profile,
): StageOutcome[] {
  const rules = [...stageItemRules].sort((a, b) => health.items[b.key].fail - health.items[a.key].fail);
  return stages.map((stage) => {
    if (stage.status === 'not-started') return stage;
    const fed = rules
      .filter((rule) => rule.feeds === stage.key)
      .map((rule) => adviceFor(rule, health, sessions, profile));
    if (fed.length === 0) return stage;
    return {
      ...stage,
      findings: [...stage.findings, ...fed.flatMap((advice) => advice.findings)],
      nextSteps: [...stage.nextSteps, ...fed.flatMap((advice) => advice.nextSteps)],
    };
  });
}

/** "Most often failed: E warm-up, in 18 of 24 sessions judged", one sentence per item. */
export function stageHealthMessages(): Catalog {
  const catalog: Catalog = {
    en: {
      'diagnosis.stageHealth.noneFailed': 'STAGE over {sessions} sessions: no item failed.',
      'diagnosis.stageHealth.noneJudged':
        'STAGE over {sessions} sessions: no item could be judged. Add the traffic columns (花费, 预约人数, 预热视频数, 人均观看时长 …) or answer with steps-doctor checklist.',
    },
    zh: {
      'diagnosis.stageHealth.noneFailed': '{sessions} 场直播的 STAGE 复盘：没有不合格的项目。',
      'diagnosis.stageHealth.noneJudged':
        '{sessions} 场直播的 STAGE 复盘：没有项目可以判断。请补充流量列（花费、预约人数、预热视频数、人均观看时长……），或用 steps-doctor checklist 回答清单。',
    },
  };
  for (const rule of stageItemRules) {
    const name = { en: rule.strings.en[rule.name]!, zh: rule.strings.zh[rule.name]! };
    catalog.en[mostFailedKey(rule.key)] =
      `STAGE over {sessions} sessions: ${rule.letter} ${name.en.toLowerCase()} fails most often, in {failed} of {judged} sessions judged.`;
    catalog.zh[mostFailedKey(rule.key)] =
      `{sessions} 场直播的 STAGE 复盘：${rule.letter}（${name.zh}）最常不合格，已判断的 {judged} 场中有 {failed} 场。`;
  }
  return catalog;
}
