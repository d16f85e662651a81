import { escapeHtml } from './escapeHtml';

/** Markup already escaped (or written by us): the only thing `html` interpolates without escaping. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type HtmlValue = Html | string | number | undefined | false | readonly HtmlValue[];

/**
 * A tagged template whose every interpolation goes through `escapeHtml`, except markup built by
 * another `html` template; arrays are joined, `undefined` and `false` are left out. Nothing a crime
 * file holds can reach the page unescaped.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let text = strings[0];
  values.forEach((value, index) => {
    text += render(value) + strings[index + 1];
  });
  return new Html(text);
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === false) return '';
  return escapeHtml(String(value));
}
