// E — creator distribution (达人分销). A new brand sells through creators' rooms first: cheap
// reach, a test of which products sell across audiences, and audience data for later ads.
// Public material puts the start of self-broadcast at the "100w+" distribution level.

import { HERO_MIN_CREATORS } from '../../metrics/products.js';
import type { Metrics, ProductStat } from '../../metrics/types.js';
import { threshold } from '../checks.js';
import { bilingual } from '../stage-runner.js';
import type { Finding, Profile, RuleInput, SizedGoal, StageRule, StepDeclaration, StepInput } from '../types.js';
import { count, creatorName, leadProducts, percent, productName, yuan, yuanFromYuan } from '../wording.js';

const strings = bilingual({
  'E.missingExport': {
    en: 'needs an orders export whose lines say who sold them (渠道 or CPS达人ID / 达人ID columns)',
    zh: '需要能看出由谁售出的订单导出（含“渠道”或“CPS达人ID / 达人ID”列）',
  },
  'E.check.creatorGmv': {
    en: 'Creator GMV',
    zh: '达人分销 GMV',
  },
  'E.check.creatorsWithSales': {
    en: 'Creators with sales',
    zh: '有成交的达人数',
  },
  'E.check.topCreatorShare': {
    en: "Top creator's share of creator GMV",
    zh: 'TOP1 达人 GMV 占比',
  },
  'E.check.heroProducts': {
    en: 'Products sold by 3+ creators',
    zh: '3 位及以上达人在带的商品数',
  },
  'E.check.creatorBuyers': {
    en: 'Buyers reached through creators',
    zh: '达人带来的买家数',
  },
  'E.evidence': {
    en: '{creatorGmv} from {creators} creators, top creator {topShare}',
    zh: '达人 GMV {creatorGmv}，{creators} 位达人，TOP1 达人占 {topShare}',
  },
  'E.evidence.none': {
    en: 'no creator sales in the period',
    zh: '本期没有达人成交',
  },
  'E.finding.notStarted': {
    en: 'No creator sold the brand’s products in the period: creator distribution has not started.',
    zh: '本期没有达人售出品牌商品：达人分销尚未开始。',
  },
  'E.finding.creatorShare': {
    en: 'Creators sold {creatorGmv}, {share} of GMV, through {creators} creators.',
    zh: '达人共售出 {creatorGmv}，占 GMV 的 {share}，来自 {creators} 位达人。',
  },
  'E.finding.topCreatorDependence': {
    en: '{creator} alone sold {share} of creator GMV (limit {max}): losing that room would take most of the channel with it.',
    zh: '{creator} 一人贡献了达人 GMV 的 {share}（上限 {max}）：这位达人一旦停播或不再合作，达人渠道就少了一大半。',
  },
  'E.finding.heroProducts': {
    en: 'Products proven across creators (3+ creators each): {products}.',
    zh: '已被多位达人验证的商品（各有 3 位及以上达人在带）：{products}。',
  },
  'E.finding.noHero': {
    en: 'No product sells through 3 or more creators yet, so none has been tested across audiences.',
    zh: '还没有一个商品有 3 位及以上达人在带：没有商品在不同人群里验证过。',
  },
  'E.finding.commission': {
    en: 'Commission paid (达人 + 团长, from the settlement export): {commission} for {creatorGmv} of creator GMV, ¥{perYuan} of GMV per ¥1 of commission.',
    zh: '本期达人佣金（含团长佣金，来自结算明细）共 {commission}，对应达人 GMV {creatorGmv}：每 ¥1 佣金带来 ¥{perYuan} GMV。',
  },
  'E.finding.commissionSpread': {
    en: 'Commission does not earn alike: {best} brings ¥{bestRatio} of GMV per ¥1 of commission, {worst} only ¥{worstRatio}. Put commission and samples behind the rooms that return more; renegotiate the rate or the product with the others.',
    zh: '达人之间佣金产出差距大：{best} 每 ¥1 佣金带来 ¥{bestRatio} GMV，{worst} 只有 ¥{worstRatio}。佣金和寄样优先给产出高的达人，低产出的重谈佣金比例或换品。',
  },
  'E.next.startDistribution': {
    en: 'Start creator distribution: brief {creators} creators in the {followersMin}–{followersMax} follower range on {products} this week, with samples and a commission that makes the products worth carrying.',
    zh: '启动达人分销：本周对接 {creators} 位粉丝量 {followersMin}–{followersMax} 的达人带{products}，寄样并给到有吸引力的佣金。',
  },
  'E.next.recruitForGmv': {
    en: 'Creator GMV {creatorGmv} is {reached} of the {target} level. Aim for {milestone} this month: at {perCreator} per creator that takes about {more} more selling creators ({creators} → {goal}). Recruit them in the {followersMin}–{followersMax} follower range for {product}, and brief the first {thisWeek} this week.',
    zh: '达人 GMV {creatorGmv}，完成 {target} 目标的 {reached}。本月先冲 {milestone}：按每位达人平均 {perCreator} 计，需新增约 {more} 位出单达人（{creators} → {goal} 位）。招募粉丝量 {followersMin}–{followersMax} 的达人带{product}，本周先对接 {thisWeek} 位。',
  },
  'E.impact.recruit': {
    en: 'the new creators at today’s GMV per creator ({perCreator}), over a month',
    zh: '按目前每位达人平均 {perCreator} 的 GMV，估算新增达人一个月的贡献',
  },
  'E.next.broadenCreators': {
    en: 'Creator GMV has reached the {target} level, but only {creators} creators sold (target {creatorsTarget}): add {more} creators in the {followersMin}–{followersMax} follower range for {product} so the channel does not hang on a few rooms.',
    zh: '达人 GMV 已达到 {target}，但出单达人只有 {creators} 位（目标 {creatorsTarget} 位）：再招 {more} 位粉丝量 {followersMin}–{followersMax} 的达人带{product}，别让渠道押在少数几个直播间上。',
  },
  'E.next.spreadTopCreator': {
    en: '{creator} sold {share} of creator GMV (keep it under {max}). This week give {product} to {others} with their own price or a higher commission, so the next rooms grow.',
    zh: '{creator} 一人贡献达人 GMV 的 {share}（应低于 {max}）。本周把{product}给到 {others}，配专属价或更高佣金，把其他达人的直播间带起来。',
  },
  'E.next.replicateTopCreator': {
    en: '{creator} is the only creator selling (share {share}). Find 3 creators with an audience like {creator}’s and offer them {product} this week.',
    zh: '{creator} 是唯一有成交的达人（占 {share}）。本周找 3 位粉丝画像与 {creator} 相近的达人，向他们推荐{product}。',
  },
  'E.next.testHeroes': {
    en: 'No product sells through 3 or more creators yet. Put {candidates} into at least 3 creators’ rooms each over the next two weeks, and keep the one that sells in most rooms as the hero product.',
    zh: '还没有商品有 3 位及以上达人在带。未来两周把{candidates}各铺给至少 3 位达人，在最多直播间卖得动的那个就是爆品。',
  },
  'E.next.moreHeroes': {
    en: 'Only {heroCount} products ({heroes}) sell through 3+ creators (target {target}). Test {candidates} with 3 more creators each to find the next hero products.',
    zh: '只有 {heroCount} 个商品（{heroes}）有 3 位及以上达人在带（目标 {target} 个）。把{candidates}各铺给另外 3 位达人测款，找出下一个爆品。',
  },
  'E.next.reachBuyers': {
    en: 'Creators reached {buyers} buyers (target {target}): these buyers are the audience your own ads and 川流 will target later. Ask {creators} for a first-order price on {product} for new customers.',
    zh: '达人带来 {buyers} 位买家（目标 {target} 位）：这批人群就是日后磁力金牛和川流计划要定向的对象。请 {creators} 为{product}设新客首单价。',
  },
});

