/** Control characters (ESC, BEL, CR …) shown as `\u{1b}`: nothing a file holds can drive the terminal. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}
