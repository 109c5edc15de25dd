// The engine's own words: statuses, brand-level findings and profile errors.
// Stage rules carry their own strings and names; engine.ts merges everything into diagnosisMessages.

import type { Catalog } from '../i18n/index.js';
import type { StageStatus } from './types.js';

const STATUS_NAMES: Record<StageStatus, { en: string; zh: string }> = {
  'not-measured': { en: 'not measured', zh: '未测量' },
  'not-started': { en: 'not started', zh: '未开始' },
  emerging: { en: 'emerging', zh: '起步' },
  developing: { en: 'developing', zh: '发展中' },
  established: { en: 'established', zh: '已成型' },
  strong: { en: 'strong', zh: '成熟' },
};

function nameEntries(prefix: string, names: Record<string, { en: string; zh: string }>): Catalog {
  const catalog: Catalog = { en: {}, zh: {} };
  for (const [key, name] of Object.entries(names)) {
    catalog.en[`${prefix}${key}`] = name.en;
    catalog.zh[`${prefix}${key}`] = name.zh;
  }
  return catalog;
}

const fixedMessages: Catalog = {
  en: {
    'diagnosis.trust.shopExperience':
      'Shop experience score (店铺体验分) is {score}, below the {minimum} minimum: the platform limits traffic and subsidies for shops under it, which weighs on every stage.',
    'diagnosis.trust.shopExperience.critical':
      'Shop experience score (店铺体验分) is {score}, under {critical}: traffic and subsidies are likely restricted. Fix after-sales, shipping and complaints before spending on growth.',
    'diagnosis.trust.creatorReputation':
      'Creator reputation score (带货口碑分) is {score}, below the {minimum} minimum: creators and the platform weigh it when choosing what to carry.',
    'diagnosis.trust.creatorReputation.critical':
      'Creator reputation score (带货口碑分) is {score}, under {critical}: creators are likely to drop the brand. Fix product quality and after-sales before recruiting.',
    'diagnosis.trust.product':
      'Product score (商品分) is {score}, below the {minimum} minimum: low-scored products get less recommendation.',
    'diagnosis.trust.product.critical':
      'Product score (商品分) is {score}, under {critical}: the products are likely held back from recommendation. Fix descriptions, quality and reviews first.',
    'diagnosis.trust.unstated':
      'brand.json states no platform scores (店铺体验分, 带货口碑分, 商品分): add them under "scores" so the diagnosis can weigh trust risks.',
    'diagnosis.heldByDefiningCheck':
      'Held at {held} rather than {score}: “{check}” defines this stage and is only at {reached} of its target, so the stage cannot count as established yet.',
    'diagnosis.refunds':
      'Refunds took {rate} of GMV ({refunds}), above the {max} this profile allows: growth work loses much of its effect until returns come down.',
    'diagnosis.noProducts':
      'The orders export has no product id or name, so next steps cannot name products: add the 商品ID / 商品名称 columns.',
    'diagnosis.profile.defaultName': 'default',
    'diagnosis.profile.categoryUnmatched':
      'No profile matches the category "{category}" in brand.json: the {profile} profile was used.',
    'diagnosis.checklist.unmatched':
      'checklist.json has answers for live ids that no diagnosed session carries ({count}: {ids}): they fall outside the period, or do not match the 直播ID column.',
  },
  zh: {
    'diagnosis.trust.shopExperience':
      '店铺体验分 {score}，低于 {minimum} 的底线：平台会限制这类店铺的流量和补贴，每个阶段都受影响。',
    'diagnosis.trust.shopExperience.critical':
      '店铺体验分 {score}，低于 {critical} 分的警戒线：流量和补贴很可能已被限制。先把售后、发货和投诉处理好，再花钱做增长。',
    'diagnosis.trust.creatorReputation': '带货口碑分 {score}，低于 {minimum} 的底线：达人选品和平台分发都会看这个分。',
    'diagnosis.trust.creatorReputation.critical':
      '带货口碑分 {score}，低于 {critical} 分的警戒线：达人很可能不再接品牌的货。先把商品质量和售后做好，再招达人。',
    'diagnosis.trust.product': '商品分 {score}，低于 {minimum} 的底线：低分商品拿到的推荐更少。',
    'diagnosis.trust.product.critical':
      '商品分 {score}，低于 {critical} 分的警戒线：商品很可能被限流。先优化详情页、品质和评价。',
    'diagnosis.trust.unstated':
      'brand.json 没有填写平台分数（店铺体验分、带货口碑分、商品分）：在 "scores" 中填写，诊断才能评估信任风险。',
    'diagnosis.heldByDefiningCheck':
      '本阶段得分按 {held} 计（原为 {score}）：核心指标“{check}”只完成目标的 {reached}，还不能算已成型。',
    'diagnosis.refunds':
      '退款占 GMV 的 {rate}（{refunds}），高于评估标准允许的 {max}：退款率降下来之前，增长动作的效果会大打折扣。',
    'diagnosis.noProducts': '订单导出没有商品ID或商品名称，下一步建议无法点名商品：请加上“商品ID / 商品名称”列。',
    'diagnosis.profile.defaultName': '通用',
    'diagnosis.profile.categoryUnmatched': 'brand.json 中的类目“{category}”没有对应的评估标准，已按{profile}标准诊断。',
    'diagnosis.checklist.unmatched':
      'checklist.json 中有 {count} 场的回答不在本次诊断的场次中（{ids}）：它们不在分析周期内，或 ID 与“直播ID”列对不上。',
  },
};

