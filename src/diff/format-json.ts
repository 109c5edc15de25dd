// `diff --json`: the ReportDiff as it is, plus the warnings in words, for scripts.

import type { Translate } from '../i18n/index.js';
import { TOOL_NAME, toolVersion } from '../version.js';
import type { DiffWarning, ReportDiff } from './compare.js';
import { warningText } from './words.js';

export interface DiffJson extends Omit<ReportDiff, 'warnings'> {
  tool: { name: string; version: string };
  warnings: (DiffWarning & { message: string })[];
}

export function diffJson(diff: ReportDiff, t: Translate): DiffJson {
  // Which reports were compared, and whether the comparison is fair, come first.
  const { old: oldSide, new: newSide, warnings, ...rest } = diff;
  return {
    tool: { name: TOOL_NAME, version: toolVersion() },
    old: oldSide,
    new: newSide,
    warnings: warnings.map((warning) => ({ ...warning, message: warningText(warning, t) })),
    ...rest,
  };
}

export function formatDiffJson(diff: ReportDiff, t: Translate): string {
  return `${JSON.stringify(diffJson(diff, t), null, 2)}\n`;
}
