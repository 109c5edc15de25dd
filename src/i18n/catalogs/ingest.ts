import type { Catalog } from '../index.js';

// Keys are prefixed "ingest." so catalogs can be merged without clashes.
export const ingestMessages: Catalog = {
  en: {},
  zh: {},
};
