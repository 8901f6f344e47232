import { describe, expect, it } from 'vitest';
import { buildPartitionChunks, withoutDelivered, type ChunkRouting } from '../../../src/outputs/kafka/partition-chunks.js';
import { createEventBatch } from '../../../src/outputs/event-batch.js';
import type { EventRecord } from '../../../src/outputs/output.js';

const events: EventRecord[] = Array.from({ length: 10 }, (_, i) => ({
  event_type: i % 2 ? 'B' : 'A', sys__eid: `e${i}`, sys__ets: i, sys__sid: 's', user: `u${i % 3}`,
}));
const routing = (batchSize: number): ChunkRouting => ({
  topicOf: (e) => `t-${e.event_type}`,
  keyOf: (e) => e.user as string,
  partitionOf: (_topic, key) => Number(key!.slice(1)) % 2,
  batchSize,
});

describe('buildPartitionChunks', () => {
  it('groups messages by topic and partition, keeping event order, with key, JSON value and headers', () => {
    const chunks = buildPartitionChunks(createEventBatch(events), routing(100));
    const all = chunks.flatMap((c) => c.messages.map((m) => ({ topic: c.topic, partition: c.partition, m })));
    expect(all).toHaveLength(10);
    for (const chunk of chunks) {
      expect(chunk.messages.map((m) => JSON.parse(String(m.value)).sys__eid)).toEqual(chunk.eids);
      expect(chunk.eids).toEqual([...chunk.eids].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))));
      for (const m of chunk.messages) {
        const event = JSON.parse(String(m.value)) as EventRecord;
        expect(`t-${event.event_type}`).toBe(chunk.topic);
        expect(m.partition).toBe(chunk.partition);
        expect(m.key).toBe(event.user);
        expect(m.headers).toEqual({ event_type: event.event_type, sys__eid: event.sys__eid });
      }
    }
    const first = chunks.find((c) => c.topic === 't-A' && c.partition === 0)!;
    expect(first.eids).toEqual(['e0', 'e2', 'e6', 'e8']);
  });

  it('splits a partition\'s messages into chunks of at most batchSize, in order', () => {
    const chunks = buildPartitionChunks(createEventBatch(events.map((e) => ({ ...e, event_type: 'A', user: 'u0' }))), routing(4));
    expect(chunks.map((c) => c.eids)).toEqual([['e0', 'e1', 'e2', 'e3'], ['e4', 'e5', 'e6', 'e7'], ['e8', 'e9']]);
  });

  it('sends an event without a key with a null key', () => {
    const [chunk] = buildPartitionChunks(createEventBatch([events[0]!]), { ...routing(10), keyOf: () => undefined, partitionOf: () => 3 });
    expect(chunk!.messages[0]!.key).toBeNull();
    expect(chunk!.partition).toBe(3);
  });
});

describe('withoutDelivered', () => {
  it('keeps only the events not found in Kafka, with their messages', () => {
    const [chunk] = buildPartitionChunks(createEventBatch(events.slice(0, 3)), { ...routing(10), partitionOf: () => 0, topicOf: () => 't' });
    const left = withoutDelivered(chunk!, new Set(['e1']));
    expect(left.eids).toEqual(['e0', 'e2']);
    expect(left.messages.map((m) => JSON.parse(String(m.value)).sys__eid)).toEqual(['e0', 'e2']);
  });
});
