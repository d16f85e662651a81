/**
 * Text made safe for inline Markdown, a table cell included: the characters CommonMark or GitHub
 * give an inline meaning (`\ ` * _ [ ] < > | & ~ # $`) are backslash-escaped, so a value can neither
 * end its cell (`|`), open a code span, emphasis, a link or raw HTML (`<img …>`), nor form an entity;
 * line breaks and other control characters become spaces; `://`, `www.` and an address's `@` are escaped so that
 * a preview does not turn a bare URL or address into a link. Values must be placed where only inline
 * content is read (a table cell, a heading's text, after a list item's label).
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\r\n|[\u0000-\u001f\u007f\u2028\u2029]/g, ' ')
      .replace(/[\\`*_[\]<>|&~#$]/g, (c) => `\\${c}`)
      // Bare URLs, www. names and e-mail addresses from a crime file must not become links in a
      // preview (linkify): an escaped character splits the text the linkifier would match.
      .replace(/:(?=\/\/)/g, '\\:')
      .replace(/\b(www)\./gi, '$1\\.')
      .replace(/([\w.+-])@(?=[\w-]+\.\w)/g, '$1\\@')
  );
}
