// The three priorities as lines of text, shared by the terminal and Markdown formatters: rank,
// horizon, the step, why, and the GMV it should bring. Renders only what report.plan holds.

import { formatNumber, type Translate } from '../../i18n/index.js';
import type { Report, ReportPlanItem } from '../types.js';

export interface PriorityLines {
  head: string;
  why: string;
  impact: string | null;
}

export function priorityLines(item: ReportPlanItem, t: Translate): PriorityLines {
  const horizon = t(`plan.horizon.${item.horizon}`);
  return {
    head: `[${horizon}] ${item.text}`,
    why: t('plan.whyLine', { why: item.why }),
    impact:
      item.impact && item.impact.gmv !== null
        ? t('plan.impactLine', { gmv: `¥${formatNumber(item.impact.gmv, 0)}`, horizon, basis: item.impact.basis })
        : null,
  };
}

/** Reports written before the plan existed (schema < 1.2.0) have none: they render without it. */
export function prioritiesOf(report: Report): ReportPlanItem[] | null {
  return report.plan ? report.plan.priorities : null;
}
