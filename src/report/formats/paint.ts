/** What a terminal may show in colour: severities, file paths, rule ids, headings. */
export type PaintStyle = 'error' | 'warning' | 'information' | 'hint' | 'path' | 'rule' | 'heading';

/** Wraps text in a style (the CLI's colours on a terminal); the identity when there are none. */
export type Paint = (style: PaintStyle, text: string) => string;

/** Options every audit format accepts; those that have no use for one ignore it. */
export interface AuditRenderOptions {
  /** Colours for the text format (the CLI passes them on a terminal only). */
  paint?: Paint;
}

export const NO_PAINT: Paint = (_style, text) => text;
