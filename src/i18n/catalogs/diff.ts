import type { Catalog } from '../index.js';

// Keys are prefixed "diff." so catalogs can be merged without clashes.
export const diffMessages: Catalog = {
  en: {},
  zh: {},
};
