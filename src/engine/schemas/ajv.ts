import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { isValidPath } from '../path';
import { isLocalDateTime } from '../time/instant';
import { FIELD_PATH_FORMAT, LOCAL_DATE_TIME_FORMAT } from './formats';

/** One ajv instance for every schema the engine checks (crime files, rule packs, configs, manifests). */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv, ['date', 'uri']);
  ajv.addFormat(LOCAL_DATE_TIME_FORMAT, { type: 'string', validate: isLocalDateTime });
  ajv.addFormat(FIELD_PATH_FORMAT, { type: 'string', validate: isValidPath });
  ajv.addKeyword('markdownDescription');
  return ajv;
}

let shared: Ajv2020 | undefined;

export function sharedAjv(): Ajv2020 {
  return (shared ??= createAjv());
}
