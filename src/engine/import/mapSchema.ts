export const MAP_FORMAT = 'dipsample-map/1';
export const MAP_SCHEMA_ID = 'https://dipsample.invalid/schemas/dipsample-map.schema.json';

/** The types a map may give a column instead of the one the crime-file schema implies. */
export const MAP_VALUE_TYPES = ['string', 'integer', 'number', 'boolean', 'date', 'date-time'] as const;
export type MapValueType = (typeof MAP_VALUE_TYPES)[number];

const scalar = { type: ['string', 'number', 'boolean'] } as const;

/** Schema of an import map; `rules/schemas/dipsample-map.schema.json` is generated from it (npm run schemas). */
export const mapSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: MAP_SCHEMA_ID,
  title: 'dipsample import map (dipsample-map/1)',
  description:
    'How the CSV tables of an RMS extract become crime files (docs/import.md): tables joined by crime reference, each column to a crime-file/1 field path. Columns the map does not name never reach the output.',
  type: 'object',
  required: ['format', 'tables'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    format: { description: 'Format marker. Must be exactly "dipsample-map/1".', const: MAP_FORMAT },
    timezone: {
      description: 'IANA zone of date-times without an offset (default Europe/London).',
      type: 'string',
      minLength: 1,
    },
    dates: {
      description:
        'Date formats the extract uses, as luxon tokens, tried in order, e.g. "dd/MM/yyyy HH:mm:ss". ISO 8601 is always accepted.',
      type: 'array',
      items: { type: 'string', minLength: 1 },
    },
    tables: {
      description: 'The CSV tables. The first holds one row per crime; the others join to it by key.',
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['file', 'key', 'fields'],
        additionalProperties: false,
        properties: {
          file: { description: 'The CSV file, relative to the map file.', type: 'string', minLength: 1 },
          key: {
            description: "The column holding the crime reference (joins the table to the first table's key).",
            type: 'string',
            minLength: 1,
          },
          into: {
            description:
              'A crime-file list (e.g. log, victims): each row becomes one item of it. Without it, a table other than the first adds fields to its crime, one row per crime.',
            type: 'string',
            minLength: 1,
          },
          fields: {
            description:
              'crime-file/1 field paths (relative to the list item with into), each from a column, a column with options, or a fixed value.',
            type: 'object',
            additionalProperties: {
              oneOf: [
                { description: 'The column to read.', type: 'string', minLength: 1 },
                {
                  type: 'object',
                  required: ['column'],
                  additionalProperties: false,
                  properties: {
                    column: { description: 'The column to read.', type: 'string', minLength: 1 },
                    values: {
                      description:
                        'Codes of the extract mapped to crime-file values; a code not listed rejects the row.',
                      type: 'object',
                      additionalProperties: scalar,
                    },
                    split: {
                      description: 'Splits the cell into a list on this text (for list fields, e.g. ";").',
                      type: 'string',
                      minLength: 1,
                    },
                    type: {
                      description: 'Read the cell as this type instead of the one the crime-file schema implies.',
                      enum: MAP_VALUE_TYPES,
                    },
                  },
                },
                {
                  type: 'object',
                  required: ['value'],
                  additionalProperties: false,
                  properties: { value: { description: 'The same value for every row.', ...scalar } },
                },
              ],
            },
          },
        },
      },
    },
  },
} as const;
