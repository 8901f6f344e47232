import { DeepFakerError } from '../errors.js';
import type { EventInfo } from '../outputs/output.js';
import type { AnyEntity } from '../schema/define-entity.js';
import type { EventDef } from '../schema/define-event.js';

/**
 * What outputs are told of the events: fields, kinds, and the main entity's key field. Two
 * event types of one name are a mistake: outputs name topics, tables and counts by it.
 */
export function describeEvents(events: readonly EventDef[], entities: readonly AnyEntity[]): EventInfo[] {
  const byName = new Map<string, EventDef>();
  for (const event of events) {
    const other = byName.get(event.name);
    if (other !== undefined && other !== event) {
      throw new DeepFakerError('E_DUPLICATE_EVENT', `event ${event.name}: defined twice (fields ${fieldList(other)}, and ${fieldList(event)}). Outputs name topics, tables and counts by the event's name: give each event type its own, or define it once and import it.`);
    }
    byName.set(event.name, event);
  }
  const keyNames = entities.map((e) => e.primaryKey);
  // One listed twice is told once: an output makes a table or a topic per entry.
  return [...byName.values()].map((event) => ({
    name: event.name,
    fields: event.resolved.map((f) => {
      const elements = f.def.options.elements;
      const enumValues = f.def.values ?? undefined;
      const lengths = (enumValues ?? (Array.isArray(elements) && elements.every((e) => typeof e === 'string') ? (elements as string[]) : undefined))?.map((v) => v.length);
      return {
        name: f.name,
        kind: f.def.kind,
        required: f.def.required,
        primaryKey: f.name === event.primaryKey,
        ...(enumValues ? { enumValues } : {}),
        ...(lengths && lengths.length > 0 ? { maxLength: Math.max(...lengths) } : {}),
      };
    }),
    keyField: event.primaryKey ?? keyNames.find((k) => k in event.fields),
  }));
}

function fieldList(event: EventDef): string {
  const names = event.resolved.map((f) => f.name);
  return names.length === 0 ? 'none' : names.join(', ');
}
