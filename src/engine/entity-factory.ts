/** Creates entities: from their source event (saveEntity, initial entities) or from state alone. */
import { DeepFakerError, describeValue } from '../errors.js';
import type { EventRecord } from '../outputs/output.js';
import type { AnyEntity } from '../schema/define-entity.js';
import type { EventDef } from '../schema/define-event.js';
import type { ResolvedField } from '../schema/field-plan.js';
import type { EntityRecord } from '../state/entity-record.js';
import type { EntityTable } from '../state/entity-table.js';
import { uuid4 } from '../util/ids.js';
import { fillField, type FillContext } from './event-factory.js';
import { NO_BOUND_ENTITIES as NO_BOUND } from './bound-entities.js';

/** Draws of a generated key before the key space counts as exhausted. */
const KEY_DRAWS = 100;

/**
 * Creates `entity` from an emitted event. A generated key that collides is drawn again (and
 * written back into the event); an explicit duplicate is an error.
 */
export function createFromEvent(
  entity: AnyEntity,
  table: EntityTable,
  event: EventDef,
  record: EventRecord,
  keyWasGiven: boolean,
  owner: string | null,
  at: number,
  fill: FillContext,
  where: string,
): EntityRecord {
  const keyName = entity.primaryKey;
  if (!(keyName in event.fields)) {
    throw new DeepFakerError('E_BAD_SAVE', `${where}, entity ${entity.name}: saveEntity needs the key field "${keyName}" but ${event.name} has no such field. Save ${entity.name} from its source event${entity.sourceEvent ? ` ${entity.sourceEvent.name}` : ''}.`);
  }
  let key = record[keyName];
  if (table.get(key as string) !== undefined) {
    if (keyWasGiven) {
      throw new DeepFakerError('E_DUPLICATE_KEY', `${where}, entity ${entity.name}, field ${keyName}: an entity with key ${describeValue(key)} exists already. Keys are unique per entity type; pass another value or leave it to the faker.`);
    }
    const field = event.resolved.find((f) => f.name === keyName)!;
    key = freeKey(table, () => fillField(field, at, fill, NO_BOUND, where), `${where}, entity ${entity.name}, field ${keyName}`);
    record[keyName] = key;
  }
  if (key === null || key === undefined) {
    throw new DeepFakerError('E_BAD_SAVE', `${where}, entity ${entity.name}, field ${keyName}: the key is null. Give ${event.name}.${keyName} a faker or pass it in fields.`);
  }
  // The layout's values, in its keys' order: the key, the state fields, then flow_name.
  const layout = entity.stateLayout;
  const values = layout.values;
  values[0] = key;
  const fields = entity.resolved as readonly ResolvedField[];
  const stateWhere = `${where}, entity ${entity.name}`;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const from = f.def.options.fromField;
    values[i + 1] = from !== undefined && record[from] !== null && record[from] !== undefined
      ? record[from]
      : fillField(f, at, fill, NO_BOUND, stateWhere);
  }
  values[fields.length + 1] = owner;
  return table.create(key as string, layout.build(values), at);
}

/** Creates an available entity without a source event: key and state from fakers and defaults. */
export function createFromState(entity: AnyEntity, table: EntityTable, at: number, fill: FillContext): EntityRecord {
  const where = `entity ${entity.name}`;
  const keyField = entity.keyField as ResolvedField | undefined;
  const draw = keyField
    ? () => fillField(keyField, at, fill, NO_BOUND, where)
    : () => uuid4(fill.random);
  const key = freeKey(table, draw, `${where}, field ${entity.primaryKey}`);
  const layout = entity.stateLayout;
  const values = layout.values;
  values[0] = key;
  const fields = entity.resolved as readonly ResolvedField[];
  for (let i = 0; i < fields.length; i++) values[i + 1] = fillField(fields[i]!, at, fill, NO_BOUND, where);
  values[fields.length + 1] = null;
  return table.create(key as string, layout.build(values), at);
}

function freeKey(table: EntityTable, draw: () => unknown, where: string): unknown {
  for (let i = 0; i < KEY_DRAWS; i++) {
    const key = draw();
    if (table.get(key as string) === undefined) return key;
  }
  throw new DeepFakerError('E_KEY_SPACE', `${where}: ${KEY_DRAWS} draws found no unused key; the key space is too small for this many entities. Use a faker with more values (e.g. 'uuid4' or a longer shortuuid).`);
}
