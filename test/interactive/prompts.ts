// Prompts for tests. `scriptedPrompts` answers from queues and records what was asked (message
// and default); `rendered` runs a real @inquirer prompt in @inquirer/testing's virtual terminal
// and presses the keys given, so at least part of every flow goes through inquirer itself.

import { render } from '@inquirer/testing';
import type { Prompts } from '../../src/interactive/prompts.js';

export interface Asked {
  kind: keyof Prompts;
  message: string;
  default?: unknown;
  /** The choices' names, for select. */
  choices?: string[];
}

export interface Script {
  select?: unknown[];
  checkbox?: unknown[][];
  confirm?: boolean[];
  input?: string[];
}

export interface ScriptedPrompts extends Prompts {
  asked: Asked[];
}

function next<T>(queue: T[] | undefined, kind: string, message: string): T {
  if (!queue || queue.length === 0) throw new Error(`unexpected ${kind} prompt: ${message}`);
  return queue.shift()!;
}

export function scriptedPrompts(script: Script, overrides: Partial<Prompts> = {}): ScriptedPrompts {
  const asked: Asked[] = [];
  const prompts: ScriptedPrompts = {
    asked,
    async select(config) {
      asked.push({
        kind: 'select',
        message: config.message,
        default: config.default,
        choices: config.choices.map((choice) => choice.name),
      });
      return next(script.select, 'select', config.message) as never;
    },
    async checkbox(config) {
      asked.push({ kind: 'checkbox', message: config.message });
      return next(script.checkbox, 'checkbox', config.message) as never;
    },
    async confirm(config) {
      asked.push({ kind: 'confirm', message: config.message, default: config.default });
      return next(script.confirm, 'confirm', config.message);
    },
    async input(config) {
      asked.push({ kind: 'input', message: config.message, default: config.default });
      return next(script.input, 'input', config.message);
    },
  };
  return Object.assign(prompts, overrides);
}

/** A key name ("down", "space", "enter"), or text to type. */
export type Key = string | { type: string };

/**
 * Renders `prompt` with `config`, keeps the first screen in `screens`, presses `keys`, and
 * resolves with the prompt's answer.
 */
export async function rendered<Config, Value>(
  prompt: Parameters<typeof render<Config, Value>>[0],
  config: Config,
  keys: Key[],
  screens: string[],
): Promise<Value> {
  const { answer, events, getScreen } = await render(prompt, config);
  screens.push(getScreen());
  for (const key of keys) {
    if (typeof key === 'string') events.keypress(key);
    else events.type(key.type);
  }
  return answer;
}
