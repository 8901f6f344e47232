import { DeepFakerError, describeValue } from '../errors.js';
import type { AnyEntity } from '../schema/define-entity.js';
import type { FieldDef } from '../schema/field.js';
import type { ResolvedField } from '../schema/field-plan.js';
import { isInvalid, isNumericField, toStoredValue } from '../schema/field-values.js';

export type StateOpName = 'is' | 'add' | 'subtract';

/** A checked SetState operation; `value` is in stored form unless it is a function of the event. */
export interface CompiledOp {
  readonly field: string;
  readonly def: FieldDef;
  readonly op: StateOpName;
  readonly value: unknown;
  readonly isFunction: boolean;
}

/** Checks SetState tuples against the entity's state fields. */
export function compileOps(entity: AnyEntity, ops: readonly unknown[]): CompiledOp[] {
  if (!Array.isArray(ops)) {
    throw new DeepFakerError('E_BAD_MUTATION', `${setStateAt(entity)}: expected a list of [field, op, value] tuples, got ${describeValue(ops)}.`);
  }
  // SetState is built once per event in most flows: a loop into an array of the right
  // length, with no closure, and the location named only in messages.
  const compiled = new Array<CompiledOp>(ops.length);
  for (let i = 0; i < ops.length; i++) compiled[i] = compileOp(entity, ops[i]);
  return compiled;
}

function compileOp(entity: AnyEntity, tuple: unknown): CompiledOp {
  if (!Array.isArray(tuple) || tuple.length !== 3) {
    throw new DeepFakerError('E_BAD_MUTATION', `${setStateAt(entity)}: each change is [field, op, value], got ${describeValue(tuple)}.`);
  }
  const [field, op, value] = tuple as [string, StateOpName, unknown];
  const def = stateFieldDef(entity, field);
  if (field === entity.primaryKey) {
    throw new DeepFakerError('E_BAD_MUTATION', `${setStateAt(entity)}, field ${field}: the primary key cannot change. Create another entity instead.`);
  }
  if (def === undefined) {
    throw new DeepFakerError('E_BAD_MUTATION', `${setStateAt(entity)}, field ${field}: no such state field (fields: ${Object.keys(entity.state).join(', ')}). Name one of them or add it to the entity.`);
  }
  if (op !== 'is' && op !== 'add' && op !== 'subtract') {
    throw new DeepFakerError('E_BAD_MUTATION', `${setStateAt(entity)}, field ${field}: unknown operation ${describeValue(op)}. Use 'is', 'add' or 'subtract'.`);
  }
  if (op !== 'is' && !isNumericField(def)) {
    throw new DeepFakerError('E_BAD_MUTATION', `${setStateAt(entity)}, field ${field}: '${op}' needs a number field, but ${field} is ${def.kind}. Use 'is'.`);
  }
  if (typeof value === 'function') return { field, def, op, value, isFunction: true };
  if (op !== 'is') {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new DeepFakerError('E_BAD_MUTATION', `${setStateAt(entity)}, field ${field}: '${op}' takes a number, got ${describeValue(value)}.`);
    }
    return { field, def, op, value, isFunction: false };
  }
  const stored = toStoredValue(def, value);
  if (isInvalid(stored)) throw new DeepFakerError('E_BAD_MUTATION', `${setStateAt(entity)}, field ${field}: ${stored.reason}.`);
  return { field, def, op, value: stored, isFunction: false };
}

/**
 * The definition of one of the entity's own state fields (not its key, not flow_name), or
 * undefined. Found by its place in the state layout, whose keys are the key, the state fields
 * in order, then flow_name: a SetState names fields with the same strings, so the scan finds
 * them by identity. Reading entity.state[field] found inherited names too ('toString' passed
 * as a field), and was a lookup by a varying name, megamorphic.
 */
function stateFieldDef(entity: AnyEntity, field: string): FieldDef | undefined {
  const fields = entity.resolved as readonly ResolvedField[];
  const position = entity.stateLayout.positionOf(field);
  return position === undefined || position === 0 || position > fields.length ? undefined : fields[position - 1]!.def;
}

function setStateAt(entity: AnyEntity): string {
  return `SetState, entity ${entity.name}`;
}
