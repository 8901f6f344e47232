/**
 * Two event types, or two entity types, of one name are a mistake (a copy left behind, a
 * second defineEvent of a name in another module): outputs name topics and tables by the
 * event's name, and the summary counts events and entities by name.
 */
import { DeepFakerError } from '../errors.js';
import type { AnyEntity } from '../schema/define-entity.js';
import type { EventDef } from '../schema/define-event.js';

export function checkUniqueNames(events: readonly EventDef[], entities: readonly AnyEntity[]): void {
  const event = firstClash(events);
  if (event !== undefined) {
    const [first, second] = event;
    throw new DeepFakerError('E_DUPLICATE_NAME', `event ${first.name}: defined twice (fields ${list(first.resolved.map((f) => f.name))}, and ${list(second.resolved.map((f) => f.name))}). Outputs name topics and tables by it and the summary counts by it: give each event type its own name, or define it once and import it.`);
  }
  const entity = firstClash(entities);
  if (entity !== undefined) {
    const [first, second] = entity;
    throw new DeepFakerError('E_DUPLICATE_NAME', `entity ${first.name}: defined twice (state ${list(Object.keys(first.state))}, and ${list(Object.keys(second.state))}). The summary counts entities by name: give each entity type its own name, or define it once and import it.`);
  }
}

/** The first two different items of one name. */
function firstClash<T extends { readonly name: string }>(items: readonly T[]): [T, T] | undefined {
  const byName = new Map<string, T>();
  for (const item of items) {
    const other = byName.get(item.name);
    if (other !== undefined && other !== item) return [other, item];
    byName.set(item.name, item);
  }
  return undefined;
}

function list(names: readonly string[]): string {
  return names.length === 0 ? 'none' : names.join(', ');
}
