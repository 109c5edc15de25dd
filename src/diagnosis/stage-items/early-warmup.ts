// E — warm-up and highlights (预热). Public exposure before going live locks viewers in: the data
// shows it as reservations against the viewers who came, warm-up videos posted, and viewers
// brought in by short videos (短直联动).

import type { Catalog } from '../../i18n/index.js';
import type { SessionMetrics } from '../../metrics/types.js';
import { isPresent, thresholdValue } from '../checks.js';
import type { ItemAnswers, Profile, StageItemRule, StageItemVerdict } from '../types.js';
import { count, percent } from '../wording.js';
import { gradeAgainst, judge, questionsOf, unknownKey, type Signal } from './judge.js';

const strings: Catalog = {
  en: {
    'stage.earlyWarmup.name': 'Warm-up',
    'stage.earlyWarmup.why':
      'Warm-up before going live decides how full the room is in its first minutes, when the platform decides how much traffic to send.',
    'stage.earlyWarmup.q.warmupRhythm': 'Was there a warm-up rhythm (when to post, when to remind followers)?',
    'stage.earlyWarmup.q.warmupRhythm.no': 'checklist: no warm-up rhythm',
    'stage.earlyWarmup.q.warmupVideosPosted': 'Were warm-up short videos posted before the session?',
    'stage.earlyWarmup.q.warmupVideosPosted.no': 'checklist: no warm-up videos posted',
    'stage.earlyWarmup.q.reservationsOpen': 'Were live reservations opened and promoted?',
    'stage.earlyWarmup.q.reservationsOpen.no': 'checklist: reservations not opened',
    'stage.earlyWarmup.reservations.pass': '{reservations} reservations, {rate} of viewers (target {target})',
    'stage.earlyWarmup.reservations.short': 'only {reservations} reservations, {rate} of viewers (target {target})',
    'stage.earlyWarmup.videos.pass': '{videos} warm-up videos (target {target})',
    'stage.earlyWarmup.videos.short': '{videos} warm-up videos, fewer than {target}',
    'stage.earlyWarmup.shortVideo.pass': '{viewers} viewers came from short videos',
    'stage.earlyWarmup.shortVideo.none': 'no viewer came from short videos',
    'stage.earlyWarmup.health.finding':
      'STAGE E, warm-up: failed in {failed} of {judged} sessions judged, e.g. {sessions}.',
    'stage.earlyWarmup.health.next':
      'Warm up every session: post {videos} short videos linking to the room in the day before, open reservations and remind followers, aiming for reservations from {rate} of the viewers you expect; start with sessions like {sessions}.',
  },
  zh: {
    'stage.earlyWarmup.name': '预热',
    'stage.earlyWarmup.why': '开播前的预热决定开场几分钟直播间有多少人，而平台正是在这几分钟决定推多少流量。',
    'stage.earlyWarmup.q.warmupRhythm': '是否有预热节奏（什么时候发视频、什么时候提醒粉丝）？',
    'stage.earlyWarmup.q.warmupRhythm.no': '清单：没有预热节奏',
    'stage.earlyWarmup.q.warmupVideosPosted': '开播前是否发布了预热短视频？',
    'stage.earlyWarmup.q.warmupVideosPosted.no': '清单：没有发布预热视频',
    'stage.earlyWarmup.q.reservationsOpen': '是否开启并推广了直播预约？',
    'stage.earlyWarmup.q.reservationsOpen.no': '清单：没有开启预约',
    'stage.earlyWarmup.reservations.pass': '预约 {reservations} 人，为观看人数的 {rate}（目标 {target}）',
    'stage.earlyWarmup.reservations.short': '预约只有 {reservations} 人，为观看人数的 {rate}（目标 {target}）',
    'stage.earlyWarmup.videos.pass': '预热视频 {videos} 条（目标 {target}）',
    'stage.earlyWarmup.videos.short': '预热视频 {videos} 条，少于 {target} 条',
    'stage.earlyWarmup.shortVideo.pass': '短视频引流 {viewers} 人',
    'stage.earlyWarmup.shortVideo.none': '没有观众来自短视频',
    'stage.earlyWarmup.health.finding': 'STAGE E（预热）：已判断的 {judged} 场中有 {failed} 场不合格，如 {sessions}。',
    'stage.earlyWarmup.health.next':
      '每场都要预热：开播前一天发布 {videos} 条挂直播间链接的短视频，开启预约并提醒粉丝，预约人数目标为预计观看人数的 {rate}；先从 {sessions} 这样的场次做起。',
  },
};

