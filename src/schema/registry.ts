/**
 * Every event and entity declared in this process, in declaration order. A run prepares its
 * outputs (tables, topics) for all declared events unless the simulation lists its own.
 */
import type { AnyEntity } from './define-entity.js';
import type { EventDef } from './define-event.js';

const events: EventDef[] = [];
const entities: AnyEntity[] = [];

export function registerEvent(event: EventDef): void {
  events.push(event);
}

export function registerEntity(entity: AnyEntity): void {
  entities.push(entity);
}

export function declaredEvents(): readonly EventDef[] {
  return events;
}

export function declaredEntities(): readonly AnyEntity[] {
  return entities;
}
