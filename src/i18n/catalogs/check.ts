import type { Catalog } from '../index.js';

// Keys are prefixed "check." so catalogs can be merged without clashes.
export const checkMessages: Catalog = {
  en: {},
  zh: {},
};
