// S — brand self-broadcast (品牌自播). The brand's own rooms on a stable schedule become a
// lasting channel. Two linked programmes belong here: 川流 (creator audiences recommended to
// the brand's room) and 短直联动 (short videos feeding the room).

import type { BrandConfig } from '../../ingest/types.js';
import type { Metrics, ProductStat, SessionMetrics } from '../../metrics/types.js';
import { isShort, thresholdValue } from '../checks.js';
import { bilingual } from '../stage-runner.js';
import type { Finding, Profile, RuleInput, StageRule, StepDeclaration, StepInput } from '../types.js';
import {
  count,
  creatorName,
  leadProducts,
  percent,
  productName,
  ratio,
  sessionName,
  yuan,
  yuanFromYuan,
} from '../wording.js';

const strings = bilingual({
  'S.missingExport': {
    en: 'needs the live sessions export of the brand’s own rooms (直播ID, 观看人数, 直播时长 …)',
    zh: '需要品牌自有直播间的直播场次导出（直播ID、观看人数、直播时长……）',
  },
  'S.check.sessionsPerWeek': {
    en: 'Own sessions per week',
    zh: '每周自播场次',
  },
  'S.check.sessionMinutes': {
    en: 'Minutes per session',
    zh: '单场时长（分钟）',
  },
  'S.check.selfBroadcastGmvShare': {
    en: 'Own live rooms’ share of GMV (brand-sold live GMV ÷ all GMV)',
    zh: '自播直播间 GMV 占比（品牌自营直播成交 ÷ 总 GMV）',
  },
  'S.check.conversion.orders': {
    en: 'Viewer → order conversion (orders ÷ viewers: no buyer counts)',
    zh: '观看→下单转化率（订单数 ÷ 观看人数；导出中没有成交人数）',
  },
  'S.check.gmvPerHour': {
    en: 'GMV per live hour',
    zh: '每小时 GMV',
  },
  'S.check.uvValue': {
    en: 'UV value (GMV ÷ viewers)',
    zh: 'UV 价值（GMV ÷ 观看人数）',
  },
  'S.check.gpm': {
    en: 'GPM (GMV per 1,000 views)',
    zh: 'GPM（每千次观看 GMV）',
  },
  'S.check.conversion': {
    en: 'Viewer → buyer conversion (buyers ÷ viewers)',
    zh: '观看→成交转化率（成交人数 ÷ 观看人数）',
  },
  'S.check.avgStay': {
    en: 'Average stay',
    zh: '人均停留时长',
  },
  'S.check.followRate': {
    en: 'Follow rate (new fans ÷ viewers)',
    zh: '转粉率（新增粉丝 ÷ 观看人数）',
  },
  'S.check.ownAccounts': {
    en: 'Own live accounts',
    zh: '自有直播账号数',
  },
  'S.check.coldStartGrowth': {
    en: 'Cold start: GMV of sessions 4–6 ÷ sessions 1–3',
    zh: '冷启动：第 4–6 场 GMV ÷ 第 1–3 场',
  },
  'S.evidence': {
    en: '{sessions} sessions ({perWeek} a week), own live rooms {share} of GMV, {gmvPerHour} per hour',
    zh: '{sessions} 场（每周 {perWeek} 场），自播直播间占 GMV {share}，每小时 {gmvPerHour}',
  },
  'S.evidence.none': {
    en: 'no own live session in the period',
    zh: '本期没有自有直播场次',
  },
  'S.finding.notStarted': {
    en: 'The brand did not go live on its own account in the period: self-broadcast has not started.',
    zh: '本期品牌没有用自有账号开播：品牌自播尚未开始。',
  },
  'S.finding.summary': {
    en: '{sessions} own sessions of {minutes} minutes on average sold {share} of GMV.',
    zh: '{sessions} 场自播，平均每场 {minutes} 分钟，售出 GMV 的 {share}。',
  },
  'S.finding.gpmPerViewer': {
    en: 'GPM is computed per 1,000 viewers because the live sessions export has no views column.',
    zh: '直播场次导出没有观看次数列，GPM 按每千名观看人数计算。',
  },
  'S.finding.weakStay': {
    en: 'Viewers stay {stay} s on average, under the {weak} s practitioners treat as weak: the room does not hold them.',
    zh: '人均停留 {stay} 秒，低于业内公认偏弱的 {weak} 秒：直播间留不住人。',
  },
  'S.finding.coldStartEarly': {
    en: 'Fewer than 6 own sessions: too early to judge whether the cold start has passed.',
    zh: '自播不足 6 场：尚不能判断冷启动是否完成。',
  },
  'S.finding.coldStartNotJudged': {
    en: 'Cold start not judged: the period’s first sessions are not necessarily the account’s first. Add "selfBroadcastSince" (the first live day) to brand.json to judge it.',
    zh: '冷启动暂不判定：本期最早的几场不一定是账号的首播。在 brand.json 中填上 "selfBroadcastSince"（首播日期）即可判定。',
  },
  'S.finding.coldStartFlat': {
    en: 'GMV per session did not grow over the first six sessions ({growth}×): the cold start has not passed.',
    zh: '前六场的单场 GMV 基本持平（第 4–6 场为第 1–3 场的 {growth} 倍）：冷启动尚未完成。',
  },
  'S.finding.chuanliu': {
    en: '川流: {share} of self-broadcast buyers bought through a creator first.',
    zh: '川流：{share} 的自播买家此前通过达人购买过。',
  },
  'S.finding.chuanliuLow': {
    en: '川流: only {share} of self-broadcast buyers bought through a creator first (target {target}): creator audiences are not reaching the brand’s room.',
    zh: '川流：只有 {share} 的自播买家此前通过达人购买过（目标 {target}）：达人的粉丝没有流到品牌直播间。',
  },
  'S.finding.shortVideo': {
    en: '短直联动: short videos sold {share} of GMV.',
    zh: '短直联动：短视频带货占 GMV 的 {share}。',
  },
  'S.finding.shortVideoLow': {
    en: '短直联动: short videos sold only {share} of GMV (target {target}).',
    zh: '短直联动：短视频带货只占 GMV 的 {share}（目标 {target}）。',
  },
  'S.finding.shortVideoViewers': {
    en: 'Short videos brought {viewers} viewers into the live room.',
    zh: '短视频为直播间引流 {viewers} 人。',
  },
  'S.next.start': {
    en: 'Start self-broadcast: go live {perWeek} times a week, {minutes} minutes each, on one account, selling {products}, the products that already sell best.',
    zh: '启动品牌自播：先用一个账号每周播 {perWeek} 场、每场 {minutes} 分钟，主推目前卖得最好的{products}。',
  },
  'S.next.schedule': {
    en: 'You go live {value} times a week (target {target}). Fix a timetable of {target} sessions a week at the same hours as your best session so far, {session}.',
    zh: '每周开播 {value} 场（目标 {target} 场）。排成固定的每周 {target} 场，开播时段对齐目前成交最好的一场（{session}）。',
  },
  'S.next.liveHours': {
    en: 'You are live about {hours} hours a week ({perWeek} sessions of {minutes} minutes; the profile’s level is {targetHours}). This month go to {goalHours} hours a week: add sessions at the hours of your best one, {session}, and lengthen each until the product explanation runs several full cycles.',
    zh: '目前每周直播约 {hours} 小时（每周 {perWeek} 场、每场 {minutes} 分钟；评估标准为每周 {targetHours} 小时）。本月先提到每周 {goalHours} 小时：按成交最好的一场（{session}）的时段加场，并拉长单场，让主推品能完整讲几轮。',
  },
  'S.next.longer': {
    en: 'Sessions last {value} minutes on average (target {target}). Keep the room open longer, so that the explanation of {product} runs several full cycles for the viewers who arrive late.',
    zh: '平均每场 {value} 分钟（目标 {target} 分钟）。拉长单场时长，让{product}能完整讲几轮，照顾晚进直播间的观众。',
  },
  'S.next.selfShareHero': {
    en: 'Self-broadcast sells {share} of GMV (target {target}). Explain {products} again and again in every session: creators have already proven them ({creators} creators sell {first}).',
    zh: '自播只占 GMV 的 {share}（目标 {target}）。每场循环讲解{products}，这些品已经过达人验证（{first}有 {creators} 位达人在带）。',
  },
  'S.next.selfShareTop': {
    en: 'Self-broadcast sells {share} of GMV (target {target}). Build every session around {products}, your best sellers, and explain them again and again.',
    zh: '自播只占 GMV 的 {share}（目标 {target}）。每场围绕最畅销的{products}排品，循环讲解。',
  },
  'S.next.gmvPerHour': {
    en: 'GMV per hour is {value} (target {target}); your best session, {session}, made {best} an hour. Rebuild the other sessions on its product order and rhythm.',
    zh: '每小时 GMV {value}（目标 {target}）；最好的一场 {session} 每小时 {best}。其他场次照这一场的排品顺序和节奏来播。',
  },
  'S.next.conversion': {
    en: 'Conversion is {value} (target {target}); {sessions} converted worst. Review the first 10 minutes and the price anchoring of those sessions, and lead with {product}.',
    zh: '转化率 {value}（目标 {target}）；{sessions} 转化最差。复盘这些场次的开场 10 分钟和价格锚点，改用{product}开场。',
  },
  'S.next.uvValue': {
    en: 'Each viewer is worth {value} (target {target}). Add a bundle or a larger set of {product} to lift the value of each order.',
    zh: 'UV 价值 {value}（目标 {target}）。给{product}做组合装或大规格，拉高客单价。',
  },
  'S.next.gpm': {
    en: 'GPM is {value} (target {target}). Add a bundle or a larger set of {product} to lift the value of each order.',
    zh: 'GPM {value}（目标 {target}）。给{product}做组合装或大规格，拉高客单价。',
  },
  'S.next.stay': {
    en: 'Viewers stay {value} s on average (target {target} s). In sessions like {sessions}, put a benefit or draw every 10–15 minutes and announce it at the start.',
    zh: '人均停留 {value} 秒（目标 {target} 秒）。在 {sessions} 这样的场次里每 10–15 分钟发一次福袋或抽奖，开场就预告。',
  },
  'S.next.follow': {
    en: 'Only {value} of viewers follow (target {target}). Ask for the follow with a fan-only price on {product}, and pin the fan group entry during the session.',
    zh: '转粉率只有 {value}（目标 {target}）。用{product}的粉丝专享价引导关注，直播中置顶粉丝团入口。',
  },
  'S.next.matrix': {
    en: 'Own accounts selling: {value}, target {target}. Open another account dedicated to {product} to build a matrix, and promote each room in the other.',
    zh: '品牌只有 {value} 个自播账号（目标 {target} 个）。再开一个主推{product}的账号做账号矩阵，直播间之间互相导流。',
  },
  'S.next.coldStart': {
    en: 'GMV per session grew only {value}× over the first six sessions (target {target}×). Keep the same time slot and hero set ({products}) and buy public traffic for the next sessions until GMV per session rises.',
    zh: '前六场的单场 GMV 增长不足：第 4–6 场只有第 1–3 场的 {value} 倍（目标 {target} 倍）。保持同一时段和爆品组合（{products}），接下来几场加投磁力金牛，直到单场 GMV 明显上升。',
  },
  'S.next.chuanliu': {
    en: 'Only {share} of self-broadcast buyers came through creators first. Join 川流计划 so that the buyers of {creators} are recommended to the brand’s room.',
    zh: '只有 {share} 的自播买家此前来自达人。加入川流计划，让 {creators} 的买家被推荐到品牌直播间。',
  },
  'S.next.shortVideo': {
    en: 'Short videos sell {share} of GMV (target {target}). Publish {videos} warm-up short videos of {product} before each session, each linking to the live room.',
    zh: '短视频只售出 GMV 的 {share}（目标 {target}）。每场开播前发布 {videos} 条{product}的预热短视频，并挂上直播间链接。',
  },
});

