/**
 * One run of a simulation: the main loop. It pops the earliest item of the queue (a step's
 * tick, a flow initiation or a flow resumption), runs it, and hands events to the sink.
 */
import { DeepFakerError, isDeepFakerError } from '../errors.js';
import { createFaker } from '../fakers/index.js';
import type { EventRecord, Output } from '../outputs/output.js';
import { declaredEntities, declaredEvents } from '../schema/registry.js';
import { EntityStore } from '../state/entity-store.js';
import { SeededRandom } from '../util/seeded-random.js';
import { monotonicMs, wallClockMs } from '../util/wall-clock.js';
import { createInitialEntities } from './create-initial-entities.js';
import { describeEvents } from './describe-events.js';
import { EventQueue, type QueueItem } from './event-queue.js';
import { EventSink } from './event-sink.js';
import type { FillContext } from './event-factory.js';
import type { FlowDef } from './flow-def.js';
import { FlowRunner, type ResumeItem } from './flow-runner.js';
import { RunCounters } from './run-counters.js';
import type { RunSummary } from './run-summary.js';
import type { ResolvedSimulationOptions } from './simulation-options.js';

interface TickItem extends QueueItem { kind: 'tick'; stepStart: number }
interface InitiateItem extends QueueItem { kind: 'initiate' }
type Item = TickItem | InitiateItem | ResumeItem;

export interface RunProgress {
  readonly simulatedMs: number;
  readonly windowMs: number;
  readonly events: number;
  readonly wallMs: number;
}

/** Yield to the event loop every this many batches so signals and timers get a turn. */
const BATCHES_PER_YIELD = 8;

export interface RunSettings {
  readonly options: ResolvedSimulationOptions;
  readonly flows: readonly FlowDef[];
  readonly outputs: readonly Output[];
  readonly maxEvents: number;
  readonly signal: AbortSignal | undefined;
  readonly onProgress: ((progress: RunProgress) => void) | undefined;
  readonly log: (line: string) => void;
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
  readonly store: EntityStore;
  private readonly counters = new RunCounters();
  private readonly queue = new EventQueue<Item>();
  private readonly random: SeededRandom;
  private readonly fill: FillContext & { faker: ReturnType<typeof createFaker> };
  private readonly sink: EventSink;
  private readonly runner: FlowRunner;
  private readonly start: number;
  private readonly end: number;
  private stoppedBy: RunSummary['stoppedBy'] = 'end';
  /** The time of the item being run: the global simulated clock. */
  private clock: number;
  private readonly outputAbort = new AbortController();

  constructor(private readonly settings: RunSettings) {
    const { options } = settings;
    this.start = options.startTime === 'now' ? wallClockMs() : options.startTime;
    this.end = this.start + options.durationMs;
    this.clock = this.start;
    this.random = new SeededRandom(options.seed);
    const faker = createFaker(this.random, options.locale);
    this.fill = { random: this.random, faker, fake: { random: this.random, faker, now: this.start }, counters: this.counters, strict: options.strict };
    this.store = new EntityStore(options.history);
    this.sink = new EventSink(settings.outputs, options.batchSize);
    this.runner = new FlowRunner(settings.flows, this.store, this.fill, this.counters, this.queue as EventQueue<any>, (e) => this.deliver(e));
  }

  async execute(): Promise<RunSummary> {
    const began = monotonicMs();
    await this.openOutputs();
    let failure: unknown;
    try {
      createInitialEntities(this.settings.options, this.store, this.fill, this.start, (e) => this.deliver(e));
      this.scheduleTick(this.start);
      await this.loop(began);
      // Flows still running are cut at the window's end, or where an early stop left the clock.
      this.runner.cutAll(this.stoppedBy === 'end' && Number.isFinite(this.end) ? this.end : this.clock);
    } catch (error) {
      failure = error;
      this.stoppedBy = 'error';
    }
    if (this.sink.failure) this.outputAbort.abort();
    await this.sink.drain().catch(() => undefined);
    await Promise.all(this.settings.outputs.map((o) => o.close().catch(() => undefined)));
    const summary = this.summary(monotonicMs() - began);
    const error = failure ?? this.sink.failure;
    if (error !== undefined) {
      if (isDeepFakerError(error)) throw new RunError(error, summary, error === this.sink.failure);
      throw error;
    }
    return summary;
  }