interface Evidence {
  /** The product a recruiting brief leads with: a proven hero, else the best seller. */
  leadProduct: ProductStat | null;
}

function findings({ metrics, profile }: RuleInput<Evidence>, started: boolean): Finding[] {
  if (!started) return [{ id: 'notStarted', severity: 'warn', message: { key: 'E.finding.notStarted' } }];
  const found: Finding[] = [
    {
      id: 'creatorShare',
      severity: 'info',
      message: {
        key: 'E.finding.creatorShare',
        params: {
          creatorGmv: yuan(metrics.seller.creator.gmvFen),
          share: percent(metrics.seller.creator.share),
          creators: count(metrics.creators),
        },
      },
    },
  ];
  const maxShare = threshold(profile, 'E.topCreatorShareMax').value;
  const top = metrics.topCreators[0];
  if (top && metrics.topCreatorShare !== null && metrics.topCreatorShare > maxShare) {
    found.push({
      id: 'topCreatorDependence',
      severity: 'warn',
      message: {
        key: 'E.finding.topCreatorDependence',
        params: { creator: creatorName(top), share: percent(metrics.topCreatorShare), max: percent(maxShare) },
      },
    });
  }
  found.push(...commissionFindings(metrics));
  if (metrics.heroProducts.length > 0) {
    found.push({
      id: 'heroProducts',
      severity: 'info',
      message: { key: 'E.finding.heroProducts', params: { products: metrics.heroProducts.map(productName) } },
    });
  } else {
    found.push({ id: 'noHero', severity: 'warn', message: { key: 'E.finding.noHero' } });
  }
  return found;
}

