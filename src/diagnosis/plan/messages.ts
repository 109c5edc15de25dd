// The plan's own words: trust and data items, and the one-sentence "why" under each priority.

import { bilingual } from '../stage-runner.js';

export const planMessages = bilingual({
  'plan.trust.shopExperience': {
    en: 'Bring the shop experience score (店铺体验分) from {score} back to {minimum} before spending on growth: clear the open after-sales cases, ship within the promised time and answer complaints the same day.',
    zh: '先把店铺体验分从 {score} 拉回 {minimum} 以上，再花钱做增长：清掉未处理的售后单，按承诺时效发货，投诉当天回复。',
  },
  'plan.trust.shopExperience.why': {
    en: 'Shop experience score {score} is under the {minimum} floor: below it the platform limits traffic and subsidies, so paid traffic and new creators would be spent on a restricted shop.',
    zh: '店铺体验分 {score}，低于 {minimum} 的底线：平台会限制流量和补贴，此时投磁力金牛、招达人，钱都花在受限的店铺上。',
  },
  'plan.trust.creatorReputation': {
    en: 'Bring the creator reputation score (带货口碑分) from {score} back to {minimum}: fix the products and after-sales creators’ buyers complain about before recruiting more creators.',
    zh: '先把带货口碑分从 {score} 拉回 {minimum} 以上：招新达人之前，先解决达人粉丝投诉最多的商品和售后问题。',
  },
  'plan.trust.creatorReputation.why': {
    en: 'Creator reputation score {score} is under the {minimum} floor: creators check it before they take a brand on.',
    zh: '带货口碑分 {score}，低于 {minimum} 的底线：达人选品时会先看这个分。',
  },
  'plan.trust.product': {
    en: 'Bring the product score (商品分) from {score} back to {minimum}: fix titles, main images and the reviews of the weakest products first.',
    zh: '先把商品分从 {score} 拉回 {minimum} 以上：优先改评分最低商品的标题、主图和评价。',
  },
  'plan.trust.product.why': {
    en: 'Product score {score} is under the {minimum} floor: low-scored products get less recommendation.',
    zh: '商品分 {score}，低于 {minimum} 的底线：低分商品拿不到推荐。',
  },
  'plan.trust.score.shopExperience': {
    en: 'shop experience score {score} (floor {minimum})',
    zh: '店铺体验分 {score}，底线 {minimum}',
  },
  'plan.trust.score.creatorReputation': {
    en: 'creator reputation score {score} (floor {minimum})',
    zh: '带货口碑分 {score}，底线 {minimum}',
  },
  'plan.trust.score.product': { en: 'product score {score} (floor {minimum})', zh: '商品分 {score}，底线 {minimum}' },
  'plan.list.0': { en: '—', zh: '—' },
  'plan.list.2': { en: '{a} and {b}', zh: '{a}；{b}' },
  'plan.list.3': { en: '{a}, {b} and {c}', zh: '{a}；{b}；{c}' },
  'plan.trust.low': {
    en: 'Lift the {scores} back over the floor this month: go through last month’s low reviews and after-sales cases, and fix what they keep naming.',
    zh: '本月把平台分拉回底线以上（{scores}）：逐条复盘上月的差评和售后单，把反复出现的问题解决掉。',
  },
  'plan.trust.low.why': {
    en: 'Platform scores under the floor — {scores} — weigh on traffic and on whether creators take the brand on.',
    zh: '平台分低于底线（{scores}），会影响流量分配，也影响达人是否愿意接品牌的货。',
  },
  'plan.why.notStarted': {
    en: '{stage} has not started yet.',
    zh: '{stage}尚未起步。',
  },
  'plan.data': {
    en: '{stage} cannot be judged yet: it {export}. Ask the client for it this week.',
    zh: '{stage}暂时无法判断，{export}。本周向客户要这份数据。',
  },
  'plan.data.why': {
    en: 'Without it the diagnosis cannot tell whether {stage} is the real focus.',
    zh: '没有这份数据，无法判断{stage}是不是真正的短板。',
  },
  'plan.why.check': {
    en: '{check}: {value} against a target of {target}.',
    zh: '{check}：{value}，目标 {target}。',
  },
  'plan.why.checkAtMost': {
    en: '{check}: {value} against a ceiling of {target}.',
    zh: '{check}：{value}，上限 {target}。',
  },
  'plan.why.stage': {
    en: '{stage} scores {score}: this is where the brand stands on the path.',
    zh: '{stage}目前 {score} 分：这是品牌当前所处的阶段。',
  },
  'plan.unit.seconds': { en: '{value} s', zh: '{value} 秒' },
  'plan.unit.minutes': { en: '{value} min', zh: '{value} 分钟' },
  // The label already says "per week" (每周自播场次): the figure only needs its unit.
  'plan.unit.perWeek': { en: '{value}', zh: '{value} 场' },
  'plan.why.withGoal': { en: '{why} {goal}', zh: '{why}{goal}' },
  'plan.goal.which.median': { en: 'median', zh: '中位值' },
  'plan.goal.which.excellent': { en: 'top-quarter value', zh: '优秀值' },
  'plan.goal.target': {
    en: 'The goal is the target itself, {goal}, which is within reach (median of {n} {group}: {median}).',
    zh: '本期目标直接取标准值 {goal}，可以够到（{n} 个{group}的中位值为 {median}）。',
  },
  'plan.goal.peerMedian': {
    en: 'The {target} target is out of reach for now, so the goal is {goal}, the median of {n} {group}.',
    zh: '离 {target} 的标准还远，先对标同类品牌中位值 {goal}（{n} 个{group}）。',
  },
  'plan.goal.peerExcellent': {
    en: 'The {target} target is out of reach for now and the brand is past the median of {n} {group} ({median}), so the goal is their top-quarter value, {goal}.',
    zh: '离 {target} 的标准还远，品牌已超过 {n} 个{group}的中位值 {median}，先对标优秀值 {goal}。',
  },
  'plan.goal.milestone.pastPeers': {
    en: 'The {target} target is out of reach for now and the brand is already past the top-quarter value of {n} {group} ({excellent}), so the goal is the milestone within reach, {goal}.',
    zh: '离 {target} 的标准还远，品牌已超过 {n} 个{group}的优秀值 {excellent}，先按可达的阶段目标 {goal} 推进。',
  },
  'plan.goal.milestone.peersFar': {
    en: 'The {target} target is out of reach for now, and so is the {which} of {n} {group} ({next}), so the goal is the milestone within reach, {goal}.',
    zh: '离 {target} 的标准还远，{n} 个{group}的{which} {next} 短期内也够不着，先按可达的阶段目标 {goal} 推进。',
  },
});
