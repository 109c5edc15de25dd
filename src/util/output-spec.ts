// `--format FMT[:PATH]` for every command that writes outputs (diagnose, batch, check, diff,
// trend): one grammar and one error, whatever formats the command knows. The path is everything
// after the first colon, so a Windows-style `json:C:\out.json` keeps its drive letter.

import { UserError } from '../errors.js';

export interface OutputSpec<Format extends string> {
  format: Format;
  /** null = stdout */
  path: string | null;
}

function isOneOf<Format extends string>(name: string, formats: readonly Format[]): name is Format {
  return (formats as readonly string[]).includes(name);
}

export function parseOutputSpec<Format extends string>(spec: string, formats: readonly Format[]): OutputSpec<Format> {
  const colon = spec.indexOf(':');
  const name = colon === -1 ? spec : spec.slice(0, colon);
  const path = colon === -1 ? null : spec.slice(colon + 1);
  // `json:` names no file: refused like an unknown name rather than read as stdout.
  if (!isOneOf(name, formats) || path === '') {
    throw new UserError({ key: 'cli.badFormat', params: { value: spec, formats: [...formats] } });
  }
  return { format: name, path };
}

/**
 * Every `--format` given, then `--json` as the `--format json` it stands for. Which output a
 * command adds when none was asked for is the command's own choice, so none is added here.
 */
export function parseOutputSpecs<Format extends string>(
  specs: readonly string[] | undefined,
  json: boolean | undefined,
  formats: readonly Format[],
): OutputSpec<Format>[] {
  const outputs = (specs ?? []).map((spec) => parseOutputSpec(spec, formats));
  if (json) outputs.push(parseOutputSpec('json', formats));
  return outputs;
}
