import { SCHEMA_RULE, SYNTAX_RULE, type FileReport, type Finding, type Severity } from '../../engine';
import type { AuditRun, AuditRunHead } from '../model';
import { JsonArrayPieces, nestedJson, renderWhole, type AuditWriter } from './auditStream';
import { rulesOf } from './auditRun';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

const FILE_RULES = [
  {
    id: SYNTAX_RULE,
    title: 'File is valid YAML or JSON',
    description: 'The file could not be read as YAML or JSON, so no audit rule could be applied to it.',
    help:
      'The file is not valid YAML (*.crime.yaml, *.crime.yml) or JSON (*.crime.json), or could not be read. ' +
      'No rule runs: there is no record to judge, so the sample summary counts the file as unreadable and ' +
      'the rules as not audited for it. Fix the syntax error the finding points at and audit the file again. ' +
      'Syntax findings are always errors and cannot be configured or switched off.',
  },
  {
    id: SCHEMA_RULE,
    title: 'Record follows the crime-file/1 format',
    description:
      'The record breaks the crime-file/1 schema (missing required fields, unknown fields, wrong types or values).',
    help:
      'The file parses but the record breaks the crime-file/1 schema: a required field is missing, a value ' +
      'has the wrong type or is not one of the allowed values, a date-time is malformed, or a field is unknown ' +
      '(usually a misspelling; force-specific extra fields must start with x_). The rules still run, but a ' +
      'schema finding can explain a rule result (a misspelt filed.at leaves the crime open), so fix schema ' +
      'findings before reading the rule figures for a sample. Schema findings are always errors and cannot be ' +
      'configured or switched off.',
  },
];

/** SARIF 2.1.0 log: one run, rules described in the driver, results located with 1-based regions. */
export function sarifLog(run: AuditRun): string {
  return renderWhole(sarifWriter, run);
}

/**
 * The SARIF log written file by file: every rule is known before the first file (the run's rule
 * sets), so the driver comes first and each finding's result follows as its file completes.
 */
export function sarifWriter(head: AuditRunHead): AuditWriter {
  const rules = driverRules(head);
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const results = new JsonArrayPieces(3);
  const run = {
    tool: {
      driver: {
        name: head.tool.name,
        version: head.tool.version,
        ...(head.tool.informationUri ? { informationUri: head.tool.informationUri } : {}),
        rules,
      },
    },
    originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder the audit was run from.' } } },
  };
  // The run object without its closing brace, so `results` can follow as its last key.
  const opened = nestedJson(run, 2).replace(/\n {4}\}$/, '');
  return {
    head: () =>
      `{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    ${opened},\n      "results": [`,
    file: (file) => file.findings.map((finding) => results.item(result(file, finding, index))).join(''),
    tail: () => `${results.close()}\n    }\n  ]\n}\n`,
  };
}

function driverRules(head: AuditRunHead) {
  const helpUri = (id: string) => (head.ruleDocs?.[id] ? { helpUri: head.ruleDocs[id] } : {});
  return [
    ...FILE_RULES.map((rule) => ({
      id: rule.id,
      ...ruleName(rule.id, rule.title),
      shortDescription: { text: rule.title },
      fullDescription: { text: rule.description },
      ...helpUri(rule.id),
      help: { text: rule.help },
      defaultConfiguration: { level: 'error' as const },
    })),
    ...rulesOf(head).map((rule) => {
      const source = rule.declaration.source
        .map((s) => `${s.report}${s.paragraph ? ` ${s.paragraph}` : ''}: "${s.quote}"`)
        .join('\n');
      return {
        id: rule.id,
        ...ruleName(rule.id, rule.title),
        shortDescription: { text: rule.title },
        fullDescription: { text: rule.declaration.description.trim() },
        ...helpUri(rule.id),
        help: { text: `${rule.declaration.description.trim()}\n\nSource: ${source}` },
        defaultConfiguration: { level: LEVEL[rule.severity] },
        properties: { pack: rule.declaration.pack, tags: rule.declaration.tags },
      };
    }),
  ];
}

function result(file: FileReport, finding: Finding, index: ReadonlyMap<string, number>) {
  return {
    ruleId: finding.rule,
    ...(index.has(finding.rule) ? { ruleIndex: index.get(finding.rule)! } : {}),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(file.path),
          region: {
            startLine: finding.range.start.line + 1,
            startColumn: finding.range.start.character + 1,
            endLine: finding.range.end.line + 1,
            endColumn: finding.range.end.character + 1,
          },
        },
      },
    ],
    ...(file.reference ? { properties: { reference: file.reference } } : {}),
  };
}

/**
 * A rule's `name`, which SARIF wants readable and different from its opaque `id`, ignoring case
 * (SARIF1001): the id in PascalCase (`filed-within-24h` → `FiledWithin24h`), or for a one-word id
 * the title's (`syntax` → `FileIsValidYamlOrJson`); none when neither differs.
 */
export function ruleName(id: string, title: string): { name?: string } {
  for (const name of [pascalCase(id), pascalCase(title)])
    if (name && name.toLowerCase() !== id.toLowerCase()) return { name };
  return {};
}

function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');
}

/** Paths under the folder the audit ran from are relative to %SRCROOT%; others become file URIs. */
function artifactLocation(filePath: string): { uri: string; uriBaseId?: string } {
  const encoded = filePath.split('/').map(encodeURIComponent).join('/');
  if (filePath.startsWith('/')) return { uri: `file://${encoded}` };
  if (/^[A-Za-z]:\//.test(filePath))
    return { uri: `file:///${filePath.slice(0, 2)}${encoded.slice(filePath.indexOf('/'))}` };
  return { uri: encoded, uriBaseId: '%SRCROOT%' };
}
