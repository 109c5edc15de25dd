// Commander wiring only. Each command's heavy modules are imported inside its action, so
// `--version` and `--help` load nothing but commander.

import { Command, CommanderError } from 'commander';
import { EXIT_CANNOT_RUN, UserError } from '../errors.js';
import { detectLang, parseLang, type Lang, type Translate } from '../i18n/index.js';
import { cliText } from './text.js';
import { endCleanlyOnStop } from './stop.js';
import { registerCommands } from './commands/index.js';
import { stripControl } from '../report/formatters/text.js';
import { toolVersion } from '../version.js';
import { guardTerminalStream, visibleText } from '../util/terminal-text.js';

/** --lang must be known before commander runs, so help text comes out in the right language. */
function langFromArgv(argv: string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--lang' && argv[i + 1]) return parseLang(argv[i + 1]!) ?? detectLang();
    if (arg.startsWith('--lang=')) return parseLang(arg.slice('--lang='.length)) ?? detectLang();
  }
  return detectLang();
}

export function buildProgram(lang: Lang): Command {
  const t = cliText(lang);
  const program = new Command('steps-doctor');
  program
    .description(t('program.description'))
    .version(toolVersion(), '-V, --version', t('option.version'))
    .helpOption('-h, --help', t('option.help'))
    .helpCommand('help [command]', t('option.help'))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureHelp({
      styleTitle: (title) => helpTitle(title, t),
      optionDescription: (option) => withHelpNotes(option.description, option, t),
      argumentDescription: (argument) => withHelpNotes(argument.description, argument, t),
    })
    .configureOutput({
      writeErr: (text) => process.stderr.write(text),
      writeOut: (text) => process.stdout.write(text),
      // Parse errors are printed by reportFailure, in the user's language.
      outputError: () => undefined,
    });
  registerCommands(program, lang);
  return program;
}

const HELP_TITLES: Record<string, string> = {
  'Usage:': 'help.usage',
  'Options:': 'help.options',
  'Arguments:': 'help.arguments',
  'Commands:': 'help.commands',
  'Global Options:': 'help.globalOptions',
};

function helpTitle(title: string, t: Translate): string {
  const key = HELP_TITLES[title];
  return key ? t(key) : title;
}

interface HelpNoteSource {
  argChoices?: string[];
  defaultValue?: unknown;
  defaultValueDescription?: string;
  negate?: boolean;
  required?: boolean;
  optional?: boolean;
  variadic?: boolean;
}

/**
 * Commander's "(choices: …, default: …)" notes, in the user's language. Flags (--strict,
 * --no-color) get no default note: their default is "not given".
 */
function withHelpNotes(description: string, item: HelpNoteSource, t: Translate): string {
  const notes: string[] = [];
  if (item.argChoices) notes.push(t('help.choices', { choices: item.argChoices.join(t('help.listSeparator')) }));
  const takesValue = item.required || item.optional || item.variadic;
  const isArgument = !('negate' in item);
  if (item.defaultValue !== undefined && (takesValue || isArgument)) {
    notes.push(t('help.default', { value: item.defaultValueDescription ?? String(item.defaultValue) }));
  }
  if (notes.length === 0) return description;
  return `${description}${t('help.notes', { notes: notes.join(t('help.noteSeparator')) })}`;
}

/** Commander's parse errors, which it words in English, put into the user's language. */
const COMMANDER_ERRORS: Record<string, string> = {
  'commander.unknownOption': 'cli.parse.unknownOption',
  'commander.unknownCommand': 'cli.parse.unknownCommand',
  'commander.missingArgument': 'cli.parse.missingArgument',
  'commander.optionMissingArgument': 'cli.parse.optionMissingArgument',
  'commander.missingMandatoryOptionValue': 'cli.parse.missingMandatoryOption',
  'commander.invalidArgument': 'cli.parse.invalidArgument',
  'commander.excessArguments': 'cli.parse.excessArguments',
};

/** The command the user ran, so a usage error can point to that command's --help. */
function commandFromArgv(program: Command, argv: string[]): string | null {
  const names = new Set(program.commands.map((command) => command.name()));
  const first = argv.slice(2).find((arg) => !arg.startsWith('-'));
  return first !== undefined && names.has(first) ? first : null;
}

function parseErrorText(error: CommanderError, t: Translate, command: string | null): string {
  const key = COMMANDER_ERRORS[error.code];
  const firstQuoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const valueQuoted = /argument '([^']*)'/.exec(error.message)?.[1] ?? '';
  // Commander quotes the argument as typed: it is shown, never obeyed.
  const base = key
    ? t(key, { token: visibleText(firstQuoted), value: visibleText(valueQuoted) })
    : visibleText(error.message.replace(/^error: /, ''));
  const suggestion = /Did you mean (\S+?)\?/.exec(error.message)?.[1];
  const gap = t('cli.parse.gap');
  const hint = suggestion ? `${gap}${t('cli.parse.didYouMean', { suggestion })}` : '';
  const allowed = /Allowed choices are (.+)\.$/.exec(error.message)?.[1];
  const choices = allowed
    ? `${gap}${t('cli.parse.choices', { choices: allowed.split(', ').join(t('help.listSeparator')) })}`
    : '';
  const helpCommand = command ? `steps-doctor ${command} --help` : 'steps-doctor --help';
  return `${t('error.prefix')}${base}${choices}${hint}${gap}${t('cli.parse.seeHelp', { command: helpCommand })}`;
}

function reportFailure(error: unknown, lang: Lang, verbose: boolean, command: string | null): number {
  const t = cliText(lang);
  if (error instanceof CommanderError) {
    // Help and version end through exitOverride too; they are not failures.
    if (error.exitCode === 0) return 0;
    process.stderr.write(`${parseErrorText(error, t, command)}\n`);
    return EXIT_CANNOT_RUN;
  }
  if (error instanceof UserError) {
    process.stderr.write(`${t('error.prefix')}${oneLine(renderUserError(error, lang))}\n`);
    if (verbose && error.stack) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = oneLine(error instanceof Error ? error.message : String(error));
  process.stderr.write(`${t('error.internal', { message })}\n`);
  if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return EXIT_CANNOT_RUN;
}

/** An error is one line, and a file name or value it quotes cannot drive the terminal. */
function oneLine(text: string): string {
  return stripControl(text.replace(/\r\n|\r|\n/g, ' '));
}

function renderUserError(error: UserError, lang: Lang): string {
  return cliText(lang)(error.detail.key, error.detail.params);
}

/**
 * `steps-doctor diagnose --json | head` closes the pipe early: the reader has what it wanted,
 * so stop writing and end quietly rather than with Node's EPIPE stack and exit 1 ("gate failed").
 */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

export async function run(argv: string[]): Promise<void> {
  // Messages are for a person whatever command prints them; stdout only when it is a terminal,
  // since a report piped to a file or a program is data and stays byte for byte.
  guardTerminalStream(process.stderr);
  if (process.stdout.isTTY) guardTerminalStream(process.stdout);
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  const lang = langFromArgv(argv);
  endCleanlyOnStop(cliText(lang));
  const verbose = argv.includes('--verbose');
  const program = buildProgram(lang);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = reportFailure(error, lang, verbose, commandFromArgv(program, argv));
  }
}
