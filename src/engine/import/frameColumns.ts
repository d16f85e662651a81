import { fieldSlot } from './fieldTypes';
import type { FieldRule } from './importMap';

/**
 * A CSV frame without a map: each header must be a crime-file/1 field path that takes a value
 * (`reference`, `classification.category`, `reported_at`), read as the schema's type. A header that
 * is none is refused rather than dropped: the extract needs a map saying what it is.
 */
export function headerRules(header: readonly string[]): { rules: FieldRule[]; unknown: string[] } {
  const rules: FieldRule[] = [];
  const unknown: string[] = [];
  header.forEach((column, index) => {
    const slot = column === 'format' ? undefined : fieldSlot(column);
    if (slot?.kind === 'value') rules.push({ path: column, column, field: slot.field, declared: [index] });
    else unknown.push(column);
  });
  return { rules, unknown };
}

/**
 * The rules that fill any of `paths` (or a field inside or around one): pass 1 of a draw converts
 * only what placing a record reads, so a million-row frame costs its filter columns, not every cell.
 */
export function rulesFor(rules: readonly FieldRule[], paths: readonly string[]): FieldRule[] {
  const keys = paths.map((path) => path.split('[')[0]);
  const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
  return rules.filter((rule) => keys.some((key) => related(rule.path, key)));
}
