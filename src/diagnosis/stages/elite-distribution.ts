// E — creator distribution (达人分销). A new brand sells through creators' rooms first: cheap
// reach, a test of which products sell across audiences, and audience data for later ads.
// Public material puts the start of self-broadcast at the "100w+" distribution level.

import type { Catalog } from '../../i18n/index.js';
import type { Metrics, ProductStat } from '../../metrics/types.js';
import {
  findCheck,
  gapPriority,
  isPresent,
  isShort,
  measure,
  rankSteps,
  threshold,
  type RankedStep,
} from '../checks.js';
import type { Check, Finding, Profile, StageAssessment, StageContext, StageRule } from '../types.js';
import { count, creatorName, leadProducts, percent, productName, yuan, yuanFromYuan } from '../wording.js';

const strings: Catalog = {
  en: {
    'E.missingExport': 'needs an orders export whose lines say who sold them (渠道 or CPS达人ID / 达人ID columns)',
    'E.check.creatorGmv': 'Creator GMV',
    'E.check.creatorsWithSales': 'Creators with sales',
    'E.check.topCreatorShare': "Top creator's share of creator GMV",
    'E.check.heroProducts': 'Products sold by 3+ creators',
    'E.check.creatorBuyers': 'Buyers reached through creators',
    'E.evidence': '{creatorGmv} from {creators} creators, top creator {topShare}',
    'E.evidence.none': 'no creator sales in the period',
    'E.finding.notStarted': 'No creator sold the brand’s products in the period: creator distribution has not started.',
    'E.finding.creatorShare': 'Creators sold {creatorGmv}, {share} of GMV, through {creators} creators.',
    'E.finding.topCreatorDependence':
      '{creator} alone sold {share} of creator GMV (limit {max}): losing that room would take most of the channel with it.',
    'E.finding.heroProducts': 'Products proven across creators (3+ creators each): {products}.',
    'E.finding.noHero': 'No product sells through 3 or more creators yet, so none has been tested across audiences.',
    'E.finding.commission':
      'Commission paid (达人 + 团长, from the settlement export): {commission} for {creatorGmv} of creator GMV, ¥{perYuan} of GMV per ¥1 of commission.',
    'E.finding.commissionSpread':
      'Commission does not earn alike: {best} brings ¥{bestRatio} of GMV per ¥1 of commission, {worst} only ¥{worstRatio}. Put commission and samples behind the rooms that return more; renegotiate the rate or the product with the others.',
    'E.next.startDistribution':
      'Start creator distribution: brief {creators} creators in the {followersMin}–{followersMax} follower range on {products} this week, with samples and a commission that makes the products worth carrying.',
    'E.next.recruitForGmv':
      'Creator GMV {creatorGmv} is {reached} of the {target} level. At {perCreator} per creator that takes about {more} more selling creators: recruit them in the {followersMin}–{followersMax} follower range for {product}, and brief the first {thisWeek} this week.',
    'E.next.broadenCreators':
      'Creator GMV has reached the {target} level, but only {creators} creators sold (target {creatorsTarget}): add {more} creators in the {followersMin}–{followersMax} follower range for {product} so the channel does not hang on a few rooms.',
    'E.next.spreadTopCreator':
      '{creator} sold {share} of creator GMV (keep it under {max}). This week give {product} to {others} with their own price or a higher commission, so the next rooms grow.',
    'E.next.replicateTopCreator':
      '{creator} is the only creator selling (share {share}). Find 3 creators with an audience like {creator}’s and offer them {product} this week.',
    'E.next.testHeroes':
      'No product sells through 3 or more creators yet. Put {candidates} into at least 3 creators’ rooms each over the next two weeks, and keep the one that sells in most rooms as the hero product.',
    'E.next.moreHeroes':
      'Only {heroCount} products ({heroes}) sell through 3+ creators (target {target}). Test {candidates} with 3 more creators each to find the next hero products.',
    'E.next.reachBuyers':
      'Creators reached {buyers} buyers (target {target}): these buyers are the audience your own ads and 川流 will target later. Ask {creators} for a first-order price on {product} for new customers.',
  },
  zh: {
    'E.missingExport': '需要能看出由谁售出的订单导出（含“渠道”或“CPS达人ID / 达人ID”列）',
    'E.check.creatorGmv': '达人分销 GMV',
    'E.check.creatorsWithSales': '有成交的达人数',
    'E.check.topCreatorShare': '头部达人占达人 GMV 的比例',
    'E.check.heroProducts': '3 位以上达人带货的商品数',
    'E.check.creatorBuyers': '达人带来的买家数',
    'E.evidence': '达人 GMV {creatorGmv}，{creators} 位达人，头部达人占 {topShare}',
    'E.evidence.none': '本期没有达人成交',
    'E.finding.notStarted': '本期没有达人售出品牌商品：达人分销尚未开始。',
    'E.finding.creatorShare': '达人共售出 {creatorGmv}，占 GMV 的 {share}，来自 {creators} 位达人。',
    'E.finding.topCreatorDependence':
      '{creator} 一人售出达人 GMV 的 {share}（上限 {max}）：失去这个直播间，渠道的大半也随之失去。',
    'E.finding.heroProducts': '已在多位达人处验证的商品（每个 3 位以上达人）：{products}。',
    'E.finding.noHero': '还没有商品经过 3 位以上达人带货，没有一个商品在不同人群中验证过。',
    'E.finding.commission':
      '本期达人佣金（含团长佣金，来自结算明细）共 {commission}，对应达人 GMV {creatorGmv}：每 ¥1 佣金带来 ¥{perYuan} GMV。',
    'E.finding.commissionSpread':
      '达人之间佣金产出差距大：{best} 每 ¥1 佣金带来 ¥{bestRatio} GMV，{worst} 只有 ¥{worstRatio}。佣金和寄样优先给产出高的达人，低产出的重谈佣金比例或换品。',
    'E.next.startDistribution':
      '启动达人分销：本周向 {creators} 位粉丝量在 {followersMin}–{followersMax} 的达人推荐 {products}，寄样并给出值得带货的佣金。',
    'E.next.recruitForGmv':
      '达人 GMV {creatorGmv}，为 {target} 目标的 {reached}。按每位达人 {perCreator} 计算，还需约 {more} 位有成交的达人：招募粉丝量在 {followersMin}–{followersMax} 的达人带 {product}，本周先对接前 {thisWeek} 位。',
    'E.next.broadenCreators':
      '达人 GMV 已达到 {target}，但只有 {creators} 位达人有成交（目标 {creatorsTarget}）：再增加 {more} 位粉丝量在 {followersMin}–{followersMax} 的达人带 {product}，让渠道不依赖少数直播间。',
    'E.next.spreadTopCreator':
      '{creator} 售出达人 GMV 的 {share}（应低于 {max}）。本周把 {product} 交给 {others}，给出专属价或更高佣金，让其余直播间成长起来。',
    'E.next.replicateTopCreator':
      '{creator} 是唯一有成交的达人（占 {share}）。本周找 3 位粉丝画像与 {creator} 相近的达人，向他们推荐 {product}。',
    'E.next.testHeroes':
      '还没有商品经过 3 位以上达人带货。未来两周把 {candidates} 各放进至少 3 位达人的直播间，留下在最多直播间卖得动的那个作为爆品。',
    'E.next.moreHeroes':
      '只有 {heroCount} 个商品（{heroes}）经过 3 位以上达人带货（目标 {target}）。把 {candidates} 各交给另外 3 位达人测试，找出下一个爆品。',
    'E.next.reachBuyers':
      '达人带来 {buyers} 位买家（目标 {target}）：这些买家正是日后自有投放和川流计划要定向的人群。请 {creators} 为 {product} 设置新客首单价。',
  },
};

