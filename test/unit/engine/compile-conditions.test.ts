import { describe, expect, it } from 'vitest';
import { DeepFakerError } from '../../../src/errors.js';
import { compileConditions } from '../../../src/engine/compile-conditions.js';
import { defineEntity } from '../../../src/schema/define-entity.js';
import { defineEvent } from '../../../src/schema/define-event.js';
import { Field, StateField } from '../../../src/schema/field.js';

const Created = defineEvent('CondUserCreated', { user_id: Field.string({ primaryKey: true, faker: 'uuid4' }) });
const User = defineEntity('CondUser', {
  sourceEvent: Created,
  primaryKey: 'user_id',
  state: {
    is_logged_in: StateField.boolean({ default: false }),
    total_orders: StateField.int({ default: 0 }),
    score: StateField.float({ default: 0 }),
    tier: StateField.enum(['free', 'pro'], { default: 'free' }),
    cart_id: StateField.string({ default: null }),
    seen_at: StateField.datetime({ nullable: true }),
  },
});
const Product = defineEntity('CondProduct', { sourceEvent: null, primaryKey: 'sku', state: { price: StateField.float({ default: 1 }) } });

const AT = 'Select, entity CondUser';

function conditionError(where: readonly unknown[]): DeepFakerError {
  try {
    compileConditions(User, where, AT);
  } catch (error) {
    expect(error).toBeInstanceOf(DeepFakerError);
    expect((error as DeepFakerError).code).toBe('E_BAD_CONDITION');
    expect((error as Error).message).not.toContain('\n');
    return error as DeepFakerError;
  }
  throw new Error('expected a DeepFakerError');
}

describe('compileConditions', () => {
  it('compiles where tuples, normalizing values to their stored form', () => {
    expect(compileConditions(User, [
      ['is_logged_in', 'is', true],
      ['total_orders', 'greater_than', 5],
      ['score', 'less_than', 2.5],
      ['tier', 'is_not', 'pro'],
      ['cart_id', 'is', null],
      ['seen_at', 'is', new Date('2025-01-01T00:00:00Z')],
      ['user_id', 'is', 'u1'],
    ], AT)).toEqual([
      { field: 'is_logged_in', op: 'is', value: true },
      { field: 'total_orders', op: 'greater_than', value: 5 },
      { field: 'score', op: 'less_than', value: 2.5 },
      { field: 'tier', op: 'is_not', value: 'pro' },
      { field: 'cart_id', op: 'is', value: null },
      { field: 'seen_at', op: 'is', value: '2025-01-01T00:00:00.000Z' },
      { field: 'user_id', op: 'is', value: 'u1' },
    ]);
    expect(compileConditions(User, [], AT)).toEqual([]);
    // without a source event the key is a queryable string
    expect(compileConditions(Product, [['sku', 'is', 'p1']], 'q')).toEqual([{ field: 'sku', op: 'is', value: 'p1' }]);
  });

  it('names an unknown field and lists the fields', () => {
    expect(conditionError([['is_loggedin', 'is', true]]).message).toBe(
      'Select, entity CondUser, field is_loggedin: no such field (fields: is_logged_in, total_orders, score, tier, cart_id, seen_at, user_id). Name one of them.',
    );
  });

  it('names an unknown operation', () => {
    expect(conditionError([['total_orders', 'equals', 1]]).message).toBe(
      'Select, entity CondUser, field total_orders: unknown condition "equals". Use one of is, is_not, greater_than, less_than.',
    );
  });

  it('rejects greater_than / less_than on a non-number field or with a non-number value', () => {
    expect(conditionError([['tier', 'greater_than', 1]]).message).toContain('field tier: greater_than compares numbers; tier is enum');
    expect(conditionError([['total_orders', 'less_than', '5']]).message).toContain('field total_orders: less_than compares numbers; total_orders is int and the value is "5"');
  });

  it('rejects a value of the wrong type', () => {
    expect(conditionError([['is_logged_in', 'is', 'yes']]).message).toBe('Select, entity CondUser, field is_logged_in: expected true or false, got "yes".');
    expect(conditionError([['tier', 'is', 'gold']]).message).toContain('expected one of "free", "pro", got "gold"');
  });

  it('rejects malformed tuples and lists', () => {
    expect(conditionError([['is_logged_in', 'is']]).message).toContain('each condition is [field, op, value]');
    expect(() => compileConditions(User, 'x' as unknown as unknown[], AT)).toThrow('where must be a list of [field, op, value] tuples');
  });
});
