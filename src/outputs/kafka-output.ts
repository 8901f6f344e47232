/**
 * KafkaOutput: writes events to Kafka topics with an idempotent producer, one message per
 * event, keyed so that one entity's events stay in order in one partition.
 */
import type { Admin, PartitionMetadata, Producer } from 'kafkajs';
import { DeepFakerError, describeValue } from '../errors.js';
import { checkKnownKeys } from '../util/known-keys.js';
import type { EventBatch, Output, OutputOpenContext, OutputStats } from './output.js';
import { settleWithin, withDeadline } from '../util/time-bounds.js';
import { KafkaDelivery } from './kafka/kafka-delivery.js';
import { deliveryError, openError } from './kafka/kafka-errors.js';
import { KAFKAJS_WARN, KafkaLog } from './kafka/kafka-logger.js';
import { parseBrokers, resolveKafkaOptions, type KafkaOutputOptions } from './kafka/kafka-options.js';
import { keyPartitioner } from './kafka/key-partitioner.js';
import { buildPartitionChunks, type ChunkRouting } from './kafka/partition-chunks.js';
import { ResendGate } from './kafka/resend-gate.js';

export type { KafkaOutputOptions } from './kafka/kafka-options.js';

const KAFKA_OPTION_KEYS: ReadonlySet<string> = new Set([
  'brokers', 'topicMapping', 'defaultTopic', 'topicPerEvent', 'topicPrefix', 'key', 'clientId', 'ssl', 'sasl', 'batchSize', 'connectTimeoutMs', 'retry',
]);

// Client-side bound on one request; kafkajs' default (30 s, retried) hides a hung broker for minutes.
const REQUEST_TIMEOUT_MS = 10_000;
const CLOSE_TIMEOUT_MS = 5_000;

interface OpenState {
  readonly delivery: KafkaDelivery;
  readonly routing: ChunkRouting;
}

/**
 * Writes each event as a JSON message to the topic mapped from its event name. The message
 * key is the primary key of the event's main entity, so Kafka keeps one entity's events in
 * order; headers carry `event_type` and `sys__eid`. A write resolves once Kafka has
 * acknowledged every event of the batch (acks from all in-sync replicas).
 *
 * @example
 * const kafka = new KafkaOutput({
 *   brokers: ['localhost:9092'],
 *   topicMapping: { AccountCreated: 'users', OrderPlaced: 'orders' },
 *   defaultTopic: 'events',
 *   topicPrefix: 'staging.',
 * });
 * // AccountCreated -> staging.users, key = user_id; anything else -> staging.events
 */
export class KafkaOutput implements Output {
  readonly name: string;
  private state: OpenState | undefined;
  private clients: { producer: Producer; admin: Admin } | undefined;
  private failure: DeepFakerError | undefined;
  /** Batches written; events without a key go to partition `batches % n`, spreading the load. */
  private batches = 0;
  private tail: Promise<void> = Promise.resolve();
  private readonly counts: OutputStats = { delivered: 0, failed: 0, inFlight: 0 };
  /** One batch at a time (see write()). */
  readonly maxInFlight = 1;
  /** Messages hold decoded copies of the lines, read while write() is pending. */
  readonly doneWithBatchOnSettle = true;

  constructor(private readonly options: KafkaOutputOptions) {
    if (options === null || typeof options !== 'object') {
      throw new DeepFakerError('E_KAFKA_CONFIG', `KafkaOutput: expected options such as { brokers: ['localhost:9092'], defaultTopic: 'events' }, got ${describeValue(options)}.`);
    }
    checkKnownKeys(options, KAFKA_OPTION_KEYS, 'KafkaOutput', 'E_KAFKA_CONFIG');
    this.name = `kafka ${parseBrokers(options?.brokers ?? []).join(',') || '(no brokers)'}`;
  }

