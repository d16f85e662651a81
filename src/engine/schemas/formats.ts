/** Names of the custom JSON Schema formats the engine's ajv knows (schemas/ajv.ts registers them). */

/** A field path as rule packs write them (`log[*].text`): checked by `isValidPath`. */
export const FIELD_PATH_FORMAT = 'field-path';

/** An ISO 8601 date-time with or without an offset, naming a real moment. */
export const LOCAL_DATE_TIME_FORMAT = 'local-date-time';
