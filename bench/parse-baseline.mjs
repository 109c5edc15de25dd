// The baseline every ingest figure is compared with: the project's own csv-parse doing a bare
// streaming parse of a file in its fastest configuration (PERFORMANCE.md): 1 MB reads,
// `bom: true`, array rows, records pulled in a `readable` loop. It only counts records.
//
// The export has a title line above its header. A script written for it skips that line
// (from_line) rather than relaxing the column count: with relax_column_count, csv-parse
// builds and drops an error object for every row whose width differs from the first row's,
// which would double the baseline and flatter every ratio measured against it.
//
//   node bench/parse-baseline.mjs FILE [FIRST_LINE]

import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

const [path, firstLine = '1'] = process.argv.slice(2);
if (!path) {
  process.stderr.write('usage: node bench/parse-baseline.mjs FILE [FIRST_LINE]\n');
  process.exit(2);
}

const parser = parse({ bom: true, from_line: Number(firstLine) });
let records = 0;
parser.on('readable', () => {
  while (parser.read() !== null) records++;
});
const done = new Promise((resolve, reject) => {
  parser.on('end', resolve);
  parser.on('error', reject);
});
createReadStream(path, { highWaterMark: 1 << 20 }).pipe(parser);
await done;
process.stdout.write(`${records}\n`);
