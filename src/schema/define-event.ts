import type { ZodType } from 'zod';
import { DeepFakerError, ProblemList } from '../errors.js';
import type { FieldDef, ValueOf, InputOf } from './field.js';
import { resolveFields, type ResolvedField } from './field-plan.js';
import { fieldSchema } from './zod-schema.js';
import { zod } from './zod.js';
import { declaredEvents, registerEvent } from './registry.js';
import { RecordLayout } from '../util/record-layout.js';
import type { EventBuilder } from '../engine/event-factory.js';

export type FieldMap = Record<string, FieldDef<any, any>>;

/** A declared event type: its name, its fields, and what was resolved from them. */
export interface EventDef<N extends string = string, F extends FieldMap = FieldMap> {
  readonly type: 'event';
  readonly name: N;
  readonly fields: F;
  /** The field marked `primaryKey: true`, if any. */
  readonly primaryKey: string | undefined;
  /** @internal Resolved fields in declaration order. */
  readonly resolved: readonly ResolvedField[];
  /**
   * @internal The layout of its records: event_type, the fields in order, then the sys__
   * fields. Made here, with the type, and read per event: a WeakMap from the type was a hashed
   * lookup on every event.
   */
  readonly layout: RecordLayout;
  /** @internal Its place among the events declared in this process: runs keep per-type tables by it. */
  readonly index: number;
  /**
   * @internal The builder of its records, made at its first event (eventBuilder in
   * engine/event-factory.ts); undefined until then.
   */
  builder: EventBuilder | undefined;
}

/** The values of an emitted event, as outputs and flows see them. */
export type EventValues<E> = E extends EventDef<string, infer F> ? { [K in keyof F]: ValueOf<F[K]> } : never;

/** The values a flow may pass in `fields`: any subset, in input form. */
export type EventInput<E> = E extends EventDef<string, infer F> ? { [K in keyof F]?: InputOf<F[K]> } : never;

/** An emitted event: its values plus the system fields. */
export type EmittedEvent<E> = EventValues<E> & {
  readonly event_type: E extends EventDef<infer N> ? N : string;
  readonly sys__eid: string;
  readonly sys__ets: number;
  readonly sys__sid: string;
};

const EVENT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Declares an event type. Fields and fakers are checked here, at declaration, and every
 * problem is reported at once.
 *
 * @example
 * const AccountCreated = defineEvent('AccountCreated', {
 *   user_id: Field.string({ primaryKey: true, faker: 'uuid4' }),
 *   email: Field.string({ faker: 'email' }),
 * });
 */
export function defineEvent<const N extends string, const F extends FieldMap>(name: N, fields: F): EventDef<N, F> {
  if (typeof name !== 'string' || !EVENT_NAME.test(name)) {
    throw new DeepFakerError('E_BAD_DEFINITION', `defineEvent: invalid event name ${JSON.stringify(name)}. Use letters, digits and _, e.g. 'OrderCompleted'.`);
  }
  if (!fields || typeof fields !== 'object') {
    throw new DeepFakerError('E_BAD_DEFINITION', `event ${name}: expected an object of fields, got ${typeof fields}. Pass { field: Field.string(), ... }.`);
  }
  const problems = new ProblemList('E_BAD_DEFINITION');
  const resolved = resolveFields(name, `event ${name}`, fields, problems);
  const keys = resolved.filter((f) => f.def.options.primaryKey).map((f) => f.name);
  if (keys.length > 1) {
    problems.add(`event ${name}: fields ${keys.join(', ')} are all marked primaryKey. Mark only the key of the entity this event creates.`);
  }
  for (const f of resolved) {
    if (f.def.options.fromField !== undefined) {
      problems.add(`event ${name}, field ${f.name}: fromField belongs on entity state fields (StateField), not on event fields. Remove it.`);
    }
  }
  problems.throwIfAny();
  const layout = new RecordLayout(['event_type', ...resolved.map((f) => f.name), 'sys__eid', 'sys__ets', 'sys__sid']);
  const event: EventDef<N, F> = { type: 'event', name, fields, primaryKey: keys[0], resolved, layout, index: declaredEvents().length, builder: undefined };
  registerEvent(event);
  return event;
}

/** Validates a record against its event's schema (for tests and tooling, not the hot path). */
export function eventSchema(event: EventDef): ZodType {
  const z = zod();
  const shape: Record<string, ZodType> = { event_type: z.literal(event.name) };
  for (const f of event.resolved) shape[f.name] = fieldSchema(f.def);
  return z.object({ ...shape, sys__eid: z.string().length(12), sys__ets: z.number().int(), sys__sid: z.string() });
}

/** The JSON Schema of an event's records (its fields plus the system fields), via zod. */
export function eventJsonSchema(event: EventDef): Record<string, unknown> {
  return zod().toJSONSchema(eventSchema(event)) as Record<string, unknown>;
}