/** What the steps name: the products to lead with and the sessions to learn from. */
interface Evidence {
  leadProduct: ProductStat | null;
  leadProducts: ProductStat[];
  ownSessions: SessionMetrics[];
}

type Input = StepInput<Evidence>;

function minutesPerSession(metrics: Metrics): number | null {
  return metrics.hoursPerSession === null ? null : metrics.hoursPerSession * 60;
}

/** The brand's own sessions when the export marks them, else every session in it. */
function ownSessions(metrics: Metrics): SessionMetrics[] {
  const own = metrics.sessionList.filter((session) => session.isOwnAccount);
  return own.length > 0 ? own : metrics.sessionList;
}

function gmvPerHourFen(session: SessionMetrics): number | null {
  if (session.gmvFen === null || !session.durationMinutes) return null;
  return (session.gmvFen * 60) / session.durationMinutes;
}

function bestSessionByGmvPerHour(
  sessions: readonly SessionMetrics[],
): { session: SessionMetrics; perHourFen: number } | null {
  let best: { session: SessionMetrics; perHourFen: number } | null = null;
  for (const session of sessions) {
    const perHourFen = gmvPerHourFen(session);
    if (perHourFen === null) continue;
    if (!best || perHourFen > best.perHourFen) best = { session, perHourFen };
  }
  return best;
}

