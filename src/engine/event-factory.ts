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

/** Builds the record of an event at `at`. */
export function buildEvent(
  event: EventDef,
  at: number,
  sessionId: string,
  explicit: Record<string, unknown> | undefined,
  bound: BoundEntities | undefined,
  fill: FillContext,
  where: string,
): EventRecord {
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
  values[n + 1] = fill.eidTag === '' ? alphanumericId(fill.random, 12) : fill.eidTag + alphanumericId(fill.random, 12 - fill.eidTag.length);
  values[n + 2] = at;
  values[n + 3] = sessionId;
  return layout.build(values) as EventRecord;
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
    if (position === undefined || position === 0 || position > fields.length) {
      throw new DeepFakerError('E_UNKNOWN_FIELD', `${where}, field ${name}: ${event.name} has no such field (fields: ${Object.keys(event.fields).join(', ')}). Remove it or add it to the event.`);
    }
    const given = explicit[name];
    if (given === undefined) continue;
    const f = fields[position - 1]!;
    const stored = toStoredValue(f.def, given);
    if (isInvalid(stored)) {
      throw new DeepFakerError('E_BAD_VALUE', `${where}, field ${f.name}: ${stored.reason}. Pass a value of kind ${f.def.kind}.`);
    }
    values[position] = stored;
  }
}
