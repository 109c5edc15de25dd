import { beforeAll, describe, expect, it } from 'vitest';
import { diagnose, diagnosisMessages, stageRules } from '../../src/diagnosis/engine.js';
import { loadProfile } from '../../src/diagnosis/profiles.js';
import { stageItemMessages } from '../../src/diagnosis/stage-items/index.js';
import { STAGE_KEYS, type Diagnosis, type Profile, type StageStatus } from '../../src/diagnosis/types.js';
import { LANGS, render, type Catalog, type Message } from '../../src/i18n/index.js';
import { brandFixture } from './fixtures.js';
import { SCENARIOS } from './scenarios.js';

const PREFIX: Record<string, string> = {
  'elite-distribution': 'E.',
  traffic: 'T.',
  'self-broadcast': 'S.',
  'private-domain': 'P.',
  'specify-supply': 'S2.',
};

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
}

function expectParity(catalog: Catalog): void {
  expect(Object.keys(catalog.zh).sort()).toEqual(Object.keys(catalog.en).sort());
  for (const key of Object.keys(catalog.en)) {
    expect(placeholders(catalog.zh[key]!), key).toEqual(placeholders(catalog.en[key]!));
  }
}

/** Every Message a diagnosis carries: evidence, check labels, findings, next steps, brand findings. */
function messagesOf(diagnosis: Diagnosis): Message[] {
  const messages: Message[] = [];
  for (const stage of diagnosis.stages) {
    messages.push(stage.evidence);
    messages.push(...stage.checks.map((check) => check.label));
    messages.push(...stage.findings.map((finding) => finding.message));
    messages.push(...stage.nextSteps.map((step) => step.message));
    messages.push(...stage.nextSteps.flatMap((step) => (step.impact ? [step.impact.basis] : [])));
  }
  messages.push(...diagnosis.brandFindings.map((finding) => finding.message));
  for (const item of [...diagnosis.plan.priorities, ...diagnosis.plan.backlog]) messages.push(item.text, item.why);
  return messages.flatMap(withNested);
}

/** A message and the messages passed in its params (a basis, a reason), which render too. */
function withNested(message: Message): Message[] {
  const nested = Object.values(message.params ?? {}).filter(
    (param): param is Message => typeof param === 'object' && param !== null && 'key' in param,
  );
  return [message, ...nested.flatMap(withNested)];
}

let profile: Profile;
let emitted: Message[];

beforeAll(async () => {
  profile = await loadProfile('default', null);
  const brands = [
    brandFixture(),
    brandFixture({ scores: { shopExperience: 4.2, creatorReputation: 3.5, product: 4.4 } }),
    brandFixture({ scores: { shopExperience: 3.9, creatorReputation: 4.4, product: 3.1 } }),
    brandFixture({
      scores: { shopExperience: null, creatorReputation: null, product: null },
      selfBroadcastSince: null,
    }),
  ];
  emitted = [];
  for (const makeMetrics of Object.values(SCENARIOS)) {
    for (const brand of brands) emitted.push(...messagesOf(diagnose(makeMetrics(), brand, profile)));
  }
});

describe('diagnosis catalogs', () => {
  it('have the same keys and the same placeholders in Chinese and English', () => {
    expectParity(diagnosisMessages);
    for (const rule of stageRules) expectParity(rule.strings);
  });

  it('keep each stage to its own prefix, so merging loses nothing', () => {
    let total = 0;
    for (const rule of stageRules) {
      const keys = Object.keys(rule.strings.en);
      total += keys.length;
      for (const key of keys) expect(key.startsWith(PREFIX[rule.key]!), key).toBe(true);
      expect(rule.strings.en[rule.missingExport], rule.key).toBeDefined();
    }
    // STAGE items keep to "stage.<item>." (stage-items.test.ts checks each), shared lines to "stage.common.".
    const itemKeys = Object.keys(stageItemMessages.en);
    for (const key of itemKeys) expect(key.startsWith('stage.'), key).toBe(true);
    const engineKeys = Object.keys(diagnosisMessages.en).filter(
      (key) => key.startsWith('diagnosis.') || key.startsWith('plan.'),
    );
    expect(Object.keys(diagnosisMessages.en)).toHaveLength(total + itemKeys.length + engineKeys.length);
  });

  it('name every stage and every status in both languages', () => {
    const statuses: StageStatus[] = ['not-measured', 'not-started', 'emerging', 'developing', 'established', 'strong'];
    for (const lang of LANGS) {
      for (const key of STAGE_KEYS)
        expect(render(diagnosisMessages, lang, { key: `diagnosis.stage.${key}` })).not.toBe('');
      for (const status of statuses)
        expect(render(diagnosisMessages, lang, { key: `diagnosis.status.${status}` })).not.toBe('');
    }
    expect(render(diagnosisMessages, 'zh', { key: 'diagnosis.stage.elite-distribution' })).toBe('达人分销');
  });

  it('render every message the scenarios emit in both languages, with every placeholder filled', () => {
    expect(emitted.length).toBeGreaterThan(300);
    for (const message of emitted) {
      for (const lang of LANGS) {
        const text = render(diagnosisMessages, lang, message);
        expect(text, `${lang} ${message.key}`).not.toMatch(/\{\w+\}/);
        expect(text, `${lang} ${message.key}`).not.toContain('undefined');
        expect(text, `${lang} ${message.key}`).not.toContain('NaN');
      }
    }
  });

  it('are exercised whole: every key a stage declares is emitted by some scenario', () => {
    const seen = new Set(emitted.map((message) => message.key));
    for (const rule of stageRules) {
      // missingExport is emitted as the evidence of a not-measured stage; E cannot be unmeasured.
      const unseen = Object.keys(rule.strings.en).filter((key) => !seen.has(key) && key !== 'E.missingExport');
      expect(unseen, rule.key).toEqual([]);
    }
  });

  it('emit the trust findings at both severities and the skipped-step findings', () => {
    const seen = new Set(emitted.map((message) => message.key));
    for (const name of ['shopExperience', 'creatorReputation', 'product']) {
      expect(seen.has(`diagnosis.trust.${name}`), name).toBe(true);
      expect(seen.has(`diagnosis.trust.${name}.critical`), name).toBe(true);
    }
    expect(seen.has('diagnosis.trust.unstated')).toBe(true);
    expect([...seen].filter((key) => key.startsWith('diagnosis.skipped.')).length).toBeGreaterThan(0);
  });
});
