import { SEVERITIES } from '../model';

export const CONFIG_FILE_NAME = '.dipsample.yaml';
export const MANIFEST_FILE_NAME = 'sample.yaml';
export const CONFIG_SCHEMA_ID = 'https://dipsample.invalid/schemas/dipsample-config.schema.json';

/** Schema of `.dipsample.yaml`; `rules/schemas/dipsample-config.schema.json` is generated from it. */
export const configSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: CONFIG_SCHEMA_ID,
  title: 'dipsample configuration (.dipsample.yaml)',
  description:
    'Per-sample or per-force audit configuration. The nearest file to a crime file wins; `extends` layers others beneath it.',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    extends: {
      description: 'Configuration file(s) this one builds on, relative to this file. Later entries and this file win.',
      oneOf: [
        { type: 'string', minLength: 1 },
        { type: 'array', items: { type: 'string', minLength: 1 } },
      ],
    },
    packs: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description:
        'Rule packs to run: a built-in pack name (e.g. core) or a path to a *.pack.yaml file relative to this file.',
    },
    ignores: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description:
        'Files and folders not to audit: .gitignore-style globs relative to the folder of this file (e.g. drafts/, **/*.old.crime.yaml). Those of files this one extends apply too, each relative to its own folder.',
    },
    timezone: {
      type: 'string',
      minLength: 1,
      description: 'IANA time zone for timestamps without an offset (default Europe/London).',
    },
    rules: {
      type: 'object',
      description: 'Per-rule settings: off, on, a severity, or { severity, options }.',
      additionalProperties: {
        oneOf: [
          { enum: ['off', 'on', ...SEVERITIES] },
          { type: 'boolean' },
          {
            type: 'object',
            additionalProperties: false,
            properties: {
              severity: { enum: ['off', 'on', ...SEVERITIES] },
              options: { type: 'object', description: "Values for the rule's parameters, e.g. { threshold: 72h }." },
            },
          },
        ],
      },
    },
  },
} as const;