function bestSessionByGmv(sessions: readonly SessionMetrics[]): SessionMetrics | null {
  let best: SessionMetrics | null = null;
  for (const session of sessions) {
    if (session.gmvFen === null) continue;
    if (!best || session.gmvFen > (best.gmvFen ?? 0)) best = session;
  }
  return best ?? sessions[0] ?? null;
}

/** The sessions weakest on one per-session metric, lowest first. */
function weakestSessions(
  sessions: readonly SessionMetrics[],
  pick: (session: SessionMetrics) => number | null,
  limit: number,
): SessionMetrics[] {
  return sessions
    .map((session) => ({ session, value: pick(session) }))
    .filter((entry): entry is { session: SessionMetrics; value: number } => entry.value !== null)
    .sort((a, b) => a.value - b.value || a.session.liveId.localeCompare(b.session.liveId))
    .slice(0, limit)
    .map((entry) => entry.session);
}

function findings({ metrics, profile, brand }: RuleInput<Evidence>, started: boolean): Finding[] {
  if (!started) return [{ id: 'notStarted', severity: 'warn', message: { key: 'S.finding.notStarted' } }];
  const found: Finding[] = [
    {
      id: 'summary',
      severity: 'info',
      message: {
        key: 'S.finding.summary',
        params: {
          sessions: count(metrics.sessions),
          minutes: count(minutesPerSession(metrics)),
          share: percent(metrics.selfBroadcastGmvShare),
        },
      },
    },
  ];
  if (metrics.gpmBasis === 'viewers') {
    found.push({ id: 'gpmPerViewer', severity: 'info', message: { key: 'S.finding.gpmPerViewer' } });
  }
  const weak = thresholdValue(profile, 'stage.script.avgStayWeakSeconds');
  if (metrics.avgStaySeconds !== null && metrics.avgStaySeconds < weak) {
    found.push({
      id: 'weakStay',
      severity: 'warn',
      message: { key: 'S.finding.weakStay', params: { stay: count(metrics.avgStaySeconds), weak: count(weak) } },
    });
  }
  found.push(...coldStartFindings(metrics, brand), ...programmeFindings(metrics, profile));
  return found;
}

