/**
 * A worker thread: imports the simulation file, runs its share of the partitions through the
 * simulation's own engine, and posts each partition's events as JSON lines, waiting for
 * credits so that memory stays bounded.
 */
import { parentPort, workerData } from 'node:worker_threads';
// Loaded natively first, so the simulation file's `import 'deep-faker'` finds it here and
// does not load the package through the TypeScript loader's hooks, module by module.
import '../index.js';
import type { EventRecord } from '../outputs/output.js';
import { loadSimulationFile } from './load-simulation-file.js';
import { isDeepFakerError } from '../errors.js';
import type { EventConsumer } from './event-consumer.js';
import { LineBatcher } from './line-batcher.js';
import type { MainMessage, WorkerAssignment, WorkerInput, WorkerMessage } from './worker-protocol.js';

/** Batches a partition may have sent and not yet had credited. */
const MAX_UNCREDITED = 8;

const input = workerData as WorkerInput;
const port = parentPort!;
let stopped = false;
const consumers = new Map<number, LineConsumer>();

let assigned: (assignment: WorkerAssignment) => void;
const assignment = new Promise<WorkerAssignment>((resolve) => (assigned = resolve));
let bundled: (bundle: string | null) => void;
const bundle = new Promise<string | null>((resolve) => (bundled = resolve));

port.on('message', (message: MainMessage) => {
  if (message.type === 'load') bundled(message.bundle);
  else if (message.type === 'start') assigned(message);
  else if (message.type === 'stop') {
    stopped = true;
    for (const consumer of consumers.values()) consumer.wake();
  } else {
    consumers.get(message.partition)?.credit(message.spare);
  }
});

class LineConsumer implements EventConsumer {
  private readonly batcher: LineBatcher;
  /** Batches sent and not yet read by the main thread. */
  private uncredited = 0;
  private waiting: (() => void) | undefined;
  readonly failure = undefined;

  constructor(private readonly partition: number, private readonly batchSize: number) {
    this.batcher = new LineBatcher(batchSize);
  }

  push(event: EventRecord): void {
    this.batcher.push(event);
  }

  get needsFlush(): boolean {
    return this.batcher.size >= this.batchSize;
  }

  /** The main thread has read a batch and sent its buffer back: the next batch is written into it. */
  credit(spare: ArrayBuffer): void {
    this.uncredited--;
    this.batcher.recycle(spare);
    this.wake();
  }

  /** Ends a wait for credit (a credit came, or the run is stopping). */
  wake(): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.();
  }

  async flush(): Promise<void> {
    const batch = this.batcher.take();
    if (batch !== undefined) {
      // The bytes' whole ArrayBuffer moves: it is the line buffer's own, handed over by take().
      port.postMessage({ type: 'batch', partition: this.partition, batch } satisfies WorkerMessage, [batch.bytes.buffer as ArrayBuffer, batch.ends.buffer as ArrayBuffer, batch.ts.buffer as ArrayBuffer, batch.types.buffer as ArrayBuffer]);
      this.uncredited++;
    }
    while (!stopped && this.uncredited > MAX_UNCREDITED) {
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }
}

async function main(): Promise<void> {
  // Loads while the main thread sets the run up; a script-style file's own run() call stays
  // pending here: this thread runs partitions only.
  // The main thread bundles the file for every worker (or says there is no bundle: null).
  const loading = loadSimulationFile(input.module, await bundle);
  loading.catch(() => undefined);
  const { partitions, overrides } = await assignment;
  const { sim } = await loading;
  await sim.runPartitionsHere({
    overrides,
    partitions,
    consumerFor: (partition, batchSize) => {
      const consumer = new LineConsumer(partition, batchSize);
      consumers.set(partition, consumer);
      return consumer;
    },
    shouldStop: () => stopped,
    onDone: (done) => port.postMessage({ type: 'done', ...done } satisfies WorkerMessage),
  });
}

main().catch((error: unknown) => {
  port.postMessage({
    type: 'error',
    message: (error as Error)?.message ?? String(error),
    code: isDeepFakerError(error) ? error.code : undefined,
    stack: (error as Error)?.stack,
  } satisfies WorkerMessage);
});
