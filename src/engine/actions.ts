/**
 * The actions a flow yields, and the typed functions that build them. Each builder checks
 * its arguments at once, so a mistake is reported at the line that made it.
 */
import { DeepFakerError, describeValue } from '../errors.js';
import type { AnyEntity, MutableStateOf, QueryableStateOf, EntityState } from '../schema/define-entity.js';
import type { EventDef, EventInput, EmittedEvent } from '../schema/define-event.js';
import type { InputOf, ValueOf } from '../schema/field.js';
import { parseDuration, type Duration } from '../util/duration.js';
import type { Condition } from '../state/conditions.js';
import { compileConditions } from './compile-conditions.js';
import { compileOps, type CompiledOp } from './compile-ops.js';
import { checkKnownKeys, hasOnlyKnownKeys } from '../util/known-keys.js';
import { FlowContext } from './flow-context.js';

type Keys<T> = keyof T & string;

/** A filter condition: [field, 'is' | 'is_not', value] or [numeric field, 'greater_than' | 'less_than', number]. */
export type WhereCondition<ST> = {
  [K in Keys<ST>]:
    | readonly [K, 'is' | 'is_not', InputOf<ST[K]> | null]
    | (ValueOf<ST[K]> extends number | null ? readonly [K, 'greater_than' | 'less_than', number] : never);
}[Keys<ST>];

/** A state change: [field, 'is', value] or [numeric field, 'add' | 'subtract', number]; values may be functions of the emitted event. */
export type StateOp<ST, Ev> = {
  [K in Keys<ST>]:
    | readonly [K, 'is', InputOf<ST[K]> | ((event: Ev) => InputOf<ST[K]>)]
    | (ValueOf<ST[K]> extends number ? readonly [K, 'add' | 'subtract', number | ((event: Ev) => number)] : never);
}[Keys<ST>];

export interface SelectOptions<E extends AnyEntity> {
  where?: readonly WhereCondition<QueryableStateOf<E>>[];
}

/** A Select used as a flow's `filter`: the flow starts only with a matching available entity. */
export class SelectFilter<E extends AnyEntity = AnyEntity> {
  readonly kind = 'select-filter';
  constructor(readonly entity: E, readonly conditions: readonly Condition[]) {}
}

/** An in-flow Select: binds a matching available entity to the flow at its clock. */
export class SelectAction<E extends AnyEntity = AnyEntity> {
  readonly kind = 'select';
  constructor(readonly ctx: FlowContext, readonly entity: E, readonly conditions: readonly Condition[]) {}
  /** `const user = yield* Select(ctx, User, ...)` gives the bound entity, typed, or undefined. */
  *[Symbol.iterator](): Generator<FlowAction, EntityState<E> | undefined, unknown> {
    return (yield this) as EntityState<E> | undefined;
  }
}

export class SetStateAction<E extends AnyEntity = AnyEntity, Ev = any> {
  readonly kind = 'set-state';
  /** Type-only: the event type whose values the ops may read. */
  declare readonly __event?: (event: Ev) => void;
  constructor(readonly entity: E, readonly ops: readonly CompiledOp[]) {}
  *[Symbol.iterator](): Generator<FlowAction, void, unknown> {
    yield this;
  }
}

export interface NewEventOptions<Ev extends EventDef> {
  /** Values for the event's fields; the rest come from bound entities, fakers and defaults. */
  fields?: EventInput<Ev>;
  /** Creates an entity of this type from the event and binds it to the flow. */
  saveEntity?: AnyEntity;
  /** State changes applied at the event's instant, after saveEntity. */
  mutate?: SetStateAction<any, EmittedEvent<Ev>> | readonly SetStateAction<any, EmittedEvent<Ev>>[];
}

export class NewEventAction<Ev extends EventDef = EventDef> {
  readonly kind = 'new-event';
  constructor(
    readonly ctx: FlowContext,
    readonly event: Ev,
    readonly fields: Record<string, unknown> | undefined,
    readonly saveEntity: AnyEntity | undefined,
    readonly mutate: SetStateAction | readonly SetStateAction[],
  ) {}
  /** `const order = yield* NewEvent(ctx, OrderCompleted)` gives the emitted event, typed. */
  *[Symbol.iterator](): Generator<FlowAction, EmittedEvent<Ev>, unknown> {
    return (yield this) as EmittedEvent<Ev>;
  }
}

export class AddDecayAction {
  readonly kind = 'add-decay';
  constructor(readonly ctx: FlowContext, readonly rate: number, readonly delayMs: number) {}
  *[Symbol.iterator](): Generator<FlowAction, void, unknown> {
    yield this;
  }
}

