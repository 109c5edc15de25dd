// T — public-domain traffic (公域流量加持). Paid traffic (磁力金牛 and the like) launches shops
// and sessions and builds the fan base. Too little leaves growth unused; too much is dependence.

import type { Catalog } from '../../i18n/index.js';
import type { Metrics, SessionMetrics } from '../../metrics/types.js';
import {
  findCheck,
  gapPriority,
  isPresent,
  isShort,
  measure,
  rankSteps,
  threshold,
  thresholdValue,
  type RankedStep,
} from '../checks.js';
import type { Check, Finding, Profile, StageAssessment, StageContext, StageRule } from '../types.js';
import { count, leadProducts, percent, productName, ratio, sessionName, yuan, yuanFromYuan } from '../wording.js';

const strings: Catalog = {
  en: {
    'T.missingExport': 'needs the live-session export with the paid-traffic spend column (花费 / 磁力金牛消耗)',
    'T.check.roi': 'ROI on paid traffic (GMV of the sessions with spend ÷ spend)',
    'T.check.paidShare': 'Paid share of viewers',
    'T.check.costPerNewFan': 'Cost per new fan',
    'T.check.naturalTrend': 'Natural viewers, second half ÷ first half',
    'T.check.sessionsWithSpend': 'Sessions with paid traffic',
    'T.evidence': 'spend {spend}, ROI {roi}, paid viewers {paidShare}',
    'T.evidence.none': 'no paid traffic in the period',
    'T.finding.notStarted': 'No money was spent on paid traffic in the period: public-domain traffic has not started.',
    'T.finding.spend': 'Spent {spend} on paid traffic; the sessions with spend sold {paidSessionGmv} (ROI {roi}).',
    'T.finding.dependence':
      'Paid viewers are {share} of all viewers, above the {max} ceiling: the room depends on bought traffic.',
    'T.finding.underused':
      'Paid viewers are only {share} of all viewers, below the {min} floor: paid growth is left unused.',
    'T.finding.naturalDecline':
      'Unpaid viewers in the second half of the period were {trend} of the first half: natural traffic is shrinking.',
    'T.next.startPaid':
      'Test paid traffic: put about {budget} a week ({share} of weekly session GMV) into 磁力金牛 on your next 3 sessions, pushing {product}, and keep going only where ROI reaches {roi}.',
    'T.next.startPaidNoSessions':
      'Test paid traffic on the shelf while the brand has no live session: put about {budget} a week ({share} of weekly GMV) into promoting the item card and short videos of {product}, and keep going only where ROI reaches {roi}.',
    'T.next.fixRoi':
      'ROI {roi} is below the {target} target. Sessions {sessions} spent {spend} at ROI under {target}: cut their budget and move it to sessions like {best}, which returned ROI {bestRoi}, with {product} as the pushed product.',
    'T.next.fixRoiNoBest':
      'ROI {roi} is below the {target} target and no session reached it. Narrow the targeting to past buyers and creator audiences, and push {product}, which already sells, before raising the budget again.',
    'T.next.lowerDependence':
      'Paid viewers are {share} of viewers (band {min}–{max}). Cut spend by about {cut} and publish short videos of {product} before each session to rebuild natural traffic.',
    'T.next.raisePaid':
      'Paid viewers are only {share} of viewers (band {min}–{max}). Raise the budget first on the sessions that returned best, like {best} with ROI {bestRoi}, and stop raising when ROI falls under {roi}.',
    'T.next.raisePaidNoBest':
      'Paid viewers are only {share} of viewers (band {min}–{max}). Raise the budget step by step on your next sessions and stop raising when ROI falls under {roi}.',
    'T.next.cheaperFans':
      'A new fan costs {cost} (target at most {target}). Move part of the budget to follower-growth goals in sessions like {session}, which turned {followRate} of its viewers into fans.',
    'T.next.cheaperFansNoSession':
      'A new fan costs {cost} (target at most {target}). Move part of the budget to follower-growth goals and pair it with a follow gift in the first 10 minutes of each session.',
    'T.next.naturalDecline':
      'Unpaid viewers fell to {trend} of the first half’s level. Publish warm-up short videos of {product} before every session and link them to the live room (短直联动).',
    'T.next.spendCoverage':
      'Only {withSpend} of {sessions} sessions had paid traffic (target {target}). Give every session a small launch budget in its first 30 minutes, when the platform decides how much natural traffic to send.',
  },
  zh: {
    'T.missingExport': '需要含投放花费列（花费 / 磁力金牛消耗）的直播场次导出',
    'T.check.roi': '投放 ROI（有投放场次的 GMV ÷ 花费）',
    'T.check.paidShare': '付费流量观看占比',
    'T.check.costPerNewFan': '单个新增粉丝成本',
    'T.check.naturalTrend': '自然流量观看人数：后半段 ÷ 前半段',
    'T.check.sessionsWithSpend': '有投放的场次占比',
    'T.evidence': '花费 {spend}，ROI {roi}，付费观看 {paidShare}',
    'T.evidence.none': '本期没有付费流量',
    'T.finding.notStarted': '本期没有投放花费：公域流量加持尚未开始。',
    'T.finding.spend': '付费流量花费 {spend}，有投放的场次成交 {paidSessionGmv}（ROI {roi}）。',
    'T.finding.dependence': '付费观看占全部观看的 {share}，高于 {max} 的上限：直播间依赖买来的流量。',
    'T.finding.underused': '付费观看只占全部观看的 {share}，低于 {min} 的下限：付费增长空间没有用上。',
    'T.finding.naturalDecline': '本期后半段的自然流量观看人数为前半段的 {trend}：自然流量在萎缩。',
    'T.next.startPaid':
      '试投付费流量：接下来 3 场直播每周在磁力金牛投入约 {budget}（每周场次 GMV 的 {share}），主推 {product}，只在 ROI 达到 {roi} 的场次继续投。',
    'T.next.startPaidNoSessions':
      '品牌还没有直播场次，先在货架上试投：每周投入约 {budget}（每周 GMV 的 {share}）推广 {product} 的商品卡和短视频，只在 ROI 达到 {roi} 的投放上继续。',
    'T.next.fixRoi':
      'ROI {roi} 低于 {target} 的目标。场次 {sessions} 花费 {spend}，ROI 都低于 {target}：削减这些场次的预算，转投到 {best} 这样 ROI 达到 {bestRoi} 的场次，主推 {product}。',
    'T.next.fixRoiNoBest':
      'ROI {roi} 低于 {target} 的目标，且没有一场达到。先把定向收窄到历史买家和达人粉丝人群，主推已经卖得动的 {product}，再考虑加预算。',
    'T.next.lowerDependence':
      '付费观看占 {share}（合理区间 {min}–{max}）。把花费削减约 {cut}，每场开播前发布 {product} 的短视频，重建自然流量。',
    'T.next.raisePaid':
      '付费观看只占 {share}（合理区间 {min}–{max}）。优先在回报最好的场次加预算，例如 ROI {bestRoi} 的 {best}，ROI 跌破 {roi} 时停止加投。',
    'T.next.raisePaidNoBest':
      '付费观看只占 {share}（合理区间 {min}–{max}）。在接下来的场次逐步加预算，ROI 跌破 {roi} 时停止加投。',
    'T.next.cheaperFans':
      '单个新增粉丝成本 {cost}（目标不高于 {target}）。把部分预算改投涨粉目标，优先像 {session} 这样的场次，该场 {followRate} 的观众转为粉丝。',
    'T.next.cheaperFansNoSession':
      '单个新增粉丝成本 {cost}（目标不高于 {target}）。把部分预算改投涨粉目标，并在每场开播前 10 分钟配合关注有礼。',
    'T.next.naturalDecline':
      '自然流量观看人数降到前半段的 {trend}。每场开播前发布 {product} 的预热短视频并挂直播间链接（短直联动）。',
    'T.next.spendCoverage':
      '{sessions} 场直播中只有 {withSpend} 场有投放（目标 {target}）。每场在开播后 30 分钟内给一笔小额起量预算，这是平台决定推多少自然流量的时段。',
  },
};

