import type { Command } from 'commander';
import { UserError } from '../../errors.js';
import type { Lang } from '../../i18n/index.js';
import type { AnswerOrder } from '../../interactive/checklist-flow.js';
import type { ChecklistSettings } from '../run-checklist.js';
import {
  addCommonOptions,
  addInputOptions,
  collect,
  exportSettings,
  resolveLang,
  type InputOptions,
} from '../options.js';
import { cliText } from '../text.js';

interface ChecklistCommandOptions extends InputOptions {
  live?: string[];
  allYes?: boolean;
  answers?: string;
  by?: string;
}

const ORDERS: readonly AnswerOrder[] = ['session', 'item'];

function parseOrder(value: string | undefined): AnswerOrder | undefined {
  if (value === undefined) return undefined;
  const order = ORDERS.find((candidate) => candidate === value.trim().toLowerCase());
  if (order === undefined) throw new UserError({ key: 'checklist.badBy', params: { value } });
  return order;
}

export function checklistSettings(options: ChecklistCommandOptions): ChecklistSettings {
  return {
    lang: resolveLang(options),
    quiet: options.quiet,
    live: options.live,
    allYes: options.allYes,
    answers: options.answers,
    by: parseOrder(options.by),
    profile: options.profile ?? null,
    exports: exportSettings(options),
  };
}

export function registerChecklist(program: Command, lang: Lang): void {
  const t = cliText(lang);
  const command = program
    .command('checklist')
    .argument('[dir]', t('argument.clientDir'), '.')
    .description(t('checklist.command'));
  addInputOptions(addCommonOptions(command, t), t)
    .option('--profile <name|file>', t('option.profile'))
    .option('--by <session|item>', t('checklist.option.by'))
    .option('--live <id>', t('checklist.option.live'), collect)
    .option('--all-yes', t('checklist.option.allYes'))
    .option('--answers <file>', t('checklist.option.answers'));
  command.action(async (dir: string, options: ChecklistCommandOptions) => {
    const { runChecklist } = await import('../run-checklist.js');
    await runChecklist(dir, checklistSettings(options));
  });
}
