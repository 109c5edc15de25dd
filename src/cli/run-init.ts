// What `init` does once commander has parsed the options: work out the answers (asked, or from
// --yes and the flags), then write brand.json and the CSV templates with their header rows only.
// The templates are named *.template.csv, which discovery lists with a note and never reads, so
// `validate` right after `init` is not stopped by them, and the real exports go beside them.
// Nothing is replaced without --force: when a file exists the command lists them all and writes none.

import { visibleText } from '../util/terminal-text.js';
import { access, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProfile, profileForCategory, shippedProfileNames } from '../diagnosis/profiles.js';
import { UserError } from '../errors.js';
import { allMessages } from '../i18n/catalogs/index.js';
import { parseLang, translator, type Lang, type Translate } from '../i18n/index.js';
import { BRAND_FILE_NAME } from '../ingest/brand.js';
import { TEMPLATE_SUFFIX } from '../ingest/discover.js';
import { askInit, parseAccounts, type CategoryOption, type InitAnswers } from '../interactive/init-flow.js';
import { inquirerPrompts, isPromptCancel, stdinIsTerminal, type Prompts } from '../interactive/prompts.js';
import { writeFileAtomic } from '../util/atomic-write.js';

export interface InitSettings {
  lang: Lang;
  /** Take the flags' answers and ask nothing. */
  yes?: boolean;
  name?: string;
  category?: string;
  /** Own live accounts, comma-separated as typed. */
  accounts?: string;
  /** The language of the templates' header rows, as typed (`zh` | `en`); the run's language when absent. */
  headers?: string;
  force?: boolean;
  quiet?: boolean;
}

export interface InitEnv {
  isTerminal: boolean;
  prompts(t: Translate): Promise<Prompts>;
  out(line: string): void;
}

export function processInitEnv(): InitEnv {
  return {
    isTerminal: stdinIsTerminal(),
    prompts: inquirerPrompts,
    out: (line) => process.stdout.write(`${line}\n`),
  };
}

// Compiled, this file is dist/cli/run-init.js; in tests it is src/cli/run-init.ts: both sit two
// levels below the package root.
const CSV_TEMPLATES = new URL('../../templates/csv/', import.meta.url);
const CSV_KINDS = ['orders', 'traffic', 'products', 'customers'] as const;
const DEFAULT_CATEGORY = 'default';

/** File names say what the kind is called to the consultant (live sessions), not its code key. */
const TEMPLATE_NAMES: Record<(typeof CSV_KINDS)[number], string> = {
  orders: 'orders',
  traffic: 'live-sessions',
  products: 'products',
  customers: 'customers',
};

function csvName(kind: (typeof CSV_KINDS)[number]): string {
  return `${TEMPLATE_NAMES[kind]}${TEMPLATE_SUFFIX}`;
}

export function initFileNames(): string[] {
  return [BRAND_FILE_NAME, ...CSV_KINDS.map(csvName)];
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function headerLang(settings: InitSettings, lang: Lang): Lang {
  if (settings.headers === undefined) return lang;
  const parsed = parseLang(settings.headers);
  if (parsed === null) throw new UserError({ key: 'init.badHeaders', params: { value: settings.headers } });
  return parsed;
}

export async function runInit(dir: string, settings: InitSettings, env: InitEnv = processInitEnv()): Promise<void> {
  const lang = settings.lang;
  const t = translator(allMessages, lang);
  const headers = headerLang(settings, lang);
  const present = [];
  for (const name of initFileNames()) if (await exists(join(dir, name))) present.push(name);
  if (present.length > 0 && !settings.force) {
    throw new UserError({ key: 'init.exists', params: { dir, files: present } });
  }
  const answers = await initAnswers(dir, settings, env, t, lang);
  await writeBrand(dir, answers);
  for (const kind of CSV_KINDS) await writeFileAtomic(join(dir, csvName(kind)), await headerRow(kind, headers));
  if (settings.quiet) return;
  // The folder is echoed as typed: shown, never obeyed by the terminal.
  env.out(t('init.wrote', { files: initFileNames(), dir: visibleText(dir) }));
  env.out(t('init.next', { dir: visibleText(dir) }));
}

async function initAnswers(
  dir: string,
  settings: InitSettings,
  env: InitEnv,
  t: Translate,
  lang: Lang,
): Promise<InitAnswers> {
  const defaults: InitAnswers = {
    name: settings.name?.trim() || basename(resolve(dir)),
    category: settings.category === undefined ? DEFAULT_CATEGORY : await knownCategory(settings.category),
    ownAccounts: parseAccounts(settings.accounts ?? ''),
  };
  if (settings.yes) return defaults;
  if (!env.isTerminal) throw new UserError({ key: 'init.noTty' });
  const prompts = await env.prompts(t);
  try {
    return await askInit(defaults, await categoryOptions(t, lang), { prompts, t });
  } catch (error) {
    if (isPromptCancel(error)) throw new UserError({ key: 'init.cancelled' });
    throw error;
  }
}

async function knownCategory(value: string): Promise<string> {
  const profile = await profileForCategory(value);
  if (profile !== null) return profile;
  throw new UserError({ key: 'init.badCategory', params: { value, categories: await shippedProfileNames() } });
}

async function categoryOptions(t: Translate, lang: Lang): Promise<CategoryOption[]> {
  const options: CategoryOption[] = [];
  for (const name of await shippedProfileNames()) {
    const profile = await loadProfile(name, null);
    const labelKey = `init.category.${name}`;
    // A profile added to templates/ without words in the catalog still shows, by its name.
    const label = allMessages[lang][labelKey] === undefined ? name : t(labelKey);
    options.push({ name, label, description: profile.description[lang] });
  }
  // The general profile first: it is the choice when unsure.
  return options.sort((a, b) => Number(b.name === DEFAULT_CATEGORY) - Number(a.name === DEFAULT_CATEGORY));
}

async function writeBrand(dir: string, answers: InitAnswers): Promise<void> {
  const brand = {
    name: answers.name,
    category: answers.category,
    ownAccounts: answers.ownAccounts,
    // Left empty for the consultant to fill from the merchant backend (0-5 scale).
    scores: { shopExperience: null, creatorReputation: null, product: null },
  };
  await writeFileAtomic(join(dir, BRAND_FILE_NAME), `${JSON.stringify(brand, null, 2)}\n`);
}

/** The template's first line, its BOM and CRLF kept so Excel on Chinese Windows opens it cleanly. */
async function headerRow(kind: (typeof CSV_KINDS)[number], headers: Lang): Promise<string> {
  const template = await readFile(fileURLToPath(new URL(`${kind}.${headers}.csv`, CSV_TEMPLATES)), 'utf8');
  const end = template.indexOf('\n');
  return end < 0 ? `${template}\r\n` : template.slice(0, end + 1);
}
