// T — public-domain traffic (公域流量加持). Paid traffic (磁力金牛 and the like) launches shops
// and sessions and builds the fan base. Too little leaves growth unused; too much is dependence.

import type { Metrics, SessionMetrics } from '../../metrics/types.js';
import { threshold, thresholdValue } from '../checks.js';
import { bilingual } from '../stage-runner.js';
import type { Message, MessageParams } from '../../i18n/index.js';
import type { Finding, Profile, RuleInput, StageRule, StepDeclaration, StepInput } from '../types.js';
import { count, leadProducts, percent, productName, ratio, sessionName, yuan, yuanFromYuan } from '../wording.js';

const strings = bilingual({
  'T.missingExport': {
    en: 'needs the live sessions export with the paid-traffic spend column (花费 / 磁力金牛消耗)',
    zh: '需要含投放花费列（花费 / 磁力金牛消耗）的直播场次导出',
  },
  'T.check.roi': {
    en: 'ROI on paid traffic (GMV of the sessions with spend ÷ spend)',
    zh: '投放 ROI（有投放场次的 GMV ÷ 花费）',
  },
  'T.check.paidShare': {
    en: 'Paid share of viewers',
    zh: '付费流量观看占比',
  },
  'T.check.costPerNewFan': {
    en: 'Cost per new fan',
    zh: '涨粉成本（每个新粉）',
  },
  'T.check.naturalTrend': {
    en: 'Natural viewers, second half ÷ first half',
    zh: '自然流量观看人数（后半期 ÷ 前半期）',
  },
  'T.check.sessionsWithSpend': {
    en: 'Sessions with paid traffic',
    zh: '有投放的场次占比',
  },
  'T.evidence': {
    en: 'spend {spend}, ROI {roi}, paid viewers {paidShare}',
    zh: '花费 {spend}，ROI {roi}，付费流量占比 {paidShare}',
  },
  'T.evidence.none': {
    en: 'no paid traffic in the period',
    zh: '本期没有付费流量',
  },
  'T.finding.notStarted': {
    en: 'No money was spent on paid traffic in the period: public-domain traffic has not started.',
    zh: '本期没有投放花费：公域流量加持尚未开始。',
  },
  'T.finding.spend': {
    en: 'Spent {spend} on paid traffic; the sessions with spend sold {paidSessionGmv} (ROI {roi}).',
    zh: '本期投放花费 {spend}，有投放的场次成交 {paidSessionGmv}（ROI {roi}）。',
  },
  'T.finding.dependence': {
    en: 'Paid viewers are {share} of all viewers, above the {max} ceiling: the room depends on bought traffic.',
    zh: '付费流量占观看的 {share}，超过 {max} 的上限：直播间靠买量撑着。',
  },
  'T.finding.underused': {
    en: 'Paid viewers are only {share} of all viewers, below the {min} floor: paid growth is left unused.',
    zh: '付费流量只占观看的 {share}，低于 {min} 的下限：投放还有加量空间。',
  },
  'T.finding.naturalDecline': {
    en: 'Unpaid viewers in the second half of the period were {trend} of the first half: natural traffic is shrinking.',
    zh: '本期后半期的自然流量观看人数只有前半期的 {trend}：自然流量在下滑。',
  },
  'T.next.startPaid': {
    en: 'Test paid traffic: put about {budget} a week ({basis}) into 磁力金牛 on your next 3 sessions, pushing {product}, and keep going only where ROI reaches {roi}.',
    zh: '试投磁力金牛：接下来 3 场直播每周投约 {budget}（{basis}），主推{product}，ROI 达到 {roi} 的场次才继续投。',
  },
  'T.budget.sessionShare': { en: '{share} of weekly session GMV', zh: '每周场次 GMV 的 {share}' },
  'T.budget.gmvShare': { en: '{share} of weekly GMV', zh: '每周 GMV 的 {share}' },
  'T.budget.floor': {
    en: 'the smallest weekly test whose result can be read; {share} of weekly GMV would be {shareBudget}',
    zh: '这是能看出效果的最低测试预算；按每周 GMV 的 {share} 只有 {shareBudget}',
  },
  'T.impact.test': {
    en: 'one week of the test budget at the profile’s ROI target of {roi}',
    zh: '按一周测试预算和 ROI 目标 {roi} 估算',
  },
  'T.next.startPaidNoSessions': {
    en: 'Test paid traffic on the shelf while the brand has no live session: put about {budget} a week ({basis}) into promoting the item card and short videos of {product}, and keep going only where ROI reaches {roi}.',
    zh: '品牌还没有直播场次，先在货架上试投：每周投入约 {budget}（{basis}）推广{product}的商品卡和短视频，ROI 达到 {roi} 的计划才继续投。',
  },
  'T.next.fixRoi': {
    en: 'ROI {roi} is below the {target} target. Sessions {sessions} spent {spend} at ROI under {target}: cut their budget and move it to sessions like {best}, which returned ROI {bestRoi}, with {product} as the pushed product.',
    zh: 'ROI {roi}，低于目标 {target}。{sessions} 这几场共花费 {spend}，ROI 都不到 {target}：砍掉这些场次的预算，转投到像 {best} 这样 ROI {bestRoi} 的场次，主推{product}。',
  },
  'T.next.fixRoiNoBest': {
    en: 'ROI {roi} is below the {target} target and no session reached it. Narrow the targeting to past buyers and creator audiences, and push {product}, which already sells, before raising the budget again.',
    zh: 'ROI {roi}，低于目标 {target}，且没有一场达标。先把定向收窄到历史买家和达人粉丝人群，主推已经跑出来的{product}，ROI 跑正了再加预算。',
  },
  'T.next.lowerDependence': {
    en: 'Paid viewers are {share} of viewers (band {min}–{max}). Cut spend by about {cut} and publish short videos of {product} before each session to rebuild natural traffic.',
    zh: '付费流量占观看的 {share}（合理区间 {min}–{max}）。投放花费先降约 {cut}，每场开播前发{product}的短视频，把自然流量做起来。',
  },
  'T.next.raisePaid': {
    en: 'Paid viewers are only {share} of viewers (band {min}–{max}). Raise the budget first on the sessions that returned best, like {best} with ROI {bestRoi}, and stop raising when ROI falls under {roi}.',
    zh: '付费流量只占观看的 {share}（合理区间 {min}–{max}）。先在回报最好的场次加预算，比如 ROI {bestRoi} 的 {best}；ROI 跌破 {roi} 就停止加投。',
  },
  'T.next.raisePaidNoBest': {
    en: 'Paid viewers are only {share} of viewers (band {min}–{max}). Raise the budget step by step on your next sessions and stop raising when ROI falls under {roi}.',
    zh: '付费流量只占观看的 {share}（合理区间 {min}–{max}）。接下来的场次逐步加预算，ROI 跌破 {roi} 就停止加投。',
  },
  'T.next.cheaperFans': {
    en: 'A new fan costs {cost} (target at most {target}). Move part of the budget to follower-growth goals in sessions like {session}, which turned {followRate} of its viewers into fans.',
    zh: '涨粉成本每个 {cost}（目标不高于 {target}）。把部分预算改投涨粉目标，优先投像 {session} 这样的场次：该场转粉率 {followRate}。',
  },
  'T.next.cheaperFansNoSession': {
    en: 'A new fan costs {cost} (target at most {target}). Move part of the budget to follower-growth goals and pair it with a follow gift in the first 10 minutes of each session.',
    zh: '涨粉成本每个 {cost}（目标不高于 {target}）。把部分预算改投涨粉目标，每场开播后的前 10 分钟配合做关注有礼。',
  },
  'T.next.naturalDecline': {
    en: 'Unpaid viewers fell to {trend} of the first half’s level. Publish warm-up short videos of {product} before every session and link them to the live room (短直联动).',
    zh: '自然流量观看人数降到前半期的 {trend}。每场开播前发{product}的预热短视频并挂直播间链接，做短直联动。',
  },
  'T.next.spendCoverage': {
    en: 'Only {withSpend} of {sessions} sessions had paid traffic (target {target}). Give every session a small launch budget in its first 30 minutes, when the platform decides how much natural traffic to send.',
    zh: '{sessions} 场直播中只有 {withSpend} 场有投放（目标 {target}）。每场在开播后 30 分钟内给一笔小额起量预算，这是平台决定推多少自然流量的时段。',
  },
});

