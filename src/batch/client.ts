// Diagnoses one client and writes its reports. Runs inside a worker thread; everything it
// returns is plain data, and every failure becomes a one-line reason instead of a throw.

import { join } from 'node:path';
import { sampleFromReport } from '../benchmarks/sample.js';
import { UserError } from '../errors.js';
import { allMessages } from '../i18n/catalogs/index.js';
import { translator } from '../i18n/index.js';
import { diagnoseFolder } from '../pipeline.js';
import { loadFormatter, type FormatName } from '../report/formatters/index.js';
import { plainStyle } from '../report/formatters/style.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { ClientJob, WorkerReply } from './types.js';
import { STAGE_KEYS, type StageKey } from '../diagnosis/types.js';

const FILE_NAMES: Record<FormatName, string> = {
  json: 'report.json',
  markdown: 'report.md',
  html: 'report.html',
  terminal: 'report.txt',
  pdf: 'report.pdf',
};

export async function runClientJob(job: ClientJob): Promise<WorkerReply> {
  const started = performance.now();
  try {
    const report = await diagnoseFolder({
      dir: job.dir,
      lang: job.lang,
      profile: job.profile,
      strict: job.strict,
      lenient: job.lenient,
      period: job.period,
      generatedAt: job.generatedAt,
      benchmarks: job.benchmarks,
    });
    const files: string[] = [];
    // report.json is always written: it is what `check` and `diff` read.
    const formats: FormatName[] = ['json', ...job.formats.filter((format) => format !== 'json')];
    for (const format of formats) {
      const formatter = await loadFormatter(format);
      const path = join(job.outDir, FILE_NAMES[format]);
      await writeFileAtomic(path, await formatter(report, { style: plainStyle }));
      files.push(path);
    }
    const scores = {} as Record<StageKey, number | null>;
    for (const key of STAGE_KEYS) scores[key] = report.stages.find((stage) => stage.key === key)?.score ?? null;
    return {
      ok: true,
      client: job.client,
      brand: report.brand.name,
      scores,
      focusStage: report.focusStage,
      overallScore: report.overallScore,
      files,
      elapsedMs: performance.now() - started,
      sample: sampleFromReport(report),
    };
  } catch (error) {
    return {
      ok: false,
      client: job.client,
      reason: describeFailure(error, job),
      elapsedMs: performance.now() - started,
    };
  }
}

function describeFailure(error: unknown, job: ClientJob): string {
  const t = translator(allMessages, job.lang);
  if (error instanceof UserError) return t(error.detail.key, error.detail.params);
  const message = error instanceof Error ? error.message : String(error);
  return t('batch.internalError', { message });
}
