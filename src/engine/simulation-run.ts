/**
 * One run of a simulation: opens the outputs, runs the partitions (in this thread or in
 * worker threads), merges their streams in time order, and closes everything, even on failure.
 */
import { DeepFakerError, isDeepFakerError } from '../errors.js';
import type { Output } from '../outputs/output.js';
import { declaredEntities } from '../schema/registry.js';
import { addEntityCounts, type EntityCounts, type EntityStore } from '../state/entity-store.js';
import { monotonicMs, wallClockMs } from '../util/wall-clock.js';
import { describeEvents } from './describe-events.js';
import { checkEventNames, eventsOfRun } from './event-names.js';
import { EventSink } from './event-sink.js';
import type { FlowDef } from './flow-def.js';
import { mergeSources } from './merge-sources.js';
import { Pacer } from './pacer.js';
import { PartitionChannel } from './partition-channel.js';
import { PartitionRun, type StopReason } from './partition-run.js';
import { RunCounters } from './run-counters.js';
import type { RunSummary } from './run-summary.js';
import type { ResolvedSimulationOptions } from './simulation-options.js';
import { runInWorkers, workerThreads } from './worker-pool.js';
import { holdRunGcSettings } from './run-gc-settings.js';

export interface RunProgress {
  readonly simulatedMs: number;
  readonly windowMs: number;
  readonly events: number;
  readonly wallMs: number;
}

/** Full batches a partition may have unread by the merger before it waits. */
const CHANNEL_BATCHES = 4;

export interface RunSettings {
  readonly options: ResolvedSimulationOptions;
  readonly flows: readonly FlowDef[];
  readonly outputs: readonly Output[];
  readonly maxEvents: number;
  readonly signal: AbortSignal | undefined;
  readonly onProgress: ((progress: RunProgress) => void) | undefined;
  readonly log: (line: string) => void;
  /** The partitions this run generates (all of them, or one shard's). */
  readonly partitions: readonly number[];
  /** Worker threads (0: this thread). */
  readonly workers: number;
  /** The simulation file, which worker threads import to get the flows. */
  readonly module: string | undefined;
  /** Live mode: release events at wall-clock time, `speed` times faster. */
  readonly realtime: { speed: number } | undefined;
}

/** A run that failed after it started: the summary says what was delivered. */
export class RunError extends DeepFakerError {
  constructor(
    cause: DeepFakerError,
    readonly summary: RunSummary,
    /** true when an output failed (its delivery counts matter), false for a mistake in the simulation. */
    readonly outputFailed: boolean,
  ) {
    super(cause.code, cause.message);
  }
}

export class SimulationRun {
  /** The entity stores of the partitions run in this thread. */
  readonly stores: EntityStore[] = [];
  /** Counts of the partitions run in this thread, and of those run in worker threads. */
  private readonly partitionCounters: RunCounters[] = [];
  private readonly workerCounters: RunCounters[] = [];
  private readonly workerEntities: EntityCounts[] = [];
  private readonly start: number;
  private readonly end: number;
  private stoppedBy: RunSummary['stoppedBy'] = 'end';
  private readonly outputAbort = new AbortController();
  private readonly sink: EventSink;
  private began = 0;

  constructor(private readonly settings: RunSettings) {
    const { options } = settings;
    this.start = options.startTime === 'now' ? wallClockMs() : options.startTime;
    this.end = this.start + options.durationMs;
    this.sink = new EventSink(settings.outputs, {
      batchSize: options.batchSize,
      ...(settings.realtime ? { pacer: new Pacer(settings.realtime.speed) } : {}),
      ...(settings.signal ? { signal: settings.signal } : {}),
      ...(settings.onProgress ? { onBatch: (events, lastTs) => settings.onProgress!(this.progress(events, lastTs)) } : {}),
    });
  }

  async execute(): Promise<RunSummary> {
    this.began = monotonicMs();
    await this.openOutputs();
    let failure: unknown;
    const { workers, partitions } = this.settings;
    const releaseGcSettings = holdRunGcSettings(workerThreads(workers, partitions.length));
    try {
      const reasons = await this.generate();
      this.stoppedBy = reasons.includes('maxEvents') || this.sink.delivered >= this.settings.maxEvents ? 'maxEvents' : reasons.includes('signal') ? 'signal' : 'end';
    } catch (error) {
      failure = error;
      this.stoppedBy = 'error';
    } finally {
      releaseGcSettings();
    }
    if (this.sink.failure) this.outputAbort.abort();
    await this.sink.drain().catch(() => undefined);
    await Promise.all(this.settings.outputs.map((o) => o.close().catch(() => undefined)));
    const summary = this.summary(monotonicMs() - this.began);
    const error = failure ?? this.sink.failure;
    if (error !== undefined) {
      if (isDeepFakerError(error)) throw new RunError(error, summary, error === this.sink.failure);
      throw error;
    }
    return summary;
  }