interface Evidence {
  leadProduct: string | null;
  /** Sessions whose spend is known, and how many of them bought traffic. */
  coverage: { known: number; withSpend: number };
}

function spendCoverage(metrics: Metrics): Evidence['coverage'] {
  const known = metrics.sessionList.filter((session) => session.adSpendFen !== null);
  const withSpend = known.filter((session) => (session.adSpendFen ?? 0) > 0);
  return { known: known.length, withSpend: withSpend.length };
}

function findings({ metrics, profile }: RuleInput<Evidence>, started: boolean): Finding[] {
  if (!started) return [{ id: 'notStarted', severity: 'warn', message: { key: 'T.finding.notStarted' } }];
  const found: Finding[] = [
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
    found.push({
      id: 'dependence',
      severity: 'warn',
      message: { key: 'T.finding.dependence', params: { share: percent(share), max: percent(band.max) } },
    });
  }
  if (share !== null && share < band.value) {
    found.push({
      id: 'underused',
      severity: 'info',
      message: { key: 'T.finding.underused', params: { share: percent(share), min: percent(band.value) } },
    });
  }
  const trend = metrics.naturalViewersTrend;
  if (trend !== null && trend < thresholdValue(profile, 'T.naturalViewersTrend')) {
    found.push({
      id: 'naturalDecline',
      severity: 'warn',
      message: { key: 'T.finding.naturalDecline', params: { trend: percent(trend) } },
    });
  }
  return found;
}

