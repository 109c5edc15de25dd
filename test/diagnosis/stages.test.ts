import { beforeAll, describe, expect, it } from 'vitest';
import { diagnose, diagnosisMessages } from '../../src/diagnosis/engine.js';
import { loadProfile } from '../../src/diagnosis/profiles.js';
import type { Check, Diagnosis, Profile, StageKey, StageOutcome } from '../../src/diagnosis/types.js';
import type { Metrics } from '../../src/metrics/types.js';
import { render, type Lang, type Message } from '../../src/i18n/index.js';
import { brandFixture, metricsFixture, ordersOnlyFixture } from './fixtures.js';
import {
  cheapExclusives,
  smallShopNoPaidTraffic,
  exclusivesWithoutCreators,
  gpmOnly,
  noExclusivesYet,
  noPaidTraffic,
  nothingStarted,
  singleCreator,
  smallDistribution,
  underusedPaidTraffic,
  weakPaidTraffic,
  weakRoom,
} from './scenarios.js';

let profile: Profile;

/** The tea brand's figures over a quarter: long enough for the 90-day repeat-buyer window. */
function quarter(): Metrics {
  return metricsFixture({ period: { from: '2024-04-01', to: '2024-06-30', days: 91 } });
}

beforeAll(async () => {
  profile = await loadProfile('default', null);
});

function run(metrics: Metrics): Diagnosis {
  return diagnose(metrics, brandFixture(), profile);
}

function stage(diagnosis: Diagnosis, key: StageKey): StageOutcome {
  const found = diagnosis.stages.find((outcome) => outcome.key === key);
  if (!found) throw new Error(`no stage ${key}`);
  return found;
}

function check(outcome: StageOutcome, id: string): Check {
  const found = outcome.checks.find((entry) => entry.id === id);
  if (!found) throw new Error(`no check ${id} in ${outcome.key}`);
  return found;
}

function text(message: Message, lang: Lang = 'en'): string {
  return render(diagnosisMessages, lang, message);
}

function stepTexts(outcome: StageOutcome, lang: Lang = 'en'): string[] {
  return outcome.nextSteps.map((step) => text(step.message, lang));
}

function stepText(outcome: StageOutcome, id: string, lang: Lang = 'en'): string {
  const step = outcome.nextSteps.find((entry) => entry.id === id);
  if (!step)
    throw new Error(`no step ${id} in ${outcome.key}: ${outcome.nextSteps.map((entry) => entry.id).join(', ')}`);
  return text(step.message, lang);
}

