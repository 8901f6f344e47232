import type { EventInfo } from '../outputs/output.js';
import type { AnyEntity } from '../schema/define-entity.js';
import type { EventDef } from '../schema/define-event.js';

/**
 * What outputs are told of the events: fields, kinds, and the main entity's key field. An
 * event listed twice is told once: an output makes a table or a topic per entry.
 */
export function describeEvents(events: readonly EventDef[], entities: readonly AnyEntity[]): EventInfo[] {
  const keyNames = entities.map((e) => e.primaryKey);
  return [...new Set(events)].map((event) => ({
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
