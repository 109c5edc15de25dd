// The JSON Schema of the report ships in the package (schema/report.schema.json); `check` and the
// tests validate reports against it. Ajv is loaded only by the commands that validate.

import { readFileSync } from 'node:fs';

export const REPORT_SCHEMA_URL = new URL('../../schema/report.schema.json', import.meta.url);

export interface SchemaProblem {
  path: string;
  message: string;
}

export type ReportValidator = (report: unknown) => SchemaProblem[];

export async function loadReportValidator(): Promise<ReportValidator> {
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  const schema = JSON.parse(readFileSync(REPORT_SCHEMA_URL, 'utf8')) as object;
  // `format` keywords are annotations here: the date-time shape is fixed by our own writer.
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
  const validate = ajv.compile(schema);
  return (report) => {
    if (validate(report)) return [];
    return (validate.errors ?? []).map((error: { instancePath: string; message?: string; keyword: string }) => ({
      path: error.instancePath || '/',
      message: error.message ?? error.keyword,
    }));
  };
}
