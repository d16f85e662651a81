import { escapeMarkdown as md } from './escapeMarkdown';

export type Align = 'left' | 'right';

/** A GitHub-flavoured Markdown table; cells are escaped here, so callers pass plain text. */
export function markdownTable(
  header: ReadonlyArray<string | [string, Align]>,
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
): string[] {
  const columns = header.map((column) =>
    typeof column === 'string' ? { title: column, align: 'left' as Align } : { title: column[0], align: column[1] },
  );
  const line = (cells: ReadonlyArray<string | number>) => `| ${cells.map((cell) => md(String(cell))).join(' | ')} |`;
  return [
    line(columns.map((c) => c.title)),
    `| ${columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map(line),
  ];
}
