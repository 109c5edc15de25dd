// The live sessions of a client folder, for the checklist's session list: the same reading as
// `diagnose` (ingest → metrics), stopped before the diagnosis.

import { ingest, loadBrand } from '../ingest/index.js';
import type { InputKind } from '../ingest/types.js';
import { createMetricsAccumulator } from '../metrics/index.js';
import type { SessionMetrics } from '../metrics/types.js';

export interface SessionReadOptions {
  dir: string;
  overrides?: Partial<Record<InputKind, string[]>>;
  columnsFile?: string | null;
  strict?: boolean;
  lenient?: boolean;
  period?: { from: string; to: string; fromMs: number; toMs: number } | null;
}

export async function readFolderSessions(options: SessionReadOptions): Promise<SessionMetrics[]> {
  const brand = await loadBrand(options.dir);
  const accumulator = createMetricsAccumulator(brand, options.period ?? null);
  await ingest(
    {
      dir: options.dir,
      overrides: options.overrides,
      columnsFile: options.columnsFile ?? null,
      strict: options.strict,
      lenient: options.lenient,
      period: options.period ?? null,
    },
    accumulator,
  );
  return accumulator.finish().sessionList;
}