describe('E — creator distribution', () => {
  it('scores the tea brand 93: every check met but hero products (2 of 3)', () => {
    const outcome = stage(run(metricsFixture()), 'elite-distribution');
    expect(check(outcome, 'creatorGmv')).toMatchObject({
      value: 1_260_000,
      target: 1_000_000,
      result: 'pass',
      credit: 1,
    });
    expect(check(outcome, 'creatorsWithSales')).toMatchObject({ value: 42, target: 30, result: 'pass' });
    expect(check(outcome, 'topCreatorShare')).toMatchObject({
      value: 0.28,
      target: 0.4,
      comparison: 'atMost',
      result: 'pass',
    });
    expect(check(outcome, 'heroProducts')).toMatchObject({ value: 2, target: 3, result: 'warn' });
    expect(check(outcome, 'heroProducts').credit).toBeCloseTo(2 / 3);
    // weights 3, 2, 2, 2, 1: (3 + 2 + 2 + 2 × 2/3 + 1) ÷ 10 = 0.933
    expect(outcome.score).toBe(93);
    expect(outcome.status).toBe('strong');
  });

  it('names the products to test next when hero products are short', () => {
    const outcome = stage(run(metricsFixture()), 'elite-distribution');
    expect(stepText(outcome, 'moreHeroes')).toBe(
      'Only 2 products (“明前龙井 250g”, “茉莉花茶礼盒”) sell through 3+ creators (target 3). Test “白茶饼 357g”, “冷泡茶 12 袋装”, “快手专供 龙井双罐” with 3 more creators each to find the next hero products.',
    );
  });

  it('turns this month’s milestone into a number of creators to recruit for the hero product, within 3× today', () => {
    const outcome = stage(run(smallDistribution()), 'elite-distribution');
    // creatorGmv 0.4123 × 3, creators 28/30 × 2, top share 0.40/0.52 × 2, heroes 1/3 × 2, buyers 2,900/5,000 × 1
    const expected = (0.4123 * 3 + (28 / 30) * 2 + (0.4 / 0.52) * 2 + (1 / 3) * 2 + 0.58) / 10;
    expect(outcome.score).toBe(Math.round(expected * 100));
    expect(outcome.score).toBe(59);
    expect(outcome.status).toBe('developing');
    // ¥412,300 ÷ 28 = ¥14,725 per creator. The month's milestone is creator GMV doubled (¥824,600,
    // under the ¥1,000,000 level): (¥824,600 − ¥412,300) ÷ ¥14,725 = 28 more, 28 → 56 creators.
    expect(stepText(outcome, 'recruitForGmv')).toBe(
      'Creator GMV ¥412,300 is 41.2% of the ¥1,000,000 level. Aim for ¥824,600 this month: at ¥14,725 per creator that takes about 28 more selling creators (28 → 56). Recruit them in the 5,000–50,000 follower range for “明前龙井 250g”, and brief the first 7 this week.',
    );
    expect(stepText(outcome, 'recruitForGmv', 'zh')).toContain('需新增约 28 位出单达人（28 → 56 位）');
    const step = outcome.nextSteps.find((entry) => entry.id === 'recruitForGmv');
    expect(step?.target).toEqual({ metric: 'creators', unit: 'count', current: 28, goal: 56 });
    expect(step!.target!.goal).toBeLessThanOrEqual(3 * step!.target!.current);
    expect(outcome.nextSteps[0]!.id).toBe('recruitForGmv');
  });

  it('names the creator the channel depends on, and the next creators to grow', () => {
    const outcome = stage(run(smallDistribution()), 'elite-distribution');
    expect(stepText(outcome, 'spreadTopCreator')).toBe(
      '茶仙子阿梅 sold 52% of creator GMV (keep it under 40%). This week give “明前龙井 250g” to 老杨说茶, 小鹿的生活, 品茶师傅 with their own price or a higher commission, so the next rooms grow.',
    );
    const dependence = outcome.findings.find((finding) => finding.id === 'topCreatorDependence');
    expect(dependence?.severity).toBe('warn');
    expect(text(dependence!.message, 'zh')).toContain('茶仙子阿梅 一人贡献了达人 GMV 的 52%');
  });

  it('asks for look-alike creators when a single creator sells', () => {
    const outcome = stage(run(singleCreator()), 'elite-distribution');
    expect(stepText(outcome, 'replicateTopCreator')).toContain('Find 3 creators with an audience like 茶仙子阿梅’s');
    expect(stepText(outcome, 'testHeroes')).toContain(
      'Put “明前龙井 250g”, “茉莉花茶礼盒”, “白茶饼 357g” into at least 3 creators’ rooms',
    );
  });

  it('is not started without creator sales, scores 0 and says how to start', () => {
    const outcome = stage(run(nothingStarted()), 'elite-distribution');
    expect(outcome.status).toBe('not-started');
    expect(outcome.score).toBe(0);
    expect(text(outcome.evidence)).toBe('no creator sales in the period');
    expect(stepTexts(outcome)).toEqual([
      'Start creator distribution: brief 30 creators in the 5,000–50,000 follower range on “明前龙井 250g”, “茉莉花茶礼盒”, “白茶饼 357g” this week, with samples and a commission that makes the products worth carrying.',
    ]);
  });

  it('leaves creator buyers unknown without buyer ids, and scores the rest', () => {
    const outcome = stage(run(ordersOnlyFixture()), 'elite-distribution');
    expect(check(outcome, 'creatorBuyers').result).toBe('unknown');
    // (3 + 2 + 2 + 2 × 2/3) ÷ 9 = 0.926
    expect(outcome.score).toBe(93);
  });
});

