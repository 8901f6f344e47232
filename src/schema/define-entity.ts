import { DeepFakerError, ProblemList } from '../errors.js';
import type { EventDef, FieldMap } from './define-event.js';
import type { ValueOf } from './field.js';
import { resolveFields, type ResolvedField } from './field-plan.js';
import { registerEntity } from './registry.js';
import { unknownKeyProblem } from '../util/known-keys.js';
import { historyProblem, type HistoryMode } from '../state/history-mode.js';
import { ROW } from '../state/entity-record.js';
import { RecordLayout } from '../util/record-layout.js';

const ENTITY_OPTION_KEYS: ReadonlySet<string> = new Set(['sourceEvent', 'primaryKey', 'state', 'history']);

export type { HistoryMode } from '../state/history-mode.js';

type KeyCandidates<S> = S extends EventDef<string, infer F> ? keyof F & string : string;

export interface EntityOptions<S extends EventDef | null, PK extends string, ST extends FieldMap> {
  /** The event that creates this entity (with `saveEntity`), or null: created from its state fields. */
  sourceEvent: S;
  /** The key field: a field of the source event, or (without one) a state field or a generated id. */
  primaryKey: PK;
  state: ST;
  /** Overrides the simulation's `history` for this entity type. */
  history?: HistoryMode;
}

/** A declared entity type. */
export interface EntityDef<
  N extends string = string,
  S extends EventDef | null = EventDef | null,
  PK extends string = string,
  ST extends FieldMap = FieldMap,
> {
  readonly type: 'entity';
  readonly name: N;
  readonly sourceEvent: S;
  readonly primaryKey: PK;
  readonly state: ST;
  readonly history: HistoryMode | undefined;
  /** @internal State fields in declaration order (the key field excluded). */
  readonly resolved: readonly ResolvedField[];
  /** @internal Without a source event: the state field that generates the key, if declared. */
  readonly keyField: ResolvedField | undefined;
  /**
   * @internal The layout of its state: the key, the state fields in order (`resolved`), then
   * flow_name; and the ROW slot, the state being the entity's record (see EntityRecord). Made
   * here and read per change: a WeakMap from the type was a hashed lookup each time.
   */
  readonly stateLayout: RecordLayout;
}

export type AnyEntity = EntityDef<string, any, string, any>;

type KeyValue<S, PK extends string, ST> = S extends EventDef<string, infer F>
  ? PK extends keyof F ? ValueOf<F[PK]> : never
  : PK extends keyof ST ? ValueOf<ST[PK]> : string;

/** A snapshot of an entity's state: its key, its state fields and the implicit `flow_name`. */
export type EntityState<E> = E extends EntityDef<string, infer S, infer PK, infer ST>
  ? { readonly [K in PK]: KeyValue<S, PK, ST> } & { readonly [K in Exclude<keyof ST, PK>]: ValueOf<ST[K]> } & {
      /** The flow instance that holds the entity, or null when it is available. */
      readonly flow_name: string | null;
    }
  : never;

/** The state fields of an entity that SetState may change (the key excluded). */
export type MutableStateOf<E> = E extends EntityDef<string, any, infer PK, infer ST> ? Omit<ST, PK> : never;

/** Fields a filter may test: the state fields and the key. */
export type QueryableStateOf<E> = E extends EntityDef<string, infer S, infer PK, infer ST>
  ? { [K in keyof ST]: ST[K] } & (S extends EventDef<string, infer F> ? { [K in PK & keyof F]: F[K] } : {})
  : never;

/**
 * Declares an entity type whose state is versioned over simulated time.
 *
 * @example
 * const User = defineEntity('User', {
 *   sourceEvent: AccountCreated,
 *   primaryKey: 'user_id',
 *   state: {
 *     is_logged_in: StateField.boolean({ default: false }),
 *     email: StateField.string({ fromField: 'email' }),
 *   },
 * });
 */
export function defineEntity<
  const N extends string,
  const S extends EventDef | null,
  const PK extends KeyCandidates<S>,
  const ST extends FieldMap,
