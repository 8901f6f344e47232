/**
 * Reads back which events a partition already holds, to tell a send whose acknowledgement
 * was lost from one that never arrived. Used only after a failed send, never per batch.
 */
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';

/** Offsets `from` (included) to `to` (excluded) of one partition. */
export interface OffsetRange {
  readonly topic: string;
  readonly partition: number;
  readonly from: number;
  readonly to: number;
}

/**
 * The `sys__eid` headers of every record in the ranges. kafkajs has no consumer without a
 * group, so this joins a throwaway group (nothing is committed) and seeks each partition.
 */
export async function readEventIds(kafka: Kafka, clientId: string, ranges: readonly OffsetRange[], timeoutMs: number): Promise<Set<string>> {
  const ids = new Set<string>();
  const pending = new Map(ranges.filter((r) => r.to > r.from).map((r) => [`${r.topic}:${r.partition}`, r]));
  if (pending.size === 0) return ids;
  const consumer = kafka.consumer({
    groupId: `${clientId}-delivery-check-${randomUUID()}`,
    // Short timeouts: the group has one member and lives for a few seconds.
    sessionTimeout: 10_000,
    rebalanceTimeout: 10_000,
    heartbeatInterval: 1000,
    maxWaitTimeInMs: 100,
    allowAutoTopicCreation: false,
    // A crash restarts the group without our seeks; fail instead, the caller retries.
    retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1000, restartOnFailure: async () => false },
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [...new Set(ranges.map((r) => r.topic))], fromBeginning: false });
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`reading back ${pending.size} partition(s) took longer than ${timeoutMs} ms`)), timeoutMs);
      consumer.on(consumer.events.CRASH, (event) => reject(event.payload.error));
      consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          const id = `${batch.topic}:${batch.partition}`;
          const range = pending.get(id);
          if (!range) return;
          for (const message of batch.messages) {
            const offset = Number(message.offset);
            const eid = message.headers?.sys__eid;
            if (offset >= range.from && offset < range.to && eid !== undefined) ids.add(String(eid));
          }
          if (Number(batch.lastOffset()) >= range.to - 1) pending.delete(id);
          if (pending.size === 0) resolve();
        },
      }).catch(reject);
      // run() builds the group synchronously, so these seeks are in place before the first fetch.
      for (const r of pending.values()) consumer.seek({ topic: r.topic, partition: r.partition, offset: String(r.from) });
    });
    return ids;
  } finally {
    clearTimeout(timer);
    await consumer.disconnect().catch(() => undefined);
  }
}