/**
 * Errors loadProfile raises. Exported on their own so the CLI, which renders UserErrors, can
 * merge them without the rest of the diagnosis catalog.
 */
export const profileMessages: Catalog = {
  en: {
    'diagnosis.profile.unknown':
      'unknown profile "{name}": the shipped profiles are {shipped} (or give the path of a profile file)',
    'diagnosis.profile.notFound': 'profile file not found: {file}',
    'diagnosis.profile.unreadable': 'cannot read the profile file {file} ({code})',
    'diagnosis.profile.notJson': 'the profile file {file} is not valid JSON',
    'diagnosis.profile.notObject':
      'the profile file {file} must hold a JSON object with "description" and "thresholds"',
    'diagnosis.profile.badDescription': 'the profile file {file} needs "description": {"en": "...", "zh": "..."}',
    'diagnosis.profile.noThresholds': 'the profile file {file} needs a "thresholds" object',
    'diagnosis.profile.missingValue': 'threshold "{threshold}" in {file} needs a numeric "value"',
    'diagnosis.profile.missingSource':
      'threshold "{threshold}" in {file} needs a "source": a citation, or "assumption"',
    'diagnosis.profile.badMax':
      'threshold "{threshold}" in {file} has a "max" that is not a number at least as large as its "value"',
    'diagnosis.profile.missingThresholds':
      'the profile file {file} lacks thresholds the diagnosis needs: {thresholds} (add "extends": "default" to take them from the default profile)',
    'diagnosis.profile.missingMax': 'thresholds {thresholds} in {file} are bands and need a "max"',
    'diagnosis.profile.badExtends':
      'the profile file {file} has an "extends" that is not a profile name or file: write "extends": "default" or "extends": "./base.json"',
    'diagnosis.profile.unknownBase':
      'the profile file {file} extends "{base}", which is not a shipped profile ({shipped}); a file base needs a path such as "./{base}.json"',
    'diagnosis.profile.extendsOutside':
      'the profile file {file} extends "{base}", which is outside its folder: put the base profile beside it',
    'diagnosis.profile.extendsCycle': 'the profile file {file} extends itself in a loop: {chain}',
    'diagnosis.profile.unknownOverride':
      'the profile file {file} sets {thresholds}, which its base "{base}" does not hold (a misspelt key?)',
  },
  zh: {
    'diagnosis.profile.unknown': '未知配置“{name}”：内置配置有 {shipped}（也可以给出配置文件路径）',
    'diagnosis.profile.notFound': '找不到配置文件：{file}',
    'diagnosis.profile.unreadable': '无法读取配置文件 {file}（{code}）',
    'diagnosis.profile.notJson': '配置文件 {file} 不是有效的 JSON',
    'diagnosis.profile.notObject': '配置文件 {file} 必须是包含 "description" 和 "thresholds" 的 JSON 对象',
    'diagnosis.profile.badDescription': '配置文件 {file} 需要 "description": {"en": "...", "zh": "..."}',
    'diagnosis.profile.noThresholds': '配置文件 {file} 需要 "thresholds" 对象',
    'diagnosis.profile.missingValue': '{file} 中的阈值“{threshold}”需要数值型的 "value"',
    'diagnosis.profile.missingSource': '{file} 中的阈值“{threshold}”需要 "source"：出处，或 "assumption"',
    'diagnosis.profile.badMax': '{file} 中的阈值“{threshold}”的 "max" 不是不小于 "value" 的数字',
    'diagnosis.profile.missingThresholds':
      '配置文件 {file} 缺少诊断需要的阈值：{thresholds}（加上 "extends": "default" 即可沿用默认配置的阈值）',
    'diagnosis.profile.missingMax': '{file} 中的阈值 {thresholds} 是区间，需要 "max"',
    'diagnosis.profile.badExtends':
      '配置文件 {file} 的 "extends" 既不是配置名也不是文件：请写成 "extends": "default" 或 "extends": "./base.json"',
    'diagnosis.profile.unknownBase':
      '配置文件 {file} 继承的“{base}”不是内置配置（{shipped}）；要继承文件，请写路径，如 "./{base}.json"',
    'diagnosis.profile.extendsOutside':
      '配置文件 {file} 继承的“{base}”不在它所在的文件夹内：请把基础配置放在同一文件夹',
    'diagnosis.profile.extendsCycle': '配置文件 {file} 的继承关系形成了循环：{chain}',
    'diagnosis.profile.unknownOverride':
      '配置文件 {file} 设置了 {thresholds}，但它继承的“{base}”里没有这些阈值（键名写错了？）',
  },
};

export const engineMessages: Catalog = {
  en: {
    ...nameEntries('diagnosis.status.', STATUS_NAMES).en,
    ...fixedMessages.en,
    ...profileMessages.en,
  },
  zh: {
    ...nameEntries('diagnosis.status.', STATUS_NAMES).zh,
    ...fixedMessages.zh,
    ...profileMessages.zh,
  },
};