  private async generate(): Promise<StopReason[]> {
    const { partitions, workers, options } = this.settings;
    const shouldStop = () => this.settings.signal?.aborted === true || this.sink.failure !== undefined;
    if (workers > 0) {
      const result = await runInWorkers({ ...this.settings, start: this.start, sink: this.sink, shouldStop });
      this.workerCounters.push(...result.counters);
      this.workerEntities.push(...result.entities);
      return result.reasons;
    }
    if (partitions.length === 1) {
      const run = this.partitionRun(partitions[0]!, this.sink, this.settings.maxEvents, shouldStop);
      await run.execute();
      return [run.stoppedBy];
    }
    let merging = true;
    let failed = false;
    const channels = partitions.map((p) => new PartitionChannel(p, options.batchSize, CHANNEL_BATCHES, () => this.sink.failure));
    // One partition's mistake stops the others: the run fails whatever they would add.
    const runs = partitions.map((p, i) => this.partitionRun(p, channels[i]!, Infinity, () => shouldStop() || !merging || failed));
    const finished = runs.map((run, i) => run.execute()
      .catch((error: unknown) => {
        failed = true;
        throw error;
      })
      .finally(() => channels[i]!.finish()));
    try {
      await mergeSources(channels, this.sink, this.settings.maxEvents);
    } finally {
      merging = false;
      for (const channel of channels) channel.abort();
    }
    const results = await Promise.allSettled(finished);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (rejected) throw rejected.reason;
    return runs.map((r) => r.stoppedBy);
  }

  private partitionRun(index: number, consumer: PartitionChannel | EventSink, maxEvents: number, shouldStop: () => boolean): PartitionRun {
    const { options, flows } = this.settings;
    const run = new PartitionRun({
      options, flows: flows as FlowDef[], partition: { index, count: options.partitions },
      start: this.start, consumer, maxEvents, shouldStop,
    });
    this.stores.push(run.store);
    this.partitionCounters.push(run.counters);
    return run;
  }

  private async openOutputs(): Promise<void> {
    const { options, outputs, log } = this.settings;
    const entities = [...new Set([...options.initialEntities.map(([e]) => e), ...declaredEntities()])];
    if (options.events !== undefined) checkEventNames(options.events);
    const events = describeEvents(eventsOfRun(options.events), entities);
    const context = { events, log, signal: this.outputAbort.signal };
    const opened: Output[] = [];
    try {
      for (const output of outputs) {
        await output.open(context);
        opened.push(output);
      }
    } catch (error) {
      this.outputAbort.abort();
      await Promise.all(opened.map((o) => o.close().catch(() => undefined)));
      throw error;
    }
  }

  private progress(events: number, lastTs: number): RunProgress {
    return { simulatedMs: lastTs - this.start, windowMs: this.end - this.start, events, wallMs: monotonicMs() - this.began };
  }

  private summary(wallMs: number): RunSummary {
    const c = new RunCounters();
    for (const counters of [...this.partitionCounters, ...this.workerCounters]) c.add(counters);
    const entities: EntityCounts = {};
    for (const counts of [...this.stores.map((store) => store.counts()), ...this.workerEntities]) addEntityCounts(entities, counts);
    const outputs: RunSummary['outputs'] = {};
    for (const output of this.settings.outputs) outputs[output.name] = output.stats();
    const events = this.sink.delivered;
    return {
      seed: this.settings.options.seed,
      start: new Date(this.start).toISOString(),
      end: Number.isFinite(this.end) ? new Date(this.end).toISOString() : null,
      stoppedBy: this.stoppedBy,
      events,
      eventsByType: Object.fromEntries(this.sink.eventsByType),
      flows: Object.fromEntries(this.settings.flows.map((f) => [f.name, c.flow(f.name)])),
      autoFilled: Object.fromEntries(c.autoFilled),
      idleInitiations: c.idleInitiations,
      entities,
      outputs,
      wallMs,
      eventsPerSecond: wallMs > 0 ? (events * 1000) / wallMs : 0,
    };
  }
}
