// S — brand self-broadcast (品牌自播). The brand's own rooms on a stable schedule become a
// lasting channel. Two linked programmes belong here: 川流 (creator audiences recommended to
// the brand's room) and 短直联动 (short videos feeding the room).

import type { Catalog } from '../../i18n/index.js';
import type { Metrics, ProductStat, SessionMetrics } from '../../metrics/types.js';
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

const strings: Catalog = {
  en: {
    'S.missingExport': 'needs the live-session traffic export of the brand’s own rooms (直播ID, 观看人数, 直播时长 …)',
    'S.check.sessionsPerWeek': 'Own sessions per week',
    'S.check.sessionMinutes': 'Minutes per session',
    'S.check.selfBroadcastGmvShare': 'Own live rooms’ share of GMV (brand-sold live GMV ÷ all GMV)',
    'S.check.gmvPerHour': 'GMV per live hour',
    'S.check.uvValue': 'UV value (GMV ÷ viewers)',
    'S.check.gpm': 'GPM (GMV per 1,000 views)',
    'S.check.conversion': 'Viewer → buyer conversion (buyers ÷ viewers)',
    'S.check.conversion.orders': 'Viewer → order conversion (orders ÷ viewers: no buyer counts)',
    'S.check.avgStay': 'Average stay',
    'S.check.followRate': 'Follow rate (new fans ÷ viewers)',
    'S.check.ownAccounts': 'Own live accounts',
    'S.check.coldStartGrowth': 'Cold start: GMV of sessions 4–6 ÷ sessions 1–3',
    'S.evidence': '{sessions} sessions ({perWeek} a week), own live rooms {share} of GMV, {gmvPerHour} per hour',
    'S.evidence.none': 'no own live session in the period',
    'S.finding.notStarted':
      'The brand did not go live on its own account in the period: self-broadcast has not started.',
    'S.finding.summary': '{sessions} own sessions of {minutes} minutes on average sold {share} of GMV.',
    'S.finding.gpmPerViewer': 'GPM is computed per 1,000 viewers because the traffic export has no views column.',
    'S.finding.weakStay':
      'Viewers stay {stay} s on average, under the {weak} s practitioners treat as weak: the room does not hold them.',
    'S.finding.coldStartEarly': 'Fewer than 6 own sessions: too early to judge whether the cold start has passed.',
    'S.finding.coldStartFlat':
      'GMV per session did not grow over the first six sessions ({growth}×): the cold start has not passed.',
    'S.finding.chuanliu': '川流: {share} of self-broadcast buyers bought through a creator first.',
    'S.finding.chuanliuLow':
      '川流: only {share} of self-broadcast buyers bought through a creator first (target {target}): creator audiences are not reaching the brand’s room.',
    'S.finding.shortVideo': '短直联动: short videos sold {share} of GMV.',
    'S.finding.shortVideoLow': '短直联动: short videos sold only {share} of GMV (target {target}).',
    'S.finding.shortVideoViewers': 'Short videos brought {viewers} viewers into the live room.',
    'S.next.start':
      'Start self-broadcast: go live {perWeek} times a week, {minutes} minutes each, on one account, selling {products}, the products that already sell best.',
    'S.next.schedule':
      'You go live {value} times a week (target {target}). Fix a timetable of {target} sessions a week at the same hours as your best session so far, {session}.',
    'S.next.longer':
      'Sessions last {value} minutes on average (target {target}). Keep the room open longer, so that the explanation of {product} runs several full cycles for the viewers who arrive late.',
    'S.next.selfShareHero':
      'Self-broadcast sells {share} of GMV (target {target}). Explain {products} again and again in every session: creators have already proven them ({creators} creators sell {first}).',
    'S.next.selfShareTop':
      'Self-broadcast sells {share} of GMV (target {target}). Build every session around {products}, your best sellers, and explain them again and again.',
    'S.next.gmvPerHour':
      'GMV per hour is {value} (target {target}); your best session, {session}, made {best} an hour. Rebuild the other sessions on its product order and rhythm.',
    'S.next.conversion':
      'Conversion is {value} (target {target}); {sessions} converted worst. Review the first 10 minutes and the price anchoring of those sessions, and lead with {product}.',
    'S.next.uvValue':
      'Each viewer is worth {value} (target {target}). Add a bundle or a larger set of {product} to lift the value of each order.',
    'S.next.gpm':
      'GPM is {value} (target {target}). Add a bundle or a larger set of {product} to lift the value of each order.',
    'S.next.stay':
      'Viewers stay {value} s on average (target {target} s). In sessions like {sessions}, put a benefit or draw every 10–15 minutes and announce it at the start.',
    'S.next.follow':
      'Only {value} of viewers follow (target {target}). Ask for the follow with a fan-only price on {product}, and pin the fan group entry during the session.',
    'S.next.matrix':
      'The brand sells from {value} own account(s) (target {target}). Open another account dedicated to {product} to build a matrix, and promote each room in the other.',
    'S.next.coldStart':
      'GMV per session grew only {value}× over the first six sessions (target {target}×). Keep the same time slot and hero set ({products}) and buy public traffic for the next sessions until GMV per session rises.',
    'S.next.chuanliu':
      'Only {share} of self-broadcast buyers came through creators first. Join 川流计划 so that the buyers of {creators} are recommended to the brand’s room.',
    'S.next.shortVideo':
      'Short videos sell {share} of GMV (target {target}). Publish {videos} warm-up short videos of {product} before each session, each linking to the live room.',
  },
  zh: {
    'S.missingExport': '需要品牌自有直播间的场次流量导出（直播ID、观看人数、直播时长……）',
    'S.check.sessionsPerWeek': '每周自播场次',
    'S.check.sessionMinutes': '单场时长（分钟）',
    'S.check.selfBroadcastGmvShare': '自播直播间 GMV 占比（品牌自营直播成交 ÷ 总 GMV）',
    'S.check.gmvPerHour': '每小时 GMV',
    'S.check.uvValue': 'UV 价值（GMV ÷ 观看人数）',
    'S.check.gpm': 'GPM（每千次观看 GMV）',
    'S.check.conversion': '观看→成交转化率（成交人数 ÷ 观看人数）',
    'S.check.conversion.orders': '观看→下单转化率（订单数 ÷ 观看人数，无成交人数）',
    'S.check.avgStay': '人均停留时长',
    'S.check.followRate': '转粉率（新增粉丝 ÷ 观看人数）',
    'S.check.ownAccounts': '自有直播账号数',
    'S.check.coldStartGrowth': '冷启动：第 4–6 场 GMV ÷ 第 1–3 场',
    'S.evidence': '{sessions} 场（每周 {perWeek} 场），自播直播间占 GMV {share}，每小时 {gmvPerHour}',
    'S.evidence.none': '本期没有自有直播场次',
    'S.finding.notStarted': '本期品牌没有用自有账号开播：品牌自播尚未开始。',
    'S.finding.summary': '{sessions} 场自播，平均每场 {minutes} 分钟，售出 GMV 的 {share}。',
    'S.finding.gpmPerViewer': '流量导出没有观看次数列，GPM 按每千名观看人数计算。',
    'S.finding.weakStay': '人均停留 {stay} 秒，低于从业者视为偏弱的 {weak} 秒：直播间留不住人。',
    'S.finding.coldStartEarly': '自播不足 6 场：尚不能判断冷启动是否完成。',
    'S.finding.coldStartFlat': '前六场的单场 GMV 没有增长（{growth} 倍）：冷启动尚未完成。',
    'S.finding.chuanliu': '川流：{share} 的自播买家此前通过达人购买过。',
    'S.finding.chuanliuLow':
      '川流：只有 {share} 的自播买家此前通过达人购买过（目标 {target}）：达人人群没有流到品牌直播间。',
    'S.finding.shortVideo': '短直联动：短视频售出 GMV 的 {share}。',
    'S.finding.shortVideoLow': '短直联动：短视频只售出 GMV 的 {share}（目标 {target}）。',
    'S.finding.shortVideoViewers': '短视频为直播间带来 {viewers} 名观众。',
    'S.next.start':
      '启动品牌自播：用一个账号每周开播 {perWeek} 场，每场 {minutes} 分钟，主卖 {products}，这些是目前卖得最好的商品。',
    'S.next.schedule':
      '每周开播 {value} 场（目标 {target}）。固定每周 {target} 场的排期，时段与目前最好的一场 {session} 相同。',
    'S.next.longer':
      '平均每场 {value} 分钟（目标 {target}）。延长开播时间，让 {product} 的讲解能完整循环几轮，照顾晚进来的观众。',
    'S.next.selfShareHero':
      '自播只占 GMV 的 {share}（目标 {target}）。每场反复讲解 {products}：这些商品已被达人验证（{first} 有 {creators} 位达人在卖）。',
    'S.next.selfShareTop': '自播只占 GMV 的 {share}（目标 {target}）。每场围绕最畅销的 {products} 来排品，并反复讲解。',
    'S.next.gmvPerHour':
      '每小时 GMV {value}（目标 {target}）；最好的一场 {session} 每小时 {best}。按这场的排品顺序和节奏重做其他场次。',
    'S.next.conversion':
      '转化率 {value}（目标 {target}）；{sessions} 转化最差。复盘这些场次的开场 10 分钟和价格锚点，并以 {product} 开场。',
    'S.next.uvValue': '每位观众价值 {value}（目标 {target}）。为 {product} 增加组合装或大规格，提高每单金额。',
    'S.next.gpm': 'GPM {value}（目标 {target}）。为 {product} 增加组合装或大规格，提高每单金额。',
    'S.next.stay':
      '人均停留 {value} 秒（目标 {target} 秒）。在 {sessions} 这样的场次里每 10–15 分钟安排一次福利或抽奖，并在开场时预告。',
    'S.next.follow':
      '只有 {value} 的观众关注（目标 {target}）。用 {product} 的粉丝专享价引导关注，直播中置顶粉丝团入口。',
    'S.next.matrix':
      '品牌只用 {value} 个自有账号卖货（目标 {target}）。再开一个专卖 {product} 的账号组成矩阵，直播间之间互相导流。',
    'S.next.coldStart':
      '前六场的单场 GMV 只增长到 {value} 倍（目标 {target} 倍）。保持同一时段和爆品组合（{products}），接下来几场购买公域流量，直到单场 GMV 上升。',
    'S.next.chuanliu': '只有 {share} 的自播买家此前来自达人。加入川流计划，让 {creators} 的买家被推荐到品牌直播间。',
    'S.next.shortVideo':
      '短视频只售出 GMV 的 {share}（目标 {target}）。每场开播前发布 {videos} 条 {product} 的预热短视频，并挂上直播间链接。',
  },
};