describe('T — public-domain traffic', () => {
  it('sizes a first 磁力金牛 test at the floor a result can be read from, not at ¥100', () => {
    const outcome = stage(run(smallShopNoPaidTraffic()), 'traffic');
    // 5% of ¥8,000 × 7 ÷ 30 is under ¥100: the ¥1,000 floor (T.testBudgetFloorYuan) applies, and the step says why.
    expect(stepText(outcome, 'startPaid')).toContain(
      'put about ¥1,000 a week (the smallest weekly test whose result can be read',
    );
    expect(stepText(outcome, 'startPaid', 'zh')).toContain('约 ¥1,000（这是能看出效果的最低测试预算');
    const step = outcome.nextSteps.find((entry) => entry.id === 'startPaid');
    // At the profile's ROI target of 2.5, one week of ¥1,000 is ¥2,500 of GMV.
    expect(step?.impact?.gmvYuan).toBe(2500);
  });

  it('scores the tea brand 68 on ROI 1.5, 62% paid viewers, ¥43 per fan and shrinking natural traffic', () => {
    const outcome = stage(run(metricsFixture()), 'traffic');
    expect(check(outcome, 'roi')).toMatchObject({ value: 1.5, target: 2.5, result: 'warn', credit: 0.6 });
    expect(check(outcome, 'paidShare')).toMatchObject({
      value: 0.62,
      target: 0.2,
      targetMax: 0.5,
      comparison: 'between',
      result: 'warn',
    });
    expect(check(outcome, 'costPerNewFan')).toMatchObject({
      value: 43.01,
      target: 20,
      comparison: 'atMost',
      result: 'fail',
    });
    expect(check(outcome, 'naturalTrend')).toMatchObject({ value: 0.8, result: 'warn' });
    expect(check(outcome, 'sessionsWithSpend')).toMatchObject({ value: 1, result: 'pass' });
    // 3 × 0.6 + 2 × 0.5/0.62 + 2 × 20/43.01 + 1 × 0.8 + 1 × 1 = 6.143, ÷ 9 = 0.683
    expect(outcome.score).toBe(68);
    expect(outcome.status).toBe('developing');
  });

  it('names the sessions that lost money on paid traffic and the one to copy', () => {
    const outcome = stage(run(metricsFixture()), 'traffic');
    // ROI by session: L0620 0.88, L0617 1.06, L0607 1.14 are the worst; L0614 reached 2.5.
    expect(stepText(outcome, 'fixRoi')).toBe(
      'ROI 1.5 is below the 2.5 target. Sessions 2024-06-20 20:00, 2024-06-17 20:00, 2024-06-07 20:00 spent ¥92,000 at ROI under 2.5: cut their budget and move it to sessions like 2024-06-14 20:00, which returned ROI 2.5, with “明前龙井 250g” as the pushed product.',
    );
    expect(outcome.nextSteps[0]!.id).toBe('fixRoi');
  });

  it('says how much spend to cut when paid viewers are above the band', () => {
    const outcome = stage(run(metricsFixture()), 'traffic');
    // (62% − 50%) ÷ 62% = 19.4%
    expect(stepText(outcome, 'lowerDependence')).toContain('Cut spend by about 19.4%');
    expect(stepText(outcome, 'cheaperFans')).toContain('A new fan costs ¥43.01 (target at most ¥20)');
    expect(stepText(outcome, 'cheaperFans')).toContain('2024-06-18 20:00, which turned 3.1% of its viewers into fans');
  });

  it('points the extra budget at the best-returning session when paid traffic is underused', () => {
    const outcome = stage(run(underusedPaidTraffic()), 'traffic');
    expect(stepText(outcome, 'raisePaid')).toContain('like 2024-06-14 20:00 with ROI 2.5');
    expect(outcome.findings.map((finding) => finding.id)).toContain('underused');
  });

  it('falls back to targeting advice when no session paid back, and flags sessions without a launch budget', () => {
    const outcome = stage(run(weakPaidTraffic()), 'traffic');
    expect(stepText(outcome, 'fixRoiNoBest')).toContain('ROI 1.2 is below the 2.5 target and no session reached it');
    expect(stepText(outcome, 'raisePaidNoBest')).toContain('Paid viewers are only 10% of viewers');
    expect(stepText(outcome, 'spendCoverage')).toContain('Only 4 of 12 sessions had paid traffic (target 50%)');
    expect(check(outcome, 'sessionsWithSpend').result).toBe('warn');
    expect(check(outcome, 'sessionsWithSpend').credit).toBeCloseTo(2 / 3);
  });

  it('is not measured without the spend column, and names the export', () => {
    const outcome = stage(run(ordersOnlyFixture()), 'traffic');
    expect(outcome.score).toBeNull();
    expect(outcome.status).toBe('not-measured');
    expect(outcome.checks).toEqual([]);
    expect(text(outcome.evidence)).toBe(
      'needs the live sessions export with the paid-traffic spend column (花费 / 磁力金牛消耗)',
    );
  });

  it('is not started when the spend column is all zero, and sizes a first test budget from session GMV', () => {
    const outcome = stage(run(noPaidTraffic()), 'traffic');
    expect(outcome.status).toBe('not-started');
    expect(outcome.score).toBe(0);
    // Session GMV ¥480,000 over 30 days = ¥112,000 a week; 5% of it = ¥5,600.
    expect(stepTexts(outcome)).toEqual([
      'Test paid traffic: put about ¥5,600 a week (5% of weekly session GMV) into 磁力金牛 on your next 3 sessions, pushing “明前龙井 250g”, and keep going only where ROI reaches 2.5.',
    ]);
  });

  it('sends the first budget to the shelf when the brand has no live session yet', () => {
    const outcome = stage(run(nothingStarted()), 'traffic');
    expect(outcome.status).toBe('not-started');
    // All GMV ¥1,800,000 over 30 days = ¥420,000 a week; 5% of it = ¥21,000.
    expect(stepTexts(outcome)[0]).toContain(
      'put about ¥21,000 a week (5% of weekly GMV) into promoting the item card and short videos of “明前龙井 250g”',
    );
  });
});

