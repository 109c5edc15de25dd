// P — private-domain repurchase (私域经营复购). Fans who come back and buy again. The shelf
// (泛货架: item cards, shop page, search) belongs here: it is where returning buyers reorder
// between sessions.

import type { Catalog } from '../../i18n/index.js';
import type { Metrics } from '../../metrics/types.js';
import {
  findCheck,
  gapPriority,
  isPresent,
  isShort,
  measure,
  rankSteps,
  thresholdValue,
  type RankedStep,
} from '../checks.js';
import type { Check, Finding, Profile, StageAssessment, StageContext, StageRule } from '../types.js';
import { count, leadProducts, percent, productName } from '../wording.js';

const strings: Catalog = {
  en: {
    'P.missingExport': 'needs buyer ids: a 买家ID / 用户ID column in the orders export, or a customers export',
    'P.check.repeatBuyerRate': 'Repeat-buyer rate (buyers with 2+ orders)',
    'P.check.fanOrderShare': 'Share of orders from fans',
    'P.check.returningBuyerGmvShare': 'Returning buyers’ share of GMV',
    'P.check.followRate': 'Follow rate (new fans ÷ viewers)',
    'P.evidence': 'repeat buyers {repeatRate}, fan orders {fanShare}, returning GMV {returningShare}',
    'P.evidence.none': 'no repeat buyer and no fan order in the period',
    'P.finding.notStarted':
      'No buyer ordered twice and no order came from a fan in the period: private-domain repurchase has not started.',
    'P.finding.repeat': '{repeatBuyers} of {buyers} buyers ordered more than once ({rate}).',
    'P.finding.platformContext':
      'For context: Kuaishou reported a platform-wide repurchase rate of {rate2020} in 2020 and over {rate2021} in September 2021, over long windows; one brand’s in-period rate is naturally lower.',
    'P.finding.shortPeriod': 'The period covers {days} days, shorter than {window} days: repurchase is understated.',
    'P.finding.shelf': '泛货架: item cards sold {share} of GMV.',
    'P.finding.shelfLow':
      '泛货架: item cards sold only {share} of GMV (target {target}): little sells between sessions.',
    'P.next.start':
      'Start the fan pool: invite this period’s {buyers} buyers into a fan group, starting with the buyers of {product}, and give them a reorder coupon valid for 30 days.',
    'P.next.repeat':
      '{repeatBuyers} of {buyers} buyers came back ({rate}, target {target}). Bring back the {oneTime} one-time buyers, starting with those of {product}: a reorder coupon in the fan group and a reminder when the product would run out.',
    'P.next.fanOrders':
      'Fans placed {share} of orders (target {target}). Invite buyers into the fan group (粉丝团) at checkout, and give fans an exclusive price on {product} in the next session.',
    'P.next.returningGmv':
      'Returning buyers bring {share} of GMV (target {target}). Hold a monthly fan day (宠粉日) with {products} at a members-only price, announced in the fan group a week ahead.',
    'P.next.follow':
      'Follow rate is {value} (target {target}): the fan pool grows slowly. Run a follow gift in the first 10 minutes of each session and remind viewers to join the fan group before each draw.',
    'P.next.shelf':
      'Item cards, the shop page and search sold {share} of GMV (target {target}). Put {products} at the top of the shop page with a reorder coupon, and rewrite their titles with the words buyers search for.',
  },
  zh: {
    'P.missingExport': '需要买家ID：订单导出中的“买家ID / 用户ID”列，或客户导出',
    'P.check.repeatBuyerRate': '复购买家占比（下单 2 次及以上）',
    'P.check.fanOrderShare': '粉丝订单占比',
    'P.check.returningBuyerGmvShare': '老客 GMV 占比',
    'P.check.followRate': '转粉率（新增粉丝 ÷ 观看人数）',
    'P.evidence': '复购买家 {repeatRate}，粉丝订单 {fanShare}，老客 GMV {returningShare}',
    'P.evidence.none': '本期没有复购买家，也没有粉丝订单',
    'P.finding.notStarted': '本期没有买家下单两次，也没有粉丝订单：私域复购尚未开始。',
    'P.finding.repeat': '{buyers} 位买家中有 {repeatBuyers} 位下单超过一次（{rate}）。',
    'P.finding.platformContext':
      '参考：快手公布的全平台复购率 2020 年为 {rate2020}，2021 年 9 月超过 {rate2021}，统计周期较长；单个品牌在一个周期内的复购率自然更低。',
    'P.finding.shortPeriod': '本期只有 {days} 天，短于 {window} 天：复购被低估。',
    'P.finding.shelf': '泛货架：商品卡售出 GMV 的 {share}。',
    'P.finding.shelfLow': '泛货架：商品卡只售出 GMV 的 {share}（目标 {target}）：两场直播之间几乎没有销售。',
    'P.next.start':
      '建立粉丝池：把本期 {buyers} 位买家拉进粉丝群，先从 {product} 的买家开始，并发放 30 天有效的回购券。',
    'P.next.repeat':
      '{buyers} 位买家中有 {repeatBuyers} 位回购（{rate}，目标 {target}）。召回 {oneTime} 位只买过一次的买家，先从 {product} 的买家开始：在粉丝群发回购券，并在商品快用完时提醒。',
    'P.next.fanOrders':
      '粉丝订单占 {share}（目标 {target}）。在下单环节邀请买家加入粉丝团，下一场直播给粉丝 {product} 的专享价。',
    'P.next.returningGmv':
      '老客贡献 GMV 的 {share}（目标 {target}）。每月办一次宠粉日，{products} 给会员专享价，提前一周在粉丝群预告。',
    'P.next.follow':
      '转粉率 {value}（目标 {target}）：粉丝池增长慢。每场开播前 10 分钟做关注有礼，每次抽奖前提醒观众加入粉丝团。',
    'P.next.shelf':
      '商品卡、店铺页和搜索只售出 GMV 的 {share}（目标 {target}）。把 {products} 放在店铺首页并配回购券，按买家搜索用词重写商品标题。',
  },
};

