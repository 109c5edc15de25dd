// The JSON Schema of `trend --json` ships in the package (schema/trend.schema.json); `check`
// validates trend files against it before gating on them.

import { boundedValidator, type ReportValidator } from '../report/schema.js';

export const TREND_SCHEMA_URL = new URL('../../schema/trend.schema.json', import.meta.url);

export async function loadTrendValidator(): Promise<ReportValidator> {
  return boundedValidator(TREND_SCHEMA_URL);
}
