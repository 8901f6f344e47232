/**
 * The public simulation: options, flows and outputs are declared here; run() executes one
 * SimulationRun and keeps its entity store for queries afterwards.
 */
import { DeepFakerError, describeValue } from '../errors.js';
import type { Output } from '../outputs/output.js';
import type { AnyEntity, EntityState } from '../schema/define-entity.js';
import type { EntityVersion } from '../state/entity-record.js';
import type { EntityStore } from '../state/entity-store.js';
import type { Duration } from '../util/duration.js';
import { SelectFilter, type WhereCondition } from './actions.js';
import { compileConditions } from './compile-conditions.js';
import type { FlowDef, FlowFunction, FlowOptions } from './flow-def.js';
import type { RunSummary } from './run-summary.js';
import { resolveSimulationOptions, resolveStartTime, type ResolvedSimulationOptions, type SimulationOptions } from './simulation-options.js';
import { parseDuration } from '../util/duration.js';
import { SimulationRun, type RunProgress } from './simulation-run.js';
import type { QueryableStateOf } from '../schema/define-entity.js';

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
  /** Where diagnostics go (default: stderr). */
  log?: (line: string) => void;
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
  private lastStore: EntityStore | undefined;

  constructor(options: SimulationOptions) {
    this.options = resolveSimulationOptions(options);
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
    this.flows.push({ name, weight, filter: options.filter, fn });
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

  /** How many outputs were added with addOutput. */
  get outputCount(): number {
    return this.outputs.length;
  }

  /** The flows declared so far, in order. */
  get flowNames(): string[] {
    return this.flows.map((f) => f.name);
  }

  /** Runs the simulation and resolves with its summary. */
  async run(runOptions: RunOptions = {}): Promise<RunSummary> {
    const options: ResolvedSimulationOptions = {
      ...this.options,
      ...(runOptions.seed !== undefined ? { seed: runOptions.seed } : {}),
      ...(runOptions.startTime !== undefined ? { startTime: resolveStartTime(runOptions.startTime) } : {}),
      ...(runOptions.duration !== undefined
        ? { durationMs: runOptions.duration === 'infinite' ? Infinity : parseDuration(runOptions.duration, 'duration') }
        : {}),
    };
    const run = new SimulationRun({
      options,
      flows: this.flows,
      outputs: runOptions.outputs ?? this.outputs,
      maxEvents: runOptions.maxEvents ?? Infinity,
      signal: runOptions.signal,
      onProgress: runOptions.onProgress,
      log: runOptions.log ?? ((line) => process.stderr.write(`${line}\n`)),
    });
    this.lastStore = run.store;
    return run.execute();
  }

  /** Entities of a type whose state matched `where` at instant `at` (default: the end of the last run). */
  query<E extends AnyEntity>(entity: E, options: QueryOptions<E> = {}): EntityState<E>[] {
    const table = this.requireStore('query').find(entity);
    if (!table) return [];
    const conditions = compileConditions(entity, options.where ?? [], `query, entity ${entity.name}`);
    let at: number | undefined;
    if (options.at !== undefined) {
      const resolved = resolveStartTime(options.at);
      at = resolved === 'now' ? undefined : resolved;
      if (at !== undefined && !table.keepHistory) {
        throw new DeepFakerError('E_NO_HISTORY', `query, entity ${entity.name}: history is 'current', so past states are not kept. Set history: 'full' to query at an instant.`);
      }
    }
    return table.query(conditions, at) as EntityState<E>[];
  }

  /** Every version of one entity, oldest first, or undefined when no such entity exists. */
  history<E extends AnyEntity>(entity: E, key: string | number): EntityVersion<EntityState<E>>[] | undefined {
    return this.requireStore('history').find(entity)?.history(key) as EntityVersion<EntityState<E>>[] | undefined;
  }

  private requireStore(what: string): EntityStore {
    if (!this.lastStore) throw new DeepFakerError('E_NOT_RUN', `${what}: the simulation has not run yet. Call await sim.run() first.`);
    return this.lastStore;
  }
}
