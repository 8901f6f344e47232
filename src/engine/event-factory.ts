/**
 * Fills events. Order per field: explicit `fields`, the key of a bound entity whose primary
 * key has the field's name, the field's faker, its default; a required field left empty is
 * auto-filled (and counted) or, under `strict`, an error.
 */
import { DeepFakerError } from '../errors.js';
import type { FakeContext } from '../fakers/index.js';
import type { EventRecord } from '../outputs/output.js';
import type { EventDef } from '../schema/define-event.js';
import type { ResolvedField } from '../schema/field-plan.js';
import { isInvalid, toStoredValue } from '../schema/field-values.js';
import { NO_BOUND_ENTITIES, type BoundEntities } from './bound-entities.js';
import { alphanumericId } from '../util/ids.js';
import type { RecordLayout } from '../util/record-layout.js';
import type { SeededRandom } from '../util/seeded-random.js';
import { autoFillValue } from './auto-fill.js';
import type { RunCounters } from './run-counters.js';

/** What filling values needs from the run. */
export interface FillContext {
  readonly random: SeededRandom;
  readonly fake: FakeContext;
  readonly counters: RunCounters;
  readonly strict: boolean;
  /** The partition's tag that starts every sys__eid ('' with one partition). */
  readonly eidTag: string;
}


/** Fills one field that had no explicit value. */
export function fillField(
  f: ResolvedField,
  at: number,
  fill: FillContext,
  bound: BoundEntities,
  where: string,
): unknown {
  if (bound.size > 0) {
    const key = bound.keyNamed(f.name);
    if (key !== undefined) return key;
  }
  if (f.generate !== undefined) {
    fill.fake.now = at;
    return f.generate(fill.fake);
  }
  if (f.defaultValue !== undefined) return f.defaultValue;
  if (!f.def.required) return null;
  if (fill.strict) {
    throw new DeepFakerError('E_UNFILLED_FIELD', `${where}, field ${f.name}: required and nothing fills it (strict mode). Pass it in fields, give it a faker or a default, or make it nullable.`);
  }
  fill.counters.countAutoFill(f);
  return autoFillValue(f.def, fill.random, at);
}

/**
 * The builder of an event type's records, made at its first event and kept on the type: the
 * type's own code (typeBuilder), or the loop over its fields where that cannot be made.
 */
export function eventBuilder(event: EventDef): EventBuilder {
  return event.builder ??= typeBuilder(event) ?? loopBuilder(event);
}

/** Builds the record of an event of one type at `at`. */
export type EventBuilder = (
  at: number,
  sessionId: string,
  explicit: Record<string, unknown> | undefined,
  bound: BoundEntities | undefined,
  fill: FillContext,
  where: string,
) => EventRecord;

/**
 * The builder of one event type, made from text: the given values matched to their fields by
 * a switch and checked in line for their kinds, each other field's fill in line (a held
 * entity's key, then its faker, its default, null, or fillField for a required field), and the
 * record an object literal of the values. The same draws in the same order, and the same
 * errors, as loopBuilder's. Shared by every type, the loop's branches on each field's kind
 * were mispredicted wherever the type changed, and one call site for every field's faker
 * called them all (megamorphic, never inlined): per type, 4.4% fewer instructions an event,
 * and in callgrind's model 4.5% fewer mispredicted branches (bench/README.md, "Work and
 * time"). Null where code cannot be made from text, or a key is __proto__ (which a literal
 * reads as the prototype): loopBuilder then.
 */
export function typeBuilder(event: EventDef): EventBuilder | null {
  const fields = event.resolved;
  const keys = event.layout.keys;
  if (keys.includes('__proto__')) return null;
  const n = fields.length;
  const fills = fields.map((f, i) => {
    let otherwise: string;
    if (f.generate !== undefined) otherwise = `(fill.fake.now = at, generate${i}(fill.fake))`;
    else if (f.defaultValue !== undefined) otherwise = `fields[${i}].defaultValue`;
    else if (!f.def.required) otherwise = 'null';
    else otherwise = `fillField(fields[${i}], at, fill, NO_BOUND_ENTITIES, where)`;
    const value = `held && (key = bound.keyNamed(${JSON.stringify(f.name)})) !== undefined ? key : ${otherwise}`;
    return `if (explicit === undefined || values[${i + 1}] === NOT_GIVEN) values[${i + 1}] = ${value};`;
  });
  // A value given for a field goes to its place (the names compared in a switch, where
  // putExplicitValues scans the layout's keys), checked in line for its kind.
  const givens = fields.map((f, i) => `case ${JSON.stringify(f.name)}: given = explicit[name]; if (given !== undefined) values[${i + 1}] = ${givenValueCode(f, i)}; break;`);
  // In the layout's key order: event_type, the fields, sys__eid, sys__ets, sys__sid.
  const record = keys.map((name, i) => `${JSON.stringify(name)}: ${i === n + 2 ? 'at' : i === n + 3 ? 'sessionId' : `values[${i}]`}`);
  const body = `${fields.map((_, i) => `const generate${i} = fields[${i}].generate;`).join('\n')}
return function (at, sessionId, explicit, bound, fill, where) {
  const values = new Array(${n + 4});
  values[0] = event.name;
  if (explicit !== undefined) {
    ${fields.map((_, i) => `values[${i + 1}] = NOT_GIVEN;`).join(' ')}
    for (const name in explicit) {
      let given;
      switch (name) {
        ${givens.join('\n        ')}
        default: unknownField(event, name, where);
      }
    }
  }
  if (bound === undefined) bound = NO_BOUND_ENTITIES;
  const held = bound.size > 0;
  let key;
  ${fills.join('\n  ')}
  values[${n + 1}] = eventId(fill);
  return { ${record.join(', ')} };
};`;
  try {
    const make = new Function('event', 'fields', 'storedValue', 'unknownField', 'fillField', 'eventId', 'NO_BOUND_ENTITIES', 'NOT_GIVEN', body);
    return make(event, fields, storedValue, unknownField, fillField, eventId, NO_BOUND_ENTITIES, NOT_GIVEN) as EventBuilder;
  } catch {
    return null;
  }
}

