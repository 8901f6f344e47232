import { DeepFakerError, ProblemList, describeValue } from '../errors.js';
import type { AnyEntity, HistoryMode } from '../schema/define-entity.js';
import type { EventDef } from '../schema/define-event.js';
import { parseDuration, type Duration } from '../util/duration.js';
import { MAX_PARTITIONS } from './partition.js';
import { unknownKeyProblem } from '../util/known-keys.js';
import { resolveLocaleCode } from '../fakers/create-faker.js';
import { historyProblem } from '../state/history-mode.js';

const SIMULATION_OPTION_KEYS: ReadonlySet<string> = new Set([
  'duration', 'startTime', 'timeStep', 'nFlows', 'randomSeed', 'initialEntities', 'emitInitialEntities', 'strict',
  'drain', 'locale', 'history', 'batchSize', 'events', 'partitions', 'realtime', 'speed',
]);

export interface SimulationOptions {
  /** The length of the simulated window: '2m', '24h', milliseconds, or 'infinite'. */
  duration: Duration | 'infinite';
  /** The window's start: 'now' (the wall clock at run time), an ISO-8601 string, a Date or epoch ms. */
  startTime?: 'now' | string | Date | number;
  /** Flow initiations happen every timeStep (default '1s'). */
  timeStep?: Duration;
  /** Flow instances initiated per timeStep (default 1); fractions start one with that probability. */
  nFlows?: number;
  /** The one seed of every random choice and fake value (default 0). */
  randomSeed?: number | string;
  /** Entities that exist at the start: [[User, 100], [Product, 20]]. */
  initialEntities?: ReadonlyArray<readonly [AnyEntity, number]> | ReadonlyMap<AnyEntity, number>;
  /** Emit the source event of each initial entity at the start, with sys__sid 'initial_setup' (default true). */
  emitInitialEntities?: boolean;
  /** A required field that nothing fills is an error instead of auto-filled (default false). */
  strict?: boolean;
  /** Let flows still running at the window's end finish (default false: they are cut). */
  drain?: boolean;
  /** faker-js locale, e.g. 'en', 'de', 'fr' (default 'en'). */
  locale?: string;
  /**
   * Keep every state version ('full', default), only the current state ('current'), or the
   * versions of the last part of the run (`{ keep: '2h' }`: `query` at any instant of it).
   */
  history?: HistoryMode;
  /** Events per batch handed to outputs (default 1000). */
  batchSize?: number;
  /** The event types outputs prepare for (tables, topics); default: every event declared. */
  events?: readonly EventDef[];
  /**
   * Independent populations (default 1), each with a seed derived from (seed, partition), its
   * share of the initial entities and of nFlows. The output depends on (seed, partitions)
   * only, so partitions can run in worker threads or on other machines (shards).
   */
  partitions?: number;
  /** Live mode: release each event when the wall clock reaches its time (default false). */
  realtime?: boolean;
  /** Live mode speed: simulated seconds per wall-clock second (default 1). */
  speed?: number;
}

export interface ResolvedSimulationOptions {
  readonly durationMs: number;
  readonly startTime: 'now' | number;
  readonly timeStepMs: number;
  readonly nFlows: number;
  readonly seed: number | string;
  readonly initialEntities: ReadonlyArray<readonly [AnyEntity, number]>;
  readonly emitInitialEntities: boolean;
  readonly strict: boolean;
  readonly drain: boolean;
  readonly locale: string;
  readonly history: HistoryMode;
  readonly batchSize: number;
  readonly events: readonly EventDef[] | undefined;
  readonly partitions: number;
  readonly realtime: boolean;
  readonly speed: number;
}

