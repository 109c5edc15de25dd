// The live sessions of a client folder, for the checklist's session list: the same reading as
// `diagnose` (ingest → metrics), stopped before the diagnosis.

import { loadBrand } from '../ingest/index.js';
import type { SessionMetrics } from '../metrics/types.js';
import { measureFolder, type MeasureOptions } from '../pipeline.js';

export type SessionReadOptions = MeasureOptions;

export async function readFolderSessions(options: SessionReadOptions): Promise<SessionMetrics[]> {
  const brand = await loadBrand(options.dir);
  const { metrics } = await measureFolder(options, brand);
  return metrics.sessionList;
}
