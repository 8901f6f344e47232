import { describe, expect, it } from 'vitest';
import { DeepFakerError } from '../../../src/errors.js';
import { compileOps } from '../../../src/engine/compile-ops.js';
import { defineEntity } from '../../../src/schema/define-entity.js';
import { defineEvent } from '../../../src/schema/define-event.js';
import { Field, StateField } from '../../../src/schema/field.js';

const Created = defineEvent('OpsUserCreated', { user_id: Field.string({ primaryKey: true, faker: 'uuid4' }) });
const User = defineEntity('OpsUser', {
  sourceEvent: Created,
  primaryKey: 'user_id',
  state: {
    is_logged_in: StateField.boolean({ default: false }),
    total_orders: StateField.int({ default: 0 }),
    total_spent: StateField.float({ default: 0 }),
    cart_id: StateField.string({ default: null }),
    last_seen: StateField.datetime({ nullable: true }),
  },
});

function opsError(ops: readonly unknown[]): DeepFakerError {
  try {
    compileOps(User, ops);
  } catch (error) {
    expect(error).toBeInstanceOf(DeepFakerError);
    expect((error as DeepFakerError).code).toBe('E_BAD_MUTATION');
    expect((error as Error).message).not.toContain('\n');
    return error as DeepFakerError;
  }
  throw new Error('expected a DeepFakerError');
}

describe('compileOps', () => {
  it('compiles is / add / subtract and keeps functions for later', () => {
    const fn = (e: { total: number }) => e.total;
    const ops = compileOps(User, [
      ['is_logged_in', 'is', true],
      ['total_orders', 'add', 1],
      ['total_spent', 'subtract', 2.5],
      ['cart_id', 'is', null],
      ['last_seen', 'is', 0],
      ['total_spent', 'add', fn],
    ]);
    expect(ops.map(({ field, op, value, isFunction }) => ({ field, op, value, isFunction }))).toEqual([
      { field: 'is_logged_in', op: 'is', value: true, isFunction: false },
      { field: 'total_orders', op: 'add', value: 1, isFunction: false },
      { field: 'total_spent', op: 'subtract', value: 2.5, isFunction: false },
      { field: 'cart_id', op: 'is', value: null, isFunction: false },
      { field: 'last_seen', op: 'is', value: '1970-01-01T00:00:00.000Z', isFunction: false },
      { field: 'total_spent', op: 'add', value: fn, isFunction: true },
    ]);
    expect(ops[1]!.def.kind).toBe('int');
  });

  it("rejects 'add' on a string field, naming entity and field", () => {
    expect(opsError([['cart_id', 'add', 1]]).message).toBe(
      "SetState, entity OpsUser, field cart_id: 'add' needs a number field, but cart_id is string. Use 'is'.",
    );
    expect(opsError([['is_logged_in', 'subtract', 1]]).message).toContain("'subtract' needs a number field, but is_logged_in is boolean");
  });

  it("rejects a non-number for 'add'", () => {
    expect(opsError([['total_orders', 'add', 'x']]).message).toBe("SetState, entity OpsUser, field total_orders: 'add' takes a number, got \"x\".");
    expect(opsError([['total_orders', 'add', Number.NaN]]).message).toContain("'add' takes a number");
  });

  it('rejects unknown fields, the key, flow_name and unknown operations', () => {
    expect(opsError([['total_order', 'add', 1]]).message).toBe(
      'SetState, entity OpsUser, field total_order: no such state field (fields: is_logged_in, total_orders, total_spent, cart_id, last_seen). Name one of them or add it to the entity.',
    );
    expect(opsError([['user_id', 'is', 'x']]).message).toContain('field user_id: the primary key cannot change');
    expect(opsError([['flow_name', 'is', null]]).message).toContain('field flow_name: no such state field');
    // Names every object inherits are not state fields either.
    expect(opsError([['toString', 'is', 1]]).message).toContain('field toString: no such state field');
    expect(opsError([['constructor', 'add', 1]]).message).toContain('field constructor: no such state field');
    expect(opsError([['total_orders', 'multiply', 2]]).message).toContain("unknown operation \"multiply\". Use 'is', 'add' or 'subtract'");
  });

  it("rejects a wrong value type for 'is' and malformed input", () => {
    expect(opsError([['is_logged_in', 'is', 'yes']]).message).toBe('SetState, entity OpsUser, field is_logged_in: expected true or false, got "yes".');
    expect(opsError([['total_orders', 'is', 1.5]]).message).toContain('expected an integer, got 1.5');
    expect(opsError([['total_orders', 'is', null]]).message).toContain('got null but the field is required');
    expect(opsError([['total_orders', 'add']]).message).toContain('each change is [field, op, value]');
    expect(() => compileOps(User, 'x' as unknown as unknown[])).toThrow('expected a list of [field, op, value] tuples');
  });
});
