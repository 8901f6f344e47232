/**
 * Turns a batch of events into Kafka messages grouped by topic and partition, in event order.
 * The partition is chosen here, not by the client, so a resend goes exactly where the first
 * attempt went and a failure can be checked partition by partition.
 */
import type { Message } from 'kafkajs';
import type { EventBatch, EventRecord } from '../output.js';

/** Messages for one partition, sent as one produce request (one record batch). */
export interface PartitionChunk {
  readonly topic: string;
  readonly partition: number;
  readonly messages: Message[];
  /** The sys__eid of each message, in the same order. */
  readonly eids: string[];
}

export interface ChunkRouting {
  topicOf(event: EventRecord): string;
  keyOf(event: EventRecord): string | undefined;
  /** The partition for a key; for no key, any partition (the same one for a whole batch). */
  partitionOf(topic: string, key: string | undefined): number;
  /** Most messages per chunk. */
  batchSize: number;
}

/** Chunks for one batch; chunks of one partition keep the events' order. */
export function buildPartitionChunks(batch: EventBatch, routing: ChunkRouting): PartitionChunk[] {
  // Per topic, one group per partition, indexed by partition number.
  const groups = new Map<string, { messages: Message[]; eids: string[] }[]>();
  const events = batch.events;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const topic = routing.topicOf(event);
    const key = routing.keyOf(event);
    const partition = routing.partitionOf(topic, key);
    let byPartition = groups.get(topic);
    if (!byPartition) groups.set(topic, (byPartition = []));
    const group = (byPartition[partition] ??= { messages: [], eids: [] });
    group.messages.push({
      key: key ?? null,
      // The batch's own rendering: the same bytes a file output writes, made once.
      value: batch.jsonLine(i),
      partition,
      headers: { event_type: event.event_type, sys__eid: event.sys__eid },
    });
    group.eids.push(event.sys__eid);
  }
  const chunks: PartitionChunk[] = [];
  for (const [topic, byPartition] of groups) {
    byPartition.forEach((group, partition) => {
      for (let start = 0; start < group.messages.length; start += routing.batchSize) {
        const end = start + routing.batchSize;
        chunks.push({ topic, partition, messages: group.messages.slice(start, end), eids: group.eids.slice(start, end) });
      }
    });
  }
  return chunks;
}

/** Keeps only the messages whose event is not in `delivered`. */
export function withoutDelivered(chunk: PartitionChunk, delivered: ReadonlySet<string>): PartitionChunk {
  const keep = chunk.eids.map((eid) => !delivered.has(eid));
  return {
    topic: chunk.topic,
    partition: chunk.partition,
    messages: chunk.messages.filter((_, i) => keep[i]),
    eids: chunk.eids.filter((_, i) => keep[i]),
  };
}
