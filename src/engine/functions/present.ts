import { intendedPath, isValidPath, select } from '../path';
import { isBlank } from './predicate';
import { failed, OptionError, passed, type RuleFunction } from './types';

/** Fails when a field is missing, or (with `nonEmpty`, the default) null, blank, or an empty list/map. */
export const present: RuleFunction = {
  name: 'present',
  summary: 'The field exists and, unless nonEmpty is false, is not empty.',
  optionsSchema: {
    type: 'object',
    required: ['path'],
    additionalProperties: false,
    properties: {
      path: {
        type: 'string',
        minLength: 1,
        description: 'Field that must be present, e.g. investigation_plan.lines_of_enquiry',
      },
      nonEmpty: {
        type: 'boolean',
        default: true,
        description: 'Also fail on null, blank text and empty lists or maps.',
      },
    },
  },
  placeholders: ['path'],
  prepare(options) {
    const path = options.path as string;
    const nonEmpty = options.nonEmpty !== false;
    if (!isValidPath(path)) throw new OptionError(`"${path}" is not a valid field path`, ['path']);
    return ({ record }) => {
      const matches = select(record, path);
      if (matches.length === 0) {
        return failed([{ path: intendedPath(path), message: `\`${path}\` is missing`, data: { path } }]);
      }
      if (!nonEmpty) return passed;
      const blank = matches.filter((match) => isBlank(match.value));
      return failed(blank.map((match) => ({ path: match.path, message: `\`${path}\` is empty`, data: { path } })));
    };
  },
};
