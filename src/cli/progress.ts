import type { Translate } from '../i18n/index.js';

export interface ProgressReporter {
  report: ((bytesRead: number, totalBytes: number) => void) | undefined;
  clear(): void;
}

/** Progress on stderr, only for a person watching a terminal. */
export function progressReporter(silent: boolean, t: Translate): ProgressReporter {
  if (silent || !process.stderr.isTTY) return { report: undefined, clear: () => {} };
  let shown = -1;
  return {
    report: (bytesRead: number, totalBytes: number) => {
      const percent = totalBytes > 0 ? Math.floor((bytesRead / totalBytes) * 100) : 100;
      if (percent === shown) return;
      shown = percent;
      process.stderr.write(`\r${t('cli.progress.reading', { percent })}`);
    },
    clear: () => {
      if (shown >= 0) process.stderr.write('\r\x1b[K');
    },
  };
}
