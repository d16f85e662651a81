import { FIELD_PATH_FORMAT } from '../schemas/formats';
import { intendedPath, select } from '../path';
import { compilePredicate, predicateSchema } from './predicate';
import { defineFunction, failed, OptionError, passed } from './types';

/**
 * Counts the items of a list that match `where` and fails when the count is below `min` or above
 * `max`. A missing list counts as zero items, reported at the list's nearest existing ancestor.
 */
export const count = defineFunction({
  name: 'count',
  summary: 'The number of list items matching a condition is within [min, max].',
  optionsSchema: {
    type: 'object',
    required: ['path'],
    anyOf: [{ required: ['min'] }, { required: ['max'] }],
    additionalProperties: false,
    properties: {
      path: { type: 'string', minLength: 1, format: FIELD_PATH_FORMAT, description: 'The list to count in, e.g. log' },
      where: {
        $ref: 'dipsample:predicate',
        description: 'Condition an item must meet to be counted; paths are relative to the item.',
      },
      min: { type: 'integer', minimum: 0 },
      max: { type: 'integer', minimum: 0 },
      description: { type: 'string', description: 'What is being counted, for messages, e.g. "supervisor reviews".' },
    },
  },
  placeholders: ['count', 'min', 'max', 'path', 'description'],
  prepare(options) {
    const { path, min, max } = options;
    const what = options.description ?? `matching entries in \`${path}\``;
    if (min !== undefined && max !== undefined && min > max) throw new OptionError('min is greater than max', ['min']);
    const where = options.where ? compilePredicate(options.where, ['where']) : undefined;
    return ({ record, timeZone }) => {
      const lists = select(record, path);
      const list = lists[0];
      const items = list && Array.isArray(list.value) ? list.value : [];
      const matching = where ? items.filter((item) => where(item, record, timeZone)).length : items.length;
      const data = { count: matching, min, max, path, description: what };
      if (min !== undefined && matching < min) {
        const message =
          matching === 0
            ? `No ${what} (at least ${min} required)`
            : `Only ${matching} ${what} (at least ${min} required)`;
        return failed([{ path: list ? list.path : intendedPath(path), message, data }]);
      }
      if (max !== undefined && matching > max) {
        return failed([{ path: list.path, message: `${matching} ${what} (at most ${max} allowed)`, data }]);
      }
      return passed;
    };
  },
});

// Re-exported so the rule-pack loader can register the shared predicate schema once.
export { predicateSchema };