export const traffic: StageRule = {
  key: 'traffic',
  letter: 'T',
  order: 2,
  strings,
  requires: ['adSpendFen'],
  missingExport: 'T.missingExport',
  definingCheck: 'roi',
  assess,
};

function assess({ metrics, profile }: StageContext): StageAssessment {
  const checks = buildChecks(metrics, profile);
  const started = (metrics.adSpendFen ?? 0) > 0;
  return {
    checks,
    findings: buildFindings(metrics, profile, started),
    nextSteps: rankSteps(
      started ? plannedSteps(metrics, profile, checks) : [startStep(metrics, profile)].filter(isPresent),
    ),
    evidence: started
      ? {
          key: 'T.evidence',
          params: { spend: yuan(metrics.adSpendFen), roi: ratio(metrics.roi), paidShare: percent(metrics.paidShare) },
        }
      : { key: 'T.evidence.none' },
    started,
  };
}

/** Sessions whose spend is known, and how many of them bought traffic. */
function spendCoverage(metrics: Metrics): { known: number; withSpend: number } {
  const known = metrics.sessionList.filter((session) => session.adSpendFen !== null);
  const withSpend = known.filter((session) => (session.adSpendFen ?? 0) > 0);
  return { known: known.length, withSpend: withSpend.length };
}

