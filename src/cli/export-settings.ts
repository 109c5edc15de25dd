// Which exports a run reads and how strictly: the settings diagnose, validate and checklist share,
// as the work needs them. commands/*.ts fills them from the commander flags.

import type { MeasureOptions } from '../pipeline.js';
import type { InputKind } from '../ingest/types.js';
import { parsePeriod } from './options.js';

export interface ExportSettings {
  /** Files named on the command line, replacing what discovery would pick for that kind. */
  overrides: Partial<Record<InputKind, string[]>>;
  columnsFile: string | null;
  strict: boolean;
  lenient: boolean;
  password: string | null;
  /** `--period from..to` as typed: parsed when the run starts, so its error comes in the run's order. */
  period: string | null;
}

export type ReadOptions = Omit<MeasureOptions, 'dir' | 'onProgress' | 'threads'>;

export function readOptions(settings: ExportSettings): ReadOptions {
  return {
    overrides: settings.overrides,
    columnsFile: settings.columnsFile,
    strict: settings.strict,
    lenient: settings.lenient,
    password: settings.password,
    period: settings.period === null ? null : parsePeriod(settings.period),
  };
}
