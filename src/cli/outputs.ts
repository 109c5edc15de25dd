// `--format FMT[:PATH]` and `--json`: which formatter writes where. Files are written
// atomically; stdout gets at most the formats given without a path.

import { lstat, realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import type { FormatName, Rendered } from '../report/formatters/index.js';
import { FILE_ONLY_FORMATS, FORMAT_NAMES, loadFormatter } from '../report/formatters/index.js';
import { layoutWidth } from '../report/formatters/layout.js';
import { locateChromium } from '../report/pdf/chromium.js';
import { createStyle } from '../report/formatters/style.js';
import type { Report } from '../report/types.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { parseOutputSpec, parseOutputSpecs, type OutputSpec } from '../util/output-spec.js';
import type { ColorLevel } from './color.js';

export type OutputTarget = OutputSpec<FormatName>;

export function parseFormatSpec(spec: string): OutputTarget {
  return parseOutputSpec(spec, FORMAT_NAMES);
}

export function outputTargets(formats: string[] | undefined, json: boolean | undefined): OutputTarget[] {
  const targets = parseOutputSpecs(formats, json, FORMAT_NAMES);
  if (targets.length === 0) targets.push({ format: 'terminal', path: null });
  const toStdout = targets.find((target) => target.path === null && FILE_ONLY_FORMATS.includes(target.format));
  if (toStdout) throw new UserError({ key: 'pdf.needsPath', params: {} });
  // Before minutes of parsing, and before any file is written: a PDF run without a browser
  // says how to get one and leaves nothing behind.
  if (targets.some((target) => target.format === 'pdf')) locateChromium();
  return targets;
}

export function writesTerminalToStdout(targets: OutputTarget[]): boolean {
  return targets.some((target) => target.path === null && target.format === 'terminal');
}

/**
 * Where an output named `path` is written, or a refusal. An output replaces only what is ours
 * to replace: a missing file or a regular one that is not an input of this run (the client's
 * raw export is never overwritten by a report). A device, a pipe or a folder is refused, not
 * replaced. A symbolic link is written through: its target gets the new content atomically, in
 * the target's folder, and the link stays a link (a link to nowhere is refused).
 */
export async function outputDestination(path: string, inputs: readonly string[] = []): Promise<string> {
  let destination = path;
  let stats;
  try {
    stats = await lstat(path);
  } catch {
    return path; // nothing there yet: ours to create (a folder that cannot be written fails below)
  }
  if (stats.isSymbolicLink()) {
    try {
      destination = await realpath(path);
      stats = await stat(destination);
    } catch {
      throw new UserError({ key: 'cli.outputDanglingLink', params: { file: path } });
    }
  }
  if (!stats.isFile()) throw new UserError({ key: 'cli.outputNotFile', params: { file: path } });
  for (const input of inputs) {
    const inputPath = await realpath(input).catch(() => resolve(input));
    if (inputPath === destination) throw new UserError({ key: 'cli.outputIsInput', params: { file: path } });
  }
  return destination;
}

/** A folder that cannot be written is the user's to fix, not an internal error. */
export async function writeOutput(path: string, content: Rendered, inputs: readonly string[] = []): Promise<void> {
  const destination = await outputDestination(path, inputs);
  try {
    await writeFileAtomic(destination, content);
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

/** Every file a run read, so none is written over: `inputs` as paths anywhere on disk. */
export async function writeOutputs(
  report: Report,
  targets: OutputTarget[],
  color: ColorLevel,
  inputs: readonly string[] = [],
): Promise<string[]> {
  const written: string[] = [];
  for (const target of targets) {
    const formatter = await loadFormatter(target.format);
    if (target.path === null) {
      const style = createStyle(target.format === 'terminal' ? color : 0);
      process.stdout.write(await formatter(report, { style, width: stdoutWidth() }));
      continue;
    }
    await writeOutput(target.path, await formatter(report, { style: createStyle(0) }), inputs);
    written.push(target.path);
  }
  return written;
}
