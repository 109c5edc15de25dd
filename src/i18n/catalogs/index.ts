// All catalogs that are not owned by a rule file. Rule files (stages, STAGE items) carry their
// own strings next to their logic, the way Lighthouse audits carry their UIStrings.

import { mergeCatalogs } from '../index.js';
import { batchMessages } from './batch.js';
import { benchmarksMessages } from './benchmarks.js';
import { checkMessages } from './check.js';
import { cliMessages } from './cli.js';
import { diffMessages } from './diff.js';
import { htmlMessages } from './html.js';
import { ingestMessages } from './ingest.js';
import { interactiveMessages } from './interactive.js';
import { pdfMessages } from './pdf.js';
import { planReportMessages } from './plan.js';
import { reportMessages } from './report.js';
import { trendMessages } from './trend.js';

export const allMessages = mergeCatalogs(
  cliMessages,
  ingestMessages,
  reportMessages,
  htmlMessages,
  checkMessages,
  diffMessages,
  trendMessages,
  batchMessages,
  benchmarksMessages,
  interactiveMessages,
  planReportMessages,
  pdfMessages,
);
