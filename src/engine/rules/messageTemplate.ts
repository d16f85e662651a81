import type { RuleDeclaration } from './rule';
import type { RuleProblems } from './ruleProblems';

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

/** Placeholders every message may use, whatever its function. */
const BUILT_IN_PLACEHOLDERS = ['id', 'title'];

/** Stage 6: every {{placeholder}} in the rule's message is one its function, the rule or a parameter provides. */
export function checkPlaceholders(
  rule: RuleDeclaration,
  functionPlaceholders: readonly string[],
  problems: RuleProblems,
): void {
  if (!rule.message) return;
  const allowed = new Set([...functionPlaceholders, ...BUILT_IN_PLACEHOLDERS, ...Object.keys(rule.parameters)]);
  for (const [, name] of rule.message.matchAll(PLACEHOLDER)) {
    if (!allowed.has(name)) {
      problems.inPack(
        'unknown-placeholder',
        ['message'],
        `unknown placeholder {{${name}}} (available: ${[...allowed].join(', ')})`,
      );
    }
  }
}

/** A rule's message with {{name}} filled from the failure's data, the rule and its parameters. */
export function renderMessage(
  rule: { id: string; title: string; message: string | undefined; parameters: Record<string, unknown> },
  data: Record<string, unknown>,
): string | undefined {
  if (!rule.message) return undefined;
  const values: Record<string, unknown> = { ...rule.parameters, ...data, id: rule.id, title: rule.title };
  return rule.message.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === null) return '';
    return Array.isArray(value) ? value.join(', ') : String(value);
  });
}
