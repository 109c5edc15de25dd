// A — goods (商品). The orders joined to the session by its live id show the lineup: enough
// distinct products, a hero that leads without carrying the whole session, and products that
// reached both new and returning buyers (where the orders carry buyer ids).

import type { Catalog } from '../../i18n/index.js';
import type { SessionMetrics } from '../../metrics/types.js';
import { isPresent, thresholdValue } from '../checks.js';
import type { ItemAnswers, Profile, StageItemRule, StageItemVerdict } from '../types.js';
import { count, percent } from '../wording.js';
import { gradeAgainst, judge, questionsOf, unknownKey, type Signal } from './judge.js';

const strings: Catalog = {
  en: {
    'stage.assortment.name': 'Goods',
    'stage.assortment.why':
      'The lineup decides what a viewer can buy: a hero item draws them in, planned groups and prices keep them buying without fatigue.',
    'stage.assortment.q.productGroupsPlanned': 'Were the product groups (traffic, hero and profit items) planned?',
    'stage.assortment.q.productGroupsPlanned.no': 'checklist: product groups not planned',
    'stage.assortment.q.newAndOldFanProducts': 'Were there different products for new fans and for returning fans?',
    'stage.assortment.q.newAndOldFanProducts.no': 'checklist: no separate products for new and returning fans',
    'stage.assortment.q.pricePlanSet':
      'Were price, quantity, discount and payment plan set so that fans do not tire of them?',
    'stage.assortment.q.pricePlanSet.no': 'checklist: price and discount plan not set',
    'stage.assortment.q.stockReady': 'Was stock ready for the expected sales?',
    'stage.assortment.q.stockReady.no': 'checklist: stock not ready',
    'stage.assortment.q.heroItemSet': 'Was there a hero item the session was built around?',
    'stage.assortment.q.heroItemSet.no': 'checklist: no hero item',
    'stage.assortment.products.pass': '{products} products sold (target {target})',
    'stage.assortment.products.short': 'only {products} products sold (target {target})',
    'stage.assortment.topProduct.pass': 'top product {share} of the session’s GMV (at most {max})',
    'stage.assortment.topProduct.short':
      'top product {share} of the session’s GMV, above {max}: the session depends on one item',
    'stage.assortment.buyers.pass': '{newBuyers} new and {returningBuyers} returning buyers',
    'stage.assortment.buyers.noReturning': 'no returning buyer among {newBuyers} buyers',
    'stage.assortment.buyers.noNew': 'no new buyer among {returningBuyers} buyers',
    'stage.assortment.health.finding':
      'STAGE A, goods: failed in {failed} of {judged} sessions judged, e.g. {sessions}.',
    'stage.assortment.health.next':
      'Plan each session’s lineup before going live: at least {products} products in groups around one hero item that sells no more than {share} of the session, with separate offers for new and returning fans; rework {sessions} first.',
  },
  zh: {
    'stage.assortment.name': '商品',
    'stage.assortment.why': '排品决定观众能买什么：爆品把人吸引进来，规划好的组合和价格让他们持续购买而不疲劳。',
    'stage.assortment.q.productGroupsPlanned': '是否规划了商品组合（引流款、爆款、利润款）？',
    'stage.assortment.q.productGroupsPlanned.no': '清单：没有规划商品组合',
    'stage.assortment.q.newAndOldFanProducts': '新粉和老粉是否有不同的商品？',
    'stage.assortment.q.newAndOldFanProducts.no': '清单：新老粉没有区分商品',
    'stage.assortment.q.pricePlanSet': '价格、数量、折扣和支付方案是否已定好，避免粉丝疲劳？',
    'stage.assortment.q.pricePlanSet.no': '清单：价格与折扣方案未定',
    'stage.assortment.q.stockReady': '库存是否已按预期销量备好？',
    'stage.assortment.q.stockReady.no': '清单：库存没有备好',
    'stage.assortment.q.heroItemSet': '本场是否有一个围绕它来排品的爆品？',
    'stage.assortment.q.heroItemSet.no': '清单：没有爆品',
    'stage.assortment.products.pass': '售出 {products} 款商品（目标 {target}）',
    'stage.assortment.products.short': '只售出 {products} 款商品（目标 {target}）',
    'stage.assortment.topProduct.pass': 'TOP1 商品占本场 GMV 的 {share}（上限 {max}）',
    'stage.assortment.topProduct.short': 'TOP1 商品占本场 GMV 的 {share}，超过 {max}：本场过度依赖单品',
    'stage.assortment.buyers.pass': '新买家 {newBuyers} 人，回头买家 {returningBuyers} 人',
    'stage.assortment.buyers.noReturning': '{newBuyers} 名买家中没有回头买家',
    'stage.assortment.buyers.noNew': '{returningBuyers} 名买家中没有新买家',
    'stage.assortment.health.finding': 'STAGE A（商品）：已判断的 {judged} 场中有 {failed} 场不合格，如 {sessions}。',
    'stage.assortment.health.next':
      '每场开播前规划排品：至少 {products} 款商品，围绕一个爆品分组，爆品不超过本场的 {share}，新老粉各有专属优惠；先重做 {sessions}。',
  },
};

