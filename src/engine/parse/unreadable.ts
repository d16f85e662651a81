/**
 * Control characters have no place in a crime file (NUL, BEL, ESC: an ESC can drive a terminal
 * that prints the value), and U+FFFD is what a decoder leaves where bytes were not UTF-8.
 */
export const UNREADABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffd]/;

export function unreadableCharacter(text: string): { offset: number; message: string } | undefined {
  const match = UNREADABLE.exec(text);
  if (!match) return undefined;
  const code = match[0].charCodeAt(0);
  const message =
    code === 0xfffd
      ? 'The file is not valid UTF-8 text here (bytes a UTF-8 decoder could not read, shown as U+FFFD): save it as UTF-8'
      : `The file holds a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')}) here: crime files are plain text`;
  return { offset: match.index, message };
}
