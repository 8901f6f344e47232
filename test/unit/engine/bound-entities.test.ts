import { describe, expect, it } from 'vitest';
import { BoundEntities } from '../../../src/engine/bound-entities.js';
import { defineEntity } from '../../../src/schema/define-entity.js';
import { defineEvent } from '../../../src/schema/define-event.js';
import { Field, StateField } from '../../../src/schema/field.js';
import { ROW, type EntityRecord } from '../../../src/state/entity-record.js';

const Created = defineEvent('BoundCreated', { bound_id: Field.string({ primaryKey: true }) });
const Held = defineEntity('BoundHeld', { sourceEvent: Created, primaryKey: 'bound_id', state: { n: StateField.int({ default: 0 }) } });
const Other = defineEntity('BoundOther', { sourceEvent: null, primaryKey: 'other_id', state: { n: StateField.int({ default: 0 }) } });

function record(keyField: string, key: string, row: number): EntityRecord {
  return { [keyField]: key, n: 0, flow_name: null, [ROW]: row };
}

describe('BoundEntities', () => {
  it('holds entities by type, in binding order, until cleared', () => {
    const bound = new BoundEntities();
    expect(bound.size).toBe(0);
    expect(bound.get(Held)).toBeUndefined();
    expect(bound.has(Held)).toBe(false);
    expect(bound.keyNamed('bound_id')).toBeUndefined();
    const held = record('bound_id', 'h1', 0);
    const other = record('other_id', 'o1', 1);
    bound.set(Held, held);
    bound.set(Other, other);
    expect(bound.size).toBe(2);
    expect([bound.entityAt(0), bound.entityAt(1)]).toEqual([Held, Other]);
    expect([bound.recordAt(0), bound.recordAt(1)]).toEqual([held, other]);
    expect(bound.get(Other)).toBe(other);
    expect(bound.has(Held)).toBe(true);
    expect(bound.keyNamed('other_id')).toBe('o1');
    expect(bound.keyNamed('n')).toBeUndefined();
    bound.clear();
    expect(bound.size).toBe(0);
    expect(bound.get(Held)).toBeUndefined();
  });
});