/** A new sys__eid: the partition's tag, then random characters to 12 in all. */
function eventId(fill: FillContext): string {
  return fill.eidTag === '' ? alphanumericId(fill.random, 12) : fill.eidTag + alphanumericId(fill.random, 12 - fill.eidTag.length);
}

/** The builder of any event type: a loop over its fields. */
export function loopBuilder(event: EventDef): EventBuilder {
  return (at, sessionId, explicit, bound, fill, where) => {
    const layout = event.layout;
    // The record's values, in the layout's keys' order: event_type, the fields, then the sys__
    // fields. A new array per event: the layout's own reused one is old, and each young value
    // stored into it took the write barrier's slow path.
    const fields = event.resolved;
    const values = new Array<unknown>(fields.length + 4);
    values[0] = event.name;
    if (explicit !== undefined) putExplicitValues(event, layout, values, explicit, where);
    for (let i = 0; i < fields.length; i++) {
      if (explicit === undefined || values[i + 1] === NOT_GIVEN) values[i + 1] = fillField(fields[i]!, at, fill, bound ?? NO_BOUND_ENTITIES, where);
    }
    const n = fields.length;
    values[n + 1] = eventId(fill);
    values[n + 2] = at;
    values[n + 3] = sessionId;
    return layout.build(values) as EventRecord;
  };
}

/** Marks a field's place in the layout's values until a value (given or filled) goes there. */
const NOT_GIVEN = Symbol('not given');

/**
 * Puts the explicit values (checked and stored) in their places in the layout's values, and
 * NOT_GIVEN in the others. One pass over the names given: reading explicit[f.name] for every
 * field, and checking each name against the event's fields, were lookups by a name that
 * varies, on objects of the flows' own shapes (megamorphic, per event).
 */
function putExplicitValues(event: EventDef, layout: RecordLayout, values: unknown[], explicit: Record<string, unknown>, where: string): void {
  const fields = event.resolved;
  for (let i = 1; i <= fields.length; i++) values[i] = NOT_GIVEN;
  for (const name in explicit) {
    const position = layout.positionOf(name);
    // Position 0 is event_type and those after the fields the sys__ ones: not fields.
    if (position === undefined || position === 0 || position > fields.length) unknownField(event, name, where);
    const given = explicit[name];
    if (given !== undefined) values[position] = storedValue(fields[position - 1]!, given, where);
  }
}

/** A name given in `fields` that is not one of the event's fields: an error. */
function unknownField(event: EventDef, name: string, where: string): never {
  throw new DeepFakerError('E_UNKNOWN_FIELD', `${where}, field ${name}: ${event.name} has no such field (fields: ${Object.keys(event.fields).join(', ')}). Remove it or add it to the event.`);
}

/** A value given for field `f`, checked and in its stored form; an error when it does not fit. */
function storedValue(f: ResolvedField, given: unknown, where: string): unknown {
  const stored = toStoredValue(f.def, given);
  if (isInvalid(stored)) {
    throw new DeepFakerError('E_BAD_VALUE', `${where}, field ${f.name}: ${stored.reason}. Pass a value of kind ${f.def.kind}.`);
  }
  return stored;
}

/**
 * The code a type's builder checks a value given for field `i` with: the values that
 * toStoredValue keeps as they are, tested in line for the field's kind; anything else
 * (null, a datetime, an enum, JSON, a mistake) through storedValue.
 */
function givenValueCode(f: ResolvedField, i: number): string {
  const checked = `storedValue(fields[${i}], given, where)`;
  switch (f.def.kind) {
    case 'string': return `typeof given === 'string' ? given : ${checked}`;
    case 'int': return `Number.isSafeInteger(given) ? given : ${checked}`;
    case 'float': return `typeof given === 'number' && Number.isFinite(given) ? given : ${checked}`;
    case 'boolean': return `typeof given === 'boolean' ? given : ${checked}`;
    default: return checked;
  }
}