/**
 * The cold start is the account's first sessions, not the period's: judged only when brand.json
 * says self-broadcast began inside the period (the data then holds those sessions).
 */
function holdsFirstSessions(metrics: Metrics, brand: BrandConfig): boolean {
  const since = brand.selfBroadcastSince ?? null;
  return since !== null && metrics.period.from !== null && since >= metrics.period.from;
}

function coldStartFindings(metrics: Metrics, brand: BrandConfig): Finding[] {
  if (metrics.coldStartGrowth !== null && !holdsFirstSessions(metrics, brand)) {
    return [{ id: 'coldStartNotJudged', severity: 'info', message: { key: 'S.finding.coldStartNotJudged' } }];
  }
  if (metrics.coldStartGrowth === null) {
    return [{ id: 'coldStartEarly', severity: 'info', message: { key: 'S.finding.coldStartEarly' } }];
  }
  if (metrics.coldStartGrowth < 1) {
    return [
      {
        id: 'coldStartFlat',
        severity: 'warn',
        message: { key: 'S.finding.coldStartFlat', params: { growth: ratio(metrics.coldStartGrowth) } },
      },
    ];
  }
  return [];
}

function programmeFindings(metrics: Metrics, profile: Profile): Finding[] {
  const found: Finding[] = [];
  const chuanliuTarget = thresholdValue(profile, 'programme.chuanliuShare');
  if (metrics.chuanliuShare !== null) {
    const low = metrics.chuanliuShare < chuanliuTarget;
    found.push({
      id: low ? 'chuanliuLow' : 'chuanliu',
      severity: low ? 'warn' : 'info',
      message: {
        key: low ? 'S.finding.chuanliuLow' : 'S.finding.chuanliu',
        params: { share: percent(metrics.chuanliuShare), target: percent(chuanliuTarget) },
      },
    });
  }
  const shortVideoTarget = thresholdValue(profile, 'programme.shortVideoGmvShare');
  const shortVideoShare = metrics.carrier.shortVideo.share;
  if (shortVideoShare !== null) {
    const low = shortVideoShare < shortVideoTarget;
    found.push({
      id: low ? 'shortVideoLow' : 'shortVideo',
      severity: 'info',
      message: {
        key: low ? 'S.finding.shortVideoLow' : 'S.finding.shortVideo',
        params: { share: percent(shortVideoShare), target: percent(shortVideoTarget) },
      },
    });
  }
  if (metrics.shortVideoViewers !== null) {
    found.push({
      id: 'shortVideoViewers',
      severity: 'info',
      message: { key: 'S.finding.shortVideoViewers', params: { viewers: count(metrics.shortVideoViewers) } },
    });
  }
  return found;
}

