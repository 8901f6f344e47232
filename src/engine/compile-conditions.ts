import { DeepFakerError, describeValue } from '../errors.js';
import type { AnyEntity } from '../schema/define-entity.js';
import type { FieldDef } from '../schema/field.js';
import { isInvalid, isNumericField, toStoredValue } from '../schema/field-values.js';
import { CONDITION_OPS, type Condition, type ConditionOp } from '../state/conditions.js';

const queryable = new WeakMap<AnyEntity, ReadonlyMap<string, FieldDef>>();

/**
 * Fields a condition may test: the state fields and the key. Made once per entity type: an
 * in-flow Select compiles its conditions on every call.
 */
function queryableFields(entity: AnyEntity): ReadonlyMap<string, FieldDef> {
  let fields = queryable.get(entity);
  if (fields !== undefined) return fields;
  const made = new Map<string, FieldDef>(Object.entries(entity.state as Record<string, FieldDef>));
  const source = entity.sourceEvent as { fields: Record<string, FieldDef> } | null;
  if (source && source.fields[entity.primaryKey]) made.set(entity.primaryKey, source.fields[entity.primaryKey]!);
  if (!made.has(entity.primaryKey)) made.set(entity.primaryKey, { kind: 'string', options: {}, required: true });
  queryable.set(entity, made);
  return made;
}

/** Checks `where` tuples against the entity's fields and returns them in stored form. */
export function compileConditions(entity: AnyEntity, where: readonly unknown[], at: string): Condition[] {
  if (!Array.isArray(where)) {
    throw new DeepFakerError('E_BAD_CONDITION', `${at}: where must be a list of [field, op, value] tuples, got ${describeValue(where)}.`);
  }
  const fields = queryableFields(entity);
  return where.map((tuple) => {
    if (!Array.isArray(tuple) || tuple.length !== 3) {
      throw new DeepFakerError('E_BAD_CONDITION', `${at}: each condition is [field, op, value], got ${describeValue(tuple)}.`);
    }
    const [field, op, value] = tuple as [string, ConditionOp, unknown];
    const def = fields.get(field);
    if (!def) {
      throw new DeepFakerError('E_BAD_CONDITION', `${at}, field ${field}: no such field (fields: ${[...fields.keys()].join(', ')}). Name one of them.`);
    }
    if (!CONDITION_OPS.includes(op)) {
      throw new DeepFakerError('E_BAD_CONDITION', `${at}, field ${field}: unknown condition ${describeValue(op)}. Use one of ${CONDITION_OPS.join(', ')}.`);
    }
    if (op === 'greater_than' || op === 'less_than') {
      if (!isNumericField(def) || typeof value !== 'number') {
        throw new DeepFakerError('E_BAD_CONDITION', `${at}, field ${field}: ${op} compares numbers; ${field} is ${def.kind} and the value is ${describeValue(value)}.`);
      }
      return { field, op, value };
    }
    if (value === null) return { field, op, value: null };
    const stored = toStoredValue(def, value);
    if (isInvalid(stored)) throw new DeepFakerError('E_BAD_CONDITION', `${at}, field ${field}: ${stored.reason}.`);
    return { field, op, value: stored };
  });
}
