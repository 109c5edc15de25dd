// How every command ends when it is stopped from outside or cannot write its output: one line,
// exit 2, no temporary file left. Without this, SIGINT/SIGTERM ended `diagnose` with 130/143
// and not a word, SIGHUP/SIGQUIT ended batch with 129/131, and stdout on a full disk
// (`> /dev/full`) ended in a stack trace and exit 1, which CI reads as "gate failed".

import { EXIT_CANNOT_RUN } from '../errors.js';
import type { Translate } from '../i18n/index.js';
import { removeInFlightTemporariesSync } from '../util/atomic-write.js';

/** Signals a user or a supervisor sends to stop a run; each can be caught. */
export const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];

/**
 * Installs the last-resort handlers. A command with its own way to stop (batch drains its
 * workers) adds listeners of its own; this one then steps aside.
 */
export function endCleanlyOnStop(t: Translate): void {
  for (const signal of STOP_SIGNALS) {
    process.on(signal, () => {
      if (process.listenerCount(signal) > 1) return;
      removeInFlightTemporariesSync();
      process.stderr.write(`${t('cli.stopped', { signal })}\n`);
      process.exit(EXIT_CANNOT_RUN);
    });
  }
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    removeInFlightTemporariesSync();
    // The reader went away (`| head`): nothing more to say to it, and nothing went wrong here.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`${t('error.prefix')}${t('cli.stdoutFailed', { code: error.code ?? 'EIO' })}\n`);
    process.exit(EXIT_CANNOT_RUN);
  });
}
