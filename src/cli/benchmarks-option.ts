// `--benchmarks FILE`, or `benchmarks` in the consultant's .stepsrc.json: loaded once per run.

import { benchmarksFromConfig, loadBenchmarks, type LoadedBenchmarks } from '../benchmarks/file.js';
import { DEFAULT_CONFIG_FILE } from '../check/config.js';

export async function resolveBenchmarks(option: string | undefined): Promise<LoadedBenchmarks | null> {
  const path = option ?? (await benchmarksFromConfig(process.cwd(), DEFAULT_CONFIG_FILE));
  return path === null ? null : loadBenchmarks(path);
}
