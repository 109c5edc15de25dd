// One stage rule or STAGE item tested alone, the way ESLint's RuleTester tests one rule: small
// metrics in, the rule's own checks, step ids and message parameters out. A case names only what
// it is about, so changing one weight breaks the cases of that check and nothing else.

import { beforeAll, describe, expect, it } from 'vitest';
import type { MessageParams } from '../../src/i18n/index.js';
import type { Metrics, SessionMetrics } from '../../src/metrics/types.js';
import { loadProfile } from '../../src/diagnosis/profiles.js';
import { assessStageRule } from '../../src/diagnosis/stage-runner.js';
import type {
  AnyStageRule,
  CheckResult,
  ItemAnswers,
  Profile,
  StageAssessment,
  StageItemRule,
  StageItemVerdict,
} from '../../src/diagnosis/types.js';
import { brandFixture, metricsFixture } from './fixtures.js';
import { blankSession } from './sessions-fixtures.js';

export interface StageCase {
  name: string;
  /** Changes to the typed metrics factory's brand (fixtures.ts). */
  metrics: Partial<Metrics>;
  /** Threshold values to change in the default profile. */
  thresholds?: Record<string, number>;
}

export interface InvalidStageCase extends StageCase {
  /** The results these checks must have; checks not named are not asserted. */
  checks: Record<string, CheckResult>;
  /** The ids of the steps chosen, in rank order (all of them, as ESLint lists every error). */
  steps?: string[];
  /** Parameters a chosen step's message must carry (a subset). */
  params?: Record<string, MessageParams>;
  started?: boolean;
}

let defaultProfile: Profile;

function profileWith(thresholds: Record<string, number> = {}): Profile {
  const changed = { ...defaultProfile.thresholds };
  for (const [key, value] of Object.entries(thresholds)) {
    const current = changed[key];
    if (!current) throw new Error(`the default profile has no threshold "${key}"`);
    changed[key] = { ...current, value };
  }
  return { ...defaultProfile, thresholds: changed };
}

export function assessAlone(rule: AnyStageRule, testCase: StageCase): StageAssessment {
  return assessStageRule(rule, {
    metrics: metricsFixture(testCase.metrics),
    profile: profileWith(testCase.thresholds),
    brand: brandFixture(),
    peers: null,
  });
}

/**
 * valid: every check the rule declares passes (or cannot be measured), and no step answers one.
 * invalid: the named checks have the named results, and exactly the listed steps are chosen.
 */
export function testStageRule(rule: AnyStageRule, cases: { valid: StageCase[]; invalid: InvalidStageCase[] }): void {
  describe(`stage rule ${rule.key}`, () => {
    beforeAll(async () => {
      defaultProfile = await loadProfile('default', null);
    });
    for (const testCase of cases.valid) {
      it(`valid: ${testCase.name}`, () => {
        const assessment = assessAlone(rule, testCase);
        const short = assessment.checks.filter((check) => check.result === 'warn' || check.result === 'fail');
        expect(short.map((check) => `${check.id}=${check.result}`)).toEqual([]);
        const answering = assessment.nextSteps.filter((step) => step.answers.length > 0);
        expect(answering.map((step) => step.id)).toEqual([]);
      });
    }
    for (const testCase of cases.invalid) {
      it(`invalid: ${testCase.name}`, () => {
        const assessment = assessAlone(rule, testCase);
        const results = Object.fromEntries(
          Object.keys(testCase.checks).map((id) => [id, assessment.checks.find((check) => check.id === id)?.result]),
        );
        expect(results).toEqual(testCase.checks);
        if (testCase.started !== undefined) expect(assessment.started).toBe(testCase.started);
        if (testCase.steps) expect(assessment.nextSteps.map((step) => step.id)).toEqual(testCase.steps);
        for (const [id, params] of Object.entries(testCase.params ?? {})) {
          const step = assessment.nextSteps.find((candidate) => candidate.id === id);
          expect(step, `step ${id}`).toBeDefined();
          expect(step?.message.params).toMatchObject(params);
        }
      });
    }
  });
}

export interface StageItemCase {
  name: string;
  session: Partial<SessionMetrics>;
  answers?: ItemAnswers | null;
  result: CheckResult;
  /** Catalog keys of the evidence lines, in order. */
  evidence?: string[];
  basis?: StageItemVerdict['basis'];
}

export function testStageItem(rule: StageItemRule, cases: StageItemCase[]): void {
  describe(`STAGE item ${rule.key}`, () => {
    beforeAll(async () => {
      defaultProfile = await loadProfile('default', null);
    });
    for (const testCase of cases) {
      it(`${testCase.result}: ${testCase.name}`, () => {
        const verdict = rule.assess(blankSession('L1', testCase.session), testCase.answers ?? null, defaultProfile);
        expect(verdict.result).toBe(testCase.result);
        if (testCase.evidence) expect(verdict.evidence.map((line) => line.key)).toEqual(testCase.evidence);
        if (testCase.basis) expect(verdict.basis).toBe(testCase.basis);
      });
    }
  });
}
