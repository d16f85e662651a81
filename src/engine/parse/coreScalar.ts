/**
 * A plain (unquoted) scalar's value under the YAML 1.2 core schema, exactly as `yaml` resolves it
 * (`yaml/dist/schema/core`: the same tests in the same order), so the fast parse and the full one
 * give every file the same data: `~`/`null`/empty is null, `true`/`False` booleans, `12`, `0o17`,
 * `0x1F`, `1.5`, `1e3`, `.inf`, `.nan` numbers, anything else the text itself. Timestamps stay text.
 */
export function coreScalarValue(text: string): unknown {
  // Most values are words: a letter no core type starts with is text without eight regex tests.
  if (/^[a-eg-mo-su-zA-EG-MO-SU-Z]/.test(text)) return text;
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (INT_OCT.test(text)) return parseInt(text.substring(2), 8);
  if (INT.test(text)) return parseInt(text, 10);
  if (INT_HEX.test(text)) return parseInt(text.substring(2), 16);
  if (FLOAT_NAN.test(text))
    return text.slice(-3).toLowerCase() === 'nan'
      ? NaN
      : text[0] === '-'
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text);
  return text;
}

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
