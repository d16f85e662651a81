import { INTERNAL_RULE } from '../../engine';
import type { AuditRun, AuditRunHead } from '../model';
import { renderWhole, type AuditWriter } from './auditStream';
import { hiddenFindingsText } from './errorsOnly';

/**
 * JUnit XML for CI test reports: `<testsuites>` with one `<testsuite>` (the audit), one `<testcase>`
 * per audited file (named by its path, classname its reference) and a `<failure>` per finding
 * (`type` the rule id, `message` the finding's message, the text `path:line:column: severity
 * message [rule]`). A file the engine failed on gets an `<error>` instead (it was not audited).
 * Every value is XML-escaped; characters XML 1.0 cannot hold are shown as `\u{…}`.
 */
export function junitReport(run: AuditRun): string {
  return renderWhole(junitWriter, run);
}

/**
 * JUnit written file by file. Its root element carries the totals, so the test cases wait, as
 * text, until the last file: JUnit is the one audit format that holds every file's piece (a line
 * or a few per file, never the reports).
 */
export function junitWriter(head: AuditRunHead): AuditWriter {
  const cases: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  return {
    head: () => '',
    file: (file) => {
      tests++;
      const attributes = `name="${xml(file.path)}" classname="${xml(file.reference ?? file.path)}" file="${xml(file.path)}"`;
      if (file.findings.length === 0) {
        cases.push(`    <testcase ${attributes}/>`);
        return '';
      }
      if (file.findings.some((finding) => finding.rule === INTERNAL_RULE)) errors++;
      else failures++;
      const children = file.findings.map((finding) => {
        const element = finding.rule === INTERNAL_RULE ? 'error' : 'failure';
        const where = `${file.path}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
        const text = `${where}: ${finding.severity} ${finding.message} [${finding.rule}]`;
        return `      <${element} message="${xml(finding.message)}" type="${xml(finding.rule)}">${xml(text)}</${element}>`;
      });
      cases.push(`    <testcase ${attributes}>`, ...children, '    </testcase>');
      return '';
    },
    tail: (end) => {
      const counts = `tests="${tests}" failures="${failures}" errors="${errors}"`;
      const hidden = hiddenFindingsText(end);
      const properties = [
        `      <property name="tool" value="${xml(`${head.tool.name} ${head.tool.version}`)}"/>`,
        ...(hidden ? [`      <property name="hidden" value="${xml(hidden)}"/>`] : []),
      ];
      return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="${xml(head.tool.name)}" ${counts}>`,
        `  <testsuite name="${xml(`${head.tool.name} audit`)}" ${counts} skipped="0">`,
        '    <properties>',
        ...properties,
        '    </properties>',
        ...cases,
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n');
    },
  };
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for an XML attribute or element: markup escaped, and what XML 1.0 cannot hold (controls, lone surrogates, U+FFFE/F) as `\u{…}`. */
export function xml(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => ENTITIES[c])
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      (c) => `\\u{${c.charCodeAt(0).toString(16)}}`,
    )
    .replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}
