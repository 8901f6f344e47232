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
import { LineBuffer } from '../outputs/line-buffer.js';
import { pushJsonLines } from '../outputs/json-lines-of.js';
import type { EventConsumer } from './event-consumer.js';
import type { LineBatch, MainMessage, WorkerAssignment, WorkerInput, WorkerMessage } from './worker-protocol.js';

/** Batches a partition may have sent and not yet had credited. */
const MAX_UNCREDITED = 8;

const input = workerData as WorkerInput;
const port = parentPort!;
let stopped = false;
const consumers = new Map<number, LineConsumer>();

let assigned: (assignment: WorkerAssignment) => void;
const assignment = new Promise<WorkerAssignment>((resolve) => (assigned = resolve));

port.on('message', (message: MainMessage) => {
  if (message.type === 'start') assigned(message);
  else if (message.type === 'stop') {
    stopped = true;
    for (const consumer of consumers.values()) consumer.wake();
  } else {
    consumers.get(message.partition)?.credit(message.spare);
  }
});

class LineConsumer implements EventConsumer {
  private readonly lines: LineBuffer;
  /** The batch being gathered: rendered as JSON lines all at once when it is sent. */
  private records: EventRecord[] = [];
  private readonly typeIndex = new Map<string, number>();
  private readonly typeNames: string[] = [];
  /** Batches sent and not yet read by the main thread. */
  private uncredited = 0;
  private waiting: (() => void) | undefined;
  readonly failure = undefined;

  constructor(private readonly partition: number, private readonly batchSize: number) {
    this.lines = LineBuffer.forLines(batchSize);
  }

  push(event: EventRecord): void {
    this.records.push(event);
  }

  get needsFlush(): boolean {
    return this.records.length >= this.batchSize;
  }

  /** The index of an event type's name in typeNames (sent with every batch). */
  private typeOf(name: string): number {
    let type = this.typeIndex.get(name);
    if (type === undefined) {
      type = this.typeNames.push(name) - 1;
      this.typeIndex.set(name, type);
    }
    return type;
  }

  /** The main thread has read a batch and sent its buffer back: the next batch is written into it. */
  credit(spare: ArrayBuffer): void {
    this.uncredited--;
    this.lines.recycle(spare);
    this.wake();
  }

  /** Ends a wait for credit (a credit came, or the run is stopping). */
  wake(): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.();
  }

  async flush(): Promise<void> {
    if (this.records.length > 0) {
      const records = this.records;
      this.records = [];
      pushJsonLines(records, this.lines);
      const { bytes, ends } = this.lines.take();
      const ts = new Float64Array(records.length);
      const types = new Uint16Array(records.length);
      for (let i = 0; i < records.length; i++) {
        ts[i] = records[i]!.sys__ets;
        types[i] = this.typeOf(records[i]!.event_type);
      }
      const batch: LineBatch = { bytes, ends, ts, types, typeNames: this.typeNames };
      // The bytes' whole ArrayBuffer moves: it is the line buffer's own, handed over by take().
      port.postMessage({ type: 'batch', partition: this.partition, batch } satisfies WorkerMessage, [bytes.buffer as ArrayBuffer, ends.buffer, ts.buffer, types.buffer]);
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
  const loading = loadSimulationFile(input.module);
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