function productsSignal(session: SessionMetrics, profile: Profile): Signal | null {
  if (session.productsSold === null) return null;
  const result = gradeAgainst(profile, 'stage.assortment.distinctProducts', 'atLeast', session.productsSold);
  const params = {
    products: count(session.productsSold),
    target: count(thresholdValue(profile, 'stage.assortment.distinctProducts')),
  };
  return {
    result,
    evidence: { key: result === 'pass' ? 'stage.assortment.products.pass' : 'stage.assortment.products.short', params },
  };
}

function topProductSignal(session: SessionMetrics, profile: Profile): Signal | null {
  if (session.topProductShare === null) return null;
  const result = gradeAgainst(profile, 'stage.assortment.topProductShareMax', 'atMost', session.topProductShare);
  const params = {
    share: percent(session.topProductShare),
    max: percent(thresholdValue(profile, 'stage.assortment.topProductShareMax')),
  };
  return {
    result,
    evidence: {
      key: result === 'pass' ? 'stage.assortment.topProduct.pass' : 'stage.assortment.topProduct.short',
      params,
    },
  };
}

/**
 * Both kinds of buyer present is a pass; one kind missing is only a warning, since early in a
 * period nearly every buyer is "new" to the data.
 */
function buyersSignal(session: SessionMetrics): Signal | null {
  const { newBuyers, returningBuyers } = session;
  if (newBuyers === null || returningBuyers === null || newBuyers + returningBuyers === 0) return null;
  const params = { newBuyers: count(newBuyers), returningBuyers: count(returningBuyers) };
  if (newBuyers > 0 && returningBuyers > 0)
    return { result: 'pass', evidence: { key: 'stage.assortment.buyers.pass', params } };
  const key = returningBuyers === 0 ? 'stage.assortment.buyers.noReturning' : 'stage.assortment.buyers.noNew';
  return { result: 'warn', evidence: { key, params } };
}

const questions = questionsOf('assortment', [
  'productGroupsPlanned',
  'newAndOldFanProducts',
  'pricePlanSet',
  'stockReady',
  'heroItemSet',
]);

export const assortment: StageItemRule = {
  key: 'assortment',
  namespace: 'assortment',
  letter: 'A',
  name: 'stage.assortment.name',
  strings,
  why: 'stage.assortment.why',
  questions,
  requires: {
    fields: ['productsSold', 'topProductShare', 'newBuyers', 'returningBuyers'],
    missing: { en: 'no order carries this session’s live id (直播间ID)', zh: '没有订单带本场的直播间ID' },
  },
  feeds: 'self-broadcast',
  health: { finding: 'stage.assortment.health.finding', nextStep: 'stage.assortment.health.next' },
  nextStepParams: (profile) => ({
    products: count(thresholdValue(profile, 'stage.assortment.distinctProducts')),
    share: percent(thresholdValue(profile, 'stage.assortment.topProductShareMax')),
  }),
  assess,
};

function assess(session: SessionMetrics, answers: ItemAnswers | null, profile: Profile): StageItemVerdict {
  const signals = [productsSignal(session, profile), topProductSignal(session, profile), buyersSignal(session)];
  return judge({ signals: signals.filter(isPresent), answers, questions, unknown: unknownKey('assortment') });
}
