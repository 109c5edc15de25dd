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

/** `t` words the answers a confirm prompt echoes (是/否 rather than inquirer's Yes/No). */
export async function inquirerPrompts(t: Translate): Promise<Prompts> {
  const inquirer = await import('@inquirer/prompts');
  const yesNo = (answer: boolean) => t(answer ? 'checklist.yes' : 'checklist.no');
  return {
    select: (config) => inquirer.select(config),
    checkbox: (config) => inquirer.checkbox(config),
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
