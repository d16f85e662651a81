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

/**
 * "HMIC, Core business (2014), para 4.99": where a passage is, as a reader finds it (the report and
 * its paragraph; never the research seed file and line the pack also records).
 */
export function sourceCitation(source: Pick<RuleSource, 'report' | 'paragraph'>): string {
  const paragraph = source.paragraph?.trim();
  if (!paragraph) return source.report;
  return `${source.report}, ${/^\d/.test(paragraph) ? `para ${paragraph}` : paragraph}`;
}
