/**
 * A worker thread: imports the simulation file, runs its share of the partitions through the
 * simulation's own engine, and posts each partition's events as JSON lines, waiting for
 * credits so that memory stays bounded.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import type { EventRecord } from '../outputs/output.js';
import type { Simulation } from './simulation.js';
import type { EventConsumer } from './event-consumer.js';
import type { MainMessage, WorkerInput, WorkerMessage } from './worker-protocol.js';

/** Batches a partition may have sent and not yet had credited. */
const MAX_UNCREDITED = 4;

const input = workerData as WorkerInput;
const port = parentPort!;
let stopped = false;
const uncredited = new Map<number, number>();
const waiters = new Map<number, () => void>();

port.on('message', (message: MainMessage) => {
  if (message.type === 'stop') {
    stopped = true;
    for (const wake of waiters.values()) wake();
    waiters.clear();
  } else {
    uncredited.set(message.partition, (uncredited.get(message.partition) ?? 1) - 1);
    const wake = waiters.get(message.partition);
    waiters.delete(message.partition);
    wake?.();
  }
});

class LineConsumer implements EventConsumer {
  private lines: string[] = [];
  private ts: number[] = [];
  private types: string[] = [];
  readonly failure = undefined;
  constructor(private readonly partition: number, private readonly batchSize: number) {}

  push(event: EventRecord): void {
    this.lines.push(JSON.stringify(event));
    this.ts.push(event.sys__ets);
    this.types.push(event.event_type);
  }

  get needsFlush(): boolean {
    return this.lines.length >= this.batchSize;
  }

  async flush(): Promise<void> {
    if (this.lines.length > 0) {
      port.postMessage({ type: 'batch', partition: this.partition, lines: this.lines, ts: this.ts, types: this.types } satisfies WorkerMessage);
      this.lines = [];
      this.ts = [];
      this.types = [];
      uncredited.set(this.partition, (uncredited.get(this.partition) ?? 0) + 1);
    }
    while (!stopped && (uncredited.get(this.partition) ?? 0) > MAX_UNCREDITED) {
      await new Promise<void>((resolve) => waiters.set(this.partition, resolve));
    }
  }
}

async function main(): Promise<void> {
  const { register } = await import('tsx/esm/api');
  register();
  const url = input.module.startsWith('file:') ? input.module : pathToFileURL(input.module).href;
  const module = (await import(url)) as { default?: Simulation; sim?: Simulation };
  const sim = typeof module.default?.runPartitionsHere === 'function' ? module.default : module.sim;
  if (sim === undefined) throw new Error(`${input.module}: exports no Simulation`);
  await sim.runPartitionsHere({
    overrides: input.overrides,
    partitions: input.partitions,
    consumerFor: (partition, batchSize) => new LineConsumer(partition, batchSize),
    shouldStop: () => stopped,
    onDone: (done) => port.postMessage({ type: 'done', ...done } satisfies WorkerMessage),
  });
}

main().catch((error: unknown) => {
  const e = error as { message?: string; code?: unknown; name?: string; stack?: string };
  port.postMessage({
    type: 'error',
    message: e?.message ?? String(error),
    code: e?.name === 'DeepFakerError' && typeof e.code === 'string' ? e.code : undefined,
    stack: e?.stack,
  } satisfies WorkerMessage);
});
