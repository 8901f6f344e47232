/**
 * Sends partition chunks so that each event lands once. The client never resends on its own
 * (resend-gate.ts); after a failed send we look at what reached the partition before sending
 * again, because a lost acknowledgement would otherwise become a duplicate on a broker that
 * does not deduplicate (the mock; a real broker does, for the same producer id).
 */
import type { Admin, Kafka, Producer } from 'kafkajs';
import { withRetry, type RetryOptions } from '../retry.js';
import { causeText, isRetriableKafkaError, rootCause } from './kafka-errors.js';
import type { KafkaLog } from './kafka-logger.js';
import { withoutDelivered, type PartitionChunk } from './partition-chunks.js';
import { readEventIds, type OffsetRange } from './read-event-ids.js';
import type { ResendGate } from './resend-gate.js';

export interface KafkaDeliveryOptions {
  readonly kafka: Kafka;
  readonly producer: Producer;
  readonly admin: Admin;
  readonly clientId: string;
  readonly gate: ResendGate;
  readonly clientLog: KafkaLog;
  readonly retry: Required<Pick<RetryOptions, 'attempts' | 'initialDelayMs' | 'maxDelayMs'>>;
  readonly signal: AbortSignal;
  /** Broker-side wait for the in-sync replicas' acknowledgement. */
  readonly ackTimeoutMs: number;
  log(message: string): void;
}

/** Why deliver() gave up: the last client error, after how many attempts. */
class DeliveryFailure extends Error {
  constructor(override readonly cause: unknown, readonly attempts: number, readonly aborted: boolean) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'DeliveryFailure';
  }
}

// Long enough for a join of a one-member group on a slow cluster, short enough to retry.
const READ_BACK_TIMEOUT_MS = 15_000;

export class KafkaDelivery {
  /** Per partition, the lowest offset our next record can land at (known from acks and offsets). */
  private readonly nextOffset = new Map<string, number>();

  constructor(private readonly options: KafkaDeliveryOptions) {}

  /** Records where each partition ends now, so a later failure knows where to look. */
  async loadOffsets(topics: Iterable<string>): Promise<void> {
    for (const topic of topics) {
      for (const p of await this.options.admin.fetchTopicOffsets(topic)) this.nextOffset.set(partitionId(topic, p.partition), Number(p.high));
    }
  }

  /**
   * Sends every chunk, retrying the ones not acknowledged; calls `onAck` with each count of
   * events known to be in Kafka. Rejects with the last client error when retries run out.
   */
  async deliver(chunks: readonly PartitionChunk[], onAck: (count: number) => void): Promise<void> {
    let pending = chunks;
    let made = 0;
    const { attempts } = this.options.retry;
    await withRetry(async (attempt) => {
      made = attempt;
      if (attempt > 1) pending = await this.dropLanded(pending, onAck);
      const { failed, error } = await this.sendAll(pending, onAck);
      pending = failed;
      if (failed.length > 0) throw error;
    }, {
      ...this.options.retry,
      signal: this.options.signal,
      isRetriable: isRetriableKafkaError,
      onRetry: (error, attempt, delayMs) => {
        const events = pending.reduce((n, c) => n + c.eids.length, 0);
        this.options.log(`KafkaOutput: send failed (${causeText(error)}); ${events} events waiting, retry ${attempt} of ${attempts - 1} in ${delayMs} ms`);
      },
    }).catch((error: unknown) => {
      throw new DeliveryFailure(error, made, this.options.signal.aborted);
    });
  }

  /** One round: partitions in parallel, a partition's chunks in order, stopping at its first failure. */
  private async sendAll(chunks: readonly PartitionChunk[], onAck: (count: number) => void): Promise<{ failed: PartitionChunk[]; error: unknown }> {
    const byPartition = new Map<string, PartitionChunk[]>();
    for (const chunk of chunks) {
      const id = partitionId(chunk.topic, chunk.partition);
      byPartition.set(id, [...(byPartition.get(id) ?? []), chunk]);
    }
    const failed: PartitionChunk[] = [];
    let error: unknown;
    await Promise.all([...byPartition.values()].map(async (list) => {
      for (let i = 0; i < list.length; i++) {
        try {
          await this.send(list[i]!);
          onAck(list[i]!.eids.length);
        } catch (e) {
          error ??= e;
          failed.push(...list.slice(i));
          return;
        }
      }
    }));
    return { failed, error };
  }

  private async send(chunk: PartitionChunk): Promise<void> {
    this.options.gate.open(chunk.messages);
    let results;
    try {
      results = await this.options.producer.send({
        topic: chunk.topic,
        messages: chunk.messages,
        acks: -1,
        timeout: this.options.ackTimeoutMs,
      });
    } catch (error) {
      if (rootCause(error).name !== 'ResendBlockedError') throw error;
      // The gate stopped kafkajs' own resend; what failed the first attempt is in its log.
      throw sendFailure(this.options.clientLog.lastError ?? 'send failed');
    }
    const result = results.find((r) => r.partition === chunk.partition);
    if (result?.baseOffset !== undefined) {
      this.nextOffset.set(partitionId(chunk.topic, chunk.partition), Number(result.baseOffset) + chunk.messages.length);
    }
  }

  /**
   * Before a resend: reads what reached each failed partition since our last acknowledged
   * record, counts our events found there as delivered and keeps only the others.
   */
  private async dropLanded(pending: readonly PartitionChunk[], onAck: (count: number) => void): Promise<PartitionChunk[]> {
    const ends = new Map<string, number>();
    for (const topic of new Set(pending.map((c) => c.topic))) {
      for (const p of await this.options.admin.fetchTopicOffsets(topic)) ends.set(partitionId(topic, p.partition), Number(p.high));
    }
    const ranges: OffsetRange[] = [];
    for (const chunk of pending) {
      const id = partitionId(chunk.topic, chunk.partition);
      const from = this.nextOffset.get(id) ?? 0;
      const to = ends.get(id) ?? from;
      if (to > from && !ranges.some((r) => r.topic === chunk.topic && r.partition === chunk.partition)) {
        ranges.push({ topic: chunk.topic, partition: chunk.partition, from, to });
      }
    }
    // Nothing arrived since our last acknowledged record: everything pending is safe to resend.
    const landed = ranges.length === 0 ? new Set<string>() : await readEventIds(this.options.kafka, this.options.clientId, ranges, READ_BACK_TIMEOUT_MS);
    // Everything below the current end is now accounted for, ours or not.
    for (const chunk of pending) {
      const id = partitionId(chunk.topic, chunk.partition);
      const end = ends.get(id);
      if (end !== undefined) this.nextOffset.set(id, end);
    }

    const rest: PartitionChunk[] = [];
    let found = 0;
    for (const chunk of pending) {
      const left = withoutDelivered(chunk, landed);
      const count = chunk.eids.length - left.eids.length;
      if (count > 0) onAck(count);
      found += count;
      if (left.eids.length > 0) rest.push(left);
    }
    if (found > 0) {
      this.options.log(`KafkaOutput: ${found} events of a failed send had reached Kafka (acknowledgement lost); not sending them again`);
      // The client rolled its sequence numbers back for that send; a new producer id keeps
      // the broker's duplicate check from mistaking our next records for the lost ones.
      await this.options.producer.connect();
    }
    return rest;
  }
}

function partitionId(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

function sendFailure(message: string): Error {
  const error = new Error(message.replace(/^Failed to send messages: /, '')) as Error & { code?: string };
  error.name = 'KafkaSendError';
  const code = /\b(E[A-Z]{4,})\b/.exec(message)?.[1];
  if (code) error.code = code;
  return error;
}