const HERO_MIN_CREATORS = 3;

export const eliteDistribution: StageRule = {
  key: 'elite-distribution',
  letter: 'E',
  order: 1,
  strings,
  // Orders are always present; seller and creator come from them.
  requires: [],
  missingExport: 'E.missingExport',
  definingCheck: 'creatorGmv',
  assess,
};

function assess({ metrics, profile }: StageContext): StageAssessment {
  const checks = buildChecks(metrics, profile);
  const started = metrics.seller.creator.gmvFen > 0;
  return {
    checks,
    findings: buildFindings(metrics, profile, started),
    nextSteps: rankSteps(
      started ? plannedSteps(metrics, profile, checks) : [startStep(metrics, profile)].filter(isPresent),
    ),
    evidence: started
      ? {
          key: 'E.evidence',
          params: {
            creatorGmv: yuan(metrics.seller.creator.gmvFen),
            creators: count(metrics.creators),
            topShare: percent(metrics.topCreatorShare),
          },
        }
      : { key: 'E.evidence.none' },
    started,
  };
}

function buildChecks(metrics: Metrics, profile: Profile): Check[] {
  return [
    measure(profile, {
      id: 'creatorGmv',
      value: metrics.seller.creator.gmvFen / 100,
      threshold: 'E.creatorGmvYuan',
      comparison: 'atLeast',
      weight: 3,
      label: 'E.check.creatorGmv',
      unit: 'yuan',
    }),
    measure(profile, {
      id: 'creatorsWithSales',
      value: metrics.creators,
      threshold: 'E.creatorsWithSales',
      comparison: 'atLeast',
      weight: 2,
      label: 'E.check.creatorsWithSales',
      unit: 'count',
    }),
    measure(profile, {
      id: 'topCreatorShare',
      value: metrics.topCreatorShare,
      threshold: 'E.topCreatorShareMax',
      comparison: 'atMost',
      weight: 2,
      label: 'E.check.topCreatorShare',
      unit: 'fraction',
    }),
    measure(profile, {
      id: 'heroProducts',
      value: metrics.heroProducts.length,
      threshold: 'E.heroProducts',
      comparison: 'atLeast',
      weight: 2,
      label: 'E.check.heroProducts',
      unit: 'count',
    }),
    measure(profile, {
      id: 'creatorBuyers',
      value: metrics.creatorBuyers,
      threshold: 'E.creatorBuyers',
      comparison: 'atLeast',
      weight: 1,
      label: 'E.check.creatorBuyers',
      unit: 'count',
    }),
  ];
}

