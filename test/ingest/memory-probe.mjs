// Memory probe for ingest (not a test): writes a 100,000-line orders export to a temp folder,
// ingests it with a sink that only counts, and prints memory at every 25,000 lines. Flat
// figures mean memory follows distinct keys (the 16-byte duplicate fingerprints), not lines.
//
//   cd /work/main && npx tsc -p . && node test/ingest/memory-probe.mjs [lines]

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../dist/ingest/index.js';

const LINES = Number(process.argv[2] ?? 100_000);
const CHECKPOINT = LINES / 4;
const HEADER =
  '订单号,订单创建时间,订单支付时间,商品ID,商品名称,SKU编码,成交数量,实付款,订单状态,售后状态,订单退款(元),渠道,订单载体,CPS达人ID,CPS达人昵称,收货地址';

function orderLine(i) {
  const orderId = String(2406180000000000000n + BigInt(i));
  const name = i % 10 === 0 ? '"玻尿酸补水面膜, 10片装\n限定礼盒"' : '"氨基酸洁面乳, 120g"';
  const creator = i % 3 === 0 ? '' : `kol_${i % 700}`;
  const channel = creator ? '分销' : '自营';
  const amount = `${(i % 300) + 9}.90`;
  return `${orderId},2024-06-18 20:15:03,2024-06-18 20:16:41,${22000000 + (i % 500)},${name},SKU-${i % 50},1,"¥${amount}",交易成功,,0,${channel},直播间,${creator},达人${i % 700},浙江省杭州市西湖区`;
}

const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const dir = await mkdtemp(join(tmpdir(), 'steps-memory-'));
try {
  // Written in batches, so the generator itself does not inflate the figures below.
  const out = createWriteStream(join(dir, 'orders.csv'));
  out.write(`${HEADER}\n`);
  for (let start = 0; start < LINES; start += 5000) {
    const batch = [];
    for (let i = start; i < Math.min(LINES, start + 5000); i++) batch.push(orderLine(i));
    if (!out.write(`${batch.join('\n')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  globalThis.gc?.();
  const before = process.memoryUsage();
  console.log(`before ingest: rss ${megabytes(before.rss)}, heap used ${megabytes(before.heapUsed)}`);

  let count = 0;
  let peakRss = 0;
  const rows = [];
  const sample = () => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    return usage;
  };
  const sink = {
    order() {
      count++;
      if (count % 1000 === 0) sample();
      if (count % CHECKPOINT === 0) {
        const usage = sample();
        rows.push({
          lines: count.toLocaleString('en-US'),
          rss: megabytes(usage.rss),
          'peak rss': megabytes(peakRss),
          'heap used': megabytes(usage.heapUsed),
          external: megabytes(usage.external + usage.arrayBuffers),
        });
      }
    },
    session() {},
    product() {},
    customer() {},
  };
  const started = performance.now();
  const result = await ingest({ dir }, sink);
  const elapsed = performance.now() - started;
  console.table(rows);
  const file = result.files[0];
  console.log(
    `${file.rows.toLocaleString('en-US')} rows, ${file.duplicateRows} duplicates, ${file.skippedRows} skipped, ` +
      `${(elapsed / 1000).toFixed(2)} s; process peak RSS (getrusage): ${megabytes(process.resourceUsage().maxRSS * 1024)}`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
