// The JSON files the tool writes that are not reports: a batch summary, peer benchmarks, a trend,
// and check's, diff's and validate's own --json. Given where a report is expected, each gets one
// line saying what it is and which file to give instead, rather than a screen of schema problems.

import { dirname } from 'node:path';
import type { Message } from '../i18n/index.js';
import { BENCHMARKS_KIND } from '../benchmarks/types.js';

export type OtherFileKind = 'batchSummary' | 'benchmarks' | 'trend' | 'checkResult' | 'diffResult' | 'validation';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Recognised by the fields each writer always puts at the top, never by the file's name. */
export function otherFileKind(value: unknown): OtherFileKind | null {
  if (!isObject(value)) return null;
  // A report has stages; nothing below is one, whatever else it holds.
  if (Array.isArray(value.stages)) return null;
  if (value.kind === BENCHMARKS_KIND) return 'benchmarks';
  if (value.kind === 'trend') return 'trend';
  if (Array.isArray(value.clients) && isObject(value.counts)) return 'batchSummary';
  if (Array.isArray(value.reports) && isObject(value.summary) && typeof value.exitCode === 'number')
    return 'checkResult';
  if (isObject(value.old) && isObject(value.new) && isObject(value.tool)) return 'diffResult';
  if (Array.isArray(value.files) && typeof value.ok === 'boolean' && typeof value.dir === 'string') return 'validation';
  return null;
}

/** "this is a batch summary, not a report — run check on OUT/<client>/report.json", for `command`. */
export function notAReport(file: string, kind: OtherFileKind, command: string, value: unknown): Message {
  const params: Record<string, string> = { file, command };
  if (kind === 'batchSummary') params.dir = dirname(file);
  if (kind === 'validation' && isObject(value) && typeof value.dir === 'string') params.dir = value.dir;
  return { key: `check.notReport.${kind}`, params };
}