function buildFindings(metrics: Metrics, profile: Profile, started: boolean): Finding[] {
  if (!started) return [{ id: 'notStarted', severity: 'warn', message: { key: 'E.finding.notStarted' } }];
  const findings: Finding[] = [
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
    findings.push({
      id: 'topCreatorDependence',
      severity: 'warn',
      message: {
        key: 'E.finding.topCreatorDependence',
        params: { creator: creatorName(top), share: percent(metrics.topCreatorShare), max: percent(maxShare) },
      },
    });
  }
  findings.push(...commissionFindings(metrics));
  if (metrics.heroProducts.length > 0) {
    findings.push({
      id: 'heroProducts',
      severity: 'info',
      message: { key: 'E.finding.heroProducts', params: { products: metrics.heroProducts.map(productName) } },
    });
  } else {
    findings.push({ id: 'noHero', severity: 'warn', message: { key: 'E.finding.noHero' } });
  }
  return findings;
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

function startStep(metrics: Metrics, profile: Profile): RankedStep | null {
  const products = leadProducts(metrics.heroProducts, metrics.topProducts, 3);
  if (products.length === 0) return null;
  return {
    priority: 1,
    step: {
      id: 'startDistribution',
      message: {
        key: 'E.next.startDistribution',
        params: {
          creators: count(threshold(profile, 'E.creatorsWithSales').value),
          products: products.map(productName),
          ...followerParams(profile),
        },
      },
    },
  };
}

function plannedSteps(metrics: Metrics, profile: Profile, checks: Check[]): RankedStep[] {
  return [
    recruitStep(metrics, profile, checks),
    topCreatorStep(metrics, profile, checks),
    heroStep(metrics, profile, checks),
    creatorBuyersStep(metrics, checks),
  ].filter(isPresent);
}

function recruitStep(metrics: Metrics, profile: Profile, checks: Check[]): RankedStep | null {
  const gmvCheck = findCheck(checks, 'creatorGmv');
  const creatorsCheck = findCheck(checks, 'creatorsWithSales');
  const product = leadProducts(metrics.heroProducts, metrics.topProducts, 1)[0];
  if (!product || metrics.creators === 0) return null;
  if (!isShort(gmvCheck) && !isShort(creatorsCheck)) return null;

  const creatorGmvFen = metrics.seller.creator.gmvFen;
  const targetFen = gmvCheck.target * 100;
  const perCreatorFen = creatorGmvFen / metrics.creators;
  const moreForCount = Math.max(0, creatorsCheck.target - metrics.creators);
  const priority = gapPriority(gmvCheck) + gapPriority(creatorsCheck);

  if (isShort(gmvCheck)) {
    const moreForGmv = Math.ceil((targetFen - creatorGmvFen) / perCreatorFen);
    const more = Math.max(moreForGmv, moreForCount);
    // Recruiting runs over about a month: brief a quarter of them now, at least five.
    const thisWeek = Math.min(more, Math.max(5, Math.ceil(more / 4)));
    return {
      priority,
      step: {
        id: 'recruitForGmv',
        message: {
          key: 'E.next.recruitForGmv',
          params: {
            creatorGmv: yuan(creatorGmvFen),
            reached: percent(creatorGmvFen / targetFen),
            target: yuanFromYuan(gmvCheck.target),
            perCreator: yuan(Math.round(perCreatorFen)),
            more: count(more),
            thisWeek: count(thisWeek),
            product: productName(product),
            ...followerParams(profile),
          },
        },
      },
    };
  }
  return {
    priority,
    step: {
      id: 'broadenCreators',
      message: {
        key: 'E.next.broadenCreators',
        params: {
          target: yuanFromYuan(gmvCheck.target),
          creators: count(metrics.creators),
          creatorsTarget: count(creatorsCheck.target),
          more: count(moreForCount),
          product: productName(product),
          ...followerParams(profile),
        },
      },
    },
  };
}

function topCreatorStep(metrics: Metrics, profile: Profile, checks: Check[]): RankedStep | null {
  const check = findCheck(checks, 'topCreatorShare');
  const top = metrics.topCreators[0];
  // The product to spread is the one the top creator proves; the metrics do not say which
  // creator sold which product, so the brand's best seller stands in for it.
  const product = leadProducts(metrics.heroProducts, metrics.topProducts, 1)[0];
  if (!isShort(check) || !top || !product) return null;
  const others = metrics.topCreators.slice(1, 4).map(creatorName);
  const common = { creator: creatorName(top), share: percent(check.value), product: productName(product) };
  if (others.length === 0) {
    return {
      priority: gapPriority(check),
      step: { id: 'replicateTopCreator', message: { key: 'E.next.replicateTopCreator', params: common } },
    };
  }
  return {
    priority: gapPriority(check),
    step: {
      id: 'spreadTopCreator',
      message: {
        key: 'E.next.spreadTopCreator',
        params: { ...common, max: percent(threshold(profile, 'E.topCreatorShareMax').value), others },
      },
    },
  };
}

/** Best sellers that fewer than 3 creators carry: the next products to test across rooms. */
function heroCandidates(metrics: Metrics): ProductStat[] {
  const heroIds = new Set(metrics.heroProducts.map((product) => product.productId));
  return metrics.topProducts
    .filter((product) => !heroIds.has(product.productId) && product.creators < HERO_MIN_CREATORS)
    .slice(0, 3);
}

function heroStep(metrics: Metrics, profile: Profile, checks: Check[]): RankedStep | null {
  const check = findCheck(checks, 'heroProducts');
  const candidates = heroCandidates(metrics).map(productName);
  if (!isShort(check) || candidates.length === 0) return null;
  if (metrics.heroProducts.length === 0) {
    return {
      priority: gapPriority(check),
      step: { id: 'testHeroes', message: { key: 'E.next.testHeroes', params: { candidates } } },
    };
  }
  return {
    priority: gapPriority(check),
    step: {
      id: 'moreHeroes',
      message: {
        key: 'E.next.moreHeroes',
        params: {
          heroCount: count(metrics.heroProducts.length),
          heroes: metrics.heroProducts.map(productName),
          target: count(threshold(profile, 'E.heroProducts').value),
          candidates,
        },
      },
    },
  };
}

function creatorBuyersStep(metrics: Metrics, checks: Check[]): RankedStep | null {
  const check = findCheck(checks, 'creatorBuyers');
  const product = leadProducts(metrics.heroProducts, metrics.topProducts, 1)[0];
  const creators = metrics.topCreators.slice(0, 3).map(creatorName);
  if (!isShort(check) || !product || creators.length === 0) return null;
  return {
    priority: gapPriority(check),
    step: {
      id: 'reachBuyers',
      message: {
        key: 'E.next.reachBuyers',
        params: { buyers: count(check.value), target: count(check.target), creators, product: productName(product) },
      },
    },
  };
}
