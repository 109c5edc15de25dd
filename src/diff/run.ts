// What `diff` does once commander has parsed the options: read and validate both reports, compare,
// write the outputs. Both files must be valid reports: diff cannot compare what it cannot read.

import { notAReport, otherFileKind } from '../check/other-files.js';
import { readJsonFile } from '../check/read.js';
import { UserError } from '../errors.js';
import { allMessages } from '../i18n/catalogs/index.js';
import { translator, type Lang, type Translate } from '../i18n/index.js';
import { createStyle } from '../report/formatters/style.js';
import { loadReportValidator, type ReportValidator } from '../report/schema.js';
import type { Report } from '../report/types.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { parseOutputSpecs, type OutputSpec } from '../util/output-spec.js';
import { diffReports, type ReportDiff } from './compare.js';
import { formatDiffJson } from './format-json.js';
import { formatDiffMarkdown } from './format-markdown.js';
import { formatDiffTerminal } from './format-terminal.js';
import { warningText } from './words.js';

export const DIFF_FORMATS = ['terminal', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export type DiffOutput = OutputSpec<DiffFormat>;

export interface DiffSettings {
  lang: Lang;
  colorLevel: 0 | 1 | 2 | 3;
  format?: string[];
  json?: boolean;
  quiet?: boolean;
}

/** A schema failure can be long; the first few problems are enough to recognise the file. */
const MAX_PROBLEMS_IN_ERROR = 5;

export function diffOutputs(formats: string[] | undefined, json: boolean | undefined): DiffOutput[] {
  const outputs = parseOutputSpecs(formats, json, DIFF_FORMATS);
  if (outputs.length === 0) outputs.push({ format: 'terminal', path: null });
  return outputs;
}

/** `command` names who asked, so a file that is not a report is told which command to run on what. */
export async function readReport(file: string, validate: ReportValidator, command: string): Promise<Report> {
  const read = await readJsonFile(file);
  if (!read.ok) throw new UserError(read.error);
  const other = otherFileKind(read.value);
  if (other !== null) throw new UserError(notAReport(file, other, command, read.value));
  const problems = validate(read.value);
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_PROBLEMS_IN_ERROR).map((problem) => `${problem.path}: ${problem.message}`);
    throw new UserError({ key: 'diff.invalidReport', params: { file, count: problems.length, problems: shown } });
  }
  return read.value as Report;
}

function render(diff: ReportDiff, format: DiffFormat, t: Translate, colorLevel: 0 | 1 | 2 | 3): string {
  switch (format) {
    case 'terminal':
      return formatDiffTerminal(diff, t, createStyle(colorLevel));
    case 'markdown':
      return formatDiffMarkdown(diff, t);
    case 'json':
      return formatDiffJson(diff, t);
  }
}

export async function runDiff(oldFile: string, newFile: string, settings: DiffSettings): Promise<ReportDiff> {
  const t = translator(allMessages, settings.lang);
  const outputs = diffOutputs(settings.format, settings.json);
  const validate = await loadReportValidator();
  const oldReport = await readReport(oldFile, validate, 'diff');
  const newReport = await readReport(newFile, validate, 'diff');
  const diff = diffReports(oldReport, newReport, { old: oldFile, new: newFile });

  if (!settings.quiet) {
    for (const warning of diff.warnings) process.stderr.write(`${t('diff.warningPrefix')}${warningText(warning, t)}\n`);
  }
  for (const output of outputs) {
    if (output.path !== null) continue;
    process.stdout.write(render(diff, output.format, t, output.format === 'terminal' ? settings.colorLevel : 0));
  }
  for (const output of outputs) {
    if (output.path === null) continue;
    await writeFileAtomic(output.path, render(diff, output.format, t, 0));
    if (!settings.quiet) process.stderr.write(`${t('cli.wrote', { path: output.path })}\n`);
  }
  return diff;
}