function roundToHundredYuan(fen: number): number {
  return Math.max(10_000, Math.round(fen / 10_000) * 10_000);
}

/**
 * A first budget sized from the brand's own weekly GMV, so the test is neither trivial nor
 * reckless: session GMV when the brand goes live, else all GMV (and the budget goes to the shelf).
 * Never under T.testBudgetFloorYuan: ¥100 a week buys too few viewers to read anything.
 */
function testBudget(metrics: Metrics, profile: Profile): { fen: number; basis: Message } | null {
  const days = metrics.period.days;
  if (days === null || days <= 0) return null;
  const hasSessions = (metrics.sessionGmvFen ?? 0) > 0;
  const gmvFen = hasSessions ? (metrics.sessionGmvFen as number) : metrics.gmvFen;
  if (gmvFen <= 0) return null;
  const share = thresholdValue(profile, 'T.starterBudgetShareOfGmv');
  const fromShare = roundToHundredYuan(((gmvFen * 7) / days) * share);
  const floorFen = thresholdValue(profile, 'T.testBudgetFloorYuan') * 100;
  if (fromShare >= floorFen) {
    return {
      fen: fromShare,
      basis: { key: hasSessions ? 'T.budget.sessionShare' : 'T.budget.gmvShare', params: { share: percent(share) } },
    };
  }
  return {
    fen: floorFen,
    basis: { key: 'T.budget.floor', params: { share: percent(share), shareBudget: yuan(fromShare) } },
  };
}

function startStep(id: 'startPaid' | 'startPaidNoSessions'): StepDeclaration<Evidence> {
  return {
    id,
    phase: 'not-started',
    answers: [],
    priority: 1,
    kind: 'growth',
    horizon: 'this-week',
    params: ({ metrics, profile, evidence }) => {
      const hasSessions = (metrics.sessionGmvFen ?? 0) > 0;
      if (!evidence.leadProduct || hasSessions !== (id === 'startPaid')) return null;
      const budget = testBudget(metrics, profile);
      if (!budget) return null;
      return {
        budget: yuan(budget.fen),
        basis: budget.basis,
        product: evidence.leadProduct,
        roi: ratio(thresholdValue(profile, 'T.roi')),
      };
    },
    impact: ({ metrics, profile }) => {
      const budget = testBudget(metrics, profile);
      if (!budget) return null;
      const roi = thresholdValue(profile, 'T.roi');
      return {
        gmvYuan: Math.round((budget.fen / 100) * roi),
        basis: { key: 'T.impact.test', params: { roi: ratio(roi) } },
      };
    },
  };
}

type SpendingSession = SessionMetrics & { roi: number; adSpendFen: number };

function sessionsWithRoi(metrics: Metrics): SpendingSession[] {
  return metrics.sessionList.filter(
    (session): session is SpendingSession =>
      session.roi !== null && session.adSpendFen !== null && session.adSpendFen > 0,
  );
}