  async open(context: OutputOpenContext): Promise<void> {
    const started = Date.now();
    const resolved = resolveKafkaOptions(this.options, context.events);
    const { Kafka, Partitioners } = await import('kafkajs');
    const clientLog = new KafkaLog((m) => context.log(m));
    const gate = new ResendGate();
    const kafka = new Kafka({
      clientId: resolved.clientId,
      brokers: [...resolved.brokers],
      ssl: resolved.ssl,
      sasl: resolved.sasl,
      connectionTimeout: Math.min(3000, resolved.connectTimeoutMs),
      requestTimeout: REQUEST_TIMEOUT_MS,
      // Reconnects and metadata only; sends are retried by KafkaDelivery.
      retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1000 },
      logLevel: KAFKAJS_WARN,
      logCreator: clientLog.logCreator,
    });
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: gate.createPartitioner,
      // kafkajs needs at least one retry for an idempotent producer; the gate blocks it.
      retry: { retries: 1 },
    });
    const admin = kafka.admin();
    this.clients = { producer, admin };
    const topics = resolved.allTopics;
    const delivery = new KafkaDelivery({
      kafka, producer, admin, clientId: resolved.clientId, gate, clientLog, retry: resolved.retry, signal: context.signal,
      ackTimeoutMs: REQUEST_TIMEOUT_MS, log: (m) => context.log(m),
    });
    let partitions: Map<string, PartitionMetadata[]>;
    try {
      // Counted from the call, loading kafkajs included, and a little under the promised time.
      partitions = await withDeadline(resolved.connectTimeoutMs - 100 - (Date.now() - started), async () => {
        await Promise.all([producer.connect(), admin.connect()]);
        const metadata = await admin.fetchTopicMetadata({ topics: [...topics] });
        await delivery.loadOffsets(topics);
        return new Map(metadata.topics.map((t) => [t.name, t.partitions]));
      });
    } catch (error) {
      // Released in the background: a hung broker must not hold back the error.
      void this.close();
      throw openError(error, resolved, [...topics]);
    }
    const routing: ChunkRouting = {
      topicOf: resolved.topicOf,
      keyOf: resolved.keyOf,
      partitionOf: keyPartitioner(Partitioners.DefaultPartitioner(), partitions, () => this.batches),
      batchSize: resolved.batchSize,
    };
    this.state = { delivery, routing };
  }

  async write(batch: EventBatch): Promise<void> {
    const state = this.state;
    if (!state) throw new DeepFakerError('E_OUTPUT_STATE', `KafkaOutput (${this.name}): write() called before open() or after close(). Call open() first.`);
    this.counts.inFlight += batch.size;
    // Batches go one after another even if write() is called again before the last settled:
    // per-partition order and the lost-acknowledgement check rely on it.
    const task = this.tail.then(() => this.deliverBatch(state, batch));
    // The chain's end settles after every batch written so far: flush and close wait on it.
    this.tail = task.then(() => undefined, () => undefined);
    await task;
  }

  /** Every event handed to write() ends up counted as delivered or failed. */
  private async deliverBatch(state: OpenState, batch: EventBatch): Promise<void> {
    const total = batch.size;
    let acknowledged = 0;
    try {
      if (this.failure) throw this.failure;
      if (total === 0) return;
      const chunks = buildPartitionChunks(batch, state.routing);
      this.batches++;
      await state.delivery.deliver(chunks, (count) => {
        acknowledged += count;
        this.counts.delivered += count;
        this.counts.inFlight -= count;
      });
    } catch (error) {
      const lost = total - acknowledged;
      this.counts.inFlight -= lost;
      this.counts.failed += lost;
      this.failure ??= deliveryError(this.name, error, lost, this.counts.delivered);
      throw this.failure;
    }
  }

  async flush(): Promise<void> {
    await this.tail;
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    const clients = this.clients;
    this.state = undefined;
    this.clients = undefined;
    await settleWithin(CLOSE_TIMEOUT_MS, this.tail);
    if (!clients) return;
    await settleWithin(CLOSE_TIMEOUT_MS, Promise.allSettled([clients.producer.disconnect(), clients.admin.disconnect()]));
  }

  stats(): OutputStats {
    return { ...this.counts };
  }
}