/**
 * Live hours a week today, the profile's (sessions × minutes), and this month's goal: at most 3×
 * today, so a brand whose focus is still creators is not asked for ten times the hours at once.
 */
function weeklyLiveHours(input: Input): { current: number; target: number; goal: number } | null {
  const perWeek = input.check('sessionsPerWeek');
  const minutes = input.check('sessionMinutes');
  if (perWeek.value === null || minutes.value === null) return null;
  const current = (perWeek.value * minutes.value) / 60;
  const target = (perWeek.target * minutes.target) / 60;
  if (current <= 0) return null;
  return { current, target, goal: Math.min(target, current * MAX_MONTHLY_STEP) };
}

/** A this-month goal is at most this multiple of today's value (PLAN.md §1, "Sized to the brand"). */
const MAX_MONTHLY_STEP = 3;

/** "value (target)" of one check, in the unit its message shows. */
function shown(input: Input, id: string, format: (value: number | null) => string): { value: string; target: string } {
  const check = input.check(id);
  return { value: format(check.value), target: format(check.target) };
}

/** A check's step that names the lead product: the same shape for session length, follows and order value. */
function productStep(
  id: string,
  check: string,
  format: (value: number | null) => string,
  kind: StepDeclaration<Evidence>['kind'],
  horizon: StepDeclaration<Evidence>['horizon'],
): StepDeclaration<Evidence> {
  return {
    id,
    answers: [check],
    kind,
    horizon,
    params: (input) =>
      input.evidence.leadProduct
        ? { ...shown(input, check, format), product: productName(input.evidence.leadProduct) }
        : null,
  };
}

// Programme steps (川流, 短直联动) sit after the stage's own gaps.
const PROGRAMME_PRIORITY = 0.5;

