import { thrown } from '../../helpers/thrown.js';
import { describe, expect, it } from 'vitest';
import { defineEntity } from '../../../src/schema/define-entity.js';
import { defineEvent } from '../../../src/schema/define-event.js';
import { Field, StateField } from '../../../src/schema/field.js';

const Created = defineEvent('EntityTestCreated', {
  user_id: Field.string({ primaryKey: true, faker: 'uuid4' }),
  email: Field.string({ faker: 'email' }),
  age: Field.int({ default: 20 }),
});

describe('defineEntity', () => {
  it('returns a plain definition with the state resolved and the key excluded', () => {
    const User = defineEntity('EUser', {
      sourceEvent: Created,
      primaryKey: 'user_id',
      state: { email: StateField.string({ fromField: 'email' }), total: StateField.int({ default: 0 }) },
      history: 'current',
    });
    expect(User.type).toBe('entity');
    expect(User.name).toBe('EUser');
    expect(User.sourceEvent).toBe(Created);
    expect(User.history).toBe('current');
    expect(User.resolved.map((f) => f.name)).toEqual(['email', 'total']);
    expect(User.keyField).toBeUndefined();
  });

  it('without a source event, a state field of that name generates the key', () => {
    const Product = defineEntity('EProduct', {
      sourceEvent: null,
      primaryKey: 'sku',
      state: { sku: StateField.string({ faker: 'uuid4' }), price: StateField.float({ default: 1 }) },
    });
    expect(Product.keyField?.name).toBe('sku');
    expect(Product.resolved.map((f) => f.name)).toEqual(['price']);
  });

  it('rejects a primaryKey that is not a field of the source event, naming the fields and the fix', () => {
    const error = definitionError(() => defineEntity('Broken', {
      sourceEvent: Created,
      primaryKey: 'account_id' as 'user_id',
      state: {},
    }));
    expect(error.message).toBe(
      'entity Broken: primaryKey "account_id" is not a field of its source event EntityTestCreated (fields: user_id, email, age). Name one of them, or add the field to EntityTestCreated.',
    );
  });

  it('rejects a primaryKey that differs from the source event key field', () => {
    expect(definitionError(() => defineEntity('B2', { sourceEvent: Created, primaryKey: 'email', state: {} })).message)
      .toContain('differs from EntityTestCreated\'s primaryKey field "user_id"');
  });

  it('rejects fromField problems and a key repeated in state', () => {
    const error = definitionError(() => defineEntity('B3', {
      sourceEvent: Created,
      primaryKey: 'user_id',
      state: {
        user_id: StateField.string(),
        mail: StateField.string({ fromField: 'mail' }),
        email: StateField.int({ fromField: 'email' }),
      },
    }));
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('entity B3, field user_id: the key comes from EntityTestCreated.user_id');
    expect(lines[1]).toContain('entity B3, field mail: fromField "mail" is not a field of EntityTestCreated');
    expect(lines[2]).toContain('entity B3, field email: fromField "email" is a string field but email is int');
  });

  it('rejects fromField without a source event, a bad key kind, a bad source and a bad history', () => {
    expect(definitionError(() => defineEntity('B4', { sourceEvent: null, primaryKey: 'id', state: { x: StateField.string({ fromField: 'y' }) } })).message)
      .toContain('fromField needs a sourceEvent');
    expect(definitionError(() => defineEntity('B5', { sourceEvent: null, primaryKey: 'id', state: { id: StateField.boolean() } })).message)
      .toContain('a key must be a string or int field, got boolean');
    expect(definitionError(() => defineEntity('B6', { sourceEvent: undefined as unknown as null, primaryKey: 'id', state: {} })).message)
      .toContain('sourceEvent must be an event from defineEvent or null');
    expect(definitionError(() => defineEntity('B7', { sourceEvent: null, primaryKey: 'id', state: {}, history: 'all' as 'full' })).message)
      .toContain("history: must be 'full', 'current' or { keep: '2h' }");
    expect(definitionError(() => defineEntity('bad name', { sourceEvent: null, primaryKey: 'id', state: {} })).message)
      .toContain('invalid entity name');
    expect(definitionError(() => defineEntity('B8', { sourceEvent: null, primaryKey: 'id', state: { p: StateField.string({ faker: 'nope' }) } })).message)
      .toContain('entity B8, field p: unknown faker "nope"');
  });
});

function definitionError(fn: () => unknown) {
  return thrown(fn, 'E_BAD_DEFINITION');
}
