import { intendedPath, isValidPath, select } from '../path';
import { failed, OptionError, type RuleFunction } from './types';

/** Each value the path reaches is one of `values`; a missing value fails only with `required`. */
export const enumeration: RuleFunction = {
  name: 'enumeration',
  summary: 'The field holds one of a set of values.',
  optionsSchema: {
    type: 'object',
    required: ['path', 'values'],
    additionalProperties: false,
    properties: {
      path: { type: 'string', minLength: 1 },
      values: { type: 'array', minItems: 1, items: { type: ['string', 'number', 'boolean'] } },
      required: { type: 'boolean', default: false, description: 'Also fail when the field is missing.' },
    },
  },
  placeholders: ['value', 'values', 'path'],
  prepare(options) {
    const path = options.path as string;
    const values = options.values as Array<string | number | boolean>;
    const allowed = new Set<unknown>(values);
    const listed = values.join(', ');
    if (!isValidPath(path)) throw new OptionError(`"${path}" is not a valid field path`, ['path']);
    return ({ record }) => {
      const matches = select(record, path);
      if (matches.length === 0 && options.required === true) {
        return failed([
          {
            path: intendedPath(path),
            message: `\`${path}\` is missing (expected one of ${listed})`,
            data: { value: '', values: listed, path },
          },
        ]);
      }
      return failed(
        matches
          .filter((match) => !allowed.has(match.value))
          .map((match) => ({
            path: match.path,
            message: `\`${String(match.value)}\` is not one of ${listed}`,
            data: { value: String(match.value), values: listed, path },
          })),
      );
    };
  },
};
