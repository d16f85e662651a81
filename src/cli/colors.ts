import pc from 'picocolors';
import type { Paint, PaintStyle } from '../report';

/**
 * Whether the text output is coloured: `--color` / `--no-color` first, then FORCE_COLOR (`0` or
 * `false` turns colour off, any other value on; it wins over NO_COLOR, as in Node), then NO_COLOR
 * (any non-empty value: off), then `TERM=dumb` (off); otherwise only when stdout is a terminal.
 */
export function colorWanted(
  flag: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
  isTTY: boolean,
): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

const colors = pc.createColors(true);

const STYLES: Record<PaintStyle, (text: string) => string> = {
  error: (text) => colors.red(colors.bold(text)),
  warning: colors.yellow,
  information: colors.cyan,
  hint: colors.dim,
  path: colors.underline,
  rule: colors.dim,
  heading: colors.bold,
};

/** The terminal's colours for the text format. */
export const terminalPaint: Paint = (style, text) => STYLES[style](text);