/** Everything a flow may yield. */
export type FlowAction = NewEventAction<any> | AddDecayAction | SelectAction<any> | SetStateAction<any, any>;

/**
 * Emits an event at the flow's clock.
 *
 * @example
 * yield NewEvent(ctx, OrderCompleted, {
 *   fields: { total_amount: 99.99 },
 *   mutate: SetState(User, [['total_orders', 'add', 1]]),
 * });
 */
export function NewEvent<Ev extends EventDef>(ctx: FlowContext, event: Ev, options: NewEventOptions<Ev> = {}): NewEventAction<Ev> {
  // This runs once per event: locations are named (newEventAt) only when something is wrong.
  checkContext(ctx, 'NewEvent');
  if (!event || event.type !== 'event') {
    throw new DeepFakerError('E_BAD_ACTION', `${ctx.where()}: NewEvent needs an event from defineEvent, got ${describeValue(event)}.`);
  }
  if (options === null || typeof options !== 'object') {
    throw new DeepFakerError('E_BAD_ACTION', `${newEventAt(ctx, event)}: options must be an object such as { fields: { ... } }, got ${describeValue(options)}.`);
  }
  if (!hasOnlyKnownKeys(options, NEW_EVENT_KEYS)) checkKnownKeys(options, new Set(NEW_EVENT_KEYS), newEventAt(ctx, event), 'E_BAD_ACTION');
  const { fields, saveEntity, mutate } = options;
  if (fields !== undefined && (fields === null || typeof fields !== 'object')) {
    throw new DeepFakerError('E_BAD_ACTION', `${newEventAt(ctx, event)}: fields must be an object of field values, got ${describeValue(fields)}.`);
  }
  if (saveEntity !== undefined && (saveEntity as AnyEntity | null)?.type !== 'entity') {
    throw new DeepFakerError('E_BAD_ACTION', `${newEventAt(ctx, event)}: saveEntity must be an entity from defineEntity, got ${describeValue(saveEntity)}.`);
  }
  // One SetState stays as it is: wrapping it in a list would allocate on every event.
  const mutations = (mutate ?? NO_MUTATIONS) as SetStateAction | readonly SetStateAction[];
  if (Array.isArray(mutations)) {
    for (let i = 0; i < mutations.length; i++) checkMutation(mutations[i], ctx, event);
  } else {
    checkMutation(mutations, ctx, event);
  }
  return new NewEventAction(ctx, event, fields as Record<string, unknown> | undefined, saveEntity, mutations);
}

function newEventAt(ctx: FlowContext, event: EventDef | undefined): string {
  return `${ctx.where()}, event ${event?.name ?? '?'}`;
}

/** How long AddDecay waits: units add up ({ minutes: 1, seconds: 30 }). */
export interface DecayOptions {
  /** Probability in [0, 1] that the flow ends after the wait. */
  rate: number;
  ms?: number;
  seconds?: number;
  minutes?: number;
  hours?: number;
  days?: number;
  /** A duration text such as '90s' (added to the units above). */
  duration?: Duration;
}

/** Builders that take ctx first, called without it (or outside a flow), say so in one line. */
function checkContext(ctx: unknown, action: string): void {
  if (!(ctx instanceof FlowContext)) {
    throw new DeepFakerError('E_BAD_ACTION', `${action}: the first argument must be the flow's ctx, got ${describeValue(ctx)}. Write ${action}(ctx, ...) inside a flow function*(ctx).`);
  }
}

function checkMutation(m: unknown, ctx: FlowContext, event: EventDef): void {
  if (!(m instanceof SetStateAction)) {
    throw new DeepFakerError('E_BAD_ACTION', `${newEventAt(ctx, event)}: mutate takes SetState(...) or a list of them, got ${describeValue(m)}.`);
  }
}

// Lists, for the per-event check (hasOnlyKnownKeys); a Set of one is made only to name a
// mistake.
const NEW_EVENT_KEYS: readonly string[] = ['fields', 'saveEntity', 'mutate'];
const DECAY_KEYS: readonly string[] = ['rate', 'ms', 'seconds', 'minutes', 'hours', 'days', 'duration'];
const SELECT_KEYS: readonly string[] = ['where'];

const NO_MUTATIONS: readonly SetStateAction[] = [];

/**
 * Advances the flow's clock; with probability `rate` the flow ends there (drop-off).
 *
 * @example yield AddDecay(ctx, { rate: 0.3, minutes: 2 });
 */