describe('S — brand self-broadcast', () => {
  it('scores the tea brand 83 from eleven checks', () => {
    const outcome = stage(run(metricsFixture()), 'self-broadcast');
    expect(check(outcome, 'sessionsPerWeek').value).toBeCloseTo(2.8);
    expect(check(outcome, 'sessionMinutes')).toMatchObject({
      value: 170,
      target: 180,
      unit: 'minutes',
      result: 'warn',
    });
    expect(check(outcome, 'selfBroadcastGmvShare')).toMatchObject({ value: 0.26, target: 0.3, result: 'warn' });
    expect(check(outcome, 'gmvPerHour').result).toBe('pass');
    expect(check(outcome, 'avgStay')).toMatchObject({ value: 53, target: 60, unit: 'seconds', result: 'warn' });
    expect(check(outcome, 'ownAccounts')).toMatchObject({ value: 1, target: 2, credit: 0.5, result: 'warn' });
    // 2 × 0.56 + 1 × 170/180 + 3 × 0.26/0.3 + 2 + 1 + 1 + 2 × 0.01303/0.02 + 1 × 53/60 + 1 + 1 × 0.5 + 1 = 13.35, ÷ 16
    expect(outcome.score).toBe(83);
    expect(outcome.status).toBe('established');
  });

  it('builds its steps from the sessions: best slot, worst conversion, weakest stay', () => {
    const outcome = stage(run(metricsFixture()), 'self-broadcast');
    // Frequency and length both short: one schedule step. 2.8 × 170 min = 7.9 h a week against
    // 5 × 180 min = 15 h; 15 h is under 3 × 7.9 h, so it is this month's goal.
    expect(stepText(outcome, 'liveHours')).toBe(
      'You are live about 7.9 hours a week (2.8 sessions of 170 minutes; the profile’s level is 15). This month go to 15 hours a week: add sessions at the hours of your best one, 2024-06-18 20:00, and lengthen each until the product explanation runs several full cycles.',
    );
    expect(outcome.nextSteps.map((step) => step.id)).not.toContain('schedule');
    expect(outcome.nextSteps.map((step) => step.id)).not.toContain('longer');
    expect(stepText(outcome, 'conversion')).toContain('2024-06-20 20:00, 2024-06-07 20:00 converted worst');
    expect(stepText(outcome, 'stay')).toContain('2024-06-20 20:00, 2024-06-25 20:00');
    expect(stepText(outcome, 'selfShareHero')).toContain('(18 creators sell “明前龙井 250g”)');
    expect(stepText(outcome, 'matrix', 'zh')).toBe(
      '品牌只有 1 个自播账号（目标 2 个）。再开一个主推“茉莉花茶礼盒”的账号做账号矩阵，直播间之间互相导流。',
    );
  });

  it('proposes 川流 with the creators whose buyers should reach the room', () => {
    const outcome = stage(run(metricsFixture()), 'self-broadcast');
    expect(stepText(outcome, 'chuanliu')).toBe(
      'Only 12% of self-broadcast buyers came through creators first. Join 川流计划 so that the buyers of 茶仙子阿梅, 老杨说茶, 小鹿的生活 are recommended to the brand’s room.',
    );
    expect(outcome.findings.find((finding) => finding.id === 'chuanliuLow')?.severity).toBe('warn');
  });

  it('flags a room that does not hold viewers and short videos that do not sell', () => {
    const outcome = stage(run(weakRoom()), 'self-broadcast');
    const findingIds = outcome.findings.map((finding) => finding.id);
    expect(findingIds).toEqual(
      expect.arrayContaining(['weakStay', 'coldStartFlat', 'gpmPerViewer', 'chuanliu', 'shortVideoLow']),
    );
    expect(stepText(outcome, 'shortVideo')).toBe(
      'Short videos sell 3% of GMV (target 10%). Publish 3 warm-up short videos of “明前龙井 250g” before each session, each linking to the live room.',
    );
    expect(stepText(outcome, 'gmvPerHour')).toContain('your best session, 2024-06-18 20:00, made ¥23,750 an hour');
    expect(stepText(outcome, 'uvValue')).toContain('Each viewer is worth ¥1 (target ¥1.50)');
    expect(stepText(outcome, 'selfShareTop')).toContain(
      '“明前龙井 250g”, “茉莉花茶礼盒”, “白茶饼 357g”, your best sellers',
    );
  });

  it('uses GPM when UV value is unknown', () => {
    const outcome = stage(run(gpmOnly()), 'self-broadcast');
    expect(check(outcome, 'uvValue').result).toBe('unknown');
    expect(stepText(outcome, 'gpm')).toContain('GPM is ¥500 (target ¥800)');
  });

  it('leaves unknown checks out of the score', () => {
    const outcome = stage(run(metricsFixture({ coldStartGrowth: null, avgStaySeconds: null })), 'self-broadcast');
    expect(check(outcome, 'coldStartGrowth').result).toBe('unknown');
    expect(check(outcome, 'avgStay')).toMatchObject({ value: null, result: 'unknown' });
    // The base sum 13.35 loses cold start (1) and stay (0.883): 11.47 ÷ 14 = 0.819
    expect(outcome.score).toBe(82);
  });

  it('is not measured without a traffic export', () => {
    const outcome = stage(run(ordersOnlyFixture()), 'self-broadcast');
    expect(outcome.status).toBe('not-measured');
    expect(text(outcome.evidence, 'zh')).toBe('需要品牌自有直播间的直播场次导出（直播ID、观看人数、直播时长……）');
  });
});

