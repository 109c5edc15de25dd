// Commander wiring only. Each command's heavy modules are imported inside its action, so
// `--version` and `--help` load nothing but commander.

import { Command, CommanderError } from 'commander';
import { EXIT_CANNOT_RUN, UserError } from '../errors.js';
import { detectLang, parseLang, type Lang } from '../i18n/index.js';
import { cliText } from './text.js';
import { registerCommands } from './commands/index.js';
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
    .configureOutput({
      writeErr: (text) => process.stderr.write(text),
      writeOut: (text) => process.stdout.write(text),
    });
  registerCommands(program, lang);
  return program;
}

function reportFailure(error: unknown, lang: Lang, verbose: boolean): number {
  const t = cliText(lang);
  if (error instanceof CommanderError) {
    // Help and version end through exitOverride too; they are not failures.
    if (error.exitCode === 0) return 0;
    return EXIT_CANNOT_RUN;
  }
  if (error instanceof UserError) {
    process.stderr.write(`${t('error.prefix')}${renderUserError(error, lang)}\n`);
    if (verbose && error.stack) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${t('error.internal', { message })}\n`);
  if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return EXIT_CANNOT_RUN;
}

function renderUserError(error: UserError, lang: Lang): string {
  return cliText(lang)(error.detail.key, error.detail.params);
}

export async function run(argv: string[]): Promise<void> {
  const lang = langFromArgv(argv);
  const verbose = argv.includes('--verbose');
  const program = buildProgram(lang);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = reportFailure(error, lang, verbose);
  }
}
