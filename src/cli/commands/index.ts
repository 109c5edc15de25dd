import type { Command } from 'commander';
import type { Lang } from '../../i18n/index.js';
import { registerBatch } from './batch.js';
import { registerBenchmark } from './benchmark.js';
import { registerCheck } from './check.js';
import { registerChecklist } from './checklist.js';
import { registerDemo } from './demo.js';
import { registerDiagnose } from './diagnose.js';
import { registerDiff } from './diff.js';
import { registerInit } from './init.js';
import { registerTrend } from './trend.js';
import { registerValidate } from './validate.js';

/** Each command lives in its own file and registers itself here, in the order help lists them. */
export function registerCommands(program: Command, lang: Lang): void {
  registerDiagnose(program, lang);
  registerBatch(program, lang);
  registerBenchmark(program, lang);
  registerCheck(program, lang);
  registerDiff(program, lang);
  registerTrend(program, lang);
  registerChecklist(program, lang);
  registerInit(program, lang);
  registerValidate(program, lang);
  registerDemo(program, lang);
}
