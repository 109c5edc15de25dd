// S — channel-specific supply (品牌渠道特供). Products made for this channel: distinctive,
// higher in order value, cheaper to operate. The best candidates for a channel version are the
// products creators have already proven.

import type { Catalog, Message } from '../../i18n/index.js';
import type { Metrics, ProductStat } from '../../metrics/types.js';
import { findCheck, gapPriority, isPresent, isShort, measure, rankSteps, type RankedStep } from '../checks.js';
import type { Check, Finding, Profile, StageAssessment, StageContext, StageRule } from '../types.js';
import { count, creatorName, leadProducts, percent, productName, ratio, yuan } from '../wording.js';

const strings: Catalog = {
  en: {
    'S2.missingExport': 'needs a products export that marks channel-exclusive products (渠道特供 / 是否特供 column)',
    'S2.check.exclusiveSkus': 'Channel-exclusive SKUs with sales',
    'S2.check.exclusiveGmvShare': 'Exclusive products’ share of GMV',
    'S2.check.exclusiveAovRatio.buyers': 'Exclusive AOV ÷ overall AOV, both per buyer (GMV ÷ buyers)',
    'S2.check.exclusiveAovRatio.orders': 'Exclusive AOV ÷ overall AOV, both per order (GMV ÷ orders: no buyer ids)',
    'S2.basis.buyers': 'per buyer',
    'S2.basis.orders': 'per order',
    'S2.evidence': '{skus} exclusive SKUs, {share} of GMV, AOV {aovRatio}× overall ({basis})',
    'S2.evidence.none': 'no channel-exclusive product sold in the period',
    'S2.finding.notStarted':
      'No channel-exclusive product sold in the period: channel-specific supply has not started.',
    'S2.finding.summary':
      '{skus} exclusive SKUs sold {gmv} ({share} of GMV) at an AOV of {aov} against {overallAov} overall, both {basis}.',
    'S2.next.start':
      'Make a Kuaishou-only version (its own spec, bundle or pack size) of {product}, which {creators} creators already sell, and launch it in self-broadcast first.',
    'S2.next.startTop':
      'Make a Kuaishou-only version (its own spec, bundle or pack size) of {product}, your best seller, and launch it in self-broadcast first.',
    'S2.next.moreSkus':
      '{skus} exclusive SKUs sold (target {target}). Add {more} more, starting from {candidates}: best sellers that have no channel version yet.',
    'S2.next.share':
      'Exclusive products sell {share} of GMV (target {target}). Feature {exclusives} in every self-broadcast session and offer them to {creators} as their own versions.',
    'S2.next.shareNoCreators':
      'Exclusive products sell {share} of GMV (target {target}). Feature {exclusives} in every self-broadcast session and in the warm-up videos.',
    'S2.next.aov':
      'Exclusive AOV is {exclusiveAov} against {overallAov} overall, both {basis} ({ratio}×, target {target}×). Make the channel versions richer (bundles, gift boxes, larger sizes) rather than cheaper.',
  },
  zh: {
    'S2.missingExport': '需要标明渠道特供商品的商品导出（“渠道特供 / 是否特供”列）',
    'S2.check.exclusiveSkus': '有成交的渠道特供 SKU 数',
    'S2.check.exclusiveGmvShare': '特供商品 GMV 占比',
    'S2.check.exclusiveAovRatio.buyers': '特供客单价 ÷ 整体客单价（均按买家：GMV ÷ 买家数）',
    'S2.check.exclusiveAovRatio.orders': '特供笔单价 ÷ 整体笔单价（均按订单：GMV ÷ 订单数，导出无买家ID）',
    'S2.basis.buyers': '均按买家计',
    'S2.basis.orders': '均按订单计',
    'S2.evidence': '{skus} 个特供 SKU，占 GMV {share}，客单价为整体的 {aovRatio} 倍（{basis}）',
    'S2.evidence.none': '本期没有渠道特供商品成交',
    'S2.finding.notStarted': '本期没有渠道特供商品成交：品牌渠道特供尚未开始。',
    'S2.finding.summary':
      '{skus} 个特供 SKU 售出 {gmv}（占 GMV {share}），客单价 {aov}，整体客单价 {overallAov}（{basis}）。',
    'S2.next.start':
      '为 {product} 做一个快手专供版本（独立规格、组合装或包装规格），它已有 {creators} 位达人在卖，先在品牌自播中首发。',
    'S2.next.startTop': '为最畅销的 {product} 做一个快手专供版本（独立规格、组合装或包装规格），先在品牌自播中首发。',
    'S2.next.moreSkus':
      '有成交的特供 SKU {skus} 个（目标 {target}）。再增加 {more} 个，先从 {candidates} 开始：这些畅销品还没有渠道版本。',
    'S2.next.share':
      '特供商品占 GMV 的 {share}（目标 {target}）。每场自播主推 {exclusives}，并作为专属版本提供给 {creators}。',
    'S2.next.shareNoCreators': '特供商品占 GMV 的 {share}（目标 {target}）。每场自播和预热视频都主推 {exclusives}。',
    'S2.next.aov':
      '特供客单价 {exclusiveAov}，整体客单价 {overallAov}（{basis}；{ratio} 倍，目标 {target} 倍）。把渠道版本做得更丰富（组合装、礼盒、大规格），而不是更便宜。',
  },
};

