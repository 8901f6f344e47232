export { defineEvent, eventJsonSchema, eventSchema } from './schema/define-event.js';
export type { EventDef, EventValues, EventInput, EmittedEvent, FieldMap } from './schema/define-event.js';
export { defineEntity } from './schema/define-entity.js';
export type { EntityDef, EntityState, EntityOptions, HistoryMode, AnyEntity } from './schema/define-entity.js';
export { Field, StateField } from './schema/field.js';
export type { FieldDef, FieldOptions, StateFieldOptions, FieldKind, IsoDateTime } from './schema/field.js';

export { Simulation } from './engine/simulation.js';
export type { RunOptions, QueryOptions } from './engine/simulation.js';
export type { SimulationOptions } from './engine/simulation-options.js';
export type { FlowOptions, FlowFunction } from './engine/flow-def.js';
export { NewEvent, AddDecay, Select, SetState } from './engine/actions.js';
export type { FlowAction, NewEventOptions, DecayOptions, SelectOptions, WhereCondition, StateOp } from './engine/actions.js';
export { FlowContext } from './engine/flow-context.js';
export { RunError } from './engine/simulation-run.js';
export { loadSimulationFile } from './engine/load-simulation-file.js';
export type { LoadedSimulation } from './engine/load-simulation-file.js';
export type { RunProgress } from './engine/simulation-run.js';
export { formatSummary } from './engine/run-summary.js';
export type { RunSummary, FlowCounts } from './engine/run-summary.js';
export type { EntityVersion } from './state/entity-record.js';

export type { Output, OutputStats, EventBatch, EventRecord, EventInfo, FieldInfo, OutputOpenContext } from './outputs/output.js';
export { createEventBatch } from './outputs/event-batch.js';
export { StdOutOutput } from './outputs/stdout-output.js';
export { FileOutput } from './outputs/file-output.js';
export type { FileOutputOptions } from './outputs/file-output.js';
export { KafkaOutput } from './outputs/kafka-output.js';
export type { KafkaOutputOptions } from './outputs/kafka/kafka-options.js';
export { MySQLOutput } from './outputs/mysql-output.js';
export type { MySQLOutputOptions } from './outputs/mysql-output.js';
export { PostgresOutput } from './outputs/postgres-output.js';
export type { PostgresOutputOptions } from './outputs/postgres-output.js';

export { DeepFakerError } from './errors.js';
export { parseDuration } from './util/duration.js';
export type { Duration } from './util/duration.js';
export type { FakerFunction } from './fakers/index.js';
