/**
 * Two event types of one name in one run are a mistake (a copy left behind, a second
 * defineEvent of a name in another module): outputs name topics and tables by the event's
 * name, and the summary counts events by it.
 *
 * The events a run lists itself (`events`) are checked. Without that list, outputs prepare
 * every event declared in the process, and there a later definition of a name replaces an
 * earlier one (a test file that defines Ping in each of its tests): latestByName. What a run
 * emits is checked against those at each type's first emission: EmittedEventTypes. (Entity
 * types are checked when a run first uses one: EntityStore.table.)
 */
import { DeepFakerError } from '../errors.js';
import type { EventDef } from '../schema/define-event.js';
import { describeEvents } from './describe-events.js';
import { declaredEvents } from '../schema/registry.js';

/** Refuses two different event types of one name among those a run lists. */
export function checkEventNames(events: readonly EventDef[]): void {
  const byName = new Map<string, EventDef>();
  for (const event of events) {
    const other = byName.get(event.name);
    if (other !== undefined && other !== event) throw nameClash(`event ${event.name}`, other, event);
    byName.set(event.name, event);
  }
}

/**
 * The event types a run (one partition of it) emits, by name, starting from those its outputs
 * were told of (the run's `events`, or latestByName of the declared ones). A second type of a
 * name already taken is refused where it is first emitted, unless outputs would be told the
 * same of both (a function that defines its events and builds a simulation, called twice,
 * defines each event twice alike); callers note a type once per run and place, not per event.
 */
export class EmittedEventTypes {
  private readonly byName = new Map<string, EventDef>();

  constructor(told: readonly EventDef[]) {
    for (const event of told) this.byName.set(event.name, event);
  }

  /** `where`: the place of the first emission, naming the event, as in `flow "shop", event Ping`. */
  note(event: EventDef, where: string): void {
    const other = this.byName.get(event.name);
    if (other === undefined) this.byName.set(event.name, event);
    else if (other !== event && !alike(other, event)) throw nameClash(where, other, event);
  }
}

/** Whether outputs are told the same of two event types (fields, kinds, keys, enum values). */
function alike(a: EventDef, b: EventDef): boolean {
  const [infoA, infoB] = describeEvents([a, b], []);
  return JSON.stringify(infoA) === JSON.stringify(infoB);
}

function nameClash(where: string, other: EventDef, event: EventDef): DeepFakerError {
  return new DeepFakerError('E_DUPLICATE_NAME', `${where}: defined twice (fields ${list(other.resolved.map((f) => f.name))}, and ${list(event.resolved.map((f) => f.name))}). Outputs name topics and tables by it and the summary counts by it: give each event type its own name, or define it once and import it.`);
}

/**
 * The event types a run's outputs are told of: the run's own `events` list, or else the
 * latest definition of each name declared in the process. The partitions check what they
 * emit against the same list (EmittedEventTypes).
 */
export function eventsOfRun(listed: readonly EventDef[] | undefined): readonly EventDef[] {
  return listed ?? latestByName(declaredEvents());
}

/** The events of `declared` with the latest definition of each name, in declaration order. */
export function latestByName(declared: readonly EventDef[]): EventDef[] {
  const latest = new Map<string, EventDef>();
  for (const event of declared) latest.set(event.name, event);
  return declared.filter((event) => latest.get(event.name) === event);
}

function list(names: readonly string[]): string {
  return names.length === 0 ? 'none' : names.join(', ');
}
