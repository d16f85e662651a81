import type { ValidateFunction } from 'ajv';
import { predicateSchema } from '../functions';
import { sharedAjv } from '../schemas/ajv';

const validators = new WeakMap<object, ValidateFunction>();

/** A compiled validator per schema object (function options, parameter schemas, conditions), made once. */
export function validatorFor(schema: object): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    const ajv = sharedAjv();
    // Function options and conditions refer to the shared predicate schema by its id.
    if (!ajv.getSchema(predicateSchema.$id)) ajv.addSchema(predicateSchema);
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

/** The validator of rule conditions (`when`, `where`, `test`): the shared predicate schema, registered by id. */
export function conditionValidator(): ValidateFunction {
  const ajv = sharedAjv();
  return ajv.getSchema(predicateSchema.$id) ?? (ajv.addSchema(predicateSchema), ajv.getSchema(predicateSchema.$id)!);
}