export const privateDomain: StageRule = {
  key: 'private-domain',
  letter: 'P',
  order: 4,
  strings,
  requires: ['buyers'],
  missingExport: 'P.missingExport',
  definingCheck: 'repeatBuyerRate',
  assess,
};

const SHELF_PRIORITY = 0.5;

function assess({ metrics, profile }: StageContext): StageAssessment {
  const checks = buildChecks(metrics, profile);
  const started = (metrics.repeatBuyers ?? 0) > 0 || (metrics.fanOrders ?? 0) > 0;
  const steps = started ? plannedSteps(metrics, checks) : [startStep(metrics)];
  return {
    checks,
    findings: buildFindings(metrics, profile, started),
    nextSteps: rankSteps([...steps, shelfStep(metrics, profile)].filter(isPresent)),
    evidence: started
      ? {
          key: 'P.evidence',
          params: {
            repeatRate: percent(metrics.repeatBuyerRate),
            fanShare: percent(metrics.fanOrderShare),
            returningShare: percent(metrics.returningBuyerGmvShare),
          },
        }
      : { key: 'P.evidence.none' },
    started,
  };
}

function buildChecks(metrics: Metrics, profile: Profile): Check[] {
  const spec = (id: string, value: number | null, thresholdKey: string, weight: number): Check =>
    measure(profile, {
      id,
      value,
      threshold: thresholdKey,
      comparison: 'atLeast',
      weight,
      label: `P.check.${id}`,
      unit: 'fraction',
    });
  return [
    spec('repeatBuyerRate', metrics.repeatBuyerRate, 'P.repeatBuyerRate', 3),
    spec('fanOrderShare', metrics.fanOrderShare, 'P.fanOrderShare', 2),
    spec('returningBuyerGmvShare', metrics.returningBuyerGmvShare, 'P.returningBuyerGmvShare', 2),
    spec('followRate', metrics.followRate, 'P.followRate', 1),
  ];
}

