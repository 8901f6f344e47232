import { z } from 'zod';
import { thrown } from '../../helpers/thrown.js';
import { describe, expect, it } from 'vitest';
import { DeepFakerError } from '../../../src/errors.js';
import { defineEvent, eventJsonSchema, eventSchema } from '../../../src/schema/define-event.js';
import { Field } from '../../../src/schema/field.js';

function definitionError(fn: () => unknown): DeepFakerError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DeepFakerError);
    return error as DeepFakerError;
  }
  throw new Error('expected a DeepFakerError');
}

describe('defineEvent', () => {
  it('returns a plain, inspectable definition', () => {
    const E = defineEvent('SignedUp', {
      user_id: Field.string({ primaryKey: true, faker: 'uuid4' }),
      age: Field.int({ default: 30 }),
      note: Field.string({ nullable: true }),
    });
    expect(E.type).toBe('event');
    expect(E.name).toBe('SignedUp');
    expect(E.primaryKey).toBe('user_id');
    expect(Object.keys(E.fields)).toEqual(['user_id', 'age', 'note']);
    expect(E.resolved.map((f) => f.name)).toEqual(['user_id', 'age', 'note']);
    expect(typeof E.resolved[0]!.generate).toBe('function');
    expect(E.resolved[1]!.defaultValue).toBe(30);
    expect(E.resolved[2]!.def.required).toBe(false);
  });

  it('rejects an invalid event name', () => {
    const error = definitionError(() => defineEvent('Order Completed', {}));
    expect(error.code).toBe('E_BAD_DEFINITION');
    expect(error.message).toContain('invalid event name "Order Completed"');
  });

  it('names the event, the field and the faker for an unknown faker, with a suggestion', () => {
    const error = definitionError(() => defineEvent('AccountCreated', { email: Field.string({ faker: 'emial' }) }));
    expect(error.message).toMatch(/^event AccountCreated, field email: unknown faker "emial"\. Did you mean "email"\?/);
    expect(error.message).not.toContain('\n');
  });

  it('reports every problem of a definition at once', () => {
    const error = definitionError(() => defineEvent('Bad', {
      a: Field.string({ faker: 'nope_faker' }),
      sys__eid: Field.string(),
      b: Field.int({ default: 'x' as unknown as number }),
      c: Field.string({ primaryKey: true }),
      d: Field.string({ primaryKey: true }),
    }));
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('event Bad, field a: unknown faker "nope_faker"');
    expect(lines[1]).toContain('event Bad, field sys__eid: "sys__eid" is reserved');
    expect(lines[2]).toContain('event Bad, field b: default expected an integer, got "x"');
    expect(lines[3]).toContain('event Bad: fields c, d are all marked primaryKey');
  });

  it('rejects field names that are not names, are reserved, or would be an object prototype', () => {
    const problems = (fields: Record<string, unknown>) => thrown(() => defineEvent('NamesEvent', fields as never), 'E_BAD_DEFINITION').message;
    expect(problems({ 'bad-name': Field.string() })).toContain('event NamesEvent, field bad-name: "bad-name" is not a valid field name.');
    expect(problems({ sys__eid: Field.string() })).toContain('"sys__eid" is reserved for system fields.');
    expect(problems({ ['__proto__']: Field.string() })).toContain('field __proto__: "__proto__" cannot be a field name. Rename the field.');
  });

  it('rejects fromField on an event field and values that are not fields', () => {
    expect(definitionError(() => defineEvent('E1', { a: Field.string({ fromField: 'x' } as never) })).message)
      .toContain('event E1, field a: fromField belongs on entity state fields');
    expect(definitionError(() => defineEvent('E2', { a: 'string' as never })).message)
      .toContain('event E2, field a: expected a Field');
    expect(definitionError(() => defineEvent('E3', { event_type: Field.string() })).message).toContain('reserved');
    expect(definitionError(() => defineEvent('E4', { x: Field.enum([] as unknown as ['a']) })).message).toContain('an enum needs a list of string values');
  });

  it('rejects faker parameters that do not fit', () => {
    const error = definitionError(() => defineEvent('E5', { n: Field.int({ faker: 'random_int', min: 5, max: 1 }) }));
    expect(error.message).toContain('event E5, field n');
  });

  it('exports a JSON Schema and a zod schema with the system fields', () => {
    const E = defineEvent('Schemed', { id: Field.string(), n: Field.int({ nullable: true }), kind: Field.enum(['a', 'b']) });
    const schema = eventJsonSchema(E) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(['event_type', 'id', 'n', 'kind', 'sys__eid', 'sys__ets', 'sys__sid']);
    const zod = eventSchema(E);
    expect(zod.safeParse({ event_type: 'Schemed', id: 'x', n: null, kind: 'a', sys__eid: 'e0123456789A', sys__ets: 1, sys__sid: 's' }).success).toBe(true);
    expect(zod.safeParse({ event_type: 'Schemed', id: 'x', n: 1.5, kind: 'c', sys__eid: 'e0123456789A', sys__ets: 1, sys__sid: 's' }).success).toBe(false);
  });

  it("makes its zod schemas with the caller's own zod (loaded at first use, not a second copy)", () => {
    const E = defineEvent('Composed', { id: Field.string() });
    const schema = eventSchema(E);
    expect(schema).toBeInstanceOf(z.ZodObject);
    expect(Object.getPrototypeOf(schema)).toBe(Object.getPrototypeOf(z.object({})));
    const envelope = z.object({ key: z.string(), value: schema });
    expect(envelope.safeParse({ key: 'k', value: { event_type: 'Composed', id: 'x', sys__eid: 'e0123456789A', sys__ets: 1, sys__sid: 's' } }).success).toBe(true);
  });
});

describe('Field', () => {
  it('marks fields nullable by nullable, optional or a null default', () => {
    expect(Field.string().required).toBe(true);
    expect(Field.string({ nullable: true }).required).toBe(false);
    expect(Field.string({ optional: true }).required).toBe(false);
    expect(Field.string({ default: null }).required).toBe(false);
    expect(Field.int({ default: 0 }).required).toBe(true);
    expect(Field.enum(['x', 'y']).values).toEqual(['x', 'y']);
    expect(Field.datetime().kind).toBe('datetime');
    expect(Field.json().kind).toBe('json');
  });
});