export const specifySupply: StageRule = {
  key: 'specify-supply',
  letter: 'S',
  order: 5,
  strings,
  requires: ['exclusive'],
  missingExport: 'S2.missingExport',
  definingCheck: 'exclusiveGmvShare',
  assess,
};

type Exclusive = NonNullable<Metrics['exclusive']>;

function assess({ metrics, profile }: StageContext): StageAssessment {
  // requires: ['exclusive'] keeps the engine from calling us without it.
  const exclusive = metrics.exclusive as Exclusive;
  const checks = buildChecks(metrics, exclusive, profile);
  const started = exclusive.skus > 0;
  const steps = started ? plannedSteps(metrics, exclusive, checks) : [startStep(metrics)];
  return {
    checks,
    findings: started
      ? [summary(metrics, exclusive)]
      : [{ id: 'notStarted', severity: 'warn', message: { key: 'S2.finding.notStarted' } }],
    nextSteps: rankSteps(steps.filter(isPresent)),
    evidence: started
      ? {
          key: 'S2.evidence',
          params: {
            skus: count(exclusive.skus),
            share: percent(exclusive.share),
            aovRatio: ratio(aovRatio(metrics, exclusive)),
            basis: basisWords(exclusive),
          },
        }
      : { key: 'S2.evidence.none' },
    started,
  };
}

/** Both AOVs on one basis (products.ts follows the overall AOV's); a mismatch is not a ratio. */
function aovRatio(metrics: Metrics, exclusive: Exclusive): number | null {
  if (exclusive.aovFen === null || metrics.aovFen === null || metrics.aovFen <= 0) return null;
  if (metrics.aovBasis !== exclusive.aovBasis) return null;
  return exclusive.aovFen / metrics.aovFen;
}

function basisWords(exclusive: Exclusive): Message {
  return { key: `S2.basis.${exclusive.aovBasis}` };
}

function buildChecks(metrics: Metrics, exclusive: Exclusive, profile: Profile): Check[] {
  return [
    measure(profile, {
      id: 'exclusiveSkus',
      value: exclusive.skus,
      threshold: 'S2.exclusiveSkus',
      comparison: 'atLeast',
      weight: 2,
      label: 'S2.check.exclusiveSkus',
      unit: 'count',
    }),
    measure(profile, {
      id: 'exclusiveGmvShare',
      value: exclusive.share,
      threshold: 'S2.exclusiveGmvShare',
      comparison: 'atLeast',
      weight: 3,
      label: 'S2.check.exclusiveGmvShare',
      unit: 'fraction',
    }),
    measure(profile, {
      id: 'exclusiveAovRatio',
      value: aovRatio(metrics, exclusive),
      threshold: 'S2.exclusiveAovRatio',
      comparison: 'atLeast',
      weight: 2,
      label: `S2.check.exclusiveAovRatio.${exclusive.aovBasis}`,
      unit: 'ratio',
    }),
  ];
}

