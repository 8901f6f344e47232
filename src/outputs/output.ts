/**
 * The contract between the engine and every destination. The engine hands each output the
 * same batches in the same (time) order and waits on `write` when an output falls behind.
 */

/** One emitted event: the event's own fields plus the system fields. */
export interface EventRecord {
  event_type: string;
  sys__eid: string;
  sys__ets: number;
  sys__sid: string;
  [field: string]: unknown;
}

/**
 * A batch of events in time order. Its JSON forms are rendered once, however many outputs
 * read them: text outputs write `jsonBytes()`, Kafka sends `jsonLine(i)` per event.
 */
export interface EventBatch {
  /** How many events: read this, not events.length, to count without parsing lines. */
  readonly size: number;
  readonly events: readonly EventRecord[];
  /** Every event as one JSON line, each ending in '\n'. */
  jsonLines(): string;
  /** jsonLines() as UTF-8 bytes (see Output.doneWithBatchOnSettle). */
  jsonBytes(): Uint8Array;
  /** Event `index` as JSON (no newline). */
  jsonLine(index: number): string;
}

export type FieldKind = 'string' | 'int' | 'float' | 'boolean' | 'datetime' | 'json' | 'enum';

/** What an output needs to know of one field, e.g. to choose a column type. */
export interface FieldInfo {
  readonly name: string;
  readonly kind: FieldKind;
  /** false when the field is optional or nullable: the value may be null. */
  readonly required: boolean;
  readonly primaryKey: boolean;
  readonly enumValues?: readonly string[];
  /** The longest value a string field holds, when it is known (e.g. enums, shortuuid). */
  readonly maxLength?: number;
}

/** What an output needs to know of one event type. */
export interface EventInfo {
  readonly name: string;
  /** The event's own fields in declaration order (system fields excluded). */
  readonly fields: readonly FieldInfo[];
  /**
   * The field holding the primary key of the event's main entity: the event's own
   * primaryKey field, else the first field named like the primary key of a declared entity.
   * Kafka uses it as the message key so one entity's events stay in one partition.
   */
  readonly keyField: string | undefined;
}

/** The system fields every event carries, in the order they are written. */
export const SYSTEM_FIELDS: readonly FieldInfo[] = [
  { name: 'sys__eid', kind: 'string', required: true, primaryKey: true, maxLength: 12 },
  { name: 'sys__ets', kind: 'int', required: true, primaryKey: false },
  { name: 'sys__sid', kind: 'string', required: true, primaryKey: false, maxLength: 16 },
  { name: 'event_type', kind: 'string', required: true, primaryKey: false, maxLength: 255 },
];

export interface OutputOpenContext {
  /** Every event type the simulation can emit. */
  readonly events: readonly EventInfo[];
  /** Writes one diagnostic line to stderr (never stdout). */
  log(message: string): void;
  /** Aborted when the run stops (SIGINT, another output failed): stop retrying, give up soon. */
  readonly signal: AbortSignal;
}

/** Delivery counts of one output, printed in the summary and when a run fails. */
export interface OutputStats {
  /** Events acknowledged by the destination. */
  delivered: number;
  /** Events that could not be delivered (the run stops when this is not 0). */
  failed: number;
  /** Events handed to the output and not yet acknowledged or failed. */
  inFlight: number;
}

/**
 * A destination for events.
 *
 * @example
 * class CountingOutput implements Output {
 *   readonly name = 'counting';
 *   private n = 0;
 *   async open() {}
 *   async write(batch: EventBatch) { this.n += batch.size; }
 *   async flush() {}
 *   async close() {}
 *   stats() { return { delivered: this.n, failed: 0, inFlight: 0 }; }
 * }
 */
export interface Output {
  /** A short label for logs and the summary, e.g. 'file simulation_events.jsonl'. */
  readonly name: string;
  /**
   * Connects and prepares (creates tables, checks topics). Rejects with a DeepFakerError
   * for a configuration problem or an unreachable destination, within ~10 seconds.
   */
  open(context: OutputOpenContext): Promise<void>;
  /**
   * Delivers one batch. Resolves when the destination has acknowledged every event of it;
   * rejects after retries are exhausted (the run then stops). The engine never calls write
   * again before the previous call's promise has settled beyond `maxInFlight` batches.
   */
  write(batch: EventBatch): Promise<void>;
  /** Resolves when everything written so far is delivered. */
  flush(): Promise<void>;
  /** Flushes and releases connections and handles. Safe to call after a failure. */
  close(): Promise<void>;
  stats(): OutputStats;
  /** How many batches may be in flight at once (default 1: strict order of acknowledgement). */
  readonly maxInFlight?: number;
  /**
   * true: this output reads nothing of a batch after its write() has settled, so the engine
   * may reuse the batch's jsonBytes() memory for a later batch (when every output says so).
   * The built-in outputs do; leave it unset if an output keeps bytes to use later.
   */
  readonly doneWithBatchOnSettle?: boolean;
}
