import type { Catalog } from '../index.js';

export const batchMessages: Catalog = {
  en: {
    'command.batch': 'diagnose every client sub-folder of a portfolio folder in parallel and write a summary',
    'argument.portfolioDir': 'folder whose sub-folders are client folders',
    'option.out': "output folder for each client's reports and the summary",
    'option.concurrency': 'clients diagnosed at once',
    'option.concurrencyDefault': 'one, and one more for each idle core, up to the number of cores',
    'option.batchFormat':
      'extra report formats per client: markdown, html, pdf, terminal (report.json is always written)',
    'batch.noClients': 'No client folders in {dir}: batch expects one sub-folder per client.',
    'batch.dirNotFound': '{file}: folder not found.',
    'batch.notADir': '{file}: is a file, not a folder of client folders.',
    'batch.dirUnreadable': '{file}: cannot read this folder.',
    'batch.formatPath':
      'batch writes each format to the client\'s output folder: give "--format {format}" without a path.',
    'batch.internalError': 'internal error: {message}',
    'batch.workerDied': 'the worker diagnosing this client stopped: {message}',
    'batch.progress': '{done}/{total} {client}',
    'batch.status.ok': 'ok',
    'batch.status.belowGate': 'below gate',
    'batch.status.failed': 'failed: {reason}',
    'batch.col.client': 'Client',
    'batch.col.focus': 'Focus',
    'batch.col.overall': 'Overall',
    'batch.col.status': 'Status',
    'batch.done': '{total} clients: {ok} ok, {belowGate} below gate, {failed} failed. Summary: {path}',
    'batch.concurrencyCapped':
      '--concurrency {requested}: this machine has {cores} cores, so {cores} clients are diagnosed at a time (more workers only add memory).',
    'batch.skipped.hidden':
      'Skipped {name}: a hidden folder is not read as a client; rename it without the leading dot to diagnose it.',
    'batch.skipped.symlink':
      'Skipped {name}: it is a symbolic link; link targets are not read as clients, copy or move the folder in to diagnose it.',
    'batch.skipped.undecodable':
      'Skipped {name}: the folder name is not valid UTF-8 (bytes shown as \\xNN), so it cannot be opened by name; rename it (convmv -f gbk -t utf-8) to diagnose it.',
    'batch.skipped.reserved':
      'Skipped {name}: the batch writes its own {name} into --out; rename the client folder to diagnose it.',
    'batch.outLocked':
      'Another batch (pid {pid}) is writing {outDir}; wait for it or give another --out (if no batch is running, delete {lock}).',
    'batch.cancelled':
      'Stopped: reports of the clients finished so far are complete in {outDir}; no partial files were left.',
  },
  zh: {
    'command.batch': '并行诊断组合目录下每个客户子目录，并写出汇总',
    'argument.portfolioDir': '其子目录为各客户目录的目录',
    'option.out': '各客户报告和汇总的输出目录',
    'option.concurrency': '同时诊断的客户数',
    'option.concurrencyDefault': '先开 1 个，有空闲核心再逐个加开，最多为 CPU 核数',
    'option.batchFormat': '每个客户额外输出的报告格式：markdown、html、pdf、terminal（总会写 report.json）',
    'batch.noClients': '{dir} 中没有客户目录：batch 需要每个客户一个子目录。',
    'batch.dirNotFound': '{file}：找不到该目录。',
    'batch.notADir': '{file}：这是文件，不是存放客户目录的文件夹。',
    'batch.dirUnreadable': '{file}：无法读取该目录。',
    'batch.formatPath': 'batch 会把每种格式写入客户的输出目录：请用“--format {format}”，不要带路径。',
    'batch.internalError': '内部错误：{message}',
    'batch.workerDied': '诊断该客户的工作线程已停止：{message}',
    'batch.progress': '{done}/{total} {client}',
    'batch.status.ok': '正常',
    'batch.status.belowGate': '低于门槛',
    'batch.status.failed': '失败：{reason}',
    'batch.col.client': '客户',
    'batch.col.focus': '重点',
    'batch.col.overall': '综合',
    'batch.col.status': '状态',
    'batch.done': '共 {total} 个客户：{ok} 个正常，{belowGate} 个低于门槛，{failed} 个失败。汇总：{path}',
    'batch.concurrencyCapped':
      '--concurrency {requested}：本机只有 {cores} 个核心，同时诊断 {cores} 个客户（再多的进程只会多占内存）。',
    'batch.skipped.hidden': '已跳过 {name}：以点开头的隐藏文件夹不当作客户读取；去掉开头的点即可诊断。',
    'batch.skipped.symlink': '已跳过 {name}：这是符号链接，不读取链接指向的客户文件夹；把文件夹复制或移进来即可诊断。',
    'batch.skipped.undecodable':
      '已跳过 {name}：文件夹名不是有效的 UTF-8（无法解码的字节显示为 \\xNN），无法按名称打开；改名后（如 convmv -f gbk -t utf-8）即可诊断。',
    'batch.skipped.reserved':
      '已跳过 {name}：批量诊断会在 --out 里写自己的 {name}，与客户文件夹重名；给客户文件夹改个名即可诊断。',
    'batch.outLocked':
      '另一个批量诊断（pid {pid}）正在写入 {outDir}；等它结束，或换一个 --out（确认没有批量在跑的话，删掉 {lock}）。',
    'batch.cancelled': '已停止：已完成客户的报告完整保存在 {outDir}，没有留下不完整的文件。',
  },
};