/** Checks every option at construction, reporting all problems at once. */
export function resolveSimulationOptions(options: SimulationOptions): ResolvedSimulationOptions {
  if (!options || typeof options !== 'object') {
    throw new DeepFakerError('E_BAD_OPTIONS', `Simulation: expected options such as { duration: '2m', nFlows: 3 }, got ${describeValue(options)}.`);
  }
  const problems = new ProblemList('E_BAD_OPTIONS');
  const unknown = unknownKeyProblem(options, SIMULATION_OPTION_KEYS, 'Simulation');
  if (unknown !== undefined) problems.add(unknown);
  const attempt = <T>(fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch (error) {
      problems.add((error as Error).message);
      return fallback;
    }
  };
  const durationMs = options.duration === 'infinite' ? Infinity : attempt(() => parseDuration(options.duration, 'Simulation duration'), 0);
  const timeStepMs = attempt(() => parseDuration(options.timeStep ?? '1s', 'Simulation timeStep'), 1000);
  if (timeStepMs <= 0) problems.add(`Simulation timeStep: must be longer than 0, got ${describeValue(options.timeStep)}. Use e.g. '1s'.`);
  const nFlows = options.nFlows ?? 1;
  if (typeof nFlows !== 'number' || !Number.isFinite(nFlows) || nFlows < 0) {
    problems.add(`Simulation nFlows: must be a number ≥ 0 (flows started per timeStep), got ${describeValue(nFlows)}.`);
  }
  const startTime = attempt(() => resolveStartTime(options.startTime ?? 'now'), 0);
  const seed = options.randomSeed ?? 0;
  if (typeof seed !== 'number' && typeof seed !== 'string') problems.add(`Simulation randomSeed: must be a number or a string, got ${describeValue(seed)}.`);
  const initial = options.initialEntities instanceof Map ? [...options.initialEntities.entries()] : (options.initialEntities ?? []);
  if (!Array.isArray(initial)) problems.add(`Simulation initialEntities: expected [[Entity, count], ...], got ${describeValue(initial)}.`);
  else {
    for (const pair of initial as unknown[]) {
      const [entity, count] = Array.isArray(pair) ? pair : [];
      if ((entity as AnyEntity | undefined)?.type !== 'entity') problems.add(`Simulation initialEntities: expected [Entity, count] pairs with entities from defineEntity, got ${describeValue(pair)}.`);
      else if (!Number.isSafeInteger(count) || (count as number) < 0) problems.add(`Simulation initialEntities, entity ${(entity as AnyEntity).name}: count must be a whole number ≥ 0, got ${describeValue(count)}.`);
    }
  }
  const history = options.history ?? 'full';
  const historyWrong = historyProblem(history, 'Simulation history');
  if (historyWrong !== undefined) problems.add(historyWrong);
  const batchSize = options.batchSize ?? 1000;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) problems.add(`Simulation batchSize: must be a whole number ≥ 1, got ${describeValue(batchSize)}.`);
  const partitions = attempt(() => checkPartitions(options.partitions ?? 1, 'Simulation partitions'), 1);
  const locale = options.locale ?? 'en';
  attempt(() => resolveLocaleCode(locale), 'en');
  const speed = options.speed ?? 1;
  if (typeof speed !== 'number' || !(speed > 0) || !Number.isFinite(speed)) problems.add(`Simulation speed: must be a number > 0, got ${describeValue(speed)}.`);
  if (options.duration === 'infinite' && !options.realtime) problems.add(`Simulation duration: 'infinite' needs realtime: true, or the run never ends. Give a duration such as '1h'.`);
  problems.throwIfAny();
  return {
    durationMs, startTime, timeStepMs, nFlows, seed,
    initialEntities: initial as ReadonlyArray<readonly [AnyEntity, number]>,
    emitInitialEntities: options.emitInitialEntities ?? true,
    strict: options.strict ?? false,
    drain: options.drain ?? false,
    locale,
    history,
    batchSize,
    events: options.events,
    partitions,
    realtime: options.realtime ?? false,
    speed,
  };
}

/** 'now' stays symbolic until the run starts; anything else becomes epoch ms. */
export function resolveStartTime(value: 'now' | string | Date | number): 'now' | number {
  if (value === 'now') return 'now';
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) {
    throw new DeepFakerError('E_BAD_OPTIONS', `Simulation startTime: invalid time ${describeValue(value)}. Use 'now', an ISO-8601 string such as '2025-01-01T00:00:00Z', a Date or epoch milliseconds.`);
  }
  return ms;
}

/** Partitions are whole numbers from 1 to MAX_PARTITIONS. */
function checkPartitions(value: unknown, where: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 1 || (value as number) > MAX_PARTITIONS) {
    throw new DeepFakerError('E_BAD_OPTIONS', `${where}: must be a whole number from 1 to ${MAX_PARTITIONS}, got ${describeValue(value)}.`);
  }
  return value as number;
}