export const selfBroadcast: StageRule = {
  key: 'self-broadcast',
  letter: 'S',
  order: 3,
  strings,
  requires: ['sessions'],
  missingExport: 'S.missingExport',
  definingCheck: 'sessionsPerWeek',
  assess,
};

// Low-weight programme steps sit after the stage's own gaps.
const PROGRAMME_PRIORITY = 0.5;

function assess({ metrics, profile }: StageContext): StageAssessment {
  const checks = buildChecks(metrics, profile);
  const started = (metrics.sessions ?? 0) > 0;
  const steps = started ? plannedSteps(metrics, checks) : [startStep(metrics, profile)];
  return {
    checks,
    findings: started ? buildFindings(metrics, profile) : [notStarted()],
    nextSteps: rankSteps([...steps, ...programmeSteps(metrics, profile)].filter(isPresent)),
    evidence: started
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
    started,
  };
}

function notStarted(): Finding {
  return { id: 'notStarted', severity: 'warn', message: { key: 'S.finding.notStarted' } };
}

function minutesPerSession(metrics: Metrics): number | null {
  return metrics.hoursPerSession === null ? null : metrics.hoursPerSession * 60;
}

function buildChecks(metrics: Metrics, profile: Profile): Check[] {
  const spec = (
    id: string,
    value: number | null,
    thresholdKey: string,
    weight: number,
    unit: Check['unit'],
    label = `S.check.${id}`,
  ): Check => measure(profile, { id, value, threshold: thresholdKey, comparison: 'atLeast', weight, label, unit });
  return [
    spec('sessionsPerWeek', metrics.sessionsPerWeek, 'S.sessionsPerWeek', 2, 'perWeek'),
    spec('sessionMinutes', minutesPerSession(metrics), 'S.sessionMinutes', 1, 'minutes'),
    spec('selfBroadcastGmvShare', metrics.selfBroadcastGmvShare, 'S.selfBroadcastGmvShare', 3, 'fraction'),
    spec(
      'gmvPerHour',
      metrics.gmvPerHourFen === null ? null : metrics.gmvPerHourFen / 100,
      'S.gmvPerHourYuan',
      2,
      'yuan',
    ),
    spec('uvValue', metrics.uvValue, 'S.uvValueYuan', 1, 'yuan'),
    spec('gpm', metrics.gpm, 'S.gpmYuan', 1, 'yuan'),
    // Orders ÷ viewers is not buyers ÷ viewers: the label says which one the export allowed.
    spec(
      'conversion',
      metrics.conversion,
      'S.conversion',
      2,
      'fraction',
      metrics.conversionBasis === 'orders' ? 'S.check.conversion.orders' : 'S.check.conversion',
    ),
    spec('avgStay', metrics.avgStaySeconds, 'S.avgStaySeconds', 1, 'seconds'),
    spec('followRate', metrics.followRate, 'S.followRate', 1, 'fraction'),
    spec('ownAccounts', metrics.ownAccounts, 'S.ownAccounts', 1, 'count'),
    spec('coldStartGrowth', metrics.coldStartGrowth, 'S.coldStartGrowth', 1, 'ratio'),
  ];
}

