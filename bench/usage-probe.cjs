// Preloaded into each measured process (node --require): as the process exits, writes its
// peak resident memory and CPU time, worker threads included, as JSON to the file that
// BENCH_USAGE_FILE names. CPU time shows what a run cost even when a busy machine stretched
// its clock time.
const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
    require('node:fs').writeFileSync(file, JSON.stringify({ maxRssKb: usage.maxRSS, cpuSeconds }));
  });
}
