// The JSON Schema of `trend --json` ships in the package (schema/trend.schema.json); `check`
// validates trend files against it before gating on them.

import { readFileSync } from 'node:fs';
import type { ReportValidator } from '../report/schema.js';

export const TREND_SCHEMA_URL = new URL('../../schema/trend.schema.json', import.meta.url);

export async function loadTrendValidator(): Promise<ReportValidator> {
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  const schema = JSON.parse(readFileSync(TREND_SCHEMA_URL, 'utf8')) as object;
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
  const validate = ajv.compile(schema);
  return (value) => {
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error: { instancePath: string; message?: string; keyword: string }) => ({
      path: error.instancePath || '/',
      message: error.message ?? error.keyword,
    }));
  };
}