function buildChecks(metrics: Metrics, profile: Profile): Check[] {
  const coverage = spendCoverage(metrics);
  return [
    measure(profile, {
      id: 'roi',
      value: metrics.roi,
      threshold: 'T.roi',
      comparison: 'atLeast',
      weight: 3,
      label: 'T.check.roi',
      unit: 'ratio',
    }),
    measure(profile, {
      id: 'paidShare',
      value: metrics.paidShare,
      threshold: 'T.paidShare',
      comparison: 'between',
      weight: 2,
      label: 'T.check.paidShare',
      unit: 'fraction',
    }),
    measure(profile, {
      id: 'costPerNewFan',
      value: metrics.costPerNewFanFen === null ? null : metrics.costPerNewFanFen / 100,
      threshold: 'T.costPerNewFanYuan',
      comparison: 'atMost',
      weight: 2,
      label: 'T.check.costPerNewFan',
      unit: 'yuan',
    }),
    measure(profile, {
      id: 'naturalTrend',
      value: metrics.naturalViewersTrend,
      threshold: 'T.naturalViewersTrend',
      comparison: 'atLeast',
      weight: 1,
      label: 'T.check.naturalTrend',
      unit: 'ratio',
    }),
    measure(profile, {
      id: 'sessionsWithSpend',
      value: coverage.known === 0 ? null : coverage.withSpend / coverage.known,
      threshold: 'T.sessionsWithSpendShare',
      comparison: 'atLeast',
      weight: 1,
      label: 'T.check.sessionsWithSpend',
      unit: 'fraction',
    }),
  ];
}