const steps: StepDeclaration<Evidence>[] = [
  {
    id: 'start',
    phase: 'not-started',
    answers: [],
    priority: 1,
    kind: 'growth',
    horizon: 'this-month',
    params: ({ profile, evidence }) =>
      evidence.leadProducts.length === 0
        ? null
        : {
            perWeek: count(thresholdValue(profile, 'S.sessionsPerWeek')),
            minutes: count(thresholdValue(profile, 'S.sessionMinutes')),
            products: evidence.leadProducts.map(productName),
          },
  },
  {
    id: 'liveHours',
    answers: ['sessionsPerWeek', 'sessionMinutes'],
    cause: 'liveSchedule',
    applies: ({ check }) => isShort(check('sessionsPerWeek')) && isShort(check('sessionMinutes')),
    kind: 'growth',
    horizon: 'this-month',
    params: (input) => {
      const hours = weeklyLiveHours(input);
      const best = bestSessionByGmv(input.evidence.ownSessions);
      if (!hours || !best) return null;
      return {
        perWeek: ratio(input.check('sessionsPerWeek').value),
        minutes: count(input.check('sessionMinutes').value),
        hours: ratio(hours.current),
        goalHours: ratio(hours.goal),
        targetHours: ratio(hours.target),
        session: sessionName(best),
      };
    },
    target: {
      metric: 'liveHoursPerWeek',
      unit: 'ratio',
      current: (input) => weeklyLiveHours(input)?.current ?? null,
      goal: (input) => weeklyLiveHours(input)?.goal ?? null,
    },
  },
  {
    id: 'schedule',
    answers: ['sessionsPerWeek'],
    cause: 'liveSchedule',
    applies: ({ check }) => isShort(check('sessionsPerWeek')) && !isShort(check('sessionMinutes')),
    kind: 'growth',
    horizon: 'this-month',
    params: (input) => {
      const best = bestSessionByGmv(input.evidence.ownSessions);
      if (!best) return null;
      const check = input.check('sessionsPerWeek');
      return { value: ratio(check.value), target: count(check.target), session: sessionName(best) };
    },
  },
  {
    ...productStep('longer', 'sessionMinutes', count, 'growth', 'this-month'),
    cause: 'liveSchedule',
    applies: ({ check }) => isShort(check('sessionMinutes')) && !isShort(check('sessionsPerWeek')),
  },
  {
    id: 'selfShareHero',
    answers: ['selfBroadcastGmvShare'],
    kind: 'growth',
    horizon: 'this-quarter',
    params: ({ metrics, check }) => {
      const heroes = metrics.heroProducts.slice(0, 3);
      const first = heroes[0];
      if (!first) return null;
      return {
        share: percent(check('selfBroadcastGmvShare').value),
        target: percent(check('selfBroadcastGmvShare').target),
        products: heroes.map(productName),
        first: productName(first),
        creators: count(first.creators),
      };
    },
  },
  {
    id: 'selfShareTop',
    answers: ['selfBroadcastGmvShare'],
    kind: 'growth',
    horizon: 'this-quarter',
    params: ({ metrics, check }) => {
      const top = metrics.topProducts.slice(0, 3);
      if (metrics.heroProducts.length > 0 || top.length === 0) return null;
      return {
        share: percent(check('selfBroadcastGmvShare').value),
        target: percent(check('selfBroadcastGmvShare').target),
        products: top.map(productName),
      };
    },
  },
  {
    id: 'gmvPerHour',
    answers: ['gmvPerHour'],
    kind: 'efficiency',
    horizon: 'this-month',
    params: (input) => {
      const best = bestSessionByGmvPerHour(input.evidence.ownSessions);
      if (!best) return null;
      return {
        ...shown(input, 'gmvPerHour', yuanFromYuan),
        session: sessionName(best.session),
        best: yuan(Math.round(best.perHourFen)),
      };
    },
  },
  {
    id: 'conversion',
    answers: ['conversion'],
    kind: 'efficiency',
    horizon: 'this-month',
    params: (input) => {
      const worst = weakestSessions(input.evidence.ownSessions, (session) => session.conversion, 2);
      if (!input.evidence.leadProduct || worst.length === 0) return null;
      return {
        ...shown(input, 'conversion', percent),
        sessions: worst.map(sessionName),
        product: productName(input.evidence.leadProduct),
      };
    },
  },
  // UV value and GPM say the same thing per viewer and per view: one step, UV value first.
  productStep('uvValue', 'uvValue', yuanFromYuan, 'efficiency', 'this-month'),
  {
    ...productStep('gpm', 'gpm', yuanFromYuan, 'efficiency', 'this-month'),
    applies: ({ check }) => check('uvValue').result === 'unknown' && ['warn', 'fail'].includes(check('gpm').result),
  },
  {
    id: 'stay',
    answers: ['avgStay'],
    kind: 'efficiency',
    horizon: 'this-week',
    params: (input) => {
      const worst = weakestSessions(input.evidence.ownSessions, (session) => session.avgStaySeconds, 2);
      if (worst.length === 0) return null;
      return { ...shown(input, 'avgStay', count), sessions: worst.map(sessionName) };
    },
  },
  { ...productStep('follow', 'followRate', percent, 'efficiency', 'this-week'), cause: 'followRate' },
  {
    id: 'matrix',
    answers: ['ownAccounts'],
    kind: 'growth',
    horizon: 'this-quarter',
    params: (input) => {
      // The second account sells the second product line, so the rooms do not compete.
      const product = input.metrics.topProducts[1] ?? input.metrics.topProducts[0];
      return product ? { ...shown(input, 'ownAccounts', count), product: productName(product) } : null;
    },
  },
  {
    id: 'coldStart',
    answers: ['coldStartGrowth'],
    kind: 'growth',
    horizon: 'this-month',
    params: (input) =>
      input.evidence.leadProducts.length === 0
        ? null
        : { ...shown(input, 'coldStartGrowth', ratio), products: input.evidence.leadProducts.map(productName) },
  },
  {
    id: 'chuanliu',
    phase: 'always',
    answers: [],
    priority: PROGRAMME_PRIORITY,
    kind: 'growth',
    horizon: 'this-quarter',
    params: ({ metrics, profile }) => {
      const creators = metrics.topCreators.slice(0, 3).map(creatorName);
      const target = thresholdValue(profile, 'programme.chuanliuShare');
      if (metrics.chuanliuShare === null || metrics.chuanliuShare >= target || creators.length === 0) return null;
      return { share: percent(metrics.chuanliuShare), creators };
    },
  },
  {
    id: 'shortVideo',
    // STAGE E (warm-up) asks for the same videos before each session: one item in the plan.
    cause: 'warmupVideos',
    phase: 'always',
    answers: [],
    priority: PROGRAMME_PRIORITY,
    kind: 'growth',
    horizon: 'this-month',
    params: ({ metrics, profile, evidence }) => {
      const target = thresholdValue(profile, 'programme.shortVideoGmvShare');
      const share = metrics.carrier.shortVideo.share;
      if (share === null || share >= target || !evidence.leadProduct) return null;
      return {
        share: percent(share),
        target: percent(target),
        videos: count(thresholdValue(profile, 'stage.earlyWarmup.warmupVideos')),
        product: productName(evidence.leadProduct),
      };
    },
  },
];

