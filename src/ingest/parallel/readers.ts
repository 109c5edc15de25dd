// Which thread reads which range of a file cut for reading on threads: the main thread and
// the workers both need to know, and each works it out from the same cuts.

/**
 * Who reads the range at `index` of the file's ranges: -1 for the main thread, else a worker's
 * number. The main thread reads the first range and the last of each later round.
 */
export function readerOf(index: number, threads: number): number {
  const place = index % threads;
  return place === 0 ? -1 : place - 1;
}