function buildFindings(metrics: Metrics, profile: Profile, started: boolean): Finding[] {
  const findings: Finding[] = [];
  if (!started) findings.push({ id: 'notStarted', severity: 'warn', message: { key: 'P.finding.notStarted' } });
  if (started && metrics.repeatBuyers !== null && metrics.buyers !== null) {
    findings.push({
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
    findings.push({
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
    findings.push({
      id: 'shortPeriod',
      severity: 'info',
      message: { key: 'P.finding.shortPeriod', params: { days: count(metrics.period.days), window: count(window) } },
    });
  }
  const shelf = shelfFinding(metrics, profile);
  if (shelf) findings.push(shelf);
  return findings;
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

function leadProductName(metrics: Metrics): string | null {
  const product = leadProducts(metrics.heroProducts, metrics.topProducts, 1)[0];
  return product ? productName(product) : null;
}

function startStep(metrics: Metrics): RankedStep | null {
  const product = leadProductName(metrics);
  if (!product || metrics.buyers === null) return null;
  return {
    priority: 1,
    step: { id: 'start', message: { key: 'P.next.start', params: { buyers: count(metrics.buyers), product } } },
  };
}

function plannedSteps(metrics: Metrics, checks: Check[]): (RankedStep | null)[] {
  return [
    repeatStep(metrics, checks),
    fanOrdersStep(metrics, checks),
    returningStep(metrics, checks),
    followStep(checks),
  ];
}

function repeatStep(metrics: Metrics, checks: Check[]): RankedStep | null {
  const check = findCheck(checks, 'repeatBuyerRate');
  const product = leadProductName(metrics);
  if (!isShort(check) || !product || metrics.buyers === null || metrics.repeatBuyers === null) return null;
  return {
    priority: gapPriority(check),
    step: {
      id: 'repeat',
      message: {
        key: 'P.next.repeat',
        params: {
          repeatBuyers: count(metrics.repeatBuyers),
          buyers: count(metrics.buyers),
          rate: percent(check.value),
          target: percent(check.target),
          oneTime: count(metrics.buyers - metrics.repeatBuyers),
          product,
        },
      },
    },
  };
}

function fanOrdersStep(metrics: Metrics, checks: Check[]): RankedStep | null {
  const check = findCheck(checks, 'fanOrderShare');
  const product = leadProductName(metrics);
  if (!isShort(check) || !product) return null;
  return {
    priority: gapPriority(check),
    step: {
      id: 'fanOrders',
      message: {
        key: 'P.next.fanOrders',
        params: { share: percent(check.value), target: percent(check.target), product },
      },
    },
  };
}

function returningStep(metrics: Metrics, checks: Check[]): RankedStep | null {
  const check = findCheck(checks, 'returningBuyerGmvShare');
  const products = leadProducts(metrics.heroProducts, metrics.topProducts, 3).map(productName);
  if (!isShort(check) || products.length === 0) return null;
  return {
    priority: gapPriority(check),
    step: {
      id: 'returningGmv',
      message: {
        key: 'P.next.returningGmv',
        params: { share: percent(check.value), target: percent(check.target), products },
      },
    },
  };
}

function followStep(checks: Check[]): RankedStep | null {
  const check = findCheck(checks, 'followRate');
  if (!isShort(check)) return null;
  return {
    priority: gapPriority(check),
    step: {
      id: 'follow',
      message: { key: 'P.next.follow', params: { value: percent(check.value), target: percent(check.target) } },
    },
  };
}

function shelfStep(metrics: Metrics, profile: Profile): RankedStep | null {
  const share = metrics.carrier.itemCard.share;
  const target = thresholdValue(profile, 'programme.itemCardGmvShare');
  const products = leadProducts(metrics.heroProducts, metrics.topProducts, 3).map(productName);
  if (share === null || share >= target || products.length === 0) return null;
  return {
    priority: SHELF_PRIORITY,
    step: {
      id: 'shelf',
      message: { key: 'P.next.shelf', params: { share: percent(share), target: percent(target), products } },
    },
  };
}
