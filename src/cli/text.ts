// The CLI speaks every catalog: its own words and the errors raised by any layer.

import { allMessages } from '../i18n/catalogs/index.js';
import { translator, type Lang, type Translate } from '../i18n/index.js';

export function cliText(lang: Lang): Translate {
  return translator(allMessages, lang);
}