export function AddDecay(ctx: FlowContext, options: DecayOptions): AddDecayAction {
  checkContext(ctx, 'AddDecay');
  if (options === null || typeof options !== 'object') {
    throw new DeepFakerError('E_BAD_RATE', `${decayAt(ctx)}: expected { rate, seconds | minutes | ... }, got ${describeValue(options)}.`);
  }
  if (!hasOnlyKnownKeys(options, DECAY_KEYS)) checkKnownKeys(options, new Set(DECAY_KEYS), decayAt(ctx), 'E_BAD_ACTION');
  const { rate } = options;
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
    throw new DeepFakerError('E_BAD_RATE', `${decayAt(ctx)}: rate must be a number in [0, 1], got ${describeValue(rate)}. Use e.g. { rate: 0.3, seconds: 30 } for a 30% drop-off.`);
  }
  // Each unit read by name: a loop reading options[unit] made one site see every unit and
  // every options shape, a megamorphic lookup per unit on every AddDecay.
  let delay = decayUnit(ctx, 'ms', options.ms, 1)
    + decayUnit(ctx, 'seconds', options.seconds, 1000)
    + decayUnit(ctx, 'minutes', options.minutes, 60_000)
    + decayUnit(ctx, 'hours', options.hours, 3_600_000)
    + decayUnit(ctx, 'days', options.days, 86_400_000);
  if (options.duration !== undefined) delay += parseDuration(options.duration, `${decayAt(ctx)}, duration`);
  return new AddDecayAction(ctx, rate, Math.round(delay));
}

/** The milliseconds of one unit of an AddDecay's options (0 when not given). */
function decayUnit(ctx: FlowContext, unit: string, value: unknown, factor: number): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new DeepFakerError('E_BAD_DURATION', `${decayAt(ctx)}: ${unit} must be a non-negative number, got ${describeValue(value)}.`);
  }
  return value * factor;
}

function decayAt(ctx: FlowContext): string {
  return `${ctx.where()}, AddDecay`;
}

/**
 * Selects an available entity. As a flow's `filter` (`Select(User, { where })`) the flow
 * starts only with a match; inside a flow (`Select(ctx, User, { where })`) it binds one at
 * the flow's clock, or nothing when none matches.
 *
 * @example
 * sim.flow({ filter: Select(User, { where: [['is_logged_in', 'is', true]] }) }, function* shop(ctx) { ... });
 * const seller = yield* Select(ctx, Seller, { where: [['rating', 'greater_than', 4]] });
 */
export function Select<E extends AnyEntity>(entity: E, options?: SelectOptions<E>): SelectFilter<E>;
export function Select<E extends AnyEntity>(ctx: FlowContext, entity: E, options?: SelectOptions<E>): SelectAction<E>;
export function Select(a: unknown, b?: unknown, c?: unknown): SelectFilter | SelectAction {
  const inFlow = (a as AnyEntity | null)?.type !== 'entity';
  const ctx = inFlow ? (a as FlowContext) : undefined;
  const entity = (inFlow ? b : a) as AnyEntity;
  const options = (inFlow ? c : b) as SelectOptions<AnyEntity> | undefined;
  if (ctx !== undefined) checkContext(ctx, 'Select');
  if ((entity as AnyEntity | null)?.type !== 'entity') {
    throw new DeepFakerError('E_BAD_ACTION', `${selectAt(ctx)}: expected an entity from defineEntity, got ${describeValue(entity)}. Use Select(User, { where }) or Select(ctx, User, { where }).`);
  }
  if (options !== undefined && !hasOnlyKnownKeys(options, SELECT_KEYS)) {
    checkKnownKeys(options, new Set(SELECT_KEYS), `${selectAt(ctx)}, entity ${entity.name}`, 'E_BAD_ACTION');
  }
  const conditions = compileConditions(entity, options?.where ?? [], `${selectAt(ctx)}, entity ${entity.name}`);
  return ctx ? new SelectAction(ctx, entity, conditions) : new SelectFilter(entity, conditions);
}

function selectAt(ctx: FlowContext | undefined): string {
  return ctx ? `${ctx.where()}, Select` : 'Select';
}

/**
 * Changes the state of the flow's bound entity of this type, at the flow's clock.
 *
 * @example SetState(User, [['total_orders', 'add', 1], ['cart_id', 'is', null]])
 */
export function SetState<E extends AnyEntity, Ev = any>(entity: E, ops: readonly StateOp<MutableStateOf<E>, Ev>[]): SetStateAction<E, Ev> {
  if ((entity as AnyEntity | null)?.type !== 'entity') {
    throw new DeepFakerError('E_BAD_ACTION', `SetState: expected an entity from defineEntity, got ${describeValue(entity)}. Use SetState(User, [['field', 'is', value]]).`);
  }
  return new SetStateAction(entity, compileOps(entity, ops as readonly unknown[]));
}

