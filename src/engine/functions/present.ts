import { FIELD_PATH_FORMAT } from '../schemas/formats';
import { intendedPath, select } from '../path';
import { isBlank } from './predicate';
import { defineFunction, failed, passed } from './types';

/** Fails when a field is missing, or (with `nonEmpty`, the default) null, blank, or an empty list/map. */
export const present = defineFunction({
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
        format: FIELD_PATH_FORMAT,
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
    const { path } = options;
    const nonEmpty = options.nonEmpty !== false;
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
});
