/**
 * Runs flow instances: picks a flow at each initiation, steps its generator through the
 * actions it yields, and ends it (completed, dropped or cut), releasing its entities.
 */
import { DeepFakerError, describeValue, isDeepFakerError } from '../errors.js';
import type { EventRecord } from '../outputs/output.js';
import type { AnyEntity } from '../schema/define-entity.js';
import type { EntityStore } from '../state/entity-store.js';
import { alphanumericId } from '../util/ids.js';
import { AddDecayAction, NewEventAction, SelectAction, SetStateAction } from './actions.js';
import { createFromEvent } from './entity-factory.js';
import { eventBuilder, type FillContext } from './event-factory.js';
import type { EventQueue, QueueItem } from './event-queue.js';
import type { FlowDef } from './flow-def.js';
import type { EventDef } from '../schema/define-event.js';
import { FlowInstance } from './flow-instance.js';
import { applySetState } from './apply-set-state.js';
import type { EmittedEventTypes } from './event-names.js';
import type { FlowCounts } from './run-counters.js';
import { userFrame } from './user-frame.js';

export interface ResumeItem extends QueueItem {
  kind: 'resume';
  instance: FlowInstance;
  dropped: boolean;
}

export class FlowRunner {
  /**
   * Running instances, in no order; each knows its index (liveIndex). Not a Set: a Set with
   * an add and a delete per flow rebuilds its table again and again, in old space once it is
   * there, and each obsolete table keeps its entries, so ended flows (with their generators
   * and last events) survived scavenges until a full collection, about 4 MB per scavenge.
   */
  readonly live: FlowInstance[] = [];
  private readonly totalWeight: number;
  /**
   * Per flow (by its index), the message location of each event type it has emitted in this
   * run, by the type's index: made at the type's first emission, which is also where its
   * name is checked. Arrays: a Map keyed by the type hashed it on every event.
   */
  private readonly wheres: (string | undefined)[][];
  /** Per flow (by its index), its counters in the run, found by name once. */
  private readonly counts: (FlowCounts | undefined)[];

  constructor(
    private readonly flows: readonly FlowDef[],
    private readonly store: EntityStore,
    private readonly fill: FillContext,
    private readonly queue: EventQueue<QueueItem & { kind: string }>,
    private readonly deliver: (event: EventRecord) => void,
    private readonly eventTypes: EmittedEventTypes,
  ) {
    this.totalWeight = flows.reduce((sum, f) => sum + f.weight, 0);
    this.wheres = flows.map(() => []);
    this.counts = flows.map(() => undefined);
  }

  /** Starts one flow instance at `time`, picked by weight among the eligible flows. */
  initiate(time: number): void {
    const random = this.fill.random;
    let candidates = this.flows;
    let total = this.totalWeight;
    while (candidates.length > 0) {
      let r = random.next() * total;
      let chosen = candidates[candidates.length - 1]!;
      for (const flow of candidates) {
        r -= flow.weight;
        if (r < 0) { chosen = flow; break; }
      }
      if (chosen.filter === undefined) return this.start(chosen, time, undefined);
      const table = this.store.table(chosen.filter.entity);
      const record = table.sampleForFilter(chosen.filter.conditions, random);
      if (record !== undefined) return this.start(chosen, time, record);
      // Not eligible now: choose again among the others, which keeps the weights' proportions.
      candidates = candidates.filter((f) => f !== chosen);
      total -= chosen.weight;
    }
    this.fill.counters.idleInitiations++;
  }

  private start(flow: FlowDef, time: number, record: import('../state/entity-record.js').EntityRecord | undefined): void {
    const instance = new FlowInstance(flow, alphanumericId(this.fill.random, 8), time, this.fill.random, this.fill.fake.faker);
    if (record !== undefined) {
      const entity = flow.filter!.entity;
      this.store.table(entity).bind(record, instance.instanceId, time);
      instance.bound.set(entity, record);
    }
    instance.liveIndex = this.live.length;
    this.live.push(instance);
    (this.counts[flow.index] ??= this.fill.counters.flow(flow.name)).started++;
    // sim.flow accepted only generator functions: this is a generator.
    instance.generator = flow.fn(instance.ctx) as FlowInstance['generator'];
    this.step(instance, undefined);
  }

  /** Continues a flow after its AddDecay. */
  resume(item: ResumeItem): void {
    if (item.dropped) this.end(item.instance, 'dropped', item.time);
    else this.step(item.instance, undefined);
  }

  /** Ends every flow still running at `at` (the window's end). */
  cutAll(at: number): void {
    for (const instance of [...this.live]) this.end(instance, 'cut', at);
  }

  private removeLive(instance: FlowInstance): void {
    const i = instance.liveIndex;
    if (i < 0) return;
    const last = this.live.pop()!;
    if (last !== instance) {
      this.live[i] = last;
      last.liveIndex = i;
    }
    instance.liveIndex = -1;
  }

  private step(instance: FlowInstance, input: unknown): void {
    const generator = instance.generator!;
    let value = input;
    for (;;) {
      let result: IteratorResult<unknown, unknown>;
      try {
        result = generator.next(value);
      } catch (error) {
        throw inFlow(error, instance.flowName);
      }
      if (result.done) return this.end(instance, 'completed', instance.clock);
      const action = result.value;
      if (action instanceof NewEventAction) value = this.emit(instance, action);
      else if (action instanceof AddDecayAction) return this.decay(instance, action);
      else if (action instanceof SelectAction) value = this.select(instance, action);
      else if (action instanceof SetStateAction) {
        applySetState(this.store, instance, action, instance.lastEvent, `flow "${instance.flowName}"`);
        value = undefined;
      } else {
        throw new DeepFakerError('E_NOT_AN_ACTION', `flow "${instance.flowName}": yielded ${describeValue(action)}, which is not an action. Yield NewEvent(...), AddDecay(...), Select(ctx, ...) or SetState(...).`);
      }
    }
  }

