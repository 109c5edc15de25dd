// `--format FMT[:PATH]` and `--json`: which formatter writes where. Files are written
// atomically; stdout gets at most the formats given without a path.

import { UserError } from '../errors.js';
import type { FormatName } from '../report/formatters/index.js';
import { FORMAT_NAMES, isFormatName, loadFormatter } from '../report/formatters/index.js';
import { layoutWidth } from '../report/formatters/layout.js';
import { createStyle } from '../report/formatters/style.js';
import type { Report } from '../report/types.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { ColorLevel } from './color.js';

export interface OutputTarget {
  format: FormatName;
  /** null = stdout */
  path: string | null;
}

export function parseFormatSpec(spec: string): OutputTarget {
  const colon = spec.indexOf(':');
  const name = colon === -1 ? spec : spec.slice(0, colon);
  const path = colon === -1 ? null : spec.slice(colon + 1);
  if (!isFormatName(name)) {
    throw new UserError({ key: 'cli.badFormat', params: { value: spec, formats: [...FORMAT_NAMES] } });
  }
  if (path === '') throw new UserError({ key: 'cli.badFormat', params: { value: spec, formats: [...FORMAT_NAMES] } });
  return { format: name, path };
}

export function outputTargets(formats: string[] | undefined, json: boolean | undefined): OutputTarget[] {
  const targets = (formats ?? []).map(parseFormatSpec);
  if (json) targets.push({ format: 'json', path: null });
  if (targets.length === 0) targets.push({ format: 'terminal', path: null });
  return targets;
}

export function writesTerminalToStdout(targets: OutputTarget[]): boolean {
  return targets.some((target) => target.path === null && target.format === 'terminal');
}

/** A folder that cannot be written is the user's to fix, not an internal error. */
export async function writeOutput(path: string, content: string): Promise<void> {
  try {
    await writeFileAtomic(path, content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw error;
    throw new UserError({ key: 'cli.cannotWrite', params: { file: path, detail: code } });
  }
}

/** The terminal's width when stdout is one; pipes and files get the default layout width. */
export function stdoutWidth(): number {
  return layoutWidth(process.stdout.isTTY ? process.stdout.columns : undefined);
}

export async function writeOutputs(report: Report, targets: OutputTarget[], color: ColorLevel): Promise<string[]> {
  const written: string[] = [];
  for (const target of targets) {
    const formatter = await loadFormatter(target.format);
    if (target.path === null) {
      const style = createStyle(target.format === 'terminal' ? color : 0);
      process.stdout.write(formatter(report, { style, width: stdoutWidth() }));
      continue;
    }
    await writeOutput(target.path, formatter(report, { style: createStyle(0) }));
    written.push(target.path);
  }
  return written;
}