function bestRoiSession(metrics: Metrics, atLeast: number): SpendingSession | null {
  const candidates = sessionsWithRoi(metrics).filter((session) => session.roi >= atLeast);
  candidates.sort((a, b) => b.roi - a.roi || a.liveId.localeCompare(b.liveId));
  return candidates[0] ?? null;
}

function bestFollowSession(metrics: Metrics): (SessionMetrics & { followRate: number }) | null {
  return (
    metrics.sessionList
      .filter((session): session is SessionMetrics & { followRate: number } => session.followRate !== null)
      .sort((a, b) => b.followRate - a.followRate || a.liveId.localeCompare(b.liveId))[0] ?? null
  );
}

function paidBand(check: { value: number | null; target: number; targetMax?: number }): {
  share: string;
  min: string;
  max: string;
} {
  return { share: percent(check.value), min: percent(check.target), max: percent(check.targetMax ?? check.target) };
}

/**
 * One step told two ways: naming a session that already shows what good looks like ("move the
 * budget to sessions like 06-18, ROI 3.2"), or, when no session does, without one. The two share
 * what the step answers and when it applies; each has its own message.
 */
interface ToldTwoWays<X> {
  /** The step with an example session; `withoutExample` is the one without. */
  id: string;
  withoutExample: string;
  answers: readonly string[];
  kind: StepDeclaration<Evidence>['kind'];
  horizon: StepDeclaration<Evidence>['horizon'];
  example(input: StepInput<Evidence>): X | null;
  /** Parameters both messages take, or null when the step does not apply at all. */
  params(input: StepInput<Evidence>): MessageParams | null;
  /** What the example adds; null when it cannot name enough. */
  exampleParams(input: StepInput<Evidence>, example: X): MessageParams | null;
}

function toldTwoWays<X>(step: ToldTwoWays<X>): StepDeclaration<Evidence>[] {
  const shared = { answers: step.answers, kind: step.kind, horizon: step.horizon };
  return [
    { ...shared, id: step.withoutExample, params: (input) => (step.example(input) ? null : step.params(input)) },
    {
      ...shared,
      id: step.id,
      params: (input) => {
        const example = step.example(input);
        const params = example === null ? null : step.params(input);
        const added = example === null || params === null ? null : step.exampleParams(input, example);
        return added === null ? null : { ...params, ...added };
      },
    },
  ];
}

const steps: StepDeclaration<Evidence>[] = [
  startStep('startPaid'),
  startStep('startPaidNoSessions'),
  ...toldTwoWays({
    id: 'fixRoi',
    withoutExample: 'fixRoiNoBest',
    answers: ['roi'],
    kind: 'efficiency',
    horizon: 'this-week',
    example: ({ metrics, check }) => bestRoiSession(metrics, check('roi').target),
    params: ({ evidence, check }) => {
      const roi = check('roi');
      if (!evidence.leadProduct) return null;
      return { roi: ratio(roi.value), target: ratio(roi.target), product: evidence.leadProduct };
    },
    exampleParams: ({ metrics, check }, best) => {
      const worst = sessionsWithRoi(metrics)
        .filter((session) => session.roi < check('roi').target)
        .sort((a, b) => a.roi - b.roi || a.liveId.localeCompare(b.liveId))
        .slice(0, 3);
      if (worst.length === 0) return null;
      return {
        sessions: worst.map(sessionName),
        spend: yuan(worst.reduce((sum, session) => sum + session.adSpendFen, 0)),
        best: sessionName(best),
        bestRoi: ratio(best.roi),
      };
    },
  }),
  {
    id: 'lowerDependence',
    answers: ['paidShare'],
    kind: 'efficiency',
    horizon: 'this-month',
    params: ({ evidence, check }) => {
      const paid = check('paidShare');
      const max = paid.targetMax ?? paid.target;
      if (paid.value === null || paid.value <= max || !evidence.leadProduct) return null;
      // Cutting spend by this fraction brings paid viewers back to the ceiling, other things equal.
      const cut = (paid.value - max) / paid.value;
      return { ...paidBand(paid), cut: percent(cut), product: evidence.leadProduct };
    },
  },
  ...toldTwoWays({
    id: 'raisePaid',
    withoutExample: 'raisePaidNoBest',
    answers: ['paidShare'],
    kind: 'growth',
    horizon: 'this-month',
    example: ({ metrics, profile }) => bestRoiSession(metrics, thresholdValue(profile, 'T.roi')),
    params: ({ profile, check }) => {
      const paid = check('paidShare');
      if (paid.value === null || paid.value > (paid.targetMax ?? paid.target)) return null;
      return { ...paidBand(paid), roi: ratio(thresholdValue(profile, 'T.roi')) };
    },
    exampleParams: (_input, best) => ({ best: sessionName(best), bestRoi: ratio(best.roi) }),
  }),
  ...toldTwoWays({
    id: 'cheaperFans',
    withoutExample: 'cheaperFansNoSession',
    answers: ['costPerNewFan'],
    kind: 'efficiency',
    horizon: 'this-month',
    example: ({ metrics }) => bestFollowSession(metrics),
    params: ({ check }) => {
      const cost = check('costPerNewFan');
      return { cost: yuanFromYuan(cost.value), target: yuanFromYuan(cost.target) };
    },
    exampleParams: (_input, best) => ({ session: sessionName(best), followRate: percent(best.followRate) }),
  }),
  {
    id: 'naturalDecline',
    answers: ['naturalTrend'],
    kind: 'growth',
    horizon: 'this-month',
    params: ({ evidence, check }) =>
      evidence.leadProduct ? { trend: percent(check('naturalTrend').value), product: evidence.leadProduct } : null,
  },
  {
    id: 'spendCoverage',
    answers: ['sessionsWithSpend'],
    kind: 'growth',
    horizon: 'this-month',
    params: ({ evidence, check }) => ({
      withSpend: count(evidence.coverage.withSpend),
      sessions: count(evidence.coverage.known),
      target: percent(check('sessionsWithSpend').target),
    }),
  },
];

