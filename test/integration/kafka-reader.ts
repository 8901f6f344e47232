/** Reads Kafka topics back for the integration tests: every record, with a fresh group. */
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import type { EventRecord } from '../../src/outputs/output.js';
import { kafkaBrokers } from './services.js';

export interface Consumed {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  headers: Record<string, string>;
  event: EventRecord;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every record in the topics, read from the beginning, once `expected` arrived (or the timeout). */
export async function readAll(topics: string[], expected: number, timeoutMs = 30_000): Promise<Consumed[]> {
  const kafka = new Kafka({ brokers: kafkaBrokers()!, logLevel: logLevel.NOTHING, clientId: 'df-test-reader' });
  const consumer = kafka.consumer({ groupId: `df-test-${randomUUID()}`, sessionTimeout: 10_000, rebalanceTimeout: 10_000, heartbeatInterval: 1000, maxWaitTimeInMs: 100 });
  const records: Consumed[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        records.push({ topic, partition, offset: Number(message.offset), key: message.key?.toString() ?? null, headers, event: JSON.parse(message.value!.toString()) });
      },
    });
    const deadline = Date.now() + timeoutMs;
    while (records.length < expected && Date.now() < deadline) await sleep(100);
    await sleep(500); // a duplicate would arrive right behind the expected records
  } finally {
    await consumer.disconnect();
  }
  return records;
}
