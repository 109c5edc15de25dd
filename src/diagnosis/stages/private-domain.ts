// P — private-domain repurchase (私域经营复购). Fans who come back and buy again. The shelf
// (泛货架: item cards, shop page, search) belongs here: it is where returning buyers reorder
// between sessions.

import type { Metrics } from '../../metrics/types.js';
import { thresholdValue } from '../checks.js';
import { bilingual } from '../stage-runner.js';
import type { Finding, Profile, RuleInput, StageRule, StepDeclaration } from '../types.js';
import { count, leadProducts, percent, productName } from '../wording.js';

const strings = bilingual({
  'P.missingExport': {
    en: 'needs buyer ids: a 买家ID / 用户ID column in the orders export, or a customers export',
    zh: '需要买家ID：订单导出中的“买家ID / 用户ID”列，或客户导出',
  },
  'P.check.repeatBuyerRate': {
    en: 'Repeat-buyer rate (buyers with 2+ orders)',
    zh: '复购买家占比（下单 2 次及以上）',
  },
  'P.check.fanOrderShare': {
    en: 'Share of orders from fans',
    zh: '粉丝订单占比',
  },
  'P.check.returningBuyerGmvShare': {
    en: 'Returning buyers’ share of GMV',
    zh: '老客 GMV 占比',
  },
  'P.check.followRate': {
    en: 'Follow rate (new fans ÷ viewers)',
    zh: '转粉率（新增粉丝 ÷ 观看人数）',
  },
  'P.evidence': {
    en: 'repeat buyers {repeatRate}, fan orders {fanShare}, returning GMV {returningShare}',
    zh: '复购买家 {repeatRate}，粉丝订单 {fanShare}，老客 GMV {returningShare}',
  },
  'P.evidence.none': {
    en: 'no repeat buyer and no fan order in the period',
    zh: '本期没有复购买家，也没有粉丝订单',
  },
  'P.finding.notStarted': {
    en: 'No buyer ordered twice and no order came from a fan in the period: private-domain repurchase has not started.',
    zh: '本期没有买家下单两次，也没有粉丝订单：私域复购尚未开始。',
  },
  'P.finding.repeat': {
    en: '{repeatBuyers} of {buyers} buyers ordered more than once ({rate}).',
    zh: '{buyers} 位买家中有 {repeatBuyers} 位复购（下单 2 次及以上），占 {rate}。',
  },
  'P.finding.platformContext': {
    en: 'For context: Kuaishou reported a platform-wide repurchase rate of {rate2020} in 2020 and over {rate2021} in September 2021, over long windows; one brand’s in-period rate is naturally lower.',
    zh: '参考：快手公布的全平台复购率 2020 年为 {rate2020}，2021 年 9 月超过 {rate2021}，统计周期较长；单个品牌在一个周期内的复购率自然更低。',
  },
  'P.finding.shortPeriod': {
    en: 'The period covers {days} days, shorter than {window} days: repurchase is understated.',
    zh: '本期只有 {days} 天，不足 {window} 天：复购率会被低估，本期暂不判定。',
  },
  'P.finding.shelf': {
    en: '泛货架: item cards sold {share} of GMV.',
    zh: '泛货架：商品卡成交占 GMV 的 {share}。',
  },
  'P.finding.shelfLow': {
    en: '泛货架: item cards sold only {share} of GMV (target {target}): little sells between sessions.',
    zh: '泛货架：商品卡成交只占 GMV 的 {share}（目标 {target}）：不开播的时候几乎卖不动。',
  },
  'P.next.start': {
    en: 'Start the fan pool: invite this period’s {buyers} buyers into a fan group, starting with the buyers of {product}, and give them a reorder coupon valid for 30 days.',
    zh: '搭建私域粉丝池：把本期 {buyers} 位买家拉进粉丝群，先从{product}的买家拉起，发 30 天有效的回购券。',
  },
  'P.next.repeat': {
    en: '{repeatBuyers} of {buyers} buyers came back ({rate}, target {target}). Bring back the {oneTime} one-time buyers, starting with those of {product}: a reorder coupon in the fan group and a reminder when the product would run out.',
    zh: '{buyers} 位买家中有 {repeatBuyers} 位回购（{rate}，目标 {target}）。召回 {oneTime} 位只买过一次的买家，先从{product}的买家入手：在粉丝群发回购券，按使用周期在快用完时提醒复购。',
  },
  'P.next.fanOrders': {
    en: 'Fans placed {share} of orders (target {target}). Invite buyers into the fan group (粉丝团) at checkout, and give fans an exclusive price on {product} in the next session.',
    zh: '粉丝订单占 {share}（目标 {target}）。在下单环节邀请买家加入粉丝团，下一场直播给粉丝{product}的专享价。',
  },
  'P.next.returningGmv': {
    en: 'Returning buyers bring {share} of GMV (target {target}). Hold a monthly fan day (宠粉日) with {products} at a members-only price, announced in the fan group a week ahead.',
    zh: '老客贡献 GMV 的 {share}（目标 {target}）。每月办一次宠粉日，{products}给粉丝专享价，提前一周在粉丝群预告。',
  },
  'P.next.follow': {
    en: 'Follow rate is {value} (target {target}): the fan pool grows slowly. Run a follow gift in the first 10 minutes of each session and remind viewers to join the fan group before each draw.',
    zh: '转粉率 {value}（目标 {target}）：粉丝池涨得慢。每场开播后的前 10 分钟做关注有礼，每次抽奖前提醒观众加入粉丝团。',
  },
  'P.next.shelf': {
    en: 'Item cards, the shop page and search sold {share} of GMV (target {target}). Put {products} at the top of the shop page with a reorder coupon, and rewrite their titles with the words buyers search for.',
    zh: '商品卡、店铺页和搜索成交只占 GMV 的 {share}（目标 {target}）。把{products}放上店铺首页并配回购券，按买家的搜索词重写商品标题。',
  },
});

