import type { EventRecord } from '../outputs/output.js';
import type { EntityStore } from '../state/entity-store.js';
import { createFromEvent, createFromState } from './entity-factory.js';
import { eventBuilder, type FillContext } from './event-factory.js';
import type { EmittedEventTypes } from './event-names.js';
import type { ResolvedSimulationOptions } from './simulation-options.js';

/** The session id of the events that create initial entities. */
export const INITIAL_SESSION = 'initial_setup';

/** Creates the initial entities at the window's start, emitting their source events if asked. */
export function createInitialEntities(
  options: ResolvedSimulationOptions,
  store: EntityStore,
  fill: FillContext,
  at: number,
  deliver: (event: EventRecord) => void,
  eventTypes: EmittedEventTypes,
): void {
  for (const [entity, count] of options.initialEntities) {
    const table = store.table(entity);
    table.reserve(count);
    const source = entity.sourceEvent;
    const where = `initial entities, entity ${entity.name}`;
    if (source !== null && count > 0 && options.emitInitialEntities) eventTypes.note(source, `${where}, event ${source.name}`);
    for (let i = 0; i < count; i++) {
      if (source === null) {
        createFromState(entity, table, at, fill);
        continue;
      }
      const event = eventBuilder(source)(at, INITIAL_SESSION, undefined, undefined, fill, `${where}, event ${source.name}`);
      createFromEvent(entity, table, source, event, false, null, at, fill, where);
      if (options.emitInitialEntities) deliver(event);
    }
  }
}
