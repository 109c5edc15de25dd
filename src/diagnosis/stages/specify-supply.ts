// S — channel-specific supply (品牌渠道特供). Products made for this channel: distinctive,
// higher in order value, cheaper to operate. The best candidates for a channel version are the
// products creators have already proven.

import { HERO_MIN_CREATORS } from '../../metrics/products.js';
import type { Message } from '../../i18n/index.js';
import type { Metrics, ProductStat } from '../../metrics/types.js';
import { bilingual } from '../stage-runner.js';
import type { RuleInput, StageRule, StepDeclaration } from '../types.js';
import { count, creatorName, leadProducts, percent, productName, ratio, yuan } from '../wording.js';

const strings = bilingual({
  'S2.missingExport': {
    en: 'needs a products export that marks channel-exclusive products (渠道特供 / 是否特供 column)',
    zh: '需要标明渠道特供商品的商品导出（“渠道特供 / 是否特供”列）',
  },
  'S2.check.exclusiveSkus': {
    en: 'Channel-exclusive SKUs with sales',
    zh: '有成交的渠道特供 SKU 数',
  },
  'S2.check.exclusiveGmvShare': {
    en: 'Exclusive products’ share of GMV',
    zh: '特供商品 GMV 占比',
  },
  'S2.check.exclusiveAovRatio.buyers': {
    en: 'Exclusive AOV ÷ overall AOV, both per buyer (GMV ÷ buyers)',
    zh: '特供客单价 ÷ 整体客单价（均按买家：GMV ÷ 买家数）',
  },
  'S2.check.exclusiveAovRatio.orders': {
    en: 'Exclusive AOV ÷ overall AOV, both per order (GMV ÷ orders: no buyer ids)',
    zh: '特供笔单价 ÷ 整体笔单价（均按订单：GMV ÷ 订单数，导出无买家ID）',
  },
  'S2.basis.buyers': { en: 'per buyer', zh: '均按买家计' },
  'S2.basis.orders': { en: 'per order', zh: '均按订单计' },
  'S2.aov.buyers': { en: 'AOV', zh: '客单价' },
  'S2.aov.orders': { en: 'AOV', zh: '笔单价' },
  'S2.evidence': {
    en: '{skus} exclusive SKUs, {share} of GMV, {aovName} {aovRatio}× overall ({basis})',
    zh: '{skus} 个特供 SKU，占 GMV {share}，{aovName}为整体的 {aovRatio} 倍（{basis}）',
  },
  'S2.evidence.none': {
    en: 'no channel-exclusive product sold in the period',
    zh: '本期没有渠道特供商品成交',
  },
  'S2.finding.notStarted': {
    en: 'No channel-exclusive product sold in the period: channel-specific supply has not started.',
    zh: '本期没有渠道特供商品成交：品牌渠道特供尚未开始。',
  },
  'S2.finding.summary': {
    en: '{skus} exclusive SKUs sold {gmv} ({share} of GMV) at an {aovName} of {aov} against {overallAov} overall, both {basis}.',
    zh: '{skus} 个特供 SKU 售出 {gmv}（占 GMV {share}），{aovName} {aov}，整体 {overallAov}（{basis}）。',
  },
  'S2.next.start': {
    en: 'Make a Kuaishou-only version (its own spec, bundle or pack size) of {product}, which {creators} creators already sell, and launch it in self-broadcast first.',
    zh: '为已有 {creators} 位达人在带的{product}做一个快手专供款（独立规格、组合装或包装），先在品牌自播间首发。',
  },
  'S2.next.startTop': {
    en: 'Make a Kuaishou-only version (its own spec, bundle or pack size) of {product}, your best seller, and launch it in self-broadcast first.',
    zh: '为最畅销的{product}做一个快手专供款（独立规格、组合装或包装），先在品牌自播间首发。',
  },
  'S2.next.moreSkus': {
    en: '{skus} exclusive SKUs sold (target {target}). Add {more} more, starting from {candidates}: best sellers that have no channel version yet.',
    zh: '有成交的特供 SKU {skus} 个（目标 {target} 个）。再上 {more} 个，先从{candidates}做起：这些畅销品还没有渠道专供款。',
  },
  'S2.next.share': {
    en: 'Exclusive products sell {share} of GMV (target {target}). Feature {exclusives} in every self-broadcast session and offer them to {creators} as their own versions.',
    zh: '特供商品占 GMV 的 {share}（目标 {target}）。每场自播主推{exclusives}，并作为专属款给到 {creators}。',
  },
  'S2.next.shareNoCreators': {
    en: 'Exclusive products sell {share} of GMV (target {target}). Feature {exclusives} in every self-broadcast session and in the warm-up videos.',
    zh: '特供商品占 GMV 的 {share}（目标 {target}）。每场自播和预热视频都主推{exclusives}。',
  },
  'S2.next.aov': {
    en: 'Exclusive {aovName} is {exclusiveAov} against {overallAov} overall, both {basis} ({ratio}×, target {target}×). Make the channel versions richer (bundles, gift boxes, larger sizes) rather than cheaper.',
    zh: '特供{aovName} {exclusiveAov}，整体 {overallAov}（{basis}；{ratio} 倍，目标 {target} 倍）。把专供款做得更丰富（组合装、礼盒、大规格），而不是更便宜。',
  },
});