  private emit(instance: FlowInstance, action: NewEventAction): EventRecord {
    const where = this.eventWhere(instance.flow, action.event);
    this.checkOwnContext(instance, action);
    const record = eventBuilder(action.event)(instance.clock, instance.sessionId, action.fields, instance.bound, this.fill, where);
    const entity = action.saveEntity;
    if (entity !== undefined) {
      if (instance.bound.has(entity)) {
        throw new DeepFakerError('E_BAD_SAVE', `${where}, entity ${entity.name}: this flow holds a ${entity.name} already; a flow holds one entity per type. Save it in another flow.`);
      }
      if (entity.sourceEvent !== null && entity.sourceEvent !== action.event) {
        throw new DeepFakerError('E_BAD_SAVE', `${where}, entity ${entity.name}: ${entity.name} is created from ${entity.sourceEvent.name}, not ${action.event.name}. Use NewEvent(ctx, ${entity.sourceEvent.name}, { saveEntity: ${entity.name} }).`);
      }
      const keyGiven = action.fields !== undefined && action.fields[entity.primaryKey] !== undefined;
      const created = createFromEvent(entity, this.store.table(entity), action.event, record, keyGiven, instance.instanceId, instance.clock, this.fill, where);
      instance.bound.set(entity, created);
    }
    const mutate = action.mutate;
    if (mutate instanceof SetStateAction) applySetState(this.store, instance, mutate, record, where);
    else for (const mutation of mutate) applySetState(this.store, instance, mutation, record, where);
    instance.lastEvent = record;
    this.deliver(record);
    return record;
  }

  private decay(instance: FlowInstance, action: AddDecayAction): void {
    this.checkOwnContext(instance, action);
    const dropped = this.fill.random.next() < action.rate;
    instance.clock += action.delayMs;
    const item: ResumeItem = { kind: 'resume', time: instance.clock, seq: 0, instance, dropped };
    // Flows run at the current time, so resumptions after one delay come in order: a lane.
    this.queue.push(item, action.delayMs);
  }

  private select(instance: FlowInstance, action: SelectAction): unknown {
    const entity: AnyEntity = action.entity;
    this.checkOwnContext(instance, action);
    if (instance.bound.has(entity)) {
      throw new DeepFakerError('E_BAD_SELECT', `flow "${instance.flowName}", entity ${entity.name}: this flow holds a ${entity.name} already; a flow holds one entity per type. Use ctx.getEntity(${entity.name}).`);
    }
    const table = this.store.table(entity);
    const record = table.sample(action.conditions, this.fill.random);
    if (record === undefined) return undefined;
    table.bind(record, instance.instanceId, instance.clock);
    instance.bound.set(entity, record);
    return table.snapshot(record, instance.instanceId);
  }

  /** The location of a flow's event in messages, made once per (flow, event type) and run. */
  private eventWhere(flow: FlowDef, event: EventDef): string {
    const wheres = this.wheres[flow.index]!;
    let where = wheres[event.index];
    if (where === undefined) {
      where = `flow "${flow.name}", event ${event.name}`;
      this.eventTypes.note(event, where);
      wheres[event.index] = where;
    }
    return where;
  }

  /** An action made with another flow's ctx is a mistake; its location is named only then. */
  private checkOwnContext(instance: FlowInstance, action: NewEventAction | AddDecayAction | SelectAction): void {
    if (action.ctx === instance.ctx) return;
    const where = action instanceof NewEventAction
      ? this.eventWhere(instance.flow, action.event)
      : `flow "${instance.flowName}", ${action instanceof AddDecayAction ? 'AddDecay' : 'Select'}`;
    throw new DeepFakerError('E_BAD_ACTION', `${where}: the action was made with another flow's ctx. Pass this flow's own ctx.`);
  }

  private end(instance: FlowInstance, outcome: 'completed' | 'dropped' | 'cut', at: number): void {
    const bound = instance.bound;
    for (let i = 0; i < bound.size; i++) this.store.table(bound.entityAt(i)).release(bound.recordAt(i), at);
    bound.clear();
    this.removeLive(instance);
    // Counted by name: counts[outcome]++ is a lookup that turns megamorphic, once per flow.
    // Made at the flow's start (start).
    const counts = this.counts[instance.flow.index]!;
    if (outcome === 'completed') counts.completed++;
    else if (outcome === 'dropped') counts.dropped++;
    else counts.cut++;
    if (outcome !== 'completed') {
      try {
        instance.generator?.return(undefined);
      } catch {
        // A flow's own cleanup code failing after it was cut changes nothing already emitted.
      }
    }
  }
}

/** Names the flow in errors raised inside its generator (action builders, user code). */
function inFlow(error: unknown, flowName: string): Error {
  if (isDeepFakerError(error)) {
    if (error.message.startsWith('flow "')) return error;
    const wrapped = new DeepFakerError(error.code, `flow "${flowName}", ${error.message}`);
    return wrapped;
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : describeValue(error);
  const where = error instanceof Error ? userFrame(error.stack) : undefined;
  return new DeepFakerError('E_FLOW_THREW', `flow "${flowName}": the flow's code threw ${message}${where ? ` (at ${where})` : ''}`, { cause: error });
}
