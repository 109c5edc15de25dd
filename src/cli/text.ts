// The CLI speaks every catalog that can reach it: its own words and the errors any layer raises.
// Profile errors are the only UserErrors whose words live in a rule-side catalog.

import { profileMessages } from '../diagnosis/messages.js';
import { allMessages } from '../i18n/catalogs/index.js';
import { mergeCatalogs, translator, type Lang, type Translate } from '../i18n/index.js';

const cliCatalog = mergeCatalogs(allMessages, profileMessages);

export function cliText(lang: Lang): Translate {
  return translator(cliCatalog, lang);
}