function reservationSignal(session: SessionMetrics, profile: Profile): Signal | null {
  if (session.reservationRate === null || session.reservations === null) return null;
  const result = gradeAgainst(profile, 'stage.earlyWarmup.reservationRate', 'atLeast', session.reservationRate);
  const params = {
    reservations: count(session.reservations),
    rate: percent(session.reservationRate),
    target: percent(thresholdValue(profile, 'stage.earlyWarmup.reservationRate')),
  };
  const key = result === 'pass' ? 'stage.earlyWarmup.reservations.pass' : 'stage.earlyWarmup.reservations.short';
  return { result, evidence: { key, params } };
}

function videosSignal(session: SessionMetrics, profile: Profile): Signal | null {
  if (session.warmupVideos === null) return null;
  const result = gradeAgainst(profile, 'stage.earlyWarmup.warmupVideos', 'atLeast', session.warmupVideos);
  const params = {
    videos: count(session.warmupVideos),
    target: count(thresholdValue(profile, 'stage.earlyWarmup.warmupVideos')),
  };
  const key = result === 'pass' ? 'stage.earlyWarmup.videos.pass' : 'stage.earlyWarmup.videos.short';
  return { result, evidence: { key, params } };
}

/** No short-video viewers is a warning, not a failure: reservations and videos may still have filled the room. */
function shortVideoSignal(session: SessionMetrics): Signal | null {
  if (session.shortVideoViewers === null) return null;
  if (session.shortVideoViewers <= 0) return { result: 'warn', evidence: { key: 'stage.earlyWarmup.shortVideo.none' } };
  return {
    result: 'pass',
    evidence: { key: 'stage.earlyWarmup.shortVideo.pass', params: { viewers: count(session.shortVideoViewers) } },
  };
}

const questions = questionsOf('earlyWarmup', ['warmupRhythm', 'warmupVideosPosted', 'reservationsOpen']);

export const earlyWarmup: StageItemRule = {
  key: 'early-warmup',
  namespace: 'earlyWarmup',
  letter: 'E',
  name: 'stage.earlyWarmup.name',
  strings,
  why: 'stage.earlyWarmup.why',
  questions,
  requires: {
    fields: ['reservations', 'reservationRate', 'warmupVideos', 'shortVideoViewers'],
    missing: {
      en: 'the live sessions export has no reservations, warm-up videos or short-video viewers',
      zh: '直播场次导出没有预约人数、预热视频数或短视频引流人数',
    },
  },
  feeds: 'self-broadcast',
  health: { finding: 'stage.earlyWarmup.health.finding', nextStep: 'stage.earlyWarmup.health.next' },
  nextStepParams: (profile) => ({
    videos: count(thresholdValue(profile, 'stage.earlyWarmup.warmupVideos')),
    rate: percent(thresholdValue(profile, 'stage.earlyWarmup.reservationRate')),
  }),
  assess,
};

function assess(session: SessionMetrics, answers: ItemAnswers | null, profile: Profile): StageItemVerdict {
  const signals = [reservationSignal(session, profile), videosSignal(session, profile), shortVideoSignal(session)];
  return judge({ signals: signals.filter(isPresent), answers, questions, unknown: unknownKey('earlyWarmup') });
}
