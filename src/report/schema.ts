// The JSON Schema of the report ships in the package (schema/report.schema.json); `check` and the
// tests validate reports against it. Ajv is loaded only by the commands that validate.
//
// Ajv with allErrors makes an error object for every failed keyword of every value: ten million
// empty objects in a report make a hundred million, which no machine holds. So the list is
// bounded twice: a document with many values is first checked stopping at the first problem
// (and only that one is listed when it fails), and every list stops at MAX_SCHEMA_PROBLEMS.

import { readFileSync } from 'node:fs';

export const REPORT_SCHEMA_URL = new URL('../../schema/report.schema.json', import.meta.url);

/** Problems listed at most; past it, one last entry says how many more there were. */
export const MAX_SCHEMA_PROBLEMS = 100;
/** Values (objects, arrays, scalars) up to which every problem is looked for. */
const FULL_CHECK_VALUES = 100_000;

export interface SchemaProblem {
  path: string;
  message: string;
}

export type ReportValidator = (report: unknown) => SchemaProblem[];

interface AjvError {
  instancePath: string;
  message?: string;
  keyword: string;
}

type Compiled = ((value: unknown) => boolean) & { errors?: AjvError[] | null };

function valuesIn(value: unknown, limit: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count <= limit) {
    const current = stack.pop();
    count++;
    if (Array.isArray(current)) for (const item of current) stack.push(item);
    else if (typeof current === 'object' && current !== null)
      for (const item of Object.values(current)) stack.push(item);
  }
  return count;
}

function problemOf(error: AjvError): SchemaProblem {
  return { path: error.instancePath || '/', message: error.message ?? error.keyword };
}

/** A validator from a schema, with the bounds above. Shared by the report and trend schemas. */
export async function boundedValidator(schemaUrl: URL): Promise<ReportValidator> {
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  const schema = JSON.parse(readFileSync(schemaUrl, 'utf8')) as object;
  // `format` keywords are annotations here: the date-time shape is fixed by our own writer.
  const every = new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(schema) as Compiled;
  const first = new Ajv2020({ allErrors: false, strict: false, validateFormats: false }).compile(schema) as Compiled;
  return (value) => {
    if (valuesIn(value, FULL_CHECK_VALUES) > FULL_CHECK_VALUES) {
      if (first(value)) return [];
      const problem = problemOf(first.errors![0]!);
      return [
        problem,
        { path: '/', message: `… and maybe more: a value this large is checked up to its first problem` },
      ];
    }
    if (every(value)) return [];
    const errors = every.errors ?? [];
    const listed = errors.slice(0, MAX_SCHEMA_PROBLEMS).map(problemOf);
    if (errors.length > MAX_SCHEMA_PROBLEMS) {
      listed.push({ path: '/', message: `… and ${errors.length - MAX_SCHEMA_PROBLEMS} more schema problems` });
    }
    return listed;
  };
}

export async function loadReportValidator(): Promise<ReportValidator> {
  return boundedValidator(REPORT_SCHEMA_URL);
}