describe('P — private-domain repurchase', () => {
  it('scores the tea brand 86 on 34% fan orders and 20% returning GMV: 15% repeat buyers in 30 days is not a verdict', () => {
    const outcome = stage(run(metricsFixture()), 'private-domain');
    // The 20% target holds over 90 days; a 30-day period understates repurchase, so the miss is flagged, not failed.
    expect(check(outcome, 'repeatBuyerRate')).toMatchObject({
      value: 0.15,
      target: 0.2,
      result: 'unknown',
      window: { days: 90, periodDays: 30 },
    });
    // 2 × 0.85 + 2 × 0.8 + 1 × 1 = 4.3, ÷ 5 = 0.86
    expect(outcome.score).toBe(86);
  });

  it('judges the same 15% as a miss over a 91-day period', () => {
    const outcome = stage(run(quarter()), 'private-domain');
    expect(check(outcome, 'repeatBuyerRate')).toMatchObject({ value: 0.15, result: 'warn' });
    expect(check(outcome, 'repeatBuyerRate').window).toBeUndefined();
  });

  it('counts the one-time buyers to bring back and names the product', () => {
    const outcome = stage(run(quarter()), 'private-domain');
    expect(stepText(outcome, 'repeat')).toBe(
      '1,800 of 12,000 buyers came back (15%, target 20%). Bring back the 10,200 one-time buyers, starting with those of “明前龙井 250g”: a reorder coupon in the fan group and a reminder when the product would run out.',
    );
    expect(stepText(outcome, 'shelf')).toContain('Item cards, the shop page and search sold 8% of GMV (target 15%)');
  });

  it('puts the platform repurchase figures in context and warns about a short period', () => {
    const outcome = stage(run(metricsFixture()), 'private-domain');
    const context = outcome.findings.find((finding) => finding.id === 'platformContext');
    expect(text(context!.message)).toContain('65% in 2020 and over 70% in September 2021');
    const period = outcome.findings.find((finding) => finding.id === 'shortPeriod');
    expect(text(period!.message)).toBe('The period covers 30 days, shorter than 90 days: repurchase is understated.');
  });

  it('is not measured without buyer ids', () => {
    const outcome = stage(run(ordersOnlyFixture()), 'private-domain');
    expect(outcome.score).toBeNull();
    expect(text(outcome.evidence)).toContain('买家ID / 用户ID');
  });

  it('is not started when nobody came back and no fan ordered', () => {
    const outcome = stage(run(nothingStarted()), 'private-domain');
    expect(outcome.status).toBe('not-started');
    expect(stepText(outcome, 'start')).toContain('invite this period’s 12,000 buyers into a fan group');
  });

  it('scores the follow rate from the live rooms', () => {
    const outcome = stage(run(weakRoom()), 'private-domain');
    expect(check(outcome, 'followRate')).toMatchObject({ value: 0.01, result: 'warn' });
    expect(check(outcome, 'followRate').credit).toBeCloseTo(0.5);
    expect(stepText(outcome, 'follow')).toContain('Follow rate is 1% (target 2%)');
  });
});