export const traffic: StageRule<Evidence> = {
  key: 'traffic',
  letter: 'T',
  namespace: 'T',
  name: { en: 'Public-domain traffic', zh: '公域流量加持' },
  ifSkipped: {
    en: 'without paid traffic the brand has not learned which audiences its products convert, and its growth rests on natural traffic alone',
    zh: '没投过磁力金牛，品牌不知道商品在哪些人群里能转化，增长只能靠自然流量',
  },
  strings,
  requires: ['adSpendFen'],
  missingExport: 'T.missingExport',
  definingCheck: 'roi',
  evidence: ({ metrics }) => {
    const product = leadProducts(metrics.heroProducts, metrics.topProducts, 1)[0];
    return { leadProduct: product ? productName(product) : null, coverage: spendCoverage(metrics) };
  },
  isStarted: ({ metrics }) => (metrics.adSpendFen ?? 0) > 0,
  checks: [
    {
      id: 'roi',
      metric: 'roi',
      value: ({ metrics }) => metrics.roi,
      threshold: 'T.roi',
      comparison: 'atLeast',
      unit: 'ratio',
      weight: 3,
    },
    {
      id: 'paidShare',
      metric: 'paidShare',
      value: ({ metrics }) => metrics.paidShare,
      threshold: 'T.paidShare',
      comparison: 'between',
      unit: 'fraction',
      weight: 2,
    },
    {
      id: 'costPerNewFan',
      metric: 'costPerNewFanYuan',
      value: ({ metrics }) => (metrics.costPerNewFanFen === null ? null : metrics.costPerNewFanFen / 100),
      threshold: 'T.costPerNewFanYuan',
      comparison: 'atMost',
      unit: 'yuan',
      weight: 2,
    },
    {
      id: 'naturalTrend',
      metric: 'naturalViewersTrend',
      value: ({ metrics }) => metrics.naturalViewersTrend,
      threshold: 'T.naturalViewersTrend',
      comparison: 'atLeast',
      unit: 'ratio',
      weight: 1,
    },
    {
      id: 'sessionsWithSpend',
      metric: 'sessionsWithSpendShare',
      value: ({ evidence }) =>
        evidence.coverage.known === 0 ? null : evidence.coverage.withSpend / evidence.coverage.known,
      threshold: 'T.sessionsWithSpendShare',
      comparison: 'atLeast',
      unit: 'fraction',
      weight: 1,
    },
  ],
  summary: ({ metrics }, started) =>
    started
      ? {
          key: 'T.evidence',
          params: { spend: yuan(metrics.adSpendFen), roi: ratio(metrics.roi), paidShare: percent(metrics.paidShare) },
        }
      : { key: 'T.evidence.none' },
  findings,
  steps,
};