type Exclusive = NonNullable<Metrics['exclusive']>;

interface Evidence {
  exclusive: Exclusive;
  /** Products that sell well but have no channel version: proven heroes first, then best sellers. */
  candidates: ProductStat[];
}

/** Both AOVs on one basis (products.ts follows the overall AOV's); a mismatch is not a ratio. */
function aovRatio({ metrics, evidence }: RuleInput<Evidence>): number | null {
  const { exclusive } = evidence;
  if (metrics.aovBasis !== exclusive.aovBasis) return null;
  if (exclusive.aovFen === null || metrics.aovFen === null || metrics.aovFen <= 0) return null;
  return exclusive.aovFen / metrics.aovFen;
}

function basisWords(exclusive: Exclusive): Message {
  return { key: `S2.basis.${exclusive.aovBasis}` };
}

/** 客单价 is per buyer and 笔单价 per order: the word follows the basis, as the check's label does. */
function aovWords(exclusive: Exclusive): Message {
  return { key: `S2.aov.${exclusive.aovBasis}` };
}

const steps: StepDeclaration<Evidence>[] = [
  {
    id: 'start',
    phase: 'not-started',
    answers: [],
    priority: 1,
    kind: 'growth',
    horizon: 'this-quarter',
    params: ({ evidence }) => {
      const product = evidence.candidates[0];
      if (!product || product.creators < HERO_MIN_CREATORS) return null;
      return { product: productName(product), creators: count(product.creators) };
    },
  },
  {
    id: 'startTop',
    phase: 'not-started',
    answers: [],
    priority: 1,
    kind: 'growth',
    horizon: 'this-quarter',
    params: ({ evidence }) => {
      const product = evidence.candidates[0];
      if (!product || product.creators >= HERO_MIN_CREATORS) return null;
      return { product: productName(product) };
    },
  },
  {
    id: 'moreSkus',
    answers: ['exclusiveSkus'],
    kind: 'growth',
    horizon: 'this-quarter',
    params: ({ evidence, check }) => {
      const skus = check('exclusiveSkus');
      const more = Math.max(0, skus.target - evidence.exclusive.skus);
      const candidates = evidence.candidates.slice(0, Math.max(1, Math.min(3, more))).map(productName);
      if (candidates.length === 0) return null;
      return { skus: count(evidence.exclusive.skus), target: count(skus.target), more: count(more), candidates };
    },
  },
  {
    id: 'shareNoCreators',
    answers: ['exclusiveGmvShare'],
    kind: 'growth',
    horizon: 'this-quarter',
    params: (input) => (input.metrics.topCreators.length === 0 ? shareParams(input) : null),
  },
  {
    id: 'share',
    answers: ['exclusiveGmvShare'],
    kind: 'growth',
    horizon: 'this-quarter',
    params: (input) => {
      const creators = input.metrics.topCreators.slice(0, 3).map(creatorName);
      const common = creators.length > 0 ? shareParams(input) : null;
      return common ? { ...common, creators } : null;
    },
  },
  {
    id: 'aov',
    answers: ['exclusiveAovRatio'],
    kind: 'efficiency',
    horizon: 'this-quarter',
    params: ({ metrics, evidence, check }) => ({
      exclusiveAov: yuan(evidence.exclusive.aovFen),
      overallAov: yuan(metrics.aovFen),
      basis: basisWords(evidence.exclusive),
      aovName: aovWords(evidence.exclusive),
      ratio: ratio(check('exclusiveAovRatio').value),
      target: ratio(check('exclusiveAovRatio').target),
    }),
  },
];

