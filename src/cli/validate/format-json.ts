// validate --json: plain data, every message in words as well as its code.

import { formatDateTime } from '../../i18n/format.js';
import type { Translate } from '../../i18n/index.js';
import type { Inspection } from '../../ingest/index.js';
import type { StageCoverage } from '../../diagnosis/coverage.js';
import { MAX_ISSUES_KEPT } from '../../ingest/read-file.js';

export function validationJson(dir: string, inspection: Inspection, t: Translate, coverage: StageCoverage | null) {
  const { result, problems } = inspection;
  return {
    dir,
    brand: { name: result.brand.name, category: result.brand.category },
    files: result.files.map((file) => ({
      kind: file.kind,
      path: file.path,
      encoding: file.encoding,
      format: file.format,
      delimiter: file.delimiter,
      sheet: file.sheet,
      headerLine: file.headerLine,
      rows: file.rows,
      giftLines: file.giftLines,
      paidThenRefundedLines: file.paidThenRefundedLines,
      skippedRows: file.skippedRows,
      duplicateRows: file.duplicateRows,
      excludedRows: file.excludedRows,
      outsidePeriodRows: file.outsidePeriodRows,
      firstAt: formatDateTime(file.firstAt),
      lastAt: formatDateTime(file.lastAt),
      dataFirstAt: formatDateTime(file.dataFirstAt),
      dataLastAt: formatDateTime(file.dataLastAt),
      columns: file.columns,
      ignoredColumns: file.ignoredColumns,
      normalisedIds: file.normalisedIds,
      normalisedIdExample: file.normalisedIdExample,
      issueCount: file.issueCount,
      issuesListed: file.issues.length,
      issuesCap: MAX_ISSUES_KEPT,
      issuesTruncated: file.issueCount > file.issues.length,
      issues: file.issues.map((issue) => ({
        line: issue.line,
        column: issue.column,
        value: issue.value,
        code: issue.code,
        message: t(issue.code, issue.params),
      })),
      stoppedAt: file.stoppedAt
        ? { line: file.stoppedAt.line, message: t(file.stoppedAt.reason.key, file.stoppedAt.reason.params) }
        : null,
    })),
    unrecognised: result.unrecognised.map((entry) => ({
      path: entry.path,
      kind: entry.kind,
      code: entry.reason.key,
      message: t(entry.reason.key, entry.reason.params),
    })),
    issues: problems.map((problem) => ({
      file: problem.file,
      line: problem.line,
      code: problem.detail.key,
      message: t(problem.detail.key, problem.detail.params),
    })),
    coverage,
    ok: problems.length === 0,
  };
}
