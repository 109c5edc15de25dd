import type { Catalog } from '../index.js';

// Keys are prefixed "check." so catalogs can be merged without clashes.
export const checkMessages: Catalog = {
  en: {
    'check.command': 'CI gate: validate exported reports against the report schema, then apply assertions',
    'check.argument.reports': 'report JSON files written by diagnose --format json:FILE',
    'check.option.config': 'assertions file (default: .stepsrc.json in the current folder, if there is one)',
    'check.option.minScore': 'fail when the overall score is below N (same as "overall": ["error", {"minScore": N}])',
    'check.option.stage': 'fail when a stage scores below N, e.g. traffic=60 (repeatable)',
    'check.option.format':
      'output terminal|json|junit, optionally :PATH to write a file, e.g. junit:check.xml (repeatable)',
    'check.option.json': 'print only the JSON results on stdout',
    'check.badScore': '{option}: "{value}" is not a score; use a number from 0 to 100',
    'check.badStageShortcut': '--stage "{value}": write it as KEY=SCORE, e.g. traffic=60',
    'check.unknownStage': '--stage: unknown stage "{value}"; the stages are {stages}',
    'check.config.missing': 'config file {file} not found',
    'check.config.unreadable': 'config file {file} cannot be read ({reason})',
    'check.config.notJson': 'config file {file} is not valid JSON: {reason}',
    'check.config.notObject': '{file}: the config must be a JSON object with "assertions" and, optionally, "overrides"',
    'check.config.unknownField': '{file}: unknown field "{field}" in {where}; the fields are {known}',
    'check.config.badAssertions':
      '{file}: {where} must be an object of assertions, e.g. {"overall": ["error", {"minScore": 60}]}',
    'check.config.unknownAssertion':
      '{file}: unknown assertion "{assertion}" in {where}; use overall, stage:KEY (KEY one of {stages}), metric:PATH (e.g. metric:roi), inputs:skippedRows, coverage:measuredStages, plan:blockers, or for trend files trend:overall and trend:stage:KEY',
    'check.config.badAssertion':
      '{file}: "{assertion}" in {where} must be a level ("off", "warn", "error") or [level, options]',
    'check.config.unknownLevel': '{file}: unknown level {value} for "{assertion}" in {where}; use {levels}',
    'check.config.badOptions':
      '{file}: the options of "{assertion}" in {where} must be an object, e.g. {"minScore": 60}',
    'check.config.unknownOption': '{file}: unknown option "{option}" for "{assertion}" in {where}; it takes {known}',
    'check.config.badNumber': '{file}: option "{option}" of "{assertion}" in {where} must be a number',
    'check.config.badScore': '{file}: option "{option}" of "{assertion}" in {where} must be a score from 0 to 100',
    'check.config.badOverrides': '{file}: "overrides" must be a list of {"brands": [...], "assertions": {...}}',
    'check.config.badOverride': '{file}: {where} must be an object with "brands" and "assertions"',
    'check.config.badBrands': '{file}: {where}.brands must be a non-empty list of brand names or globs (* and ?)',
    'check.file.missing': '{file}: no such file',
    'check.file.isFolder': '{file} is a folder, not a report file',
    'check.file.unreadable': '{file} cannot be read ({reason})',
    'check.file.notJson': '{file} is not JSON: {reason}',
    'check.file.tooLarge': '{file} is larger than {limit} MB: not a steps-doctor report, so it was not read',
    'check.file.notRegular': '{file} is not a regular file (a pipe, socket or device), so it was not read',
    'check.file.tooManyValues':
      '{file} holds more than {limit} objects and arrays: no steps-doctor report is that large, so it was not parsed',
    'check.file.notFinite':
      '{file}: the number at {path} is too large to be a number (like 1e400, read as infinity); a report holds finite numbers only',
    'check.schema.valid': 'a valid report',
    'check.notReport.batchSummary':
      '{file} is a batch summary, not a report: run {command} on the per-client report files ({dir}/<client>/report.json).',
    'check.notReport.benchmarks':
      '{file} is a peer benchmarks file, not a report: give it to diagnose or batch with --benchmarks, and run {command} on report files.',
    'check.notReport.trend':
      '{file} is a trend file, not a report: check gates it with trend: assertions; run {command} on report files (diagnose --format json:FILE).',
    'check.notReport.checkResult':
      '{file} is the output of check --json, not a report: run {command} on the report files it lists.',
    'check.notReport.diffResult':
      '{file} is the output of diff --json, not a report: run {command} on the two reports it compares.',
    'check.notReport.validation':
      '{file} is the output of validate --json, not a report: diagnose the folder for one (steps-doctor diagnose {dir} --format json:FILE).',
    'check.schema.invalid': 'not a valid report: {count} schema problem(s)',
    'check.moreProblems': '… and {count} more',
    'check.expected.measured': 'measured',
    'check.expected.and': ' and ',
    'check.expected.minChange': 'change ≥ {value} since the previous period',
    'check.detail.pass': '{actual} (expected {expected})',
    'check.detail.outOfBounds': '{actual}, expected {expected}',
    'check.detail.notMeasured': 'not measured (null in the report){expected}',
    'check.detail.stageNotMeasured': 'stage {stage} is not measured (no score){expected}',
    'check.detail.expectedSuffix': ', expected {expected}',
    'check.detail.missing': 'the report has no metric "{path}"',
    'check.detail.notNumber': 'metric "{path}" is not a number in the report',
    'check.level.warn': 'warn',
    'check.level.error': 'error',
    'check.junit.warning': '{level}: {detail}',
    'check.summary':
      'Reports: {passedReports} passed, {failedReports} failed, {invalidReports} invalid, {unreadableReports} unreadable. Assertions: {passedAssertions} passed, {warnings} warned, {errors} failed.',
  },
  zh: {
    'check.command': 'CI 门禁：按报告结构校验导出的报告，再执行断言',
    'check.argument.reports': '由 diagnose --format json:文件 写出的报告 JSON 文件',
    'check.option.config': '断言配置文件（默认：当前目录下的 .stepsrc.json，如果有）',
    'check.option.minScore': '综合得分低于 N 时失败（等同于 "overall": ["error", {"minScore": N}]）',
    'check.option.stage': '某阶段得分低于 N 时失败，例如 traffic=60（可重复）',
    'check.option.format': '输出 terminal|json|junit，可加 :路径 写入文件，例如 junit:check.xml（可重复）',
    'check.option.json': '只在标准输出打印 JSON 结果',
    'check.badScore': '{option}：“{value}”不是得分；请用 0 到 100 之间的数',
    'check.badStageShortcut': '--stage “{value}”：请写成 阶段=得分，例如 traffic=60',
    'check.unknownStage': '--stage：未知阶段“{value}”；可用的阶段有 {stages}',
    'check.config.missing': '找不到配置文件 {file}',
    'check.config.unreadable': '无法读取配置文件 {file}（{reason}）',
    'check.config.notJson': '配置文件 {file} 不是有效的 JSON：{reason}',
    'check.config.notObject': '{file}：配置必须是一个 JSON 对象，包含 "assertions"，可选 "overrides"',
    'check.config.unknownField': '{file}：{where} 中有未知字段“{field}”；可用字段为 {known}',
    'check.config.badAssertions': '{file}：{where} 必须是断言对象，例如 {"overall": ["error", {"minScore": 60}]}',
    'check.config.unknownAssertion':
      '{file}：{where} 中有未知断言“{assertion}”；请使用 overall、stage:阶段（阶段为 {stages} 之一）、metric:路径（例如 metric:roi）、inputs:skippedRows、coverage:measuredStages、plan:blockers，趋势文件可用 trend:overall 和 trend:stage:阶段',
    'check.config.badAssertion': '{file}：{where} 中的“{assertion}”必须是级别（"off"、"warn"、"error"）或 [级别, 选项]',
    'check.config.unknownLevel': '{file}：{where} 中“{assertion}”的级别 {value} 无法识别；请使用 {levels}',
    'check.config.badOptions': '{file}：{where} 中“{assertion}”的选项必须是对象，例如 {"minScore": 60}',
    'check.config.unknownOption': '{file}：{where} 中“{assertion}”没有选项“{option}”；它接受 {known}',
    'check.config.badNumber': '{file}：{where} 中“{assertion}”的选项“{option}”必须是数字',
    'check.config.badScore': '{file}：{where} 中“{assertion}”的选项“{option}”必须是 0 到 100 之间的得分',
    'check.config.badOverrides': '{file}："overrides" 必须是 {"brands": [...], "assertions": {...}} 组成的列表',
    'check.config.badOverride': '{file}：{where} 必须是包含 "brands" 和 "assertions" 的对象',
    'check.config.badBrands': '{file}：{where}.brands 必须是非空的品牌名或通配符（* 和 ?）列表',
    'check.file.missing': '{file}：文件不存在',
    'check.file.isFolder': '{file} 是目录，不是报告文件',
    'check.file.unreadable': '无法读取 {file}（{reason}）',
    'check.file.notJson': '{file} 不是 JSON：{reason}',
    'check.file.tooLarge': '{file} 超过 {limit} MB，不是 steps-doctor 报告，未读取',
    'check.file.notRegular': '{file} 不是普通文件（管道、套接字或设备），未读取',
    'check.file.tooManyValues': '{file} 含有超过 {limit} 个对象和数组，任何 steps-doctor 报告都不会这么大，未解析',
    'check.file.notFinite': '{file}：{path} 处的数字超出范围（如 1e400，会被读成无穷大）；报告里只能有有限的数字',
    'check.schema.valid': '报告有效',
    'check.notReport.batchSummary':
      '{file} 是 batch 的汇总文件，不是诊断报告：请对每个客户的报告文件运行 {command}（{dir}/<客户>/report.json）。',
    'check.notReport.benchmarks':
      '{file} 是同行基准文件，不是诊断报告：请在 diagnose 或 batch 中用 --benchmarks 指定它，并对报告文件运行 {command}。',
    'check.notReport.trend':
      '{file} 是趋势文件，不是诊断报告：check 可用 trend: 断言检查它；{command} 需要报告文件（diagnose --format json:FILE）。',
    'check.notReport.checkResult':
      '{file} 是 check --json 的输出，不是诊断报告：请对其中列出的报告文件运行 {command}。',
    'check.notReport.diffResult': '{file} 是 diff --json 的输出，不是诊断报告：请对它比较的两份报告运行 {command}。',
    'check.notReport.validation':
      '{file} 是 validate --json 的输出，不是诊断报告：请先诊断该目录（steps-doctor diagnose {dir} --format json:FILE）。',
    'check.schema.invalid': '不是有效的报告：{count} 处结构问题',
    'check.moreProblems': '……另有 {count} 处',
    'check.expected.measured': '有测量值',
    'check.expected.and': ' 且 ',
    'check.expected.minChange': '较上一期变化 ≥ {value}',
    'check.detail.pass': '{actual}（要求 {expected}）',
    'check.detail.outOfBounds': '{actual}，要求 {expected}',
    'check.detail.notMeasured': '未测量（报告中为 null）{expected}',
    'check.detail.stageNotMeasured': '阶段 {stage} 未测量（没有得分）{expected}',
    'check.detail.expectedSuffix': '，要求 {expected}',
    'check.detail.missing': '报告中没有指标“{path}”',
    'check.detail.notNumber': '报告中的指标“{path}”不是数字',
    'check.level.warn': '警告',
    'check.level.error': '错误',
    'check.junit.warning': '{level}：{detail}',
    'check.summary':
      '报告：{passedReports} 份通过，{failedReports} 份未通过，{invalidReports} 份无效，{unreadableReports} 份无法读取。断言：{passedAssertions} 项通过，{warnings} 项警告，{errors} 项失败。',
  },
};
