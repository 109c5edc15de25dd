// Commander wiring only. Each command's heavy modules are imported inside its action, so
// `--version` and `--help` load nothing but commander.

import { Command, CommanderError } from 'commander';
import { EXIT_CANNOT_RUN, UserError } from '../errors.js';
import { detectLang, parseLang, type Lang, type Translate } from '../i18n/index.js';
import { cliText } from './text.js';
import { registerCommands } from './commands/index.js';
import { stripControl } from '../report/formatters/text.js';
import { toolVersion } from '../version.js';

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
    .configureHelp({ styleTitle: (title) => helpTitle(title, t) })
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

function parseErrorText(error: CommanderError, t: Translate): string {
  const key = COMMANDER_ERRORS[error.code];
  const firstQuoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const valueQuoted = /argument '([^']*)'/.exec(error.message)?.[1] ?? '';
  const base = key ? t(key, { token: firstQuoted, value: valueQuoted }) : error.message.replace(/^error: /, '');
  const suggestion = /Did you mean (\S+?)\?/.exec(error.message)?.[1];
  const hint = suggestion ? ` ${t('cli.parse.didYouMean', { suggestion })}` : '';
  return `${t('error.prefix')}${base}${hint} ${t('cli.parse.seeHelp')}`;
}

function reportFailure(error: unknown, lang: Lang, verbose: boolean): number {
  const t = cliText(lang);
  if (error instanceof CommanderError) {
    // Help and version end through exitOverride too; they are not failures.
    if (error.exitCode === 0) return 0;
    process.stderr.write(`${parseErrorText(error, t)}\n`);
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
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  const lang = langFromArgv(argv);
  const verbose = argv.includes('--verbose');
  const program = buildProgram(lang);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = reportFailure(error, lang, verbose);
  }
}