function buildFindings(metrics: Metrics, profile: Profile): Finding[] {
  const findings: Finding[] = [
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
    findings.push({ id: 'gpmPerViewer', severity: 'info', message: { key: 'S.finding.gpmPerViewer' } });
  }
  const weak = thresholdValue(profile, 'stage.script.avgStayWeakSeconds');
  if (metrics.avgStaySeconds !== null && metrics.avgStaySeconds < weak) {
    findings.push({
      id: 'weakStay',
      severity: 'warn',
      message: { key: 'S.finding.weakStay', params: { stay: count(metrics.avgStaySeconds), weak: count(weak) } },
    });
  }
  findings.push(...coldStartFindings(metrics));
  findings.push(...programmeFindings(metrics, profile));
  return findings;
}

function coldStartFindings(metrics: Metrics): Finding[] {
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
  const findings: Finding[] = [];
  const chuanliuTarget = thresholdValue(profile, 'programme.chuanliuShare');
  if (metrics.chuanliuShare !== null) {
    const low = metrics.chuanliuShare < chuanliuTarget;
    findings.push({
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
    findings.push({
      id: low ? 'shortVideoLow' : 'shortVideo',
      severity: 'info',
      message: {
        key: low ? 'S.finding.shortVideoLow' : 'S.finding.shortVideo',
        params: { share: percent(shortVideoShare), target: percent(shortVideoTarget) },
      },
    });
  }
  if (metrics.shortVideoViewers !== null) {
    findings.push({
      id: 'shortVideoViewers',
      severity: 'info',
      message: { key: 'S.finding.shortVideoViewers', params: { viewers: count(metrics.shortVideoViewers) } },
    });
  }
  return findings;
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

function bestSessionByGmvPerHour(metrics: Metrics): { session: SessionMetrics; perHourFen: number } | null {
  let best: { session: SessionMetrics; perHourFen: number } | null = null;
  for (const session of ownSessions(metrics)) {
    const perHourFen = gmvPerHourFen(session);
    if (perHourFen === null) continue;
    if (!best || perHourFen > best.perHourFen) best = { session, perHourFen };
  }
  return best;
}

function bestSessionByGmv(metrics: Metrics): SessionMetrics | null {
  const sessions = ownSessions(metrics);
  let best: SessionMetrics | null = null;
  for (const session of sessions) {
    if (session.gmvFen === null) continue;
    if (!best || session.gmvFen > (best.gmvFen ?? 0)) best = session;
  }
  return best ?? sessions[0] ?? null;
}

/** The sessions weakest on one per-session metric, lowest first. */
function weakestSessions(
  metrics: Metrics,
  pick: (session: SessionMetrics) => number | null,
  limit: number,
): SessionMetrics[] {
  return ownSessions(metrics)
    .map((session) => ({ session, value: pick(session) }))
    .filter((entry): entry is { session: SessionMetrics; value: number } => entry.value !== null)
    .sort((a, b) => a.value - b.value || a.session.liveId.localeCompare(b.session.liveId))
    .slice(0, limit)
    .map((entry) => entry.session);
}

function leadProduct(metrics: Metrics): ProductStat | null {
  return leadProducts(metrics.heroProducts, metrics.topProducts, 1)[0] ?? null;
}

function startStep(metrics: Metrics, profile: Profile): RankedStep | null {
  const products = leadProducts(metrics.heroProducts, metrics.topProducts, 3);
  if (products.length === 0) return null;
  return {
    priority: 1,
    step: {
      id: 'start',
      message: {
        key: 'S.next.start',
        params: {
          perWeek: count(thresholdValue(profile, 'S.sessionsPerWeek')),
          minutes: count(thresholdValue(profile, 'S.sessionMinutes')),
          products: products.map(productName),
        },
      },
    },
  };
}

function plannedSteps(metrics: Metrics, checks: Check[]): (RankedStep | null)[] {
  return [
    scheduleStep(metrics, checks),
    longerStep(metrics, checks),
    selfShareStep(metrics, checks),
    gmvPerHourStep(metrics, checks),
    conversionStep(metrics, checks),
    orderValueStep(metrics, checks),
    stayStep(metrics, checks),
    followStep(metrics, checks),
    matrixStep(metrics, checks),
    coldStartStep(metrics, checks),
  ];
}

function scheduleStep(metrics: Metrics, checks: Check[]): RankedStep | null {
  const check = findCheck(checks, 'sessionsPerWeek');
  const best = bestSessionByGmv(metrics);
  if (!isShort(check) || !best) return null;
  return {
    priority: gapPriority(check),
    step: {
      id: 'schedule',
      message: {
        key: 'S.next.schedule',
        params: { value: ratio(check.value), target: count(check.target), session: sessionName(best) },
      },
    },
  };
}

function longerStep(metrics: Metrics, checks: Check[]): RankedStep | null {
  const check = findCheck(checks, 'sessionMinutes');
  const product = leadProduct(metrics);
  if (!isShort(check) || !product) return null;
  return {
    priority: gapPriority(check),
    step: {
      id: 'longer',
      message: {
        key: 'S.next.longer',
        params: { value: count(check.value), target: count(check.target), product: productName(product) },
      },
    },
  };
}

function selfShareStep(metrics: Metrics, checks: Check[]): RankedStep | null {
  const check = findCheck(checks, 'selfBroadcastGmvShare');
  if (!isShort(check)) return null;
  const common = { share: percent(check.value), target: percent(check.target) };
  const heroes = metrics.heroProducts.slice(0, 3);
  const first = heroes[0];
  if (first) {
    return {
      priority: gapPriority(check),
      step: {
        id: 'selfShareHero',
        message: {
          key: 'S.next.selfShareHero',
          params: {
            ...common,
            products: heroes.map(productName),
            first: productName(first),
            creators: count(first.creators),
          },
        },
      },
    };
  }
  const top = metrics.topProducts.slice(0, 3);
  if (top.length === 0) return null;
  return {
    priority: gapPriority(check),
    step: {
      id: 'selfShareTop',
      message: { key: 'S.next.selfShareTop', params: { ...common, products: top.map(productName) } },
    },
  };
}

function gmvPerHourStep(metrics: Metrics, checks: Check[]): RankedStep | null {
  const check = findCheck(checks, 'gmvPerHour');
  const best = bestSessionByGmvPerHour(metrics);
  if (!isShort(check) || !best) return null;
  return {
    priority: gapPriority(check),
    step: {
      id: 'gmvPerHour',
      message: {
        key: 'S.next.gmvPerHour',
        params: {
          value: yuanFromYuan(check.value),
          target: yuanFromYuan(check.target),
          session: sessionName(best.session),
          best: yuan(Math.round(best.perHourFen)),
        },
      },
    },
  };
}

function conversionStep(metrics: Metrics, checks: Check[]): RankedStep | null {
  const check = findCheck(checks, 'conversion');
  const product = leadProduct(metrics);
  const worst = weakestSessions(metrics, (session) => session.conversion, 2);
  if (!isShort(check) || !product || worst.length === 0) return null;
  return {
    priority: gapPriority(check),
    step: {
      id: 'conversion',
      message: {
        key: 'S.next.conversion',
        params: {
          value: percent(check.value),
          target: percent(check.target),
          sessions: worst.map(sessionName),
          product: productName(product),
        },
      },
    },
  };
}

/** UV value and GPM say the same thing per viewer and per view: one step, UV value first. */
function orderValueStep(metrics: Metrics, checks: Check[]): RankedStep | null {
  const product = leadProduct(metrics);
  if (!product) return null;
  const uvValue = findCheck(checks, 'uvValue');
  const gpm = findCheck(checks, 'gpm');
  const check = isShort(uvValue) ? uvValue : isShort(gpm) && uvValue.result === 'unknown' ? gpm : null;
  if (!check) return null;
  const key = check.id === 'uvValue' ? 'S.next.uvValue' : 'S.next.gpm';
  return {
    priority: gapPriority(check),
    step: {
      id: check.id,
      message: {
        key,
        params: { value: yuanFromYuan(check.value), target: yuanFromYuan(check.target), product: productName(product) },
      },
    },
  };
}

function stayStep(metrics: Metrics, checks: Check[]): RankedStep | null {
  const check = findCheck(checks, 'avgStay');
  const worst = weakestSessions(metrics, (session) => session.avgStaySeconds, 2);
  if (!isShort(check) || worst.length === 0) return null;
  return {
    priority: gapPriority(check),
    step: {
      id: 'stay',
      message: {
        key: 'S.next.stay',
        params: { value: count(check.value), target: count(check.target), sessions: worst.map(sessionName) },
      },
    },
  };
}

function followStep(metrics: Metrics, checks: Check[]): RankedStep | null {
  const check = findCheck(checks, 'followRate');
  const product = leadProduct(metrics);
  if (!isShort(check) || !product) return null;
  return {
    priority: gapPriority(check),
    step: {
      id: 'follow',
      message: {
        key: 'S.next.follow',
        params: { value: percent(check.value), target: percent(check.target), product: productName(product) },
      },
    },
  };
}

function matrixStep(metrics: Metrics, checks: Check[]): RankedStep | null {
  const check = findCheck(checks, 'ownAccounts');
  // The second account sells the second product line, so the rooms do not compete.
  const product = metrics.topProducts[1] ?? metrics.topProducts[0];
  if (!isShort(check) || !product) return null;
  return {
    priority: gapPriority(check),
    step: {
      id: 'matrix',
      message: {
        key: 'S.next.matrix',
        params: { value: count(check.value), target: count(check.target), product: productName(product) },
      },
    },
  };
}

function coldStartStep(metrics: Metrics, checks: Check[]): RankedStep | null {
  const check = findCheck(checks, 'coldStartGrowth');
  const products = leadProducts(metrics.heroProducts, metrics.topProducts, 3);
  if (!isShort(check) || products.length === 0) return null;
  return {
    priority: gapPriority(check),
    step: {
      id: 'coldStart',
      message: {
        key: 'S.next.coldStart',
        params: { value: ratio(check.value), target: ratio(check.target), products: products.map(productName) },
      },
    },
  };
}

function programmeSteps(metrics: Metrics, profile: Profile): (RankedStep | null)[] {
  return [chuanliuStep(metrics, profile), shortVideoStep(metrics, profile)];
}

function chuanliuStep(metrics: Metrics, profile: Profile): RankedStep | null {
  const target = thresholdValue(profile, 'programme.chuanliuShare');
  const creators = metrics.topCreators.slice(0, 3).map(creatorName);
  if (metrics.chuanliuShare === null || metrics.chuanliuShare >= target || creators.length === 0) return null;
  return {
    priority: PROGRAMME_PRIORITY,
    step: {
      id: 'chuanliu',
      message: { key: 'S.next.chuanliu', params: { share: percent(metrics.chuanliuShare), creators } },
    },
  };
}

function shortVideoStep(metrics: Metrics, profile: Profile): RankedStep | null {
  const target = thresholdValue(profile, 'programme.shortVideoGmvShare');
  const share = metrics.carrier.shortVideo.share;
  const product = leadProduct(metrics);
  if (share === null || share >= target || !product) return null;
  return {
    priority: PROGRAMME_PRIORITY,
    step: {
      id: 'shortVideo',
      message: {
        key: 'S.next.shortVideo',
        params: {
          share: percent(share),
          target: percent(target),
          videos: count(thresholdValue(profile, 'stage.earlyWarmup.warmupVideos')),
          product: productName(product),
        },
      },
    },
  };
}