/**
 * What the commission bought, where the settlement export says (its absence is no finding):
 * overall, and the spread between the top creators who were paid commission.
 */
function commissionFindings(metrics: Metrics): Finding[] {
  // `== null`: metrics built before schema 1.2.0 (a saved report, a test fixture) lack the fields.
  if (metrics.commissionFen == null || metrics.gmvPerCommission == null) return [];
  const findings: Finding[] = [
    {
      id: 'commission',
      severity: 'info',
      message: {
        key: 'E.finding.commission',
        params: {
          commission: yuan(metrics.commissionFen),
          creatorGmv: yuan(metrics.seller.creator.gmvFen),
          perYuan: metrics.gmvPerCommission.toFixed(1),
        },
      },
    },
  ];
  const paid = metrics.topCreators.filter((creator) => creator.gmvPerCommission != null);
  if (paid.length < 2) return findings;
  const ranked = [...paid].sort((a, b) => b.gmvPerCommission! - a.gmvPerCommission!);
  const best = ranked[0]!;
  const worst = ranked[ranked.length - 1]!;
  // Within a factor of two the spread is the ordinary scatter between rooms, not a finding.
  if (best.gmvPerCommission! < 2 * worst.gmvPerCommission!) return findings;
  findings.push({
    id: 'commissionSpread',
    severity: 'warn',
    message: {
      key: 'E.finding.commissionSpread',
      params: {
        best: creatorName(best),
        bestRatio: best.gmvPerCommission!.toFixed(1),
        worst: creatorName(worst),
        worstRatio: worst.gmvPerCommission!.toFixed(1),
      },
    },
  });
  return findings;
}

function followerParams(profile: Profile): { followersMin: string; followersMax: string } {
  const band = threshold(profile, 'E.recruitFollowers');
  return { followersMin: count(band.value), followersMax: count(band.max ?? band.value) };
}

/** Best sellers that fewer than 3 creators carry: the next products to test across rooms. */
function heroCandidates(metrics: Metrics): ProductStat[] {
  const heroIds = new Set(metrics.heroProducts.map((product) => product.productId));
  return metrics.topProducts
    .filter((product) => !heroIds.has(product.productId) && product.creators < HERO_MIN_CREATORS)
    .slice(0, 3);
}

/**
 * The month's milestone: creator GMV doubled. The goal is the long-run level when that is within
 * it, else the peers' median or excellent value when one is (plan/sizing.ts); the check keeps the
 * long-run level as its target. Doubling in a month is what a brand can plan for; 267 creators is not.
 */
const MONTHLY_GROWTH = 2;

interface Recruiting {
  goal: SizedGoal;
  milestoneFen: number;
  perCreatorFen: number;
  more: number;
  /** Creators with sales once the milestone is reached. */
  creatorsGoal: number;
}

function creatorGmvGoal(input: StepInput<Evidence>): SizedGoal | null {
  const creatorGmvFen = input.metrics.seller.creator.gmvFen;
  if (input.metrics.creators <= 0 || creatorGmvFen <= 0) return null;
  return input.sizeGoal('creatorGmv', creatorGmvFen / 100, (creatorGmvFen * MONTHLY_GROWTH) / 100);
}

function recruiting(input: StepInput<Evidence>): Recruiting | null {
  const goal = creatorGmvGoal(input);
  if (!goal) return null;
  const { metrics } = input;
  const creatorGmvFen = metrics.seller.creator.gmvFen;
  const perCreatorFen = creatorGmvFen / metrics.creators;
  // In fen from the figures themselves: yuan → fen would put float noise into the count of creators.
  const milestoneFen = goal.source === 'milestone' ? creatorGmvFen * MONTHLY_GROWTH : Math.round(goal.value * 100);
  const more = Math.max(1, Math.ceil((milestoneFen - creatorGmvFen) / perCreatorFen));
  return { goal, milestoneFen, perCreatorFen, more, creatorsGoal: metrics.creators + more };
}

