import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { isValidPath } from '../path';
import { safeRegExpForAjv } from '../safeRegex';
import { isLocalDateTime } from '../time/instant';
import { FIELD_PATH_FORMAT, LOCAL_DATE_TIME_FORMAT } from './formats';

/**
 * An ajv for the engine's schemas. With `untrusted`, for schemas a workspace wrote (a pack's
 * parameter schemas): their `pattern`s match in linear time.
 */
export function createAjv({ untrusted = false } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    ...(untrusted ? { code: { regExp: safeRegExpForAjv } } : {}),
  });
  addFormats(ajv, ['date', 'uri']);
  ajv.addFormat(LOCAL_DATE_TIME_FORMAT, { type: 'string', validate: isLocalDateTime });
  ajv.addFormat(FIELD_PATH_FORMAT, { type: 'string', validate: isValidPath });
  ajv.addKeyword('markdownDescription');
  return ajv;
}

let shared: Ajv2020 | undefined;

/** The one ajv instance for the schemas dipsample ships (crime files, rule packs, configs, manifests). */
export function sharedAjv(): Ajv2020 {
  return (shared ??= createAjv());
}
