// Root reads through chmod 000, so the tests that need a real "permission denied" run the built
// CLI as `nobody`. That user cannot enter a checkout that sits in a 0700 folder (a `mktemp -d`,
// root's home), and node would fail to start before the tool says a word. So the CLI that runs
// as `nobody` is a copy in a world-readable temporary folder: what package.json's "files" ships,
// the runtime dependencies and package.json, hard-linked where the file system allows (cheap) and copied
// where it does not. When even that cannot work (node itself out of reach, a private TMPDIR),
// the tests skip with the reason instead of failing on where the repository was cloned.

import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export const NOBODY = 65_534;
export const IS_ROOT = process.getuid?.() === 0;

export interface OtherUserCli {
  uid: number;
  /** The staged package: bin/, dist/, templates/, …, node_modules/ and package.json. */
  root: string;
  bin: string;
}

let staged: OtherUserCli | { skip: string } | undefined;

/** The CLI as `nobody` can start it, or why it cannot; staged once per test file. */
export function otherUserCli(): OtherUserCli | { skip: string } {
  staged ??= stage();
  return staged;
}

function stage(): OtherUserCli | { skip: string } {
  let root: string;
  try {
    root = mkdtempSync(join(tmpdir(), 'steps-as-nobody-'));
  } catch (error) {
    return { skip: `cannot make a temporary folder for the nobody run: ${String(error)}` };
  }
  process.on('exit', () => rmSync(root, { recursive: true, force: true }));
  try {
    chmodSync(root, 0o755);
    // What the published package holds (package.json "files"), as the CLI finds it at run time.
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    for (const part of ['package.json', ...manifest.files]) mirror(join(ROOT, part), join(root, part));
    for (const dependency of runtimeDependencies()) mirror(join(ROOT, dependency), join(root, dependency));
  } catch (error) {
    return { skip: `cannot stage the built CLI for the nobody run: ${String(error)}` };
  }
  const bin = join(root, 'bin/steps-doctor.js');
  const probe = spawnSync(process.execPath, [bin, '--version'], {
    cwd: root,
    encoding: 'utf8',
    uid: NOBODY,
    gid: NOBODY,
    timeout: 30_000,
  });
  if (probe.status !== 0) {
    const why = (probe.error?.message ?? probe.stderr).trim().split('\n')[0] ?? '';
    return {
      skip: `nobody (uid ${NOBODY}) cannot start ${process.execPath} on the staged CLI in ${root}: ${why}`,
    };
  }
  return { uid: NOBODY, root, bin };
}

/** node_modules/<package> for every package the CLI loads at run time (not the dev tools). */
function runtimeDependencies(): string[] {
  const listed = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8' });
  const paths = listed.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && line !== ROOT);
  if (paths.length === 0) throw new Error(`npm ls listed no runtime dependencies: ${listed.stderr.trim()}`);
  return paths.map((path) => relative(ROOT, path));
}

/** Hard-link (or copy) a file or a tree, leaving every file readable and every folder enterable. */
function mirror(from: string, to: string): void {
  const stats = statSync(from);
  if (stats.isDirectory()) {
    mkdirSync(to, { recursive: true, mode: 0o755 });
    chmodSync(to, 0o755);
    for (const name of readdirSync(from)) mirror(join(from, name), join(to, name));
    return;
  }
  // A file only its owner can read (a clone made under umask 077) is copied, so the source's
  // mode is left as the user made it.
  const othersCanRead = (stats.mode & 0o004) !== 0;
  if (othersCanRead) {
    try {
      linkSync(from, to);
      return;
    } catch {
      // another file system, or links refused: copy instead
    }
  }
  copyFileSync(from, to);
  chmodSync(to, 0o644);
}
