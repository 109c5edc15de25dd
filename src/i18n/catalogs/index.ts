// All catalogs that are not owned by a rule file. Rule files (stages, STAGE items) carry their
// own strings next to their logic, the way Lighthouse audits carry their UIStrings.

import { mergeCatalogs } from '../index.js';
import { cliMessages } from './cli.js';
import { ingestMessages } from './ingest.js';

export const allMessages = mergeCatalogs(cliMessages, ingestMessages);
