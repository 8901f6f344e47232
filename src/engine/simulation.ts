/**
 * The public simulation: options, flows and outputs are declared here; run() executes one
 * SimulationRun and keeps its entity store for queries afterwards.
 */
import { DeepFakerError, describeValue } from '../errors.js';
import type { Output } from '../outputs/output.js';
import type { AnyEntity, EntityState } from '../schema/define-entity.js';
import type { EntityVersion } from '../state/entity-record.js';
import type { EntityCounts, EntityStore } from '../state/entity-store.js';
import { formatDuration, type Duration } from '../util/duration.js';
import type { EntityTable } from '../state/entity-table.js';
import { SelectFilter, type WhereCondition } from './actions.js';
import { compileConditions } from './compile-conditions.js';
import type { FlowDef, FlowFunction, FlowOptions } from './flow-def.js';
import type { RunSummary } from './run-summary.js';
import { resolveSimulationOptions, resolveStartTime, type ResolvedSimulationOptions, type SimulationOptions } from './simulation-options.js';
import { SimulationRun, type RunProgress } from './simulation-run.js';
import { cliRunHook } from './cli-run-hook.js';
import { checkKnownKeys } from '../util/known-keys.js';
import type { QueryableStateOf } from '../schema/define-entity.js';
import type { EventConsumer } from './event-consumer.js';
import { PartitionRun, type StopReason } from './partition-run.js';
import type { PartitionOverrides } from './worker-protocol.js';
import type { SerializedCounters } from './run-counters.js';

export interface RunOptions {
  /** Overrides randomSeed. */
  seed?: number | string;
  /** Overrides startTime. */
  startTime?: 'now' | string | Date | number;
  /** Overrides duration. */
  duration?: Duration | 'infinite';
  /** Stops after this many events. */
  maxEvents?: number;
  /** Replaces the outputs added with addOutput. */
  outputs?: readonly Output[];
  /** Stops generation when aborted; everything generated is still delivered. */
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
  /** Overrides the simulation's partitions. */
  partitions?: number;
  /** Runs the partitions in this many worker threads (needs `module`; the CLI sets it). */
  workers?: number;
  /** Runs only the K-th (1-based) of N disjoint subsets of the partitions. */
  shard?: { index: number; count: number };
  /** The simulation file's URL or path (import.meta.url), for worker threads. */
  module?: string;
  /** Live mode: release each event when the wall clock reaches its time. */
  realtime?: boolean;
  /** Live mode speed: simulated seconds per wall-clock second (default 1). */
  speed?: number;
  /** Where diagnostics go (default: stderr). */
  log?: (line: string) => void;
}

function checkEntity(entity: unknown, what: string): void {
  if ((entity as AnyEntity | null)?.type !== 'entity') {
    throw new DeepFakerError('E_BAD_OPTIONS', `${what}: expected an entity from defineEntity, got ${describeValue(entity)}. E.g. sim.${what}(User${what === 'query' ? ", { where: [['is_active', 'is', true]] }" : ", userId"}).`);
  }
}

const FLOW_OPTION_KEYS: ReadonlySet<string> = new Set(['name', 'initiationWeight', 'filter']);
const QUERY_OPTION_KEYS: ReadonlySet<string> = new Set(['where', 'at']);
const RUN_OPTION_KEYS: ReadonlySet<string> = new Set([
  'seed', 'startTime', 'duration', 'maxEvents', 'outputs', 'signal', 'onProgress', 'partitions', 'workers', 'shard',
  'module', 'realtime', 'speed', 'log',
]);

