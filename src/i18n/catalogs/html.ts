import type { Catalog } from '../index.js';

// Keys are prefixed "html." so catalogs can be merged without clashes.
export const htmlMessages: Catalog = {
  en: {},
  zh: {},
};
