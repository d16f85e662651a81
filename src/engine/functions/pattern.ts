import { compileSafeRegex, type SafeRegex } from '../safeRegex';
import { FIELD_PATH_FORMAT } from '../schemas/formats';
import { select } from '../path';
import { defineFunction, failed, OptionError } from './types';

/** Each text value the path reaches matches `match` and does not match `notMatch`. */
export const pattern = defineFunction({
  name: 'pattern',
  summary: 'Text fields match (or avoid) a regular expression.',
  optionsSchema: {
    type: 'object',
    required: ['path'],
    anyOf: [{ required: ['match'] }, { required: ['notMatch'] }],
    additionalProperties: false,
    properties: {
      path: {
        type: 'string',
        minLength: 1,
        format: FIELD_PATH_FORMAT,
        description: 'Field(s) to test, e.g. log[*].text',
      },
      match: { type: 'string', description: 'Regular expression each value must match.' },
      notMatch: { type: 'string', description: 'Regular expression no value may match.' },
      flags: {
        type: 'string',
        pattern: '^[imsu]*$',
        description: 'Regular expression flags, e.g. i for case-insensitive.',
      },
    },
  },
  placeholders: ['value', 'pattern', 'path'],
  prepare(options) {
    const { path } = options;
    const compile = (key: 'match' | 'notMatch'): SafeRegex | undefined => {
      const source = options[key];
      if (source === undefined) return undefined;
      try {
        return compileSafeRegex(source, options.flags ?? '');
      } catch (error) {
        throw new OptionError(`Invalid regular expression: ${(error as Error).message}`, [key]);
      }
    };
    const must = compile('match');
    const mustNot = compile('notMatch');
    return ({ record }) =>
      failed(
        select(record, path)
          .filter((match) => typeof match.value === 'string')
          .flatMap((match) => {
            const text = match.value as string;
            const preview = text.length > 60 ? `${text.slice(0, 57)}…` : text;
            if (must && !must.test(text)) {
              return [
                {
                  path: match.path,
                  message: `"${preview}" does not match /${must.source}/`,
                  data: { value: preview, pattern: must.source, path },
                },
              ];
            }
            if (mustNot && mustNot.test(text)) {
              return [
                {
                  path: match.path,
                  message: `"${preview}" matches /${mustNot.source}/`,
                  data: { value: preview, pattern: mustNot.source, path },
                },
              ];
            }
            return [];
          }),
      );
  },
});
