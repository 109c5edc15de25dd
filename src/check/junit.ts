// `check --format junit:FILE`: JUnit XML, which every CI system can show. One testsuite per report
// file, one testcase per assertion (plus one for the schema); an error-level failure is a
// <failure>, a file that cannot be read is an <error>, and a warn-level failure passes with the
// warning in <system-out>, because it must not turn the CI run red.

import type { Translate } from '../i18n/index.js';
import type { AssertionResult } from './evaluate.js';
import type { CheckRun, ReportOutcome } from './result.js';
import { levelText, resultDetail } from './words.js';

/**
 * Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are
 * replaced; the five markup characters become entities, so any brand name is safe in text and
 * in attributes.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

interface Testcase {
  name: string;
  /** The element inside the testcase, already XML; '' for a plain pass. */
  body: string;
  failed: boolean;
  errored: boolean;
}

function assertionCase(result: AssertionResult, t: Translate): Testcase {
  const detail = resultDetail(result, t);
  if (result.passed) return { name: result.assertion, body: '', failed: false, errored: false };
  if (result.level === 'warn') {
    const text = t('check.junit.warning', { level: levelText('warn', t), detail });
    return {
      name: result.assertion,
      body: `<system-out>${escapeXml(text)}</system-out>`,
      failed: false,
      errored: false,
    };
  }
  const body = `<failure${attributes({ message: detail, type: 'error' })}>${escapeXml(detail)}</failure>`;
  return { name: result.assertion, body, failed: true, errored: false };
}

function outcomeCases(outcome: ReportOutcome, t: Translate): Testcase[] {
  if (outcome.status === 'unreadable') {
    const message = t(outcome.error.key, outcome.error.params);
    return [{ name: 'read', body: `<error${attributes({ message })}/>`, failed: false, errored: true }];
  }
  if (outcome.status === 'invalid') {
    const message = t('check.schema.invalid', { count: outcome.problems.length });
    const details = outcome.problems.map((problem) => `${problem.path}: ${problem.message}`).join('\n');
    const body = `<failure${attributes({ message, type: 'schema' })}>${escapeXml(details)}</failure>`;
    return [{ name: 'schema', body, failed: true, errored: false }];
  }
  return [
    { name: 'schema', body: '', failed: false, errored: false },
    ...outcome.results.map((result) => assertionCase(result, t)),
  ];
}

function suiteName(outcome: ReportOutcome): string {
  return outcome.brand === null ? outcome.file : `${outcome.brand} (${outcome.file})`;
}

export function formatJunit(run: CheckRun, t: Translate): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const outcome of run.outcomes) {
    const cases = outcomeCases(outcome, t);
    const suiteFailures = cases.filter((testcase) => testcase.failed).length;
    const suiteErrors = cases.filter((testcase) => testcase.errored).length;
    tests += cases.length;
    failures += suiteFailures;
    errors += suiteErrors;
    const head = attributes({
      name: suiteName(outcome),
      tests: cases.length,
      failures: suiteFailures,
      errors: suiteErrors,
      skipped: 0,
    });
    suites.push(`  <testsuite${head}>`);
    for (const testcase of cases) {
      const open = `    <testcase${attributes({ name: testcase.name, classname: outcome.file })}`;
      suites.push(testcase.body === '' ? `${open}/>` : `${open}>${testcase.body}</testcase>`);
    }
    suites.push('  </testsuite>');
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'steps-doctor check', tests, failures, errors })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