interface Evidence {
  leadProduct: string | null;
  leadProducts: string[];
}

function findings({ metrics, profile }: RuleInput<Evidence>, started: boolean): Finding[] {
  const found: Finding[] = [];
  if (!started) found.push({ id: 'notStarted', severity: 'warn', message: { key: 'P.finding.notStarted' } });
  if (started && metrics.repeatBuyers !== null && metrics.buyers !== null) {
    found.push({
      id: 'repeat',
      severity: 'info',
      message: {
        key: 'P.finding.repeat',
        params: {
          repeatBuyers: count(metrics.repeatBuyers),
          buyers: count(metrics.buyers),
          rate: percent(metrics.repeatBuyerRate),
        },
      },
    });
  }
  if (metrics.repeatBuyerRate !== null) {
    found.push({
      id: 'platformContext',
      severity: 'info',
      message: {
        key: 'P.finding.platformContext',
        params: {
          rate2020: percent(thresholdValue(profile, 'P.platformRepurchase2020')),
          rate2021: percent(thresholdValue(profile, 'P.platformRepurchase2021')),
        },
      },
    });
  }
  const window = thresholdValue(profile, 'P.repurchaseWindowDays');
  if (metrics.period.days !== null && metrics.period.days < window) {
    found.push({
      id: 'shortPeriod',
      severity: 'info',
      message: { key: 'P.finding.shortPeriod', params: { days: count(metrics.period.days), window: count(window) } },
    });
  }
  const shelf = shelfFinding(metrics, profile);
  if (shelf) found.push(shelf);
  return found;
}

function shelfFinding(metrics: Metrics, profile: Profile): Finding | null {
  const share = metrics.carrier.itemCard.share;
  if (share === null) return null;
  const target = thresholdValue(profile, 'programme.itemCardGmvShare');
  const low = share < target;
  return {
    id: low ? 'shelfLow' : 'shelf',
    severity: 'info',
    message: {
      key: low ? 'P.finding.shelfLow' : 'P.finding.shelf',
      params: { share: percent(share), target: percent(target) },
    },
  };
}

// The shelf (泛货架) is a programme: it sits after the stage's own gaps.
const SHELF_PRIORITY = 0.5;

