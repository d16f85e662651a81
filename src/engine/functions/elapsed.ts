import { FIELD_PATH_FORMAT } from '../schemas/formats';
import { intendedPath, select } from '../path';
import { formatDuration, parseDuration } from '../time/duration';
import { toInstant } from '../time/instant';
import { defineFunction, failed, OptionError, passed } from './types';

const durationText = {
  type: 'string',
  minLength: 1,
  description: 'A duration such as 24h, 90m, 3d or an ISO 8601 duration (PT24H).',
} as const;

/**
 * Elapsed time between two timestamps, as instants (clock changes count as the real hour they are).
 * Fails when the span is shorter than `min` or longer than `max`. Not applicable when either
 * timestamp is missing or unreadable: the schema check reports unreadable ones.
 */
export const elapsed = defineFunction({
  name: 'elapsed',
  summary: 'The time from one timestamp to another is at least min and at most max.',
  optionsSchema: {
    type: 'object',
    required: ['from', 'to'],
    anyOf: [{ required: ['min'] }, { required: ['max'] }],
    additionalProperties: false,
    properties: {
      from: {
        type: 'string',
        minLength: 1,
        format: FIELD_PATH_FORMAT,
        description: 'Start timestamp field, e.g. recorded_at',
      },
      to: {
        type: 'string',
        minLength: 1,
        format: FIELD_PATH_FORMAT,
        description: 'End timestamp field, e.g. filed.at',
      },
      min: durationText,
      max: durationText,
    },
  },
  placeholders: ['elapsed', 'min', 'max', 'from', 'to'],
  prepare(options) {
    const { from, to, min: minText, max: maxText } = options;
    const limit = (key: 'min' | 'max'): number | undefined => {
      const text = options[key];
      if (text === undefined) return undefined;
      const milliseconds = parseDuration(text);
      if (milliseconds === undefined)
        throw new OptionError(`"${text}" is not a duration (try 24h, 90m, 3d or PT24H)`, [key]);
      return milliseconds;
    };
    const min = limit('min');
    const max = limit('max');
    return ({ record, timeZone }) => {
      const start = select(record, from)[0];
      const end = select(record, to)[0];
      const startInstant = toInstant(start?.value, timeZone);
      const endInstant = toInstant(end?.value, timeZone);
      if (startInstant === undefined || endInstant === undefined) {
        const missing = startInstant === undefined ? from : to;
        return { outcome: 'notApplicable', reason: `\`${missing}\` is missing or not a valid date-time` };
      }
      const span = endInstant - startInstant;
      const data = { elapsed: formatDuration(span), min: minText, max: maxText, from, to };
      const at = end?.path ?? intendedPath(to);
      if (min !== undefined && span < min) {
        return failed([
          {
            path: at,
            message: `Only ${formatDuration(span)} from \`${from}\` to \`${to}\` (less than ${minText})`,
            data,
          },
        ]);
      }
      if (max !== undefined && span > max) {
        return failed([
          { path: at, message: `${formatDuration(span)} from \`${from}\` to \`${to}\` (more than ${maxText})`, data },
        ]);
      }
      return passed;
    };
  },
});