const steps: StepDeclaration<Evidence>[] = [
  {
    id: 'startDistribution',
    phase: 'not-started',
    answers: [],
    priority: 1,
    kind: 'growth',
    horizon: 'this-week',
    params: ({ metrics, profile }) => {
      const products = leadProducts(metrics.heroProducts, metrics.topProducts, 3);
      if (products.length === 0) return null;
      return {
        creators: count(threshold(profile, 'E.creatorsWithSales').value),
        products: products.map(productName),
        ...followerParams(profile),
      };
    },
  },
  {
    id: 'recruitForGmv',
    answers: ['creatorGmv', 'creatorsWithSales'],
    applies: ({ check }) => ['warn', 'fail'].includes(check('creatorGmv').result),
    kind: 'growth',
    horizon: 'this-month',
    params: (input) => {
      const { metrics, profile, evidence, check } = input;
      const gmv = check('creatorGmv');
      const plan = recruiting(input);
      if (!evidence.leadProduct || !plan) return null;
      const creatorGmvFen = metrics.seller.creator.gmvFen;
      // Recruiting runs over about a month: brief a quarter of them now, at least five.
      const thisWeek = Math.min(plan.more, Math.max(5, Math.ceil(plan.more / 4)));
      return {
        creatorGmv: yuan(creatorGmvFen),
        reached: percent(creatorGmvFen / (gmv.target * 100)),
        target: yuanFromYuan(gmv.target),
        milestone: yuan(Math.round(plan.milestoneFen)),
        perCreator: yuan(Math.round(plan.perCreatorFen)),
        more: count(plan.more),
        creators: count(metrics.creators),
        goal: count(plan.creatorsGoal),
        thisWeek: count(thisWeek),
        product: productName(evidence.leadProduct),
        ...followerParams(profile),
      };
    },
    target: {
      metric: 'creators',
      unit: 'count',
      current: ({ metrics }) => metrics.creators,
      goal: (input) => recruiting(input)?.creatorsGoal ?? null,
    },
    sizing: creatorGmvGoal,
    impact: (input) => {
      const plan = recruiting(input);
      if (!plan) return null;
      return {
        gmvYuan: Math.round((plan.more * plan.perCreatorFen) / 100),
        basis: { key: 'E.impact.recruit', params: { perCreator: yuan(Math.round(plan.perCreatorFen)) } },
      };
    },
  },
  {
    id: 'broadenCreators',
    answers: ['creatorGmv', 'creatorsWithSales'],
    applies: ({ check }) =>
      !['warn', 'fail'].includes(check('creatorGmv').result) &&
      ['warn', 'fail'].includes(check('creatorsWithSales').result),
    kind: 'growth',
    horizon: 'this-month',
    params: ({ metrics, profile, evidence, check }) => {
      if (!evidence.leadProduct || metrics.creators === 0) return null;
      const creatorsTarget = check('creatorsWithSales').target;
      return {
        target: yuanFromYuan(check('creatorGmv').target),
        creators: count(metrics.creators),
        creatorsTarget: count(creatorsTarget),
        more: count(Math.max(0, creatorsTarget - metrics.creators)),
        product: productName(evidence.leadProduct),
        ...followerParams(profile),
      };
    },
  },
  // The product to spread is the one the top creator proves; the metrics do not say which
  // creator sold which product, so the brand's best seller stands in for it.
  {
    id: 'replicateTopCreator',
    answers: ['topCreatorShare'],
    kind: 'growth',
    horizon: 'this-week',
    params: ({ metrics, evidence, check }) => {
      const top = metrics.topCreators[0];
      if (!top || !evidence.leadProduct || metrics.topCreators.length > 1) return null;
      return {
        creator: creatorName(top),
        share: percent(check('topCreatorShare').value),
        product: productName(evidence.leadProduct),
      };
    },
  },
  {
    id: 'spreadTopCreator',
    answers: ['topCreatorShare'],
    kind: 'growth',
    horizon: 'this-week',
    params: ({ metrics, profile, evidence, check }) => {
      const top = metrics.topCreators[0];
      const others = metrics.topCreators.slice(1, 4).map(creatorName);
      if (!top || !evidence.leadProduct || others.length === 0) return null;
      return {
        creator: creatorName(top),
        share: percent(check('topCreatorShare').value),
        product: productName(evidence.leadProduct),
        max: percent(threshold(profile, 'E.topCreatorShareMax').value),
        others,
      };
    },
  },
  {
    id: 'testHeroes',
    answers: ['heroProducts'],
    kind: 'growth',
    horizon: 'this-month',
    params: ({ metrics }) => {
      const candidates = heroCandidates(metrics).map(productName);
      if (candidates.length === 0 || metrics.heroProducts.length > 0) return null;
      return { candidates };
    },
  },
  {
    id: 'moreHeroes',
    answers: ['heroProducts'],
    kind: 'growth',
    horizon: 'this-month',
    params: ({ metrics, profile }) => {
      const candidates = heroCandidates(metrics).map(productName);
      if (candidates.length === 0 || metrics.heroProducts.length === 0) return null;
      return {
        heroCount: count(metrics.heroProducts.length),
        heroes: metrics.heroProducts.map(productName),
        target: count(threshold(profile, 'E.heroProducts').value),
        candidates,
      };
    },
  },
  {
    id: 'reachBuyers',
    answers: ['creatorBuyers'],
    kind: 'growth',
    horizon: 'this-month',
    params: ({ metrics, evidence, check }) => {
      const creators = metrics.topCreators.slice(0, 3).map(creatorName);
      if (!evidence.leadProduct || creators.length === 0) return null;
      const buyers = check('creatorBuyers');
      return {
        buyers: count(buyers.value),
        target: count(buyers.target),
        creators,
        product: productName(evidence.leadProduct),
      };
    },
  },
];