>(name: N, options: EntityOptions<S, PK, ST>): EntityDef<N, S, PK, ST> {
  if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new DeepFakerError('E_BAD_DEFINITION', `defineEntity: invalid entity name ${JSON.stringify(name)}. Use letters, digits and _, e.g. 'User'.`);
  }
  const where = `entity ${name}`;
  if (!options || typeof options !== 'object') {
    throw new DeepFakerError('E_BAD_DEFINITION', `${where}: expected options { sourceEvent, primaryKey, state }.`);
  }
  const problems = new ProblemList('E_BAD_DEFINITION');
  const unknown = unknownKeyProblem(options, ENTITY_OPTION_KEYS, where);
  if (unknown !== undefined) problems.add(unknown);
  const { sourceEvent, primaryKey, state = {} as ST } = options;
  const source = sourceEvent as EventDef | null | undefined;
  if (source !== null && (source === undefined || source.type !== 'event')) {
    problems.add(`${where}: sourceEvent must be an event from defineEvent or null, got ${source === undefined ? 'undefined' : typeof source}. Pass the event that creates it, or null.`);
  }
  if (typeof primaryKey !== 'string' || primaryKey === '') {
    problems.add(`${where}: primaryKey must name a field, got ${JSON.stringify(primaryKey)}. E.g. primaryKey: 'user_id'.`);
  }
  const allResolved = resolveFields(name, where, state, problems);
  let keyField: ResolvedField | undefined;
  if (source && source.type === 'event') {
    const sourceFields = source.fields as FieldMap;
    if (!(primaryKey in sourceFields)) {
      problems.add(`${where}: primaryKey "${primaryKey}" is not a field of its source event ${source.name} (fields: ${Object.keys(sourceFields).join(', ')}). Name one of them, or add the field to ${source.name}.`);
    } else if (source.primaryKey !== undefined && source.primaryKey !== primaryKey) {
      problems.add(`${where}: primaryKey "${primaryKey}" differs from ${source.name}'s primaryKey field "${source.primaryKey}". Use the same field.`);
    }
    if (primaryKey in state) {
      problems.add(`${where}, field ${primaryKey}: the key comes from ${source.name}.${primaryKey}; remove it from state.`);
    }
    for (const f of allResolved) {
      const from = f.def.options.fromField;
      if (from === undefined) continue;
      const sourceField = sourceFields[from];
      if (!sourceField) {
        problems.add(`${where}, field ${f.name}: fromField "${from}" is not a field of ${source.name} (fields: ${Object.keys(sourceFields).join(', ')}). Name one of them.`);
      } else if (!compatible(sourceField.kind, f.def.kind)) {
        problems.add(`${where}, field ${f.name}: fromField "${from}" is a ${sourceField.kind} field but ${f.name} is ${f.def.kind}. Make the kinds match.`);
      }
    }
  } else {
    keyField = allResolved.find((f) => f.name === primaryKey);
    for (const f of allResolved) {
      if (f.def.options.fromField !== undefined) {
        problems.add(`${where}, field ${f.name}: fromField needs a sourceEvent, but ${name} has none. Set sourceEvent or remove fromField.`);
      }
    }
    if (keyField && keyField.def.kind !== 'string' && keyField.def.kind !== 'int') {
      problems.add(`${where}, field ${primaryKey}: a key must be a string or int field, got ${keyField.def.kind}.`);
    }
  }
  const historyWrong = options.history === undefined ? undefined : historyProblem(options.history, `${where}, history`);
  if (historyWrong !== undefined) problems.add(historyWrong);
  problems.throwIfAny();
  const resolved = allResolved.filter((f) => f !== keyField);
  const entity: EntityDef<N, S, PK, ST> = {
    type: 'entity',
    name,
    sourceEvent,
    primaryKey,
    state,
    history: options.history,
    resolved,
    keyField,
    stateLayout: new RecordLayout([primaryKey, ...resolved.map((f) => f.name), 'flow_name'], [ROW]),
  };
  registerEntity(entity);
  return entity;
}

function compatible(from: string, to: string): boolean {
  return from === to || (from === 'enum' && to === 'string') || (from === 'int' && to === 'float');
}
