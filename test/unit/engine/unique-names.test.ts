import { describe, expect, it } from 'vitest';
import { checkUniqueNames } from '../../../src/engine/unique-names.js';
import { defineEntity } from '../../../src/schema/define-entity.js';
import { defineEvent } from '../../../src/schema/define-event.js';
import { Field, StateField } from '../../../src/schema/field.js';

describe('checkUniqueNames', () => {
  const First = defineEvent('UniqTwice', { a: Field.int(), b: Field.string() });
  const Second = defineEvent('UniqTwice', { x: Field.float() });
  const Other = defineEvent('UniqOther', {});
  const Member = defineEntity('UniqMember', { sourceEvent: null, primaryKey: 'id', state: { id: StateField.string({ faker: 'uuid4' }), n: StateField.int({ default: 0 }) } });
  const Copy = defineEntity('UniqMember', { sourceEvent: null, primaryKey: 'id', state: { id: StateField.string({ faker: 'uuid4' }) } });

  it('refuses two event types of one name, naming both field lists', () => {
    expect(() => checkUniqueNames([Other, First, Second], [])).toThrow(
      "event UniqTwice: defined twice (fields a, b, and x). Outputs name topics and tables by it and the summary counts by it: give each event type its own name, or define it once and import it.",
    );
  });

  it('refuses two entity types of one name, naming both states', () => {
    expect(() => checkUniqueNames([Other], [Member, Copy])).toThrow(
      'entity UniqMember: defined twice (state id, n, and id). The summary counts entities by name: give each entity type its own name, or define it once and import it.',
    );
  });

  it('accepts one type listed twice, and types of different names', () => {
    expect(() => checkUniqueNames([First, Other, First], [Member, Member])).not.toThrow();
  });
});