export const eliteDistribution: StageRule<Evidence> = {
  key: 'elite-distribution',
  letter: 'E',
  namespace: 'E',
  name: { en: 'Creator distribution', zh: '达人分销' },
  ifSkipped: {
    en: 'without a creator history the brand lacks the audience data and the proven products that creator distribution would have given it',
    zh: '没有达人分销打底，品牌缺少达人带来的人群数据和验证过的爆品',
  },
  strings,
  // Orders are always present; seller and creator come from them.
  requires: [],
  missingExport: 'E.missingExport',
  definingCheck: 'creatorGmv',
  evidence: ({ metrics }) => ({ leadProduct: leadProducts(metrics.heroProducts, metrics.topProducts, 1)[0] ?? null }),
  isStarted: ({ metrics }) => metrics.seller.creator.gmvFen > 0,
  checks: [
    {
      id: 'creatorGmv',
      metric: 'creatorGmvYuan',
      value: ({ metrics }) => metrics.seller.creator.gmvFen / 100,
      threshold: 'E.creatorGmvYuan',
      comparison: 'atLeast',
      unit: 'yuan',
      weight: 3,
    },
    {
      id: 'creatorsWithSales',
      metric: 'creators',
      value: ({ metrics }) => metrics.creators,
      threshold: 'E.creatorsWithSales',
      comparison: 'atLeast',
      unit: 'count',
      weight: 2,
    },
    {
      id: 'topCreatorShare',
      metric: 'topCreatorShare',
      value: ({ metrics }) => metrics.topCreatorShare,
      threshold: 'E.topCreatorShareMax',
      comparison: 'atMost',
      unit: 'fraction',
      weight: 2,
    },
    {
      id: 'heroProducts',
      metric: 'heroProducts',
      value: ({ metrics }) => metrics.heroProducts.length,
      threshold: 'E.heroProducts',
      comparison: 'atLeast',
      unit: 'count',
      weight: 2,
    },
    {
      id: 'creatorBuyers',
      metric: 'creatorBuyers',
      value: ({ metrics }) => metrics.creatorBuyers,
      threshold: 'E.creatorBuyers',
      comparison: 'atLeast',
      unit: 'count',
      weight: 1,
    },
  ],
  summary: ({ metrics }, started) =>
    started
      ? {
          key: 'E.evidence',
          params: {
            creatorGmv: yuan(metrics.seller.creator.gmvFen),
            creators: count(metrics.creators),
            topShare: percent(metrics.topCreatorShare),
          },
        }
      : { key: 'E.evidence.none' },
  findings,
  steps,
};
