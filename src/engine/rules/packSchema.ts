import { FUNCTIONS, predicateSchema } from '../functions';
import { RECORD_KINDS, SEVERITIES } from '../model';

export const PACK_SCHEMA_ID = 'https://dipsample.invalid/schemas/rule-pack.schema.json';

// The predicate schema refers to itself as '#'; inside this schema it lives at #/$defs/predicate.
const { $id: _predicateId, ...predicateBody } = predicateSchema;
const predicateDef = JSON.parse(
  JSON.stringify(predicateBody).split('{"$ref":"#"}').join('{"$ref":"#/$defs/predicate"}'),
);

/**
 * The rule-pack schema. Function options are checked separately, against each function's own
 * schema, once parameters are substituted. `rules/schemas/rule-pack.schema.json` is generated from it (npm run schemas).
 */
export const packSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: PACK_SCHEMA_ID,
  title: 'dipsample rule pack',
  description: 'A pack of declarative audit rules for crime files. Rules are data: no executable code.',
  type: 'object',
  required: ['pack', 'title', 'rules'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    pack: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'Stable kebab-case name of the pack.' },
    title: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    version: { type: ['string', 'integer'] },
    rules: { type: 'array', items: { $ref: '#/$defs/rule' } },
    verdicts: { type: 'array', items: { $ref: '#/$defs/verdict' } },
  },
  $defs: {
    predicate: predicateDef,
    severity: { enum: [...SEVERITIES] },
    source: {
      type: 'array',
      minItems: 1,
      description: 'Where the criterion comes from in the inspection reports.',
      items: {
        type: 'object',
        required: ['report', 'quote'],
        additionalProperties: false,
        properties: {
          report: { type: 'string', description: 'Report title and year.' },
          seed: { type: 'string', description: 'File name of the report text in shared/seeds.' },
          paragraph: { type: 'string', description: 'Paragraph or section, e.g. 4.99.' },
          line: { type: 'integer', minimum: 1, description: 'Line in the seed file.' },
          quote: { type: 'string', minLength: 1 },
        },
      },
    },
    verdict: {
      type: 'object',
      required: ['id', 'title', 'rules', 'source'],
      oneOf: [{ required: ['unsatisfactoryWhen'] }, { required: ['comparedWith'] }],
      additionalProperties: false,
      description:
        'A sample-level judgment: the sample is unsatisfactory when enough files fail any of the rules (unsatisfactoryWhen), or it is compared with a published national figure (comparedWith).',
      properties: {
        id: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
        title: { type: 'string', minLength: 1 },
        description: { type: 'string' },
        rules: { type: 'array', minItems: 1, items: { type: 'string' } },
        unsatisfactoryWhen: {
          type: 'object',
          minProperties: 1,
          additionalProperties: false,
          properties: {
            failedFilesAtLeast: {
              type: 'integer',
              minimum: 1,
              description: 'Unsatisfactory when at least this many files fail.',
            },
            failedShareAtLeast: {
              type: 'number',
              exclusiveMinimum: 0,
              maximum: 1,
              description: 'Unsatisfactory when at least this share (0–1) of the files fail.',
            },
            ofFiles: {
              type: 'integer',
              minimum: 1,
              description:
                'The sample size failedFilesAtLeast was set for (e.g. 6 of 20); on another number of applicable files the threshold is the share failedFilesAtLeast / ofFiles.',
            },
          },
          dependentRequired: { ofFiles: ['failedFilesAtLeast'] },
        },
        comparedWith: {
          type: 'object',
          required: ['failed', 'of'],
          additionalProperties: false,
          description:
            'A national figure (failed of `of` files): the sample is above, below or not distinguishable from it by the 95% Wilson interval of its failed share.',
          properties: {
            failed: { type: 'integer', minimum: 0, description: 'Files that failed nationally.' },
            of: { type: 'integer', minimum: 1, description: 'Files examined nationally.' },
            note: { type: 'string', description: 'How the figure was read from the report.' },
          },
        },
        source: { $ref: '#/$defs/source' },
      },
    },
    judgment: {
      type: 'object',
      required: ['question', 'scale'],
      additionalProperties: false,
      description: 'A criterion a reviewer answers; the file awaits judgment until an answer is recorded.',
      properties: {
        question: { type: 'string', minLength: 1 },
        guidance: { type: 'string' },
        scale: {
          type: 'array',
          minItems: 2,
          items: {
            type: 'object',
            required: ['value', 'outcome'],
            additionalProperties: false,
            properties: {
              value: { type: 'string', pattern: '^[a-z0-9_]+$' },
              outcome: { enum: ['passed', 'failed'] },
              description: { type: 'string' },
            },
          },
        },
      },
    },
    rule: {
      type: 'object',
      required: ['id', 'title', 'description', 'severity', 'source'],
      oneOf: [{ required: ['check'] }, { required: ['judgment'] }],
      additionalProperties: false,
      properties: {
        id: {
          type: 'string',
          pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
          description: 'Stable kebab-case id; the diagnostic code. Never reuse or rename.',
        },
        title: { type: 'string', minLength: 1, description: 'Short title, e.g. "Investigation plan present".' },
        description: {
          type: 'string',
          minLength: 1,
          description: 'What the rule checks and why it matters to an auditor.',
        },
        severity: { $ref: '#/$defs/severity' },
        when: {
          type: 'object',
          description:
            'Scope: the rule applies only to records meeting this condition; others are "not applicable". Checked as a condition once parameters ({ $param: name }) are filled in.',
        },
        kinds: {
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: { enum: [...RECORD_KINDS] },
          description: 'Record kinds the rule applies to (default: crime).',
        },
        check: { $ref: '#/$defs/check' },
        judgment: { $ref: '#/$defs/judgment' },
        message: {
          type: 'string',
          minLength: 1,
          description: 'Finding message; {{placeholders}} come from the check function.',
        },
        parameters: {
          type: 'object',
          description: 'Options a force can configure; referenced in when/check as { $param: name }.',
          propertyNames: { pattern: '^[a-z][a-zA-Z0-9_]*$' },
          additionalProperties: {
            type: 'object',
            required: ['description', 'default'],
            additionalProperties: false,
            properties: {
              description: { type: 'string' },
              default: true,
              schema: { type: 'object', description: 'JSON Schema the configured value must satisfy.' },
            },
          },
        },
        source: { $ref: '#/$defs/source' },
        tags: { type: 'array', items: { type: 'string' } },
        fix: {
          type: 'object',
          required: ['title', 'set'],
          additionalProperties: false,
          description:
            'A mechanical fix editors may offer: replace the value the finding points at (when it exists) with `set`.',
          properties: {
            title: {
              type: 'string',
              minLength: 1,
              description: 'Shown as the quick fix, e.g. "Add a line of enquiry".',
            },
            set: { description: "The replacement value, written in the file's own syntax." },
            unattended: {
              type: 'boolean',
              default: false,
              description:
                'The fix needs no person\'s content, so "fix all" (source.fixAll.dipsample, e.g. on save) may apply it. Leave it false for a fix that inserts a placeholder to fill in.',
            },
          },
        },
      },
    },
    check: {
      type: 'object',
      required: ['function', 'options'],
      additionalProperties: false,
      properties: {
        function: { enum: [...FUNCTIONS.keys()], description: 'A built-in check function.' },
        options: {
          type: 'object',
          description:
            "The function's options (checked against the function's own schema when the pack loads); any value may be { $param: name }.",
        },
      },
    },
  },
} as const;
