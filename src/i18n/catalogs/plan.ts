// How the plan reads at the top of every report: the three priorities and their figures.

import type { Catalog } from '../index.js';

export const planReportMessages: Catalog = {
  en: {
    'plan.title': 'This month’s three priorities',
    'plan.none': 'No priority: every measured stage is established.',
    'plan.horizon.this-week': 'this week',
    'plan.horizon.this-month': 'this month',
    'plan.horizon.this-quarter': 'this quarter',
    'plan.whyLine': 'Why: {why}',
    'plan.impactLine': 'Expected: +{gmv} GMV {horizon} ({basis})',
    'plan.backlogNote': 'The rest of the backlog is listed under each stage below.',
    'report.check.windowShort': 'window shorter than {days} days ({periodDays} in this period): not judged',
  },
  zh: {
    'plan.title': '本月三件事',
    'plan.none': '没有需要优先处理的事项：已测量的阶段都已成型。',
    'plan.horizon.this-week': '本周',
    'plan.horizon.this-month': '本月',
    'plan.horizon.this-quarter': '本季度',
    'plan.whyLine': '依据：{why}',
    'plan.impactLine': '预计{horizon} GMV +{gmv}（{basis}）',
    'plan.backlogNote': '其余待办按阶段列在下方。',
    'report.check.windowShort': '窗口不足 {days} 天（本期 {periodDays} 天），暂不判定',
  },
};
