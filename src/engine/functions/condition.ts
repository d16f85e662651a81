import { intendedPath, isValidPath, select } from '../path';
import { compilePredicate, type Predicate } from './predicate';
import { failed, OptionError, passed, type RuleFunction } from './types';

/**
 * Fails when a condition on the whole record does not hold, e.g. "an outcome 16 records the
 * victim's wishes". The finding is placed at `at` (or its nearest existing ancestor).
 */
export const condition: RuleFunction = {
  name: 'condition',
  summary: 'A condition on the record holds.',
  optionsSchema: {
    type: 'object',
    required: ['test', 'at'],
    additionalProperties: false,
    properties: {
      test: { $ref: 'dipsample:predicate', description: 'The condition the record must meet (paths from the record).' },
      at: { type: 'string', minLength: 1, description: 'Field to place the finding on, e.g. filed.outcome.' },
      description: { type: 'string', description: 'What the condition requires, for messages.' },
    },
  },
  placeholders: ['at', 'description'],
  prepare(options) {
    const at = options.at as string;
    if (!isValidPath(at)) throw new OptionError(`"${at}" is not a valid field path`, ['at']);
    const test = compilePredicate(options.test as Predicate, ['test']);
    const what = (options.description as string | undefined) ?? 'the condition';
    return ({ record, timeZone }) => {
      if (test(record, record, timeZone)) return passed;
      const place = select(record, at)[0]?.path ?? intendedPath(at);
      return failed([{ path: place, message: `The record does not meet ${what}`, data: { at, description: what } }]);
    };
  },
};
