import type { Faker } from '@faker-js/faker';
import { setFakerClock } from '../fakers/index.js';
import type { AnyEntity, EntityState } from '../schema/define-entity.js';
import type { EventRecord } from '../outputs/output.js';
import { stateWithOwner } from '../state/entity-record.js';
import type { BoundEntities } from './bound-entities.js';
import type { SeededRandom } from '../util/seeded-random.js';

/** @internal What a context reads of its flow instance and its run. */
export interface FlowInstanceState {
  readonly flowName: string;
  readonly instanceId: string;
  readonly sessionId: string;
  clock: number;
  readonly bound: BoundEntities;
  lastEvent: EventRecord | undefined;
  readonly random: SeededRandom;
  readonly faker: Faker;
}

/**
 * What a flow sees of itself: its clock, its session id, the entities bound to it and the
 * seeded sources of randomness. One per flow instance.
 *
 * @example
 * function* checkout(ctx: FlowContext) {
 *   const user = ctx.getEntity(User)!;
 *   yield NewEvent(ctx, OrderCompleted, { fields: { order_id: `order_${ctx.sessionId}` } });
 * }
 */
export class FlowContext {
  /** @internal */
  constructor(private readonly state: FlowInstanceState) {}

  /** The flow's name (its generator function's name). */
  get flowName(): string {
    return this.state.flowName;
  }

  /** This instance's id, also the `flow_name` its entities carry while it holds them. */
  get instanceId(): string {
    return this.state.instanceId;
  }

  /** The 8-character session id every event of this instance carries as `sys__sid`. */
  get sessionId(): string {
    return this.state.sessionId;
  }

  /** The flow clock, epoch milliseconds (simulated time). */
  get clock(): number {
    return this.state.clock;
  }

  /** The flow clock as a Date. */
  get now(): Date {
    return new Date(this.state.clock);
  }

  /** faker-js, seeded from the run's seed, with its reference date at the flow clock. */
  get faker(): Faker {
    setFakerClock(this.state.faker, this.state.clock);
    return this.state.faker;
  }

  /** A seeded uniform number in [0, 1): use it instead of Math.random. */
  random(): number {
    return this.state.random.next();
  }

  /** The entity of this type bound to the flow (a snapshot at the flow clock), or undefined. */
  getEntity<E extends AnyEntity>(entity: E): EntityState<E> | undefined {
    const record = this.state.bound.get(entity);
    // A flow's bound entities are held by the flow itself.
    return record === undefined ? undefined : (stateWithOwner(record, this.state.instanceId, entity.stateLayout.copy) as EntityState<E>);
  }

  /** The last event this flow emitted, or undefined. */
  get lastEvent(): EventRecord | undefined {
    return this.state.lastEvent;
  }

  /** @internal The location prefix of error messages. */
  where(): string {
    return `flow "${this.state.flowName}"`;
  }
}
