// Every word a user reads goes through here. Catalogs are plain objects with the same keys
// in both languages; `{name}` placeholders are filled from params.

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** A parameter may itself be a Message (a check's label inside a finding): it is put into words first. */
export type MessageParam = string | number | readonly string[] | Message;
export type MessageParams = Record<string, MessageParam>;

export interface Catalog {
  en: Record<string, string>;
  zh: Record<string, string>;
}

/** A message not yet put into words: a catalog key and its parameters. */
export interface Message {
  key: string;
  params?: MessageParams;
}

/** zh when LANG/LC_ALL start with zh, else en (CLI.md). LC_ALL wins over LANG, as in POSIX. */
export function detectLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function parseLang(value: string): Lang | null {
  const lower = value.toLowerCase();
  if (lower === 'zh' || lower.startsWith('zh-') || lower.startsWith('zh_')) return 'zh';
  if (lower === 'en' || lower.startsWith('en-') || lower.startsWith('en_')) return 'en';
  return null;
}

const LIST_SEPARATOR: Record<Lang, string> = { zh: '、', en: ', ' };

function isMessage(value: MessageParam): value is Message {
  return typeof value === 'object' && !Array.isArray(value) && 'key' in value;
}

function renderParam(lang: Lang, value: MessageParam, nested: (message: Message) => string): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  if (isMessage(value)) return nested(value);
  return (value as readonly string[]).join(LIST_SEPARATOR[lang]);
}

function unresolved(message: Message): string {
  return message.key;
}

export function fill(
  lang: Lang,
  template: string,
  params: MessageParams = {},
  nested: (message: Message) => string = unresolved,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : renderParam(lang, value, nested);
  });
}

export type Translate = (key: string, params?: MessageParams) => string;

/** Binds a catalog to a language. A missing key is a programming error, so it throws. */
export function translator(catalog: Catalog, lang: Lang): Translate {
  const table = catalog[lang];
  const translate: Translate = (key, params) => {
    const template = table[key];
    if (template === undefined) throw new Error(`i18n: missing ${lang} message "${key}"`);
    return fill(lang, template, params, (message) => translate(message.key, message.params));
  };
  return translate;
}

export function render(catalog: Catalog, lang: Lang, message: Message): string {
  return translator(catalog, lang)(message.key, message.params);
}

export function mergeCatalogs(...catalogs: Catalog[]): Catalog {
  const merged: Catalog = { en: {}, zh: {} };
  for (const catalog of catalogs) {
    Object.assign(merged.en, catalog.en);
    Object.assign(merged.zh, catalog.zh);
  }
  return merged;
}

export function formatNumber(value: number, fractionDigits?: number): string {
  // NaN or Infinity is no figure anyone can act on: shown as "not available", never "¥NaN".
  if (!Number.isFinite(value)) return '—';
  const digits = fractionDigits ?? (Number.isInteger(value) ? 0 : 2);
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
