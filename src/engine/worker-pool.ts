/**
 * Runs partitions in worker threads and merges their streams into the sink. Each worker
 * imports the simulation file itself (flows are code, not data) and runs its share of the
 * partitions; the merge order does not depend on the number of workers.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DeepFakerError } from '../errors.js';
import type { EventSink } from './event-sink.js';
import { mergeSources } from './merge-sources.js';
import type { StopReason } from './partition-run.js';
import { RunCounters } from './run-counters.js';
import type { EntityCounts } from '../state/entity-store.js';
import type { RunSettings } from './simulation-run.js';
import type { MainMessage, WorkerInput, WorkerMessage } from './worker-protocol.js';
import { LineSource } from './line-source.js';
import { bundleSimulation } from './bundle-simulation.js';
import { PACKAGE_ROOT } from '../util/package-root.js';

export interface WorkerRunResult {
  counters: RunCounters[];
  entities: EntityCounts[];
  reasons: StopReason[];
}

interface PoolSettings extends RunSettings {
  readonly start: number;
  readonly sink: EventSink;
  readonly shouldStop: () => boolean;
}

/** A worker thread started before its run, and how it failed meanwhile, if it did. */
interface StartedWorker {
  readonly thread: Worker;
  failure: Error | undefined;
}

interface EarlyWorkers {
  readonly module: string;
  readonly workers: StartedWorker[];
}

/**
 * Where early workers wait for their run: on the global object, because a CommonJS
 * simulation file gets its own copy of this package (see import-typescript.ts), and the
 * copy that runs must find what the CLI's copy started.
 */
const EARLY = Symbol.for('deep-faker.early-workers');
const registry = globalThis as { [EARLY]?: EarlyWorkers };

/**
 * Starts `count` worker threads loading `module` now, so that they load the file while this
 * thread does too; the next run of that module with workers takes them. They do not keep
 * the process alive: a run that never comes (a mistake found first) still exits.
 */
export function startWorkersEarly(module: string, count: number): void {
  const early: EarlyWorkers = { module, workers: Array.from({ length: count }, () => startWorker(module)) };
  for (const worker of early.workers) worker.thread.unref();
  registry[EARLY] = early;
}

function startWorker(module: string): StartedWorker {
  const input: WorkerInput = { module };
  // Under the TypeScript loader (tests, benchmarks) the source's own worker; built, the
  // bundle's entry point (this code is in a shared chunk, not next to it).
  const fromSource = import.meta.url.endsWith('.ts');
  const workerUrl = fromSource ? new URL('./worker-main.ts', import.meta.url) : pathToFileURL(join(PACKAGE_ROOT, 'dist', 'engine', 'worker-main.js'));
  const execArgv = fromSource ? ['--import', 'tsx'] : [];
  // As the CLI's main thread: a large young generation (see bin/deep-faker.js).
  const thread = new Worker(workerUrl, { workerData: input, execArgv, stdout: false, stderr: false, resourceLimits: { maxYoungGenerationSizeMb: 96 } });
  // Bundled while the thread starts up (once per file); the thread waits for it, or for null.
  void bundleSimulation(module).then((bundle) => thread.postMessage({ type: 'load', bundle } satisfies MainMessage));
  const started: StartedWorker = { thread, failure: undefined };
  // A thread that fails while loading says so only here: it stays silent until it is started.
  thread.on('error', (error) => (started.failure ??= error));
  thread.on('exit', (code) => (started.failure ??= new DeepFakerError('E_WORKER', `workers: a worker thread exited with code ${code} before its run.`)));
  return started;
}

/** The early workers for `module` (as many as wanted, extras stopped), or new ones. */
function takeWorkers(module: string, count: number): StartedWorker[] {
  const early = registry[EARLY];
  const taken = early?.module === module ? early.workers : [];
  delete registry[EARLY];
  for (const extra of taken.splice(count)) void extra.thread.terminate();
  while (taken.length < count) taken.push(startWorker(module));
  for (const worker of taken) worker.thread.ref();
  return taken;
}

/** Worker threads a run starts: as many as asked, but no more than its partitions. */
export function workerThreads(workers: number, partitions: number): number {
  return Math.min(workers, partitions);
}

export async function runInWorkers(settings: PoolSettings): Promise<WorkerRunResult> {
  const { partitions, options, module } = settings;
  if (module === undefined) {
    throw new DeepFakerError('E_NO_MODULE', `workers: the worker threads need the simulation file. Run it with deep-faker run, or pass run({ workers, module: import.meta.url }).`);
  }
  const count = workerThreads(settings.workers, partitions.length);
  const result: WorkerRunResult = { counters: [], entities: [], reasons: [] };
  const sources = new Map<number, LineSource>();
  const workers: Worker[] = [];
  let failure: Error | undefined;
  let failed: (error: Error) => void = () => undefined;
  const failedPromise = new Promise<never>((_, reject) => (failed = reject));
  failedPromise.catch(() => undefined);
  const started = takeWorkers(module, count);
  for (let w = 0; w < count; w++) {
    const mine = partitions.filter((_, i) => i % count === w);
    const worker = started[w]!.thread;
    workers.push(worker);
    const early = started[w]!.failure;
    if (early !== undefined) {
      failure ??= early;
      failed(failure);
    }
    worker.postMessage({
      type: 'start',
      partitions: mine,
      overrides: { seed: options.seed, start: settings.start, durationMs: options.durationMs, partitionCount: options.partitions },
    } satisfies MainMessage);
    // A credit gives the read batch's buffer back, for the worker's next batch.
    for (const p of mine) sources.set(p, new LineSource(p, (spare) => worker.postMessage({ type: 'credit', partition: p, spare } satisfies MainMessage, [spare])));
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'batch') sources.get(message.partition)!.receive(message.batch);
      else if (message.type === 'done') {
        result.counters.push(RunCounters.fromJSON(message.counters));
        result.entities.push(message.entities);
        result.reasons.push(message.stoppedBy);
        sources.get(message.partition)!.finish();
      } else {
        failure ??= new DeepFakerError(message.code ?? 'E_WORKER', message.message);
        if (message.code === undefined && message.stack) failure.stack = message.stack;
        failed(failure);
      }
    });
    worker.on('error', (error) => {
      failure ??= error;
      failed(error);
    });
    worker.on('exit', (code) => {
      if (code !== 0 && failure === undefined) {
        failure = new DeepFakerError('E_WORKER', `workers: a worker thread exited with code ${code}.`);
        failed(failure);
      }
    });
  }
  const stopAll = () => workers.forEach((w) => w.postMessage({ type: 'stop' } satisfies MainMessage));
  const poll = setInterval(() => settings.shouldStop() && stopAll(), 50);
  try {
    const ordered = [...partitions].sort((a, b) => a - b).map((p) => sources.get(p)!);
    await Promise.race([mergeSources(ordered, settings.sink, settings.maxEvents), failedPromise]);
    if (failure) throw failure;
  } finally {
    clearInterval(poll);
    stopAll();
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return result;
}
