// The anchor a data-savvy consultant would reach for: DuckDB reading the same orders export and
// computing the same aggregates in one SQL query (GMV and refunds of the counted lines, distinct
// orders, buyers and repeat buyers, creators and the top creator, the seller and carrier split).
//
// DuckDB is not a dependency of steps-doctor: run.mjs installs @duckdb/node-api into
// bench/out/duckdb/ (git-ignored) the first time, and this script loads it from there.
//
//   node bench/duckdb.mjs FILE THREADS

import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DUCKDB_DIR = join(resolve(dirname(fileURLToPath(import.meta.url))), 'out/duckdb');
export const DUCKDB_PACKAGE = '@duckdb/node-api@1.4.3-r.1';

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
const [path, threads = '2'] = isMain ? process.argv.slice(2) : [];
if (path) {
  const require = createRequire(join(DUCKDB_DIR, 'package.json'));
  const { DuckDBInstance } = await import(require.resolve('@duckdb/node-api'));
  const instance = await DuckDBInstance.create(':memory:', { threads });
  const connection = await instance.connect();
  const file = path.replaceAll("'", "''");
  // all_varchar: ids stay text (19-digit order ids are no numbers); the title line above the header is skipped.
  const sql = `
    WITH lines AS (
      SELECT "订单号" AS order_id, "买家ID" AS buyer, "CPS达人ID" AS creator, "渠道" AS channel,
             "订单载体" AS carrier,
             TRY_CAST(regexp_replace("实付款", '[¥,]', '', 'g') AS DECIMAL(18, 2)) AS amount,
             TRY_CAST(regexp_replace("订单退款(元)", '[¥,-]', '', 'g') AS DECIMAL(18, 2)) AS refund
      FROM read_csv('${file}', all_varchar = true, header = true, skip = 1, delim = ',', quote = '"')
      WHERE "订单状态" NOT LIKE '%关闭%' AND "订单状态" NOT LIKE '%取消%' AND "订单支付时间" <> ''
    ),
    per_buyer AS (SELECT buyer, count(DISTINCT order_id) AS orders FROM lines GROUP BY buyer),
    per_creator AS (
      SELECT creator, sum(amount) AS gmv FROM lines WHERE creator NOT IN ('', '-') GROUP BY creator
    )
    SELECT
      (SELECT sum(amount) FROM lines) AS gmv,
      (SELECT sum(coalesce(refund, 0)) FROM lines) AS refunds,
      (SELECT count(DISTINCT order_id) FROM lines) AS orders,
      (SELECT count(*) FROM per_buyer) AS buyers,
      (SELECT count(*) FROM per_buyer WHERE orders > 1) AS repeat_buyers,
      (SELECT count(*) FROM per_creator) AS creators,
      (SELECT creator FROM per_creator ORDER BY gmv DESC, creator LIMIT 1) AS top_creator,
      (SELECT string_agg(channel || '=' || gmv, ';' ORDER BY channel)
         FROM (SELECT channel, sum(amount) AS gmv FROM lines GROUP BY channel)) AS sellers,
      (SELECT string_agg(carrier || '=' || gmv, ';' ORDER BY carrier)
         FROM (SELECT carrier, sum(amount) AS gmv FROM lines GROUP BY carrier)) AS carriers
  `;
  const reader = await connection.runAndReadAll(sql);
  process.stdout.write(`${JSON.stringify(reader.getRowObjectsJson()[0])}\n`);
  connection.closeSync();
}
