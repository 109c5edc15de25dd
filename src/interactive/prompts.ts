// The prompts the interactive commands use, as an object of functions: the commands get
// @inquirer/prompts (loaded only when a command asks something), tests get prompts they drive.

import type { Translate } from '../i18n/index.js';

export interface PromptChoice<Value> {
  name: string;
  value: Value;
  description?: string;
  checked?: boolean;
}

export interface Prompts {
  select<Value>(config: {
    message: string;
    choices: PromptChoice<Value>[];
    default?: Value;
    pageSize?: number;
  }): Promise<Value>;
  checkbox<Value>(config: { message: string; choices: PromptChoice<Value>[]; pageSize?: number }): Promise<Value[]>;
  confirm(config: { message: string; default?: boolean }): Promise<boolean>;
  input(config: { message: string; default?: string; validate?: (value: string) => boolean | string }): Promise<string>;
}

/** The key hints' actions inquirer 7 names (select: navigate, select; checkbox: also all, invert, submit). */
const KEY_ACTIONS = ['navigate', 'select', 'submit', 'all', 'invert'] as const;

/**
 * inquirer's key hint line (`↑↓ navigate • ⏎ select`) in the user's language. inquirer hands the
 * keys and actions over in English; a key or action it adds in a later version and the catalog
 * does not know yet stays as inquirer wrote it.
 */
export function keysHelpTip(t: Translate, paint: { key(text: string): string; dim(text: string): string }) {
  const actionWord = (action: string) =>
    (KEY_ACTIONS as readonly string[]).includes(action) ? t(`prompt.action.${action}`) : action;
  const keyWord = (key: string) => (key === 'space' ? t('prompt.key.space') : key);
  return (keys: [key: string, action: string][]): string =>
    keys.map(([key, action]) => `${paint.key(keyWord(key))} ${paint.dim(actionWord(action))}`).join(paint.dim(' • '));
}

/**
 * `t` words the answers a confirm prompt echoes (是/否 rather than inquirer's Yes/No) and the
 * key hints under a list (↑↓ 移动 • 空格 选择 …), for every command that asks.
 */
export async function inquirerPrompts(t: Translate): Promise<Prompts> {
  const inquirer = await import('@inquirer/prompts');
  const { default: chalk } = await import('chalk');
  const yesNo = (answer: boolean) => t(answer ? 'checklist.yes' : 'checklist.no');
  const theme = { style: { keysHelpTip: keysHelpTip(t, { key: chalk.bold, dim: chalk.dim }) } };
  return {
    select: (config) => inquirer.select({ ...config, theme }),
    checkbox: (config) => inquirer.checkbox({ ...config, theme }),
    confirm: (config) => inquirer.confirm({ ...config, transformer: yesNo }),
    input: (config) => inquirer.input(config),
  };
}

/** Ctrl-C (or a closed terminal) inside a prompt. */
export function isPromptCancel(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

export function stdinIsTerminal(): boolean {
  return Boolean(process.stdin.isTTY);
}
