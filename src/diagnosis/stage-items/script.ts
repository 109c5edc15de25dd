// S — script and show (直播脚本 / 节奏). A session run to a planned rhythm holds its viewers:
// the data shows it in the average stay, in how far the peak rises over the average online
// (viewers who come and leave), and in a duration long enough for the script to cycle.

import type { Catalog } from '../../i18n/index.js';
import type { SessionMetrics } from '../../metrics/types.js';
import { isPresent, thresholdValue } from '../checks.js';
import type { ItemAnswers, Profile, StageItemRule, StageItemVerdict } from '../types.js';
import { count, ratio } from '../wording.js';
import { gradeAgainst, judge, questionsOf, unknownKey, type Signal } from './judge.js';

const strings: Catalog = {
  en: {
    'stage.script.name': 'Script and show',
    'stage.script.why': 'A session run to a planned rhythm keeps viewers longer and sells each product at its moment.',
    'stage.script.q.rhythmPlanned': 'Was the rhythm of the session (what happens when) decided before going live?',
    'stage.script.q.rhythmPlanned.no': 'checklist: rhythm not decided before going live',
    'stage.script.q.scriptWritten': 'Was there a written script?',
    'stage.script.q.scriptWritten.no': 'checklist: no written script',
    'stage.script.q.activitiesPaced': 'Were the activities (draws, offers, explanations) paced across the session?',
    'stage.script.q.activitiesPaced.no': 'checklist: activities not paced',
    'stage.script.q.hostPersonaClear': 'Does the host have a clear persona that viewers recognise?',
    'stage.script.q.hostPersonaClear.no': 'checklist: host persona not clear',
    'stage.script.q.rehearsed': 'Was the session rehearsed, or prepared with the team beforehand?',
    'stage.script.q.rehearsed.no': 'checklist: not rehearsed',
    'stage.script.stay.pass': 'average stay {stay} s (target {target} s)',
    'stage.script.stay.warn': 'average stay {stay} s, under the {target} s target',
    'stage.script.stay.fail': 'average stay {stay} s, below {weak} s: weak',
    'stage.script.peak.pass': 'peak online {peak} is {ratio}× the average {average} (at most {max}×)',
    'stage.script.peak.short':
      'peak online {peak} is {ratio}× the average {average}, above {max}×: viewers come and leave',
    'stage.script.duration.pass': '{minutes} minutes live (target {target})',
    'stage.script.duration.short': '{minutes} minutes live, shorter than {target}',
    'stage.script.health.finding': 'STAGE S, script: failed in {failed} of {judged} sessions judged, e.g. {sessions}.',
    'stage.script.health.next':
      'Write a minute-by-minute script for every session and put a draw or benefit every 10–15 minutes, so that viewers stay past {stay} s; rework {sessions} first.',
  },
  zh: {
    'stage.script.name': '直播脚本 / 节奏',
    'stage.script.why': '按既定节奏进行的直播更能留住观众，每个商品都在合适的时刻开卖。',
    'stage.script.q.rhythmPlanned': '开播前是否已确定直播节奏（什么时间做什么）？',
    'stage.script.q.rhythmPlanned.no': '清单：开播前未确定节奏',
    'stage.script.q.scriptWritten': '是否有书面的直播脚本？',
    'stage.script.q.scriptWritten.no': '清单：没有书面脚本',
    'stage.script.q.activitiesPaced': '抽奖、优惠、讲解等活动是否在整场中分段安排？',
    'stage.script.q.activitiesPaced.no': '清单：活动没有分段安排',
    'stage.script.q.hostPersonaClear': '主播人设是否清晰、观众认得出？',
    'stage.script.q.hostPersonaClear.no': '清单：主播人设不清晰',
    'stage.script.q.rehearsed': '开播前是否彩排过，或和团队一起做好了准备？',
    'stage.script.q.rehearsed.no': '清单：没有彩排',
    'stage.script.stay.pass': '人均停留 {stay} 秒（目标 {target} 秒）',
    'stage.script.stay.warn': '人均停留 {stay} 秒，未达 {target} 秒的目标',
    'stage.script.stay.fail': '人均停留 {stay} 秒，低于 {weak} 秒：偏弱',
    'stage.script.peak.pass': '最高在线 {peak} 是平均在线 {average} 的 {ratio} 倍（不超过 {max} 倍）',
    'stage.script.peak.short': '最高在线 {peak} 是平均在线 {average} 的 {ratio} 倍，超过 {max} 倍：观众来了就走',
    'stage.script.duration.pass': '直播 {minutes} 分钟（目标 {target}）',
    'stage.script.duration.short': '直播 {minutes} 分钟，短于 {target}',
    'stage.script.health.finding': 'STAGE S（脚本）：已判断的 {judged} 场中有 {failed} 场不合格，如 {sessions}。',
    'stage.script.health.next':
      '每场写好按分钟排的脚本，每 10–15 分钟安排一次抽奖或福利，让观众停留超过 {stay} 秒；先重做 {sessions}。',
  },
};