/** run()'s options that the run would otherwise trip over deep inside (plain JavaScript callers). */
function checkRunOptions(options: RunOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new DeepFakerError('E_BAD_OPTIONS', `run: expected options such as { seed: 1, maxEvents: 1000 }, got ${describeValue(options)}.`);
  }
  checkKnownKeys(options, RUN_OPTION_KEYS, 'run');
  const { maxEvents, outputs } = options;
  if (maxEvents !== undefined && !(Number.isSafeInteger(maxEvents) && maxEvents >= 1)) {
    throw new DeepFakerError('E_BAD_OPTIONS', `run, maxEvents: must be a whole number ≥ 1, got ${describeValue(maxEvents)}.`);
  }
  const { shard } = options;
  if (shard !== undefined && (typeof shard !== 'object' || shard === null || !Number.isSafeInteger(shard.index) || !Number.isSafeInteger(shard.count))) {
    throw new DeepFakerError('E_BAD_OPTIONS', `run, shard: expected { index: K, count: N } (shard K of N, K from 1), got ${describeValue(shard)}.`);
  }
  if (outputs !== undefined && (!Array.isArray(outputs) || !outputs.every((o) => typeof o?.write === 'function' && typeof o?.open === 'function'))) {
    throw new DeepFakerError('E_BAD_OPTIONS', `run, outputs: expected a list of outputs such as [new FileOutput('events.jsonl')], got ${describeValue(outputs)}.`);
  }
}

/** The partitions of shard K of N (K from 1): every N-th partition, starting at K - 1. */
function shardPartitions(partitionCount: number, shard: { index: number; count: number } | undefined): number[] {
  const all = Array.from({ length: partitionCount }, (_, i) => i);
  if (shard === undefined) return all;
  const { index, count } = shard;
  if (!Number.isSafeInteger(count) || count < 1 || !Number.isSafeInteger(index) || index < 1 || index > count) {
    throw new DeepFakerError('E_BAD_OPTIONS', `shard: expected K/N with 1 ≤ K ≤ N, got ${index}/${count}. E.g. --shard 2/4.`);
  }
  if (count > partitionCount) {
    throw new DeepFakerError('E_BAD_OPTIONS', `shard ${index}/${count}: the simulation has ${partitionCount} partition(s), fewer than ${count} shards. Set partitions ≥ ${count} (e.g. --partitions ${count}).`);
  }
  return all.filter((p) => p % count === index - 1);
}

export interface QueryOptions<E extends AnyEntity> {
  where?: readonly WhereCondition<QueryableStateOf<E>>[];
  /** The instant to answer for (default: the end of the run). */
  at?: string | Date | number;
}

/**
 * A simulation: a window of simulated time, flows that start in it, and outputs.
 *
 * @example
 * const sim = new Simulation({ duration: '2m', nFlows: 3, randomSeed: 42, initialEntities: [[User, 10]] });
 * sim.flow({ initiationWeight: 3 }, function* new_user_registration(ctx) {
 *   yield NewEvent(ctx, AccountCreated, { saveEntity: User });
 * });
 * sim.addOutput(new StdOutOutput());
 * export default sim;
 */
export class Simulation {
  readonly options: ResolvedSimulationOptions;
  private readonly flows: FlowDef[] = [];
  private readonly outputs: Output[] = [];
  private lastStores: EntityStore[] | undefined;

  constructor(private readonly declared: SimulationOptions) {
    this.options = resolveSimulationOptions(declared);
  }