export const selfBroadcast: StageRule<Evidence> = {
  key: 'self-broadcast',
  letter: 'S',
  namespace: 'S',
  name: { en: 'Brand self-broadcast', zh: '品牌自播' },
  ifSkipped: {
    en: 'without its own room the brand depends on other people’s channels and has no place to gather its fans',
    zh: '没有自己的直播间，品牌只能依赖别人的渠道，粉丝也沉淀不下来',
  },
  strings,
  requires: ['sessions'],
  missingExport: 'S.missingExport',
  definingCheck: 'sessionsPerWeek',
  evidence: ({ metrics }) => ({
    leadProduct: leadProducts(metrics.heroProducts, metrics.topProducts, 1)[0] ?? null,
    leadProducts: leadProducts(metrics.heroProducts, metrics.topProducts, 3),
    ownSessions: ownSessions(metrics),
  }),
  isStarted: ({ metrics }) => (metrics.sessions ?? 0) > 0,
  checks: [
    {
      id: 'sessionsPerWeek',
      metric: 'sessionsPerWeek',
      value: ({ metrics }) => metrics.sessionsPerWeek,
      threshold: 'S.sessionsPerWeek',
      comparison: 'atLeast',
      unit: 'perWeek',
      weight: 2,
    },
    {
      id: 'sessionMinutes',
      metric: 'sessionMinutes',
      value: ({ metrics }) => minutesPerSession(metrics),
      threshold: 'S.sessionMinutes',
      comparison: 'atLeast',
      unit: 'minutes',
      weight: 1,
    },
    {
      id: 'selfBroadcastGmvShare',
      metric: 'selfBroadcastGmvShare',
      value: ({ metrics }) => metrics.selfBroadcastGmvShare,
      threshold: 'S.selfBroadcastGmvShare',
      comparison: 'atLeast',
      unit: 'fraction',
      weight: 3,
    },
    {
      id: 'gmvPerHour',
      metric: 'gmvPerHourYuan',
      value: ({ metrics }) => (metrics.gmvPerHourFen === null ? null : metrics.gmvPerHourFen / 100),
      threshold: 'S.gmvPerHourYuan',
      comparison: 'atLeast',
      unit: 'yuan',
      weight: 2,
    },
    {
      id: 'uvValue',
      metric: 'uvValue',
      value: ({ metrics }) => metrics.uvValue,
      threshold: 'S.uvValueYuan',
      comparison: 'atLeast',
      unit: 'yuan',
      weight: 1,
    },
    {
      id: 'gpm',
      metric: 'gpm',
      value: ({ metrics }) => metrics.gpm,
      threshold: 'S.gpmYuan',
      comparison: 'atLeast',
      unit: 'yuan',
      weight: 1,
    },
    {
      id: 'conversion',
      metric: 'conversion',
      // Orders ÷ viewers is not buyers ÷ viewers: the label says which one the export allowed.
      label: ({ metrics }) =>
        metrics.conversionBasis === 'orders' ? 'S.check.conversion.orders' : 'S.check.conversion',
      value: ({ metrics }) => metrics.conversion,
      threshold: 'S.conversion',
      comparison: 'atLeast',
      unit: 'fraction',
      weight: 2,
    },
    {
      id: 'avgStay',
      metric: 'avgStaySeconds',
      value: ({ metrics }) => metrics.avgStaySeconds,
      threshold: 'S.avgStaySeconds',
      comparison: 'atLeast',
      unit: 'seconds',
      weight: 1,
    },
    {
      id: 'followRate',
      metric: 'followRate',
      value: ({ metrics }) => metrics.followRate,
      threshold: 'S.followRate',
      comparison: 'atLeast',
      unit: 'fraction',
      weight: 1,
    },
    {
      id: 'ownAccounts',
      metric: 'ownAccounts',
      value: ({ metrics }) => metrics.ownAccounts,
      threshold: 'S.ownAccounts',
      comparison: 'atLeast',
      unit: 'count',
      weight: 1,
    },
    {
      id: 'coldStartGrowth',
      metric: 'coldStartGrowth',
      value: ({ metrics, brand }) => (holdsFirstSessions(metrics, brand) ? metrics.coldStartGrowth : null),
      threshold: 'S.coldStartGrowth',
      comparison: 'atLeast',
      unit: 'ratio',
      weight: 1,
    },
  ],
  summary: ({ metrics }, started) =>
    started
      ? {
          key: 'S.evidence',
          params: {
            sessions: count(metrics.sessions),
            perWeek: ratio(metrics.sessionsPerWeek),
            share: percent(metrics.selfBroadcastGmvShare),
            gmvPerHour: yuan(metrics.gmvPerHourFen),
          },
        }
      : { key: 'S.evidence.none' },
  findings,
  steps,
};
