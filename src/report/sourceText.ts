import type { RuleSource } from '../engine';

/** "HMIC 2014 Core business, para 4.102: “…”": a rule's source passage, as feedback. */
export function sourceText(source: RuleSource): string {
  const paragraph = source.paragraph?.trim();
  const where = paragraph
    ? /^\d/.test(paragraph)
      ? `para ${paragraph}`
      : paragraph
    : source.line !== undefined
      ? `line ${source.line}`
      : undefined;
  return `${source.report}${where !== undefined ? `, ${where}` : ''}: “${source.quote.trim()}”`;
}
