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

/** Validators of pack-written schemas by their text: packs repeat the same few (`{ type: number, minimum: 0 }`). */
const userValidators = new Map<string, ValidateFunction | Error>();
const MAX_USER_VALIDATORS = 1000;
let sharedUntrusted: ReturnType<typeof createAjv> | undefined;

/**
 * A validator for a schema a pack wrote (a parameter's `schema`), or the reason it cannot be used
 * (an unknown keyword, a malformed or unsafe pattern, an unknown format, a `$ref` to anywhere).
 * Patterns match in linear time. Schemas that name themselves or a part (`$id`, anchors) each get an
 * ajv of their own, so no pack's `$id` can clash with another's; the rest share one (each ajv
 * compiles the JSON Schema meta-schema before its first schema: the dearest part of starting).
 */
export function userSchemaValidator(schema: object): ValidateFunction | Error {
  const text = JSON.stringify(schema);
  let validate = userValidators.get(text);
  if (!validate) {
    try {
      const names = /"\$(?:id|anchor|dynamicAnchor)"/.test(text);
      const ajv = names ? createAjv({ untrusted: true }) : (sharedUntrusted ??= createAjv({ untrusted: true }));
      validate = ajv.compile(schema);
    } catch (error) {
      validate = error instanceof Error ? error : new Error(String(error));
    }
    if (userValidators.size >= MAX_USER_VALIDATORS) userValidators.clear();
    userValidators.set(text, validate);
  }
  return validate;
}
