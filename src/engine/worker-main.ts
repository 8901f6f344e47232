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
import { lineEnds } from '../outputs/event-batch.js';
import type { EventConsumer } from './event-consumer.js';
import type { LineBatch, MainMessage, WorkerAssignment, WorkerInput, WorkerMessage } from './worker-protocol.js';

/** Batches a partition may have sent and not yet had credited. */
const MAX_UNCREDITED = 8;

const input = workerData as WorkerInput;
const port = parentPort!;
let stopped = false;
const uncredited = new Map<number, number>();
const waiters = new Map<number, () => void>();

let assigned: (assignment: WorkerAssignment) => void;
const assignment = new Promise<WorkerAssignment>((resolve) => (assigned = resolve));

port.on('message', (message: MainMessage) => {
  if (message.type === 'start') assigned(message);
  else if (message.type === 'stop') {
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
  private text = '';
  private count = 0;
  private ends: Uint32Array;
  private ts: Float64Array;
  private types: Uint16Array;
  private readonly typeIndex = new Map<string, number>();
  private readonly typeNames: string[] = [];
  readonly failure = undefined;

  constructor(private readonly partition: number, private readonly batchSize: number) {
    [this.ends, this.ts, this.types] = this.arrays();
  }

  push(event: EventRecord): void {
    if (this.count === this.ends.length) this.grow();
    this.text += JSON.stringify(event);
    this.ends[this.count] = this.text.length;
    this.text += '\n';
    this.ts[this.count] = event.sys__ets;
    let type = this.typeIndex.get(event.event_type);
    if (type === undefined) {
      type = this.typeNames.push(event.event_type) - 1;
      this.typeIndex.set(event.event_type, type);
    }
    this.types[this.count++] = type;
  }

  get needsFlush(): boolean {
    return this.count >= this.batchSize;
  }

  private arrays(): [Uint32Array, Float64Array, Uint16Array] {
    const n = Math.max(16, this.batchSize);
    return [new Uint32Array(n), new Float64Array(n), new Uint16Array(n)];
  }

  /** A flow step may emit past the batch size before the loop flushes. */
  private grow(): void {
    const n = this.ends.length * 2;
    const [ends, ts, types] = [new Uint32Array(n), new Float64Array(n), new Uint16Array(n)];
    ends.set(this.ends);
    ts.set(this.ts);
    types.set(this.types);
    [this.ends, this.ts, this.types] = [ends, ts, types];
  }

  async flush(): Promise<void> {
    if (this.count > 0) {
      const n = this.count;
      const bytes = utf8(this.text);
      // Line ends counted in characters hold for the bytes too unless a line has non-ASCII text.
      const ends = bytes.length === this.text.length ? this.ends.slice(0, n) : lineEnds(bytes, n);
      const ts = this.ts.slice(0, n);
      const types = this.types.slice(0, n);
      const batch: LineBatch = { bytes, ends, ts, types, typeNames: this.typeNames };
      port.postMessage({ type: 'batch', partition: this.partition, batch } satisfies WorkerMessage, [bytes.buffer, ends.buffer, ts.buffer, types.buffer]);
      this.text = '';
      this.count = 0;
      uncredited.set(this.partition, (uncredited.get(this.partition) ?? 0) + 1);
    }
    while (!stopped && (uncredited.get(this.partition) ?? 0) > MAX_UNCREDITED) {
      await new Promise<void>((resolve) => waiters.set(this.partition, resolve));
    }
  }
}

/** `text` as UTF-8 in a buffer of its own, so it can be moved to the main thread. */
function utf8(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(Buffer.byteLength(text, 'utf8'));
  Buffer.from(bytes.buffer).write(text, 'utf8');
  return bytes;
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
    consumerFor: (partition, batchSize) => new LineConsumer(partition, batchSize),
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
