/**
 * One partition of a run: the main loop. It pops the earliest item of the queue (a step's
 * tick, a flow initiation or a flow resumption), runs it, and hands events to its consumer.
 */
import { createFaker } from '../fakers/index.js';
import type { EventRecord } from '../outputs/output.js';
import { EntityStore } from '../state/entity-store.js';
import { SeededRandom } from '../util/seeded-random.js';
import { createInitialEntities } from './create-initial-entities.js';
import { EmittedEventTypes, eventsOfRun } from './event-names.js';
import type { EventConsumer } from './event-consumer.js';
import { EventQueue, type QueueItem } from './event-queue.js';
import type { FillContext } from './event-factory.js';
import type { FlowDef } from './flow-def.js';
import { FlowRunner, type ResumeItem } from './flow-runner.js';
import { partitionOptions, partitionTag, type Partition } from './partition.js';
import { RunCounters } from './run-counters.js';
import type { ResolvedSimulationOptions } from './simulation-options.js';

interface TickItem extends QueueItem { kind: 'tick'; stepStart: number }
interface InitiateItem extends QueueItem { kind: 'initiate' }
type Item = TickItem | InitiateItem | ResumeItem;

/** Items run without a flush before the loop yields anyway (a mask: every 65,536). */
const ITEMS_PER_YIELD = 0xffff;

export type StopReason = 'end' | 'maxEvents' | 'signal';

export interface PartitionSettings {
  readonly options: ResolvedSimulationOptions;
  readonly flows: readonly FlowDef[];
  readonly partition: Partition;
  /** Window start, epoch ms (already resolved from 'now'). */
  readonly start: number;
  readonly consumer: EventConsumer;
  readonly maxEvents: number;
  /** Checked between items: true stops generation. */
  readonly shouldStop: () => boolean;
}

export class PartitionRun {
  readonly store: EntityStore;
  readonly counters = new RunCounters();
  stoppedBy: StopReason = 'end';
  /** Events handed to the consumer, for maxEvents. */
  private emitted = 0;
  private readonly options: ResolvedSimulationOptions;
  private readonly queue = new EventQueue<Item>();
  private readonly random: SeededRandom;
  private readonly fill: FillContext;
  private readonly runner: FlowRunner;
  private readonly eventTypes: EmittedEventTypes;
  private readonly end: number;
  /** The time of the item being run: the partition's global simulated clock. */
  private clock: number;

  constructor(private readonly settings: PartitionSettings) {
    const options = partitionOptions(settings.options, settings.partition);
    this.options = options;
    this.end = settings.start + options.durationMs;
    this.clock = settings.start;
    this.random = new SeededRandom(options.seed);
    const faker = createFaker(this.random, options.locale);
    this.fill = {
      random: this.random, fake: { random: this.random, faker, now: settings.start },
      counters: this.counters, strict: options.strict, eidTag: partitionTag(settings.partition),
    };
    this.store = new EntityStore(options.history);
    // The event types the run's outputs were told of (SimulationRun.openOutputs): what this
    // partition emits must agree with them by name.
    this.eventTypes = new EmittedEventTypes(eventsOfRun(options.events));
    this.runner = new FlowRunner(settings.flows, this.store, this.fill, this.queue as EventQueue<any>, (e) => this.deliver(e), this.eventTypes);
  }

  /** Runs the partition to its end (or an early stop); rejects on a mistake in the simulation. */
  async execute(): Promise<void> {
    const { consumer } = this.settings;
    createInitialEntities(this.options, this.store, this.fill, this.settings.start, (e) => this.deliver(e), this.eventTypes);
    this.scheduleTick(this.settings.start);
    await this.loop();
    // Flows still running are cut at the window's end, or where an early stop left the clock.
    this.runner.cutAll(this.stoppedBy === 'end' && Number.isFinite(this.end) ? this.end : this.clock);
    await consumer.flush();
  }

  private async loop(): Promise<void> {
    const { drain } = this.options;
    const { consumer, shouldStop } = this.settings;
    const queue = this.queue;
    let items = 0;
    while (queue.size > 0) {
      const item = queue.peek()!;
      if (item.time >= this.end && !(drain && item.kind === 'resume')) break;
      queue.pop();
      this.clock = item.time;
      if (item.kind === 'resume') this.runner.resume(item);
      else if (item.kind === 'initiate') this.runner.initiate(item.time);
      else this.tick(item);
      if (this.stoppedBy === 'maxEvents') return;
      if (consumer.needsFlush) {
        await consumer.flush();
        if (consumer.failure) throw consumer.failure;
        // After every batch (a turn costs about 2 µs): an output's writes finish, and its next
        // ones start, only on the event loop's turns. Every 8 batches left a file output's 4
        // writes in flight waiting on this thread, which then waited on them: about 10% of a
        // quick-start run was spent waiting, I/O and generation taking turns.
        await yieldToEventLoop();
      } else if ((++items & ITEMS_PER_YIELD) !== 0) {
        continue;
      } else {
        // A window with few events still lets signals and timers in now and then.
        await yieldToEventLoop();
      }
      // A stop can only have come while the loop awaited.
      if (shouldStop()) {
        this.stoppedBy = 'signal';
        return;
      }
    }
  }

  /** Initiates nFlows instances at uniform offsets inside this step, then schedules the next step. */
  private tick(item: TickItem): void {
    const { nFlows, timeStepMs } = this.options;
    let count = Math.floor(nFlows);
    if (this.random.next() < nFlows - count) count++;
    for (let i = 0; i < count; i++) {
      const time = item.stepStart + Math.floor(this.random.next() * timeStepMs);
      if (time < this.end) this.queue.push({ kind: 'initiate', time, seq: 0 });
    }
    this.scheduleTick(item.stepStart + timeStepMs);
  }

  private scheduleTick(stepStart: number): void {
    if (stepStart < this.end && this.options.nFlows > 0 && this.settings.flows.length > 0) {
      this.queue.push({ kind: 'tick', time: stepStart, seq: 0, stepStart });
    }
  }

  private deliver(event: EventRecord): void {
    if (this.stoppedBy === 'maxEvents') return;
    this.settings.consumer.push(event);
    if (++this.emitted >= this.settings.maxEvents) this.stoppedBy = 'maxEvents';
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
