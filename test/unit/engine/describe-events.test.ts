import { describe, expect, it } from 'vitest';
import { describeEvents } from '../../../src/engine/describe-events.js';
import { defineEntity } from '../../../src/schema/define-entity.js';
import { defineEvent } from '../../../src/schema/define-event.js';
import { Field, StateField } from '../../../src/schema/field.js';

describe('describeEvents', () => {
  it('tells outputs the fields, kinds, nullability, enum values and the key field', () => {
    const Created = defineEvent('DescCreated', {
      user_id: Field.string({ primaryKey: true, faker: 'uuid4' }),
      plan: Field.enum(['free', 'premium']),
      source: Field.string({ faker: 'random_element', elements: ['ads', 'organic'] }),
      note: Field.string({ nullable: true }),
    });
    const Bought = defineEvent('DescBought', { order_id: Field.string(), user_id: Field.string(), total: Field.float() });
    const Loose = defineEvent('DescLoose', { x: Field.int() });
    const User = defineEntity('DescUser', { sourceEvent: Created, primaryKey: 'user_id', state: { n: StateField.int({ default: 0 }) } });
    const [created, bought, loose] = describeEvents([Created, Bought, Loose], [User]);
    expect(created).toEqual({
      name: 'DescCreated',
      keyField: 'user_id',
      fields: [
        { name: 'user_id', kind: 'string', required: true, primaryKey: true },
        { name: 'plan', kind: 'enum', required: true, primaryKey: false, enumValues: ['free', 'premium'], maxLength: 7 },
        { name: 'source', kind: 'string', required: true, primaryKey: false, maxLength: 7 },
        { name: 'note', kind: 'string', required: false, primaryKey: false },
      ],
    });
    // an event without its own key is keyed by the first field named like an entity key
    expect(bought!.keyField).toBe('user_id');
    expect(loose!.keyField).toBeUndefined();
  });

  it('tells an event listed twice once', () => {
    const Twice = defineEvent('DescTwice', { a: Field.int() });
    expect(describeEvents([Twice, Twice], []).map((e) => e.name)).toEqual(['DescTwice']);
  });
});
