/**
 * The Kafka sink: how many quick-start-shaped events per second KafkaOutput delivers
 * (idempotent producer, acks from all replicas, one JSON message per event).
 * Fixed workload: 200 000 events of 10 000 users over 3 topics, batches of 5 000.
 * Needs the Kafka mock: KAFKA_MOCK_PROXY_PORT=19092 ../shared/services/kafka-mock.sh start
 * Run: npx tsx bench/kafka-sink.ts [events] [batch events] [batchSize per request]
 */
import { KafkaOutput } from '../src/outputs/kafka-output.js';
import { createEventBatch } from '../src/outputs/event-batch.js';
import type { EventBatch } from '../src/outputs/output.js';
import { SYNTHETIC_EVENT_INFO, syntheticBatches } from './workloads/synthetic-events.js';
import { kafkaBrokers } from '../test/integration/services.js';

const EVENTS = Number(process.argv[2] ?? 200_000);
const BATCH = Number(process.argv[3] ?? 5000);
const REQUEST_BATCH = Number(process.argv[4] ?? 500);
const USERS = 10_000;

const EVENT_INFO = SYNTHETIC_EVENT_INFO;
// A round of every user per type: each user's events go to one partition, in order.
const makeBatches = () => syntheticBatches(EVENTS, BATCH, USERS, (i) => Math.floor(i / USERS) % 4);

async function main(): Promise<void> {
  const brokers = kafkaBrokers();
  if (!brokers) throw new Error('no .kafka-bootstrap: start the mock with KAFKA_MOCK_PROXY_PORT=19092 ../shared/services/kafka-mock.sh start');
  // Fixed topics: the mock keeps at most 5 MiB per partition, so reruns do not grow its memory.
  const prefix = 'df-bench-';
  const output = new KafkaOutput({
    brokers,
    topicPrefix: prefix,
    topicMapping: { AccountCreated: 'users', ProductAdded: 'carts', OrderCompleted: 'orders' },
    batchSize: REQUEST_BATCH,
  });
  await output.open({ events: EVENT_INFO, log: (m) => console.error(m), signal: new AbortController().signal });
  const batches = makeBatches();
  const bytes = batches.reduce((n, b) => n + b.jsonLines().length, 0);
  // Warm-up: the first sends pay for connections and JIT.
  await output.write(createEventBatch(batches[0]!.events.map((e) => ({ ...e, sys__eid: `warm${e.sys__eid}` }))));
  const begin = performance.now();
  const cpuBefore = process.cpuUsage();
  for (const batch of batches) await output.write(batch);
  const seconds = (performance.now() - begin) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await output.close();
  const stats = output.stats();
  const baseline = await kafkajsAlone(brokers, batches, prefix);
  console.log(`kafka sink: ${EVENTS} events (${(bytes / 1e6).toFixed(1)} MB JSON) in batches of ${BATCH}, ${REQUEST_BATCH} per request`);
  console.log(`  KafkaOutput     ${rate(EVENTS, seconds)} events/s, client CPU ${perEvent(cpu)} µs/event; delivered ${stats.delivered}, failed ${stats.failed}`);
  console.log(`  kafkajs alone   ${rate(EVENTS, baseline.seconds)} msg/s,    client CPU ${perEvent(baseline.cpu)} µs/msg (messages built beforehand, sendBatch of 1000)`);
}

/**
 * The ceiling: the same messages through a bare idempotent kafkajs producer, built before
 * the clock starts. Measured in the same run because the machine's load moves both figures.
 */
async function kafkajsAlone(brokers: string[], batches: EventBatch[], prefix: string): Promise<{ seconds: number; cpu: NodeJS.CpuUsage }> {
  const { Kafka, Partitioners, logLevel } = await import('kafkajs');
  const producer = new Kafka({ brokers, logLevel: logLevel.NOTHING }).producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const topic = `${prefix}baseline`;
  const messages = batches.flatMap((b) => b.events).map((e) => ({ key: String(e.user_id), value: JSON.stringify(e), headers: { event_type: e.event_type, sys__eid: e.sys__eid } }));
  await producer.send({ topic, acks: -1, messages: messages.slice(0, 1000) });
  const begin = performance.now();
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < messages.length; i += 1000) await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages: messages.slice(i, i + 1000) }] });
  const result = { seconds: (performance.now() - begin) / 1000, cpu: process.cpuUsage(cpuBefore) };
  await producer.disconnect();
  return result;
}

const rate = (events: number, seconds: number) => Math.round(events / seconds).toLocaleString('en-US').padStart(7);
const perEvent = (cpu: NodeJS.CpuUsage) => ((cpu.user + cpu.system) / EVENTS).toFixed(1);

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
