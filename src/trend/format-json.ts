// `trend --json`: the Trend as it is, plus each step's headline and the warnings in words, for
// scripts and for `check`'s trend gate. Its shape is schema/trend.schema.json.

import { attributionHeadline } from '../diff/attribution-words.js';
import type { Translate } from '../i18n/index.js';
import { SCHEMA_VERSION } from '../report/types.js';
import { TOOL_NAME, toolVersion } from '../version.js';
import type { Trend, TrendStep, TrendWarning } from './build.js';
import { trendWarningText } from './words.js';

export interface TrendJson extends Omit<Trend, 'warnings' | 'steps'> {
  schemaVersion: string;
  kind: 'trend';
  tool: { name: string; version: string };
  warnings: (TrendWarning & { message: string })[];
  steps: (TrendStep & { summary: string })[];
}

export function trendJson(trend: Trend, t: Translate): TrendJson {
  const { brand, by, overall, periods, steps, warnings } = trend;
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'trend',
    tool: { name: TOOL_NAME, version: toolVersion() },
    brand,
    by,
    overall,
    warnings: warnings.map((warning) => ({ ...warning, message: trendWarningText(warning, t) })),
    periods,
    steps: steps.map((step) => ({ ...step, summary: attributionHeadline(step.attribution, t) })),
  };
}

export function formatTrendJson(trend: Trend, t: Translate): string {
  return `${JSON.stringify(trendJson(trend, t), null, 2)}\n`;
}
