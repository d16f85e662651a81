import type { ValidateFunction } from 'ajv';
import { predicateSchema } from '../functions';
import { createAjv, sharedAjv } from '../schemas/ajv';

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

const userValidators = new WeakMap<object, ValidateFunction | Error>();

/**
 * A validator for a schema a pack wrote (a parameter's `schema`), or the reason it cannot be used
 * (an unknown keyword, a malformed or unsafe pattern, an unknown format, a `$ref` to anywhere).
 * Each gets an ajv of its own with linear-time patterns, so no pack's `$id` can clash with another's.
 */
export function userSchemaValidator(schema: object): ValidateFunction | Error {
  let validate = userValidators.get(schema);
  if (!validate) {
    try {
      validate = createAjv({ untrusted: true }).compile(schema);
    } catch (error) {
      validate = error instanceof Error ? error : new Error(String(error));
    }
    userValidators.set(schema, validate);
  }
  return validate;
}