  /**
   * Declares a flow. The generator function's name is the flow's name.
   *
   * @example sim.flow({ initiationWeight: 5, filter: Select(User, { where: [['is_logged_in', 'is', true]] }) }, function* shop(ctx) { ... });
   */
  flow(options: FlowOptions, fn: FlowFunction): this;
  flow(fn: FlowFunction): this;
  flow(a: FlowOptions | FlowFunction, b?: FlowFunction): this {
    const options: FlowOptions = typeof a === 'function' ? {} : (a ?? {});
    const fn = typeof a === 'function' ? a : b;
    const name = options.name ?? (typeof fn === 'function' ? fn.name : '');
    const where = `flow "${name || '?'}"`;
    if (typeof options !== 'object') {
      throw new DeepFakerError('E_BAD_FLOW', `${where}: expected flow options such as { initiationWeight: 2 }, got ${describeValue(options)}.`);
    }
    checkKnownKeys(options, FLOW_OPTION_KEYS, where, 'E_BAD_FLOW');
    if (typeof fn !== 'function' || fn.constructor?.name !== 'GeneratorFunction') {
      throw new DeepFakerError('E_BAD_FLOW', `${where}: expected a generator function, got ${describeValue(fn)}. Declare it as function* my_flow(ctx) { yield NewEvent(ctx, ...); }.`);
    }
    if (!name) throw new DeepFakerError('E_BAD_FLOW', `sim.flow: the flow has no name. Name the generator (function* checkout(ctx) {...}) or pass { name: 'checkout' }.`);
    if (this.flows.some((f) => f.name === name)) throw new DeepFakerError('E_BAD_FLOW', `${where}: a flow with this name exists already. Give each flow its own name.`);
    const weight = options.initiationWeight ?? 1;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) {
      throw new DeepFakerError('E_BAD_FLOW', `${where}: initiationWeight must be a number > 0, got ${describeValue(weight)}.`);
    }
    if (options.filter !== undefined && !(options.filter instanceof SelectFilter)) {
      throw new DeepFakerError('E_BAD_FLOW', `${where}: filter must be Select(Entity, { where }), got ${describeValue(options.filter)}.`);
    }
    this.flows.push({ name, weight, filter: options.filter, fn, index: this.flows.length, idPrefix: `${name}:` });
    return this;
  }

  /** Adds an output; every output receives every event, in time order. */
  addOutput(output: Output): this {
    if (!output || typeof output.write !== 'function' || typeof output.open !== 'function') {
      throw new DeepFakerError('E_BAD_OUTPUT', `addOutput: expected an Output (e.g. new FileOutput('events.jsonl')), got ${describeValue(output)}.`);
    }
    this.outputs.push(output);
    return this;
  }

  /** The outputs added with addOutput. */
  get declaredOutputs(): readonly Output[] {
    return this.outputs;
  }

  /** The flows declared so far, in order. */
  get flowNames(): string[] {
    return this.flows.map((f) => f.name);
  }

  /** Runs the simulation and resolves with its summary. */
  async run(runOptions: RunOptions = {}): Promise<RunSummary> {
    const hook = cliRunHook();
    if (hook) return hook(this, runOptions);
    checkRunOptions(runOptions);
    // The overrides go through the same checks as the constructor's options, in one place.
    const { seed, startTime, duration, partitions, realtime, speed } = runOptions;
    const options = resolveSimulationOptions({
      ...this.declared,
      ...(seed !== undefined ? { randomSeed: seed } : {}),
      ...(startTime !== undefined ? { startTime } : {}),
      ...(duration !== undefined ? { duration } : {}),
      ...(partitions !== undefined ? { partitions } : {}),
      ...(realtime !== undefined ? { realtime } : {}),
      ...(speed !== undefined ? { speed } : {}),
    });
    const workers = runOptions.workers ?? 0;
    if (!Number.isSafeInteger(workers) || workers < 0) {
      throw new DeepFakerError('E_BAD_OPTIONS', `workers: must be a whole number ≥ 0, got ${describeValue(workers)}.`);
    }
    const run = new SimulationRun({
      options,
      flows: this.flows,
      outputs: runOptions.outputs ?? this.outputs,
      maxEvents: runOptions.maxEvents ?? Infinity,
      signal: runOptions.signal,
      onProgress: runOptions.onProgress,
      log: runOptions.log ?? ((line) => process.stderr.write(`${line}\n`)),
      partitions: shardPartitions(options.partitions, runOptions.shard),
      workers: workers > 1 || (workers === 1 && options.partitions > 1) ? workers : 0,
      module: runOptions.module,
      realtime: options.realtime ? { speed: options.speed } : undefined,
    });
    this.lastStores = run.stores;
    return run.execute();
  }

  /** Entities of a type whose state matched `where` at instant `at` (default: the end of the last run). */
  query<E extends AnyEntity>(entity: E, options: QueryOptions<E> = {}): EntityState<E>[] {
    checkEntity(entity, 'query');
    // The guide's time= is `at` here: an option nobody reads would answer for the wrong instant.
    checkKnownKeys(options, QUERY_OPTION_KEYS, `query, entity ${entity.name}`);
    const tables = this.requireStores('query').map((store) => store.find(entity)).filter((t) => t !== undefined);
    const conditions = compileConditions(entity, options.where ?? [], `query, entity ${entity.name}`);
    let at: number | undefined;
    if (options.at !== undefined) {
      const resolved = resolveStartTime(options.at);
      at = resolved === 'now' ? undefined : resolved;
      if (at !== undefined) checkInstantKept(entity, tables, at);
    }
    return tables.flatMap((table) => table.query(conditions, at)) as EntityState<E>[];
  }

  /**
   * Every version of one entity, oldest first, or undefined when no such entity exists. With
   * history { keep }, the versions current at some instant of the last `keep` of the run.
   */
  history<E extends AnyEntity>(entity: E, key: string | number): EntityVersion<EntityState<E>>[] | undefined {
    checkEntity(entity, 'history');
    for (const store of this.requireStores('history')) {
      const versions = store.find(entity)?.history(key);
      if (versions) return versions as EntityVersion<EntityState<E>>[];
    }
    return undefined;
  }

  /**
   * @internal Runs partitions in this thread for a worker: the simulation's own engine, so
   * the actions its flows yield are the classes it checks for.
   */
  async runPartitionsHere(args: {
    overrides: PartitionOverrides;
    partitions: readonly number[];
    consumerFor: (partition: number, batchSize: number) => EventConsumer;
    shouldStop: () => boolean;
    onDone: (done: { partition: number; stoppedBy: StopReason; counters: SerializedCounters; entities: EntityCounts }) => void;
  }): Promise<void> {
    const { overrides } = args;
    const options: ResolvedSimulationOptions = { ...this.options, seed: overrides.seed, startTime: overrides.start, durationMs: overrides.durationMs, partitions: overrides.partitionCount };
    await Promise.all(args.partitions.map(async (index) => {
      const run = new PartitionRun({
        options, flows: this.flows, partition: { index, count: overrides.partitionCount }, start: overrides.start,
        consumer: args.consumerFor(index, options.batchSize), maxEvents: Infinity, shouldStop: args.shouldStop,
      });
      await run.execute();
      args.onDone({ partition: index, stoppedBy: run.stoppedBy, entities: run.store.counts(), counters: run.counters.toJSON() });
    }));
  }

  private requireStores(what: string): EntityStore[] {
    if (!this.lastStores) throw new DeepFakerError('E_NOT_RUN', `${what}: the simulation has not run yet. Call await sim.run() first.`);
    if (this.lastStores.length === 0) throw new DeepFakerError('E_NO_STATE', `${what}: the last run's entities lived in worker threads. Run without workers to query them.`);
    return this.lastStores;
  }
}

/** Refuses a query at an instant whose states a table no longer knows (history 'current', or before a bounded history's window). */
function checkInstantKept(entity: AnyEntity, tables: readonly EntityTable[], at: number): void {
  for (const table of tables) {
    const earliest = table.earliestInstant();
    if (earliest === undefined) {
      throw new DeepFakerError('E_NO_HISTORY', `query, entity ${entity.name}: history is 'current', so past states are not kept. Set history: 'full' (or { keep: '2h' }) to query at an instant.`);
    }
    if (at < earliest) {
      throw new DeepFakerError('E_NO_HISTORY', `query, entity ${entity.name}: history keeps the last ${formatDuration(table.keptMs!)} of the run, from ${new Date(earliest).toISOString()} on; ${new Date(at).toISOString()} is before that. Ask for a later instant, or keep more (history: { keep } or 'full').`);
    }
  }
}