const steps: StepDeclaration<Evidence>[] = [
  {
    id: 'start',
    phase: 'not-started',
    answers: [],
    priority: 1,
    kind: 'growth',
    horizon: 'this-month',
    params: ({ metrics, evidence }) =>
      evidence.leadProduct && metrics.buyers !== null
        ? { buyers: count(metrics.buyers), product: evidence.leadProduct }
        : null,
  },
  {
    id: 'repeat',
    answers: ['repeatBuyerRate'],
    kind: 'growth',
    horizon: 'this-quarter',
    params: ({ metrics, evidence, check }) => {
      if (!evidence.leadProduct || metrics.buyers === null || metrics.repeatBuyers === null) return null;
      const rate = check('repeatBuyerRate');
      return {
        repeatBuyers: count(metrics.repeatBuyers),
        buyers: count(metrics.buyers),
        rate: percent(rate.value),
        target: percent(rate.target),
        oneTime: count(metrics.buyers - metrics.repeatBuyers),
        product: evidence.leadProduct,
      };
    },
  },
  {
    id: 'fanOrders',
    answers: ['fanOrderShare'],
    kind: 'growth',
    horizon: 'this-month',
    params: ({ evidence, check }) =>
      evidence.leadProduct
        ? {
            share: percent(check('fanOrderShare').value),
            target: percent(check('fanOrderShare').target),
            product: evidence.leadProduct,
          }
        : null,
  },
  {
    id: 'returningGmv',
    answers: ['returningBuyerGmvShare'],
    kind: 'growth',
    horizon: 'this-quarter',
    params: ({ evidence, check }) =>
      evidence.leadProducts.length === 0
        ? null
        : {
            share: percent(check('returningBuyerGmvShare').value),
            target: percent(check('returningBuyerGmvShare').target),
            products: evidence.leadProducts,
          },
  },
  {
    id: 'follow',
    // S asks for the same follows in the live room: one item in the plan.
    cause: 'followRate',
    answers: ['followRate'],
    kind: 'efficiency',
    horizon: 'this-week',
    params: ({ check }) => ({ value: percent(check('followRate').value), target: percent(check('followRate').target) }),
  },
  {
    id: 'shelf',
    phase: 'always',
    answers: [],
    priority: SHELF_PRIORITY,
    kind: 'growth',
    horizon: 'this-quarter',
    params: ({ metrics, profile, evidence }) => {
      const share = metrics.carrier.itemCard.share;
      const target = thresholdValue(profile, 'programme.itemCardGmvShare');
      if (share === null || share >= target || evidence.leadProducts.length === 0) return null;
      return { share: percent(share), target: percent(target), products: evidence.leadProducts };
    },
  },
];

export const privateDomain: StageRule<Evidence> = {
  key: 'private-domain',
  letter: 'P',
  namespace: 'P',
  name: { en: 'Private-domain repurchase', zh: '私域经营复购' },
  ifSkipped: {
    en: 'without returning fans the brand pays again for every buyer',
    zh: '没有回头客，品牌的每个买家都得重新花钱去买',
  },
  strings,
  requires: ['buyers'],
  missingExport: 'P.missingExport',
  definingCheck: 'repeatBuyerRate',
  evidence: ({ metrics }) => {
    const products = leadProducts(metrics.heroProducts, metrics.topProducts, 3).map(productName);
    return { leadProduct: products[0] ?? null, leadProducts: products };
  },
  isStarted: ({ metrics }) => (metrics.repeatBuyers ?? 0) > 0 || (metrics.fanOrders ?? 0) > 0,
  checks: [
    {
      id: 'repeatBuyerRate',
      metric: 'repeatBuyerRate',
      value: ({ metrics }) => metrics.repeatBuyerRate,
      threshold: 'P.repeatBuyerRate',
      window: 'P.repurchaseWindowDays',
      comparison: 'atLeast',
      unit: 'fraction',
      weight: 3,
    },
    {
      id: 'fanOrderShare',
      metric: 'fanOrderShare',
      value: ({ metrics }) => metrics.fanOrderShare,
      threshold: 'P.fanOrderShare',
      comparison: 'atLeast',
      unit: 'fraction',
      weight: 2,
    },
    {
      id: 'returningBuyerGmvShare',
      metric: 'returningBuyerGmvShare',
      value: ({ metrics }) => metrics.returningBuyerGmvShare,
      threshold: 'P.returningBuyerGmvShare',
      comparison: 'atLeast',
      unit: 'fraction',
      weight: 2,
    },
    {
      id: 'followRate',
      metric: 'followRate',
      value: ({ metrics }) => metrics.followRate,
      threshold: 'P.followRate',
      comparison: 'atLeast',
      unit: 'fraction',
      weight: 1,
    },
  ],
  summary: ({ metrics }, started) =>
    started
      ? {
          key: 'P.evidence',
          params: {
            repeatRate: percent(metrics.repeatBuyerRate),
            fanShare: percent(metrics.fanOrderShare),
            returningShare: percent(metrics.returningBuyerGmvShare),
          },
        }
      : { key: 'P.evidence.none' },
  findings,
  steps,
};
