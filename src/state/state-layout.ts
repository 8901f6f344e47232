import type { AnyEntity } from '../schema/define-entity.js';
import type { ResolvedField } from '../schema/field-plan.js';
import { RecordLayout } from '../util/record-layout.js';
import { ROW } from './entity-record.js';

const layouts = new WeakMap<AnyEntity, RecordLayout>();

/**
 * The layout of an entity type's state: its key, its state fields in order, then flow_name;
 * and the ROW slot, the state being the entity's record (see EntityRecord).
 */
export function stateLayoutOf(entity: AnyEntity): RecordLayout {
  let layout = layouts.get(entity);
  if (layout === undefined) {
    const fields = entity.resolved as readonly ResolvedField[];
    layout = new RecordLayout([entity.primaryKey, ...fields.map((f) => f.name), 'flow_name'], [ROW]);
    layouts.set(entity, layout);
  }
  return layout;
}
