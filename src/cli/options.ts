// Options shared by several commands, declared once so every command spells them the same way.

import { scoreFromText } from '../util/score.js';
import { Command, InvalidArgumentError } from 'commander';
import { UserError } from '../errors.js';
import { detectLang, parseLang, type Lang, type Translate } from '../i18n/index.js';
import { formatDate } from '../i18n/format.js';
import type { InputKind } from '../ingest/types.js';
import { parseDayBounds } from '../ingest/values.js';
import type { ExportSettings } from './export-settings.js';

export interface CommonOptions {
  lang?: string;
  verbose?: boolean;
  quiet?: boolean;
  color?: boolean;
}

export interface InputOptions extends CommonOptions {
  orders?: string[];
  traffic?: string[];
  products?: string[];
  customers?: string[];
  columns?: string;
  strict?: boolean;
  lenient?: boolean;
  password?: string;
  period?: string;
  profile?: string;
}

/** For options given more than once: `--orders a.csv --orders b.csv`. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function addCommonOptions(command: Command, t: Translate): Command {
  return command
    .option('--lang <lang>', t('option.lang'))
    .option('--verbose', t('option.verbose'))
    .option('-q, --quiet', t('option.quiet'))
    .option('--color', t('option.color'))
    .option('--no-color', t('option.noColor'));
}

export function addInputOptions(command: Command, t: Translate): Command {
  return command
    .option('--orders <file>', t('option.orders'), collect)
    .option('--traffic <file>', t('option.traffic'), collect)
    .option('--products <file>', t('option.products'), collect)
    .option('--customers <file>', t('option.customers'), collect)
    .option('--columns <file>', t('option.columns'))
    .option('--period <from..to>', t('option.period'))
    .option('--strict', t('option.strict'))
    .option('--lenient', t('option.lenient'))
    .option('--password <password>', t('option.password'));
}

export function resolveLang(options: CommonOptions): Lang {
  if (options.lang === undefined) return detectLang();
  const lang = parseLang(options.lang);
  if (lang === null) throw new UserError({ key: 'cli.badLang', params: { value: options.lang } });
  return lang;
}

export function inputOverrides(options: InputOptions): Partial<Record<InputKind, string[]>> {
  const overrides: Partial<Record<InputKind, string[]>> = {};
  if (options.orders) overrides.orders = options.orders;
  if (options.traffic) overrides.traffic = options.traffic;
  if (options.products) overrides.products = options.products;
  if (options.customers) overrides.customers = options.customers;
  return overrides;
}

/** The input flags as the run's settings. */
export function exportSettings(options: InputOptions): ExportSettings {
  return {
    overrides: inputOverrides(options),
    columnsFile: options.columns ?? null,
    strict: Boolean(options.strict),
    lenient: Boolean(options.lenient),
    password: options.password ?? null,
    period: options.period ?? null,
  };
}

export interface PeriodFilter {
  from: string;
  to: string;
  /** Inclusive bounds in epoch ms: from 00:00:00 of the first day to 23:59:59.999 of the last, Asia/Shanghai. */
  fromMs: number;
  toMs: number;
}

/** `2024-06-01..2024-06-30`, both days inclusive, in Asia/Shanghai. */
export function parsePeriod(text: string): PeriodFilter {
  const [fromText, toText, extra] = text.split('..');
  const from = fromText ? parseDayBounds(fromText) : null;
  const to = toText ? parseDayBounds(toText) : null;
  if (!from || !to || extra !== undefined || to.endMs < from.startMs) {
    throw new UserError({ key: 'cli.badPeriod', params: { value: text } });
  }
  return { from: formatDate(from.startMs), to: formatDate(to.startMs), fromMs: from.startMs, toMs: to.endMs };
}

/** --fail-under: the score check's --min-score accepts, and nothing else (src/util/score.ts). */
export function parseScoreOption(value: string): number {
  const score = scoreFromText(value);
  if (score === null) throw new InvalidArgumentError(value);
  return score;
}

/** --concurrency: at least one worker. */
export function parsePositiveInt(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError(value);
  return parsed;
}

export function parseNonNegativeInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError(value);
  return parsed;
}