function buildFindings(metrics: Metrics, profile: Profile, started: boolean): Finding[] {
  if (!started) return [{ id: 'notStarted', severity: 'warn', message: { key: 'T.finding.notStarted' } }];
  const findings: Finding[] = [
    {
      id: 'spend',
      severity: 'info',
      message: {
        key: 'T.finding.spend',
        // The GMV the ROI divides, not all session GMV: the reader can redo the division.
        params: {
          spend: yuan(metrics.adSpendFen),
          paidSessionGmv: yuan(metrics.paidSessionGmvFen),
          roi: ratio(metrics.roi),
        },
      },
    },
  ];
  const band = threshold(profile, 'T.paidShare');
  const share = metrics.paidShare;
  if (share !== null && band.max !== undefined && share > band.max) {
    findings.push({
      id: 'dependence',
      severity: 'warn',
      message: { key: 'T.finding.dependence', params: { share: percent(share), max: percent(band.max) } },
    });
  }
  if (share !== null && share < band.value) {
    findings.push({
      id: 'underused',
      severity: 'info',
      message: { key: 'T.finding.underused', params: { share: percent(share), min: percent(band.value) } },
    });
  }
  const trend = metrics.naturalViewersTrend;
  if (trend !== null && trend < thresholdValue(profile, 'T.naturalViewersTrend')) {
    findings.push({
      id: 'naturalDecline',
      severity: 'warn',
      message: { key: 'T.finding.naturalDecline', params: { trend: percent(trend) } },
    });
  }
  return findings;
}

function leadProductName(metrics: Metrics): string | null {
  const product = leadProducts(metrics.heroProducts, metrics.topProducts, 1)[0];
  return product ? productName(product) : null;
}

/**
 * A first budget sized from the brand's own weekly GMV, so the test is neither trivial nor
 * reckless: session GMV when the brand goes live, else all GMV (and the budget goes to the shelf).
 */
function startStep(metrics: Metrics, profile: Profile): RankedStep | null {
  const product = leadProductName(metrics);
  const days = metrics.period.days;
  if (!product || days === null || days <= 0) return null;
  const hasSessions = (metrics.sessionGmvFen ?? 0) > 0;
  const gmvFen = hasSessions ? (metrics.sessionGmvFen as number) : metrics.gmvFen;
  if (gmvFen <= 0) return null;
  const share = thresholdValue(profile, 'T.starterBudgetShareOfGmv');
  const weeklyGmvFen = (gmvFen * 7) / days;
  const id = hasSessions ? 'startPaid' : 'startPaidNoSessions';
  return {
    priority: 1,
    step: {
      id,
      message: {
        key: `T.next.${id}`,
        params: {
          budget: yuan(roundToHundredYuan(weeklyGmvFen * share)),
          share: percent(share),
          product,
          roi: ratio(thresholdValue(profile, 'T.roi')),
        },
      },
    },
  };
}

function roundToHundredYuan(fen: number): number {
  return Math.max(10_000, Math.round(fen / 10_000) * 10_000);
}

function plannedSteps(metrics: Metrics, profile: Profile, checks: Check[]): RankedStep[] {
  return [
    roiStep(metrics, checks),
    paidShareStep(metrics, profile, checks),
    costPerFanStep(metrics, checks),
    naturalTrendStep(metrics, checks),
    coverageStep(metrics, checks),
  ].filter(isPresent);
}

function sessionsWithRoi(metrics: Metrics): (SessionMetrics & { roi: number; adSpendFen: number })[] {
  return metrics.sessionList.filter(
    (session): session is SessionMetrics & { roi: number; adSpendFen: number } =>
      session.roi !== null && session.adSpendFen !== null && session.adSpendFen > 0,
  );
}

function bestRoiSession(metrics: Metrics, atLeast: number): (SessionMetrics & { roi: number }) | null {
  const candidates = sessionsWithRoi(metrics).filter((session) => session.roi >= atLeast);
  candidates.sort((a, b) => b.roi - a.roi || a.liveId.localeCompare(b.liveId));
  return candidates[0] ?? null;
}

