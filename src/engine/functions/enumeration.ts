import { FIELD_PATH_FORMAT } from '../schemas/formats';
import { intendedPath, select } from '../path';
import { defineFunction, failed } from './types';

/** Each value the path reaches is one of `values`; a missing value fails only with `required`. */
export const enumeration = defineFunction({
  name: 'enumeration',
  summary: 'The field holds one of a set of values.',
  optionsSchema: {
    type: 'object',
    required: ['path', 'values'],
    additionalProperties: false,
    properties: {
      path: {
        type: 'string',
        minLength: 1,
        format: FIELD_PATH_FORMAT,
        description: 'Field(s) to test, e.g. attendance.status',
      },
      values: { type: 'array', minItems: 1, items: { type: ['string', 'number', 'boolean'] } },
      required: { type: 'boolean', default: false, description: 'Also fail when the field is missing.' },
    },
  },
  placeholders: ['value', 'values', 'path'],
  prepare(options) {
    const { path, values } = options;
    const allowed = new Set<unknown>(values);
    const listed = values.join(', ');
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
});