  private async loop(began: number): Promise<void> {
    const { drain } = this.settings.options;
    const signal = this.settings.signal;
    let batches = 0;
    while (this.queue.size > 0) {
      const item = this.queue.peek()!;
      if (item.time >= this.end && !(drain && item.kind === 'resume')) break;
      this.queue.pop();
      this.clock = item.time;
      if (item.kind === 'resume') this.runner.resume(item);
      else if (item.kind === 'initiate') this.runner.initiate(item.time);
      else this.tick(item);
      if (this.sink.buffered >= this.sink.batchSize) {
        await this.sink.flush();
        if (this.sink.failure) throw this.sink.failure;
        this.settings.onProgress?.(this.progress(item.time, began));
        if (++batches % BATCHES_PER_YIELD === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      if (this.stoppedBy === 'maxEvents') return;
      if (signal?.aborted) {
        this.stoppedBy = 'signal';
        return;
      }
    }
  }

  /** Initiates nFlows instances at uniform offsets inside this step, then schedules the next step. */
  private tick(item: TickItem): void {
    const { nFlows, timeStepMs } = this.settings.options;
    let count = Math.floor(nFlows);
    if (this.random.next() < nFlows - count) count++;
    for (let i = 0; i < count; i++) {
      const time = item.stepStart + Math.floor(this.random.next() * timeStepMs);
      if (time < this.end) this.queue.push({ kind: 'initiate', time, seq: 0 });
    }
    this.scheduleTick(item.stepStart + timeStepMs);
  }

  private scheduleTick(stepStart: number): void {
    if (stepStart < this.end && this.settings.options.nFlows > 0 && this.settings.flows.length > 0) {
      this.queue.push({ kind: 'tick', time: stepStart, seq: 0, stepStart });
    }
  }

  private deliver(event: EventRecord): void {
    if (this.stoppedBy === 'maxEvents') return;
    const counters = this.counters;
    counters.events++;
    counters.eventsByType.set(event.event_type, (counters.eventsByType.get(event.event_type) ?? 0) + 1);
    this.sink.push(event);
    if (counters.events >= this.settings.maxEvents) this.stoppedBy = 'maxEvents';
  }

  private async openOutputs(): Promise<void> {
    const { options, outputs, log } = this.settings;
    const entities = [...new Set([...options.initialEntities.map(([e]) => e), ...declaredEntities()])];
    const events = describeEvents(options.events ?? declaredEvents(), entities);
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

  private progress(simulatedAt: number, began: number): RunProgress {
    return {
      simulatedMs: simulatedAt - this.start,
      windowMs: this.end - this.start,
      events: this.counters.events,
      wallMs: monotonicMs() - began,
    };
  }

  private summary(wallMs: number): RunSummary {
    const c = this.counters;
    const entities: RunSummary['entities'] = {};
    for (const [entity, table] of this.store.entries()) entities[entity.name] = { total: table.size, available: table.availableCount };
    const outputs: RunSummary['outputs'] = {};
    for (const output of this.settings.outputs) outputs[output.name] = output.stats();
    return {
      seed: this.settings.options.seed,
      start: new Date(this.start).toISOString(),
      end: Number.isFinite(this.end) ? new Date(this.end).toISOString() : null,
      stoppedBy: this.stoppedBy,
      events: c.events,
      eventsByType: Object.fromEntries(c.eventsByType),
      flows: Object.fromEntries(this.settings.flows.map((f) => [f.name, c.flow(f.name)])),
      autoFilled: Object.fromEntries(c.autoFilled),
      idleInitiations: c.idleInitiations,
      entities,
      outputs,
      wallMs,
      eventsPerSecond: wallMs > 0 ? (c.events * 1000) / wallMs : 0,
    };
  }
}
