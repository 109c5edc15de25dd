// Which Chromium prints the PDF. The tool ships no browser and downloads none: it uses one the
// machine already has, the way a consultant's laptop or a CI image has one.

import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { UserError } from '../../errors.js';

/** Set by the user, so taken at its word: a wrong path is an error, not a reason to look elsewhere. */
export const CHROMIUM_VARIABLES = ['PLAYWRIGHT_CHROMIUM', 'CHROMIUM_PATH'] as const;

/** What Debian, Ubuntu, Fedora, Homebrew and Chrome's own packages put on PATH. */
const COMMAND_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

type Environment = Record<string, string | undefined>;

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (process.platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(env: Environment): string[] {
  const folders = (env.PATH ?? env.Path ?? '').split(delimiter).filter((folder) => folder !== '');
  const suffixes = process.platform === 'win32' ? ['.exe', ''] : [''];
  return folders.flatMap((folder) =>
    COMMAND_NAMES.flatMap((name) => suffixes.map((suffix) => join(folder, `${name}${suffix}`))),
  );
}

/** Where the installers put the browser when nothing links it onto PATH (macOS apps, Windows). */
function installedApplications(env: Environment): string[] {
  if (process.platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (process.platform !== 'win32') return [];
  const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter(
    (root): root is string => root !== undefined && root !== '',
  );
  // Edge is Chromium and comes with every Windows 10 and 11.
  return roots.flatMap((root) => [
    join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
    join(root, 'Chromium', 'Application', 'chrome.exe'),
    join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
  ]);
}

function playwrightCache(env: Environment): string {
  if (env.PLAYWRIGHT_BROWSERS_PATH) return env.PLAYWRIGHT_BROWSERS_PATH;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'ms-playwright');
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? homedir(), 'ms-playwright');
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'ms-playwright');
}

/** Browsers `npx playwright install chromium` left behind, newest revision first. */
function playwrightBrowsers(env: Environment): string[] {
  const cache = playwrightCache(env);
  let revisions: string[];
  try {
    revisions = readdirSync(cache).filter((name) => /^chromium-\d+$/.test(name));
  } catch {
    return [];
  }
  revisions.sort((a, b) => Number(b.slice('chromium-'.length)) - Number(a.slice('chromium-'.length)));
  return revisions.flatMap((revision) => [
    join(cache, revision, 'chrome-linux64', 'chrome'),
    join(cache, revision, 'chrome-linux', 'chrome'),
    join(
      cache,
      revision,
      'chrome-mac-arm64',
      'Google Chrome for Testing.app',
      'Contents',
      'MacOS',
      'Google Chrome for Testing',
    ),
    join(
      cache,
      revision,
      'chrome-mac-x64',
      'Google Chrome for Testing.app',
      'Contents',
      'MacOS',
      'Google Chrome for Testing',
    ),
    join(cache, revision, 'chrome-mac', 'Chromium.app', 'Contents', 'MacOS', 'Chromium'),
    join(cache, revision, 'chrome-win64', 'chrome.exe'),
    join(cache, revision, 'chrome-win', 'chrome.exe'),
  ]);
}

/**
 * The Chromium to print with: the one a variable names, else the first found on PATH, among the
 * installed applications, or in Playwright's browser cache. Throws the one-line "how to get one"
 * when there is none.
 */
export function locateChromium(env: Environment = process.env): string {
  for (const variable of CHROMIUM_VARIABLES) {
    const path = env[variable];
    if (path === undefined || path === '') continue;
    if (isExecutableFile(path)) return path;
    throw new UserError({ key: 'pdf.browserVariableWrong', params: { variable, path } });
  }
  const candidates = [...onPath(env), ...installedApplications(env), ...playwrightBrowsers(env)];
  const found = candidates.find(isExecutableFile);
  if (found !== undefined) return found;
  throw new UserError({ key: 'pdf.noBrowser', params: {} });
}