describe('S — channel-specific supply', () => {
  it('scores the tea brand 62: two exclusive SKUs selling 5% of GMV at a higher AOV', () => {
    const outcome = stage(run(metricsFixture()), 'specify-supply');
    expect(check(outcome, 'exclusiveAovRatio')).toMatchObject({ value: 1.2, target: 1.1, result: 'pass' });
    expect(check(outcome, 'exclusiveGmvShare').result).toBe('fail');
    // 2 × 2/3 + 3 × 1/3 + 2 × 1 = 4.33, ÷ 7 = 0.619
    expect(outcome.score).toBe(62);
    expect(text(outcome.evidence)).toBe('2 exclusive SKUs, 5% of GMV, AOV 1.2× overall (per buyer)');
  });

  it('names the exclusive product to feature and the creators to give it to', () => {
    const outcome = stage(run(metricsFixture()), 'specify-supply');
    expect(stepText(outcome, 'share')).toBe(
      'Exclusive products sell 5% of GMV (target 15%). Feature “快手专供 龙井双罐” in every self-broadcast session and offer them to 茶仙子阿梅, 老杨说茶, 小鹿的生活 as their own versions.',
    );
    expect(stepText(outcome, 'moreSkus')).toContain('Add 1 more, starting from “明前龙井 250g”');
  });

  it('suggests featuring exclusives in the brand’s own room when no creator sells', () => {
    const outcome = stage(run(exclusivesWithoutCreators()), 'specify-supply');
    expect(stepText(outcome, 'shareNoCreators')).toBe(
      'Exclusive products sell 5% of GMV (target 15%). Feature “快手专供 龙井双罐” in every self-broadcast session and in the warm-up videos.',
    );
  });

  it('asks for richer channel versions when exclusives sell below the overall AOV', () => {
    const outcome = stage(run(cheapExclusives()), 'specify-supply');
    expect(stepText(outcome, 'aov')).toBe(
      'Exclusive AOV is ¥140 against ¥150 overall, both per buyer (0.9×, target 1.1×). Make the channel versions richer (bundles, gift boxes, larger sizes) rather than cheaper.',
    );
  });

  it('is not measured without a products export that flags exclusives', () => {
    const outcome = stage(run(ordersOnlyFixture()), 'specify-supply');
    expect(outcome.status).toBe('not-measured');
    expect(text(outcome.evidence)).toContain('渠道特供 / 是否特供');
  });

  it('proposes a channel version of the proven hero product when nothing exclusive sold', () => {
    const outcome = stage(run(noExclusivesYet()), 'specify-supply');
    expect(outcome.status).toBe('not-started');
    expect(stepTexts(outcome)).toEqual([
      'Make a Kuaishou-only version (its own spec, bundle or pack size) of “明前龙井 250g”, which 18 creators already sell, and launch it in self-broadcast first.',
    ]);
  });
});

describe('cold start', () => {
  it('is not judged when brand.json does not say self-broadcast began in the period', () => {
    const diagnosis = diagnose(metricsFixture(), brandFixture({ selfBroadcastSince: null }), profile);
    const outcome = stage(diagnosis, 'self-broadcast');
    expect(check(outcome, 'coldStartGrowth').result).toBe('unknown');
    expect(outcome.findings.map((finding) => finding.id)).toContain('coldStartNotJudged');
    expect(outcome.nextSteps.map((step) => step.id)).not.toContain('coldStart');
  });

  it('is judged when the account went live for the first time inside the period', () => {
    const outcome = stage(run(metricsFixture()), 'self-broadcast');
    expect(check(outcome, 'coldStartGrowth').result).toBe('pass');
  });
});
