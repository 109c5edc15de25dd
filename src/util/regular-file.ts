// Every settings or report file the tool reads goes through here. `stat` then `readFile` was
// fooled twice: a FIFO named brand.json blocked the open for ever, and a link to /dev/zero or
// /dev/urandom said size 0 and was read until memory ran out. So: open without blocking,
// check the opened handle (not the path, which can be swapped in between) is a regular file,
// and stop reading at the cap whatever the size said.

import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';

/** Thrown with an errno-like `code`, so callers that already map `code` to a message can. */
export class RegularFileError extends Error {
  constructor(
    readonly code: 'ENOTREG' | 'EFBIG',
    readonly path: string,
    readonly limitBytes: number,
  ) {
    super(code === 'ENOTREG' ? `${path}: not a regular file` : `${path}: larger than ${limitBytes} bytes`);
  }
}

const CHUNK_BYTES = 64 * 1024;

/**
 * `path` opened for reading, checked on the handle to be a regular file (RegularFileError
 * ENOTREG otherwise, the handle closed). `limitBytes` only names the cap in the error.
 */
export async function openRegularFile(path: string, limitBytes = 0): Promise<FileHandle> {
  // O_NONBLOCK: opening a pipe nobody writes returns at once instead of waiting for a writer.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new RegularFileError('ENOTREG', path, limitBytes);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * The bytes of an opened file as a stream that fails with RegularFileError EFBIG once more
 * than `limitBytes` have come through, whatever the size said when it was opened (a file still
 * being written grows). The handle is closed when the stream ends or fails.
 */
export function cappedReadStream(
  handle: FileHandle,
  path: string,
  limitBytes: number,
  options: { start?: number; end?: number; highWaterMark?: number } = {},
): Readable {
  const source = handle.createReadStream({ ...options, autoClose: true });
  async function* capped(): AsyncGenerator<Buffer> {
    let total = 0;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > limitBytes) throw new RegularFileError('EFBIG', path, limitBytes);
        yield chunk;
      }
    } finally {
      source.destroy();
    }
  }
  return Readable.from(capped(), { objectMode: false });
}

/** The bytes of `path`, a regular file of at most `limitBytes`; RegularFileError otherwise. */
export async function readRegularFile(path: string, limitBytes: number): Promise<Buffer> {
  const handle = await openRegularFile(path, limitBytes);
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limitBytes) throw new RegularFileError('EFBIG', path, limitBytes);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** As readRegularFile, decoded as UTF-8. */
export async function readRegularText(path: string, limitBytes: number): Promise<string> {
  return (await readRegularFile(path, limitBytes)).toString('utf8');
}