function staySignal(session: SessionMetrics, profile: Profile): Signal | null {
  const stay = session.avgStaySeconds;
  if (stay === null) return null;
  const target = thresholdValue(profile, 'stage.script.avgStaySeconds');
  const weak = thresholdValue(profile, 'stage.script.avgStayWeakSeconds');
  const params = { stay: count(stay), target: count(target), weak: count(weak) };
  if (stay >= target) return { result: 'pass', evidence: { key: 'stage.script.stay.pass', params } };
  if (stay >= weak) return { result: 'warn', evidence: { key: 'stage.script.stay.warn', params } };
  return { result: 'fail', evidence: { key: 'stage.script.stay.fail', params } };
}

function peakSignal(session: SessionMetrics, profile: Profile): Signal | null {
  const peakToAverage = session.peakToAvgOnline;
  if (peakToAverage === null || session.peakOnline === null || session.avgOnline === null) return null;
  const result = gradeAgainst(profile, 'stage.script.peakToAvgOnlineMax', 'atMost', peakToAverage);
  const params = {
    peak: count(session.peakOnline),
    average: count(session.avgOnline),
    ratio: ratio(peakToAverage),
    max: ratio(thresholdValue(profile, 'stage.script.peakToAvgOnlineMax')),
  };
  return {
    result,
    evidence: { key: result === 'pass' ? 'stage.script.peak.pass' : 'stage.script.peak.short', params },
  };
}

function durationSignal(session: SessionMetrics, profile: Profile): Signal | null {
  if (session.durationMinutes === null) return null;
  const result = gradeAgainst(profile, 'stage.script.durationMinutes', 'atLeast', session.durationMinutes);
  const params = {
    minutes: count(session.durationMinutes),
    target: count(thresholdValue(profile, 'stage.script.durationMinutes')),
  };
  return {
    result,
    evidence: { key: result === 'pass' ? 'stage.script.duration.pass' : 'stage.script.duration.short', params },
  };
}

const questions = questionsOf('script', [
  'rhythmPlanned',
  'scriptWritten',
  'activitiesPaced',
  'hostPersonaClear',
  'rehearsed',
]);

export const script: StageItemRule = {
  key: 'script',
  namespace: 'script',
  letter: 'S',
  name: 'stage.script.name',
  strings,
  why: 'stage.script.why',
  questions,
  requires: {
    fields: ['avgStaySeconds', 'peakOnline', 'avgOnline', 'durationMinutes'],
    missing: {
      en: 'the live sessions export has no average stay, online counts or duration',
      zh: '直播场次导出没有人均观看时长、在线人数或直播时长',
    },
  },
  feeds: 'self-broadcast',
  health: { finding: 'stage.script.health.finding', nextStep: 'stage.script.health.next' },
  nextStepParams: (profile) => ({ stay: count(thresholdValue(profile, 'stage.script.avgStaySeconds')) }),
  assess,
};

function assess(session: SessionMetrics, answers: ItemAnswers | null, profile: Profile): StageItemVerdict {
  const signals = [staySignal(session, profile), peakSignal(session, profile), durationSignal(session, profile)];
  return judge({ signals: signals.filter(isPresent), answers, questions, unknown: unknownKey('script') });
}
