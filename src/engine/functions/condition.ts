import { FIELD_PATH_FORMAT } from '../schemas/formats';
import { intendedPath, select } from '../path';
import { compilePredicate } from './predicate';
import { defineFunction, failed, passed } from './types';

/**
 * Fails when a condition on the whole record does not hold, e.g. "an outcome 16 records the
 * victim's wishes". The finding is placed at `at` (or its nearest existing ancestor).
 */
const optionsSchema = {
  type: 'object',
  required: ['test', 'at'],
  additionalProperties: false,
  properties: {
    test: { $ref: 'dipsample:predicate', description: 'The condition the record must meet (paths from the record).' },
    at: {
      type: 'string',
      minLength: 1,
      format: FIELD_PATH_FORMAT,
      description: 'Field to place the finding on, e.g. filed.outcome.',
    },
    description: { type: 'string', description: 'What the condition requires, for messages.' },
  },
} as const;

export const condition = defineFunction({
  name: 'condition',
  summary: 'A condition on the record holds.',
  optionsSchema,
  placeholders: ['at', 'description'],
  prepare(options) {
    const { at } = options;
    const test = compilePredicate(options.test, ['test']);
    const what = options.description ?? 'the condition';
    return ({ record, timeZone }) => {
      if (test(record, record, timeZone)) return passed;
      const place = select(record, at)[0]?.path ?? intendedPath(at);
      return failed([{ path: place, message: `The record does not meet ${what}`, data: { at, description: what } }]);
    };
  },
});
