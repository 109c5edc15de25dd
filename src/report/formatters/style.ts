// Colour for the terminal formatter. The CLI decides the level (flags, NO_COLOR, FORCE_COLOR,
// TTY); formatters only ask for a role, so files and JSON never get escape codes.

import { Chalk, type ChalkInstance } from 'chalk';

export interface Style {
  heading(text: string): string;
  dim(text: string): string;
  good(text: string): string;
  warn(text: string): string;
  bad(text: string): string;
  focus(text: string): string;
}

export function createStyle(level: 0 | 1 | 2 | 3): Style {
  const chalk: ChalkInstance = new Chalk({ level });
  return {
    heading: (text) => chalk.bold(text),
    dim: (text) => chalk.dim(text),
    good: (text) => chalk.green(text),
    warn: (text) => chalk.yellow(text),
    bad: (text) => chalk.red(text),
    focus: (text) => chalk.bold.cyan(text),
  };
}

export const plainStyle: Style = createStyle(0);