function shareParams({ metrics, check }: Parameters<StepDeclaration<Evidence>['params']>[0]) {
  const exclusives = metrics.topProducts
    .filter((product) => product.exclusive === true)
    .slice(0, 3)
    .map(productName);
  if (exclusives.length === 0) return null;
  const share = check('exclusiveGmvShare');
  return { share: percent(share.value), target: percent(share.target), exclusives };
}

export const specifySupply: StageRule<Evidence> = {
  key: 'specify-supply',
  letter: 'S',
  namespace: 'S2',
  name: { en: 'Channel-specific supply', zh: '品牌渠道特供' },
  strings,
  requires: ['exclusive'],
  missingExport: 'S2.missingExport',
  definingCheck: 'exclusiveGmvShare',
  // requires: ['exclusive'] keeps the engine from calling us without it.
  evidence: ({ metrics }) => ({
    exclusive: metrics.exclusive as Exclusive,
    candidates: leadProducts(metrics.heroProducts, metrics.topProducts, 20).filter(
      (product) => product.exclusive !== true,
    ),
  }),
  isStarted: ({ evidence }) => evidence.exclusive.skus > 0,
  checks: [
    {
      id: 'exclusiveSkus',
      metric: 'exclusiveSkus',
      value: ({ evidence }) => evidence.exclusive.skus,
      threshold: 'S2.exclusiveSkus',
      comparison: 'atLeast',
      unit: 'count',
      weight: 2,
    },
    {
      id: 'exclusiveGmvShare',
      metric: 'exclusiveGmvShare',
      value: ({ evidence }) => evidence.exclusive.share,
      threshold: 'S2.exclusiveGmvShare',
      comparison: 'atLeast',
      unit: 'fraction',
      weight: 3,
    },
    {
      id: 'exclusiveAovRatio',
      metric: 'exclusiveAovRatio',
      value: aovRatio,
      label: ({ evidence }) => `S2.check.exclusiveAovRatio.${evidence.exclusive.aovBasis}`,
      threshold: 'S2.exclusiveAovRatio',
      comparison: 'atLeast',
      unit: 'ratio',
      weight: 2,
    },
  ],
  summary: (input, started) =>
    started
      ? {
          key: 'S2.evidence',
          params: {
            skus: count(input.evidence.exclusive.skus),
            share: percent(input.evidence.exclusive.share),
            aovRatio: ratio(aovRatio(input)),
            basis: basisWords(input.evidence.exclusive),
            aovName: aovWords(input.evidence.exclusive),
          },
        }
      : { key: 'S2.evidence.none' },
  findings: ({ metrics, evidence }, started) =>
    started
      ? [
          {
            id: 'summary',
            severity: 'info',
            message: {
              key: 'S2.finding.summary',
              params: {
                skus: count(evidence.exclusive.skus),
                gmv: yuan(evidence.exclusive.gmvFen),
                share: percent(evidence.exclusive.share),
                aov: yuan(evidence.exclusive.aovFen),
                overallAov: yuan(metrics.aovFen),
                basis: basisWords(evidence.exclusive),
                aovName: aovWords(evidence.exclusive),
              },
            },
          },
        ]
      : [{ id: 'notStarted', severity: 'warn', message: { key: 'S2.finding.notStarted' } }],
  steps,
};
