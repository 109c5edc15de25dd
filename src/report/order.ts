import type { ReportStage } from './types.js';

/** The order a consultant acts in: the focus stage first, then the others in adoption order. */
export function stagesFocusFirst(stages: ReportStage[]): ReportStage[] {
  return [...stages.filter((stage) => stage.isFocus), ...stages.filter((stage) => !stage.isFocus)];
}