function roiStep(metrics: Metrics, checks: Check[]): RankedStep | null {
  const check = findCheck(checks, 'roi');
  const product = leadProductName(metrics);
  if (!isShort(check) || !product) return null;
  const best = bestRoiSession(metrics, check.target);
  if (!best) {
    return {
      priority: gapPriority(check),
      step: {
        id: 'fixRoiNoBest',
        message: {
          key: 'T.next.fixRoiNoBest',
          params: { roi: ratio(check.value), target: ratio(check.target), product },
        },
      },
    };
  }
  const worst = sessionsWithRoi(metrics)
    .filter((session) => session.roi < check.target)
    .sort((a, b) => a.roi - b.roi || a.liveId.localeCompare(b.liveId))
    .slice(0, 3);
  if (worst.length === 0) return null;
  return {
    priority: gapPriority(check),
    step: {
      id: 'fixRoi',
      message: {
        key: 'T.next.fixRoi',
        params: {
          roi: ratio(check.value),
          target: ratio(check.target),
          sessions: worst.map(sessionName),
          spend: yuan(worst.reduce((sum, session) => sum + session.adSpendFen, 0)),
          best: sessionName(best),
          bestRoi: ratio(best.roi),
          product,
        },
      },
    },
  };
}

function paidShareStep(metrics: Metrics, profile: Profile, checks: Check[]): RankedStep | null {
  const check = findCheck(checks, 'paidShare');
  if (!isShort(check) || check.value === null) return null;
  const max = check.targetMax ?? check.target;
  const band = { share: percent(check.value), min: percent(check.target), max: percent(max) };
  const priority = gapPriority(check);
  if (check.value > max) {
    const product = leadProductName(metrics);
    if (!product) return null;
    // Cutting spend by this fraction brings paid viewers back to the ceiling, other things equal.
    const cut = (check.value - max) / check.value;
    return {
      priority,
      step: {
        id: 'lowerDependence',
        message: { key: 'T.next.lowerDependence', params: { ...band, cut: percent(cut), product } },
      },
    };
  }
  const roi = ratio(thresholdValue(profile, 'T.roi'));
  const best = bestRoiSession(metrics, thresholdValue(profile, 'T.roi'));
  if (!best) {
    return {
      priority,
      step: { id: 'raisePaidNoBest', message: { key: 'T.next.raisePaidNoBest', params: { ...band, roi } } },
    };
  }
  return {
    priority,
    step: {
      id: 'raisePaid',
      message: { key: 'T.next.raisePaid', params: { ...band, roi, best: sessionName(best), bestRoi: ratio(best.roi) } },
    },
  };
}

function costPerFanStep(metrics: Metrics, checks: Check[]): RankedStep | null {
  const check = findCheck(checks, 'costPerNewFan');
  if (!isShort(check)) return null;
  const common = { cost: yuanFromYuan(check.value), target: yuanFromYuan(check.target) };
  const best = metrics.sessionList
    .filter((session): session is SessionMetrics & { followRate: number } => session.followRate !== null)
    .sort((a, b) => b.followRate - a.followRate || a.liveId.localeCompare(b.liveId))[0];
  if (!best) {
    return {
      priority: gapPriority(check),
      step: { id: 'cheaperFansNoSession', message: { key: 'T.next.cheaperFansNoSession', params: common } },
    };
  }
  return {
    priority: gapPriority(check),
    step: {
      id: 'cheaperFans',
      message: {
        key: 'T.next.cheaperFans',
        params: { ...common, session: sessionName(best), followRate: percent(best.followRate) },
      },
    },
  };
}

function naturalTrendStep(metrics: Metrics, checks: Check[]): RankedStep | null {
  const check = findCheck(checks, 'naturalTrend');
  const product = leadProductName(metrics);
  if (!isShort(check) || !product) return null;
  return {
    priority: gapPriority(check),
    step: {
      id: 'naturalDecline',
      message: { key: 'T.next.naturalDecline', params: { trend: percent(check.value), product } },
    },
  };
}

function coverageStep(metrics: Metrics, checks: Check[]): RankedStep | null {
  const check = findCheck(checks, 'sessionsWithSpend');
  if (!isShort(check)) return null;
  const coverage = spendCoverage(metrics);
  return {
    priority: gapPriority(check),
    step: {
      id: 'spendCoverage',
      message: {
        key: 'T.next.spendCoverage',
        params: {
          withSpend: count(coverage.withSpend),
          sessions: count(coverage.known),
          target: percent(check.target),
        },
      },
    },
  };
}