function summary(metrics: Metrics, exclusive: Exclusive): Finding {
  return {
    id: 'summary',
    severity: 'info',
    message: {
      key: 'S2.finding.summary',
      params: {
        skus: count(exclusive.skus),
        gmv: yuan(exclusive.gmvFen),
        share: percent(exclusive.share),
        aov: yuan(exclusive.aovFen),
        overallAov: yuan(metrics.aovFen),
        basis: basisWords(exclusive),
      },
    },
  };
}

/** Products that sell well but have no channel version: proven heroes first, then best sellers. */
function channelCandidates(metrics: Metrics): ProductStat[] {
  return leadProducts(metrics.heroProducts, metrics.topProducts, 20).filter((product) => product.exclusive !== true);
}

function startStep(metrics: Metrics): RankedStep | null {
  const product = channelCandidates(metrics)[0];
  if (!product) return null;
  if (product.creators >= 3) {
    return {
      priority: 1,
      step: {
        id: 'start',
        message: { key: 'S2.next.start', params: { product: productName(product), creators: count(product.creators) } },
      },
    };
  }
  return {
    priority: 1,
    step: { id: 'startTop', message: { key: 'S2.next.startTop', params: { product: productName(product) } } },
  };
}

function plannedSteps(metrics: Metrics, exclusive: Exclusive, checks: Check[]): (RankedStep | null)[] {
  return [moreSkusStep(metrics, exclusive, checks), shareStep(metrics, checks), aovStep(metrics, exclusive, checks)];
}

function moreSkusStep(metrics: Metrics, exclusive: Exclusive, checks: Check[]): RankedStep | null {
  const check = findCheck(checks, 'exclusiveSkus');
  const more = Math.max(0, check.target - exclusive.skus);
  const candidates = channelCandidates(metrics)
    .slice(0, Math.max(1, Math.min(3, more)))
    .map(productName);
  if (!isShort(check) || candidates.length === 0) return null;
  return {
    priority: gapPriority(check),
    step: {
      id: 'moreSkus',
      message: {
        key: 'S2.next.moreSkus',
        params: { skus: count(exclusive.skus), target: count(check.target), more: count(more), candidates },
      },
    },
  };
}

function shareStep(metrics: Metrics, checks: Check[]): RankedStep | null {
  const check = findCheck(checks, 'exclusiveGmvShare');
  const exclusives = metrics.topProducts
    .filter((product) => product.exclusive === true)
    .slice(0, 3)
    .map(productName);
  if (!isShort(check) || exclusives.length === 0) return null;
  const common = { share: percent(check.value), target: percent(check.target), exclusives };
  const creators = metrics.topCreators.slice(0, 3).map(creatorName);
  if (creators.length === 0) {
    return {
      priority: gapPriority(check),
      step: { id: 'shareNoCreators', message: { key: 'S2.next.shareNoCreators', params: common } },
    };
  }
  return {
    priority: gapPriority(check),
    step: { id: 'share', message: { key: 'S2.next.share', params: { ...common, creators } } },
  };
}

function aovStep(metrics: Metrics, exclusive: Exclusive, checks: Check[]): RankedStep | null {
  const check = findCheck(checks, 'exclusiveAovRatio');
  if (!isShort(check)) return null;
  return {
    priority: gapPriority(check),
    step: {
      id: 'aov',
      message: {
        key: 'S2.next.aov',
        params: {
          exclusiveAov: yuan(exclusive.aovFen),
          overallAov: yuan(metrics.aovFen),
          basis: basisWords(exclusive),
          ratio: ratio(check.value),
          target: ratio(check.target),
        },
      },
    },
  };
}
