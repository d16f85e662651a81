import type { Finding, Severity } from '../../engine';
import type { AuditRun } from '../model';
import { renderWhole, type AuditWriter } from './auditStream';
import { hiddenFindingsText } from './errorsOnly';
import { printable } from './printable';

/** GitHub's workflow commands have three levels: information and hints are notices. */
const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  information: 'notice',
  hint: 'notice',
};

/**
 * GitHub Actions workflow commands, one annotation per finding:
 * `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message` (1-based lines and columns),
 * escaped as GitHub's toolkit escapes them. Paths are as shown (relative to the folder the audit
 * ran from: run it from the repository root). Nothing else is printed but a notice when `--quiet`
 * hid findings.
 */
export function githubAnnotations(run: AuditRun): string {
  return renderWhole(githubWriter, run);
}

/** The annotations written file by file. */
export function githubWriter(): AuditWriter {
  return {
    head: () => '',
    file: (file) => file.findings.map((finding) => `${annotation(file.path, finding)}\n`).join(''),
    tail: (end) => {
      const hidden = hiddenFindingsText(end);
      return hidden ? `::notice title=dipsample::${escapeData(hidden)}\n` : '';
    },
  };
}

function annotation(path: string, finding: Finding): string {
  const { start, end } = finding.range;
  const properties = [
    ['file', path],
    ['line', String(start.line + 1)],
    ['endLine', String(end.line + 1)],
    ['col', String(start.character + 1)],
    ['endColumn', String(end.character + 1)],
    ['title', `dipsample ${finding.rule}`],
  ]
    .map(([name, value]) => `${name}=${escapeProperty(value)}`)
    .join(',');
  return `::${COMMAND[finding.severity]} ${properties}::${escapeData(finding.message)}`;
}

/**
 * A command's message: `%`, CR and LF as GitHub's toolkit escapes them (`%25`, `%0D`, `%0A`); any
 * other control character shown as `\u{1b}`, so no file can drive the log's terminal.
 */
export function escapeData(text: string): string {
  return printable(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A command's property value: as a message, and `:` and `,` too (`%3A`, `%2C`), which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
