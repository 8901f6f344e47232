import { DeepFakerError, describeValue } from '../errors.js';
import type { EventRecord } from '../outputs/output.js';
import { isInvalid, toStoredValue } from '../schema/field-values.js';
import type { EntityStore } from '../state/entity-store.js';
import type { SetStateAction } from './actions.js';
import type { FlowInstance } from './flow-instance.js';

/** Applies a SetState to the flow's bound entity at the flow clock, as one new version. */
export function applySetState(
  store: EntityStore,
  instance: FlowInstance,
  action: SetStateAction,
  event: EventRecord | undefined,
  where: string,
): void {
  const entity = action.entity;
  const record = instance.bound.get(entity);

  if (record === undefined) {
    throw new DeepFakerError('E_NOT_BOUND', `${where}, entity ${entity.name}: SetState on a ${entity.name} that is not bound to this flow. Bind one with the flow's filter (Select(${entity.name}, ...)), an in-flow Select(ctx, ${entity.name}, ...) or saveEntity: ${entity.name}.`);
  }
  // Written field by field into the state: no changes object per SetState.
  const table = store.table(entity);
  const version = table.beginWrite(record, instance.clock);
  for (const op of action.ops) {
    let value = op.value;
    if (op.isFunction) {
      try {
        value = (op.value as (e: unknown) => unknown)(event);
      } catch (error) {
        throw new DeepFakerError('E_FLOW_THREW', `${where}, entity ${entity.name}, field ${op.field}: the SetState value function threw ${(error as Error)?.message ?? describeValue(error)}.`);
      }
      if (op.op === 'is') {
        value = toStoredValue(op.def, value);
        if (isInvalid(value)) throw new DeepFakerError('E_BAD_VALUE', `${where}, entity ${entity.name}, field ${op.field}: ${value.reason}.`);
      }
    }
    if (op.op === 'is') {
      table.write(record, version, op.field, value);
      continue;
    }
    const current = record[op.field];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new DeepFakerError('E_BAD_VALUE', `${where}, entity ${entity.name}, field ${op.field}: '${op.op}' takes a number, got ${describeValue(value)}.`);
    }
    if (typeof current !== 'number') {
      throw new DeepFakerError('E_BAD_VALUE', `${where}, entity ${entity.name}, field ${op.field}: cannot ${op.op} to ${describeValue(current)}. Give the field a default such as 0.`);
    }
    const next = op.op === 'add' ? current + value : current - value;
    if (op.def.kind === 'int' && !Number.isSafeInteger(next)) {
      throw new DeepFakerError('E_BAD_VALUE', `${where}, entity ${entity.name}, field ${op.field}: ${op.op} ${value} makes ${next}, not an integer. Use whole numbers on int fields.`);
    }
    table.write(record, version, op.field, next);
  }
}
