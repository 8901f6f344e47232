/**
 * Runs a Simulation in-process into an in-memory output, for tests: the events, their JSON
 * lines exactly as JSONL outputs write them, and the run summary.
 */
import type { EventBatch, EventRecord, Output, OutputOpenContext, OutputStats, RunOptions, RunSummary, Simulation } from 'deep-faker';

/** An Output that keeps every event and every JSON line it receives. */
export class CollectingOutput implements Output {
  readonly name = 'collector';
  readonly events: EventRecord[] = [];
  readonly batches: number[] = [];
  private text = '';
  opened = false;
  closed = false;
  context: OutputOpenContext | undefined;

  async open(context: OutputOpenContext): Promise<void> {
    this.opened = true;
    this.context = context;
  }

  async write(batch: EventBatch): Promise<void> {
    for (const event of batch.events) this.events.push(event);
    this.text += batch.jsonLines();
    this.batches.push(batch.events.length);
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {
    this.closed = true;
  }

  stats(): OutputStats {
    return { delivered: this.events.length, failed: 0, inFlight: 0 };
  }

  /** Every event as JSON lines, each ending in '\n'. */
  get jsonl(): string {
    return this.text;
  }
}

export interface CollectedRun {
  readonly events: EventRecord[];
  readonly jsonl: string;
  readonly summary: RunSummary;
  readonly output: CollectingOutput;
}

/** The fixed window start of test runs: 2025-01-01T00:00:00Z. */
export const T0 = Date.UTC(2025, 0, 1);

/**
 * Runs `sim` with a collecting output in place of its own outputs. startTime defaults to
 * T0 so the run is reproducible; diagnostics are kept out of the test output.
 */
export async function runCollect(sim: Simulation, options: RunOptions = {}): Promise<CollectedRun> {
  const output = new CollectingOutput();
  const summary = await sim.run({ startTime: T0, log: () => undefined, ...options, outputs: [output] });
  return { events: output.events, jsonl: output.jsonl, summary, output };
}

/** Events grouped by session id, in emission order. */
export function bySession(events: readonly EventRecord[]): Map<string, EventRecord[]> {
  const sessions = new Map<string, EventRecord[]>();
  for (const event of events) {
    let list = sessions.get(event.sys__sid);
    if (list === undefined) sessions.set(event.sys__sid, (list = []));
    list.push(event);
  }
  return sessions;
}
