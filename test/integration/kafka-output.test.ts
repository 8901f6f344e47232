/**
 * KafkaOutput against the Kafka mock (librdkafka's mock cluster behind kafka-mock-proxy.js).
 * Each test writes to its own topics and reads them back with a fresh consumer group.
 * The broker-loss test kills the mock and restarts it, so it runs last.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { DeepFakerError } from '../../src/errors.js';
import { createEventBatch } from '../../src/outputs/event-batch.js';
import { KafkaOutput, type KafkaOutputOptions } from '../../src/outputs/kafka-output.js';
import type { EventInfo, EventRecord, OutputOpenContext } from '../../src/outputs/output.js';
import { checkService, kafkaBrokers } from './services.js';
import { readAll, type Consumed } from './kafka-reader.js';

const status = await checkService('kafka');
const MOCK = '../shared/services/kafka-mock.sh';
const run = promisify(execFile);
const mock = (command: 'down' | 'up' | 'restart') => run('bash', [MOCK, command], { env: { ...process.env, KAFKA_MOCK_PROXY_PORT: '19092' } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const str = (name: string, primaryKey = false) => ({ name, kind: 'string' as const, required: true, primaryKey });
const EVENTS: EventInfo[] = [
  { name: 'UserCreated', fields: [str('user_id', true), str('email')], keyField: 'user_id' },
  { name: 'ItemAdded', fields: [str('user_id'), str('item_id')], keyField: 'user_id' },
  { name: 'OrderPlaced', fields: [str('user_id'), str('order_id', true)], keyField: 'user_id' },
];

/** `count` events of `users` users, cycling through the three types, in time order. */
function makeEvents(count: number, users: number, from = 0): EventRecord[] {
  const types = ['UserCreated', 'ItemAdded', 'OrderPlaced'];
  return Array.from({ length: count }, (_, n) => {
    const i = from + n;
    const user = `user-${i % users}`;
    const base = { event_type: types[Math.floor(i / users) % 3]!, sys__eid: `e${String(i).padStart(11, '0')}`, sys__ets: 1_735_689_600_000 + i, sys__sid: `s${i % 7}`, user_id: user };
    if (base.event_type === 'UserCreated') return { ...base, email: `${user}@example.com` };
    if (base.event_type === 'ItemAdded') return { ...base, item_id: `item-${i}` };
    return { ...base, order_id: `order-${i}` };
  });
}

function openContext(lines: string[] = [], signal = new AbortController().signal): OutputOpenContext {
  return { events: EVENTS, log: (line) => lines.push(line), signal };
}

/** How many records the topics hold, from their offsets: counts duplicates without reading. */
async function recordCount(topics: string[]): Promise<number> {
  const kafka = new Kafka({ brokers: kafkaBrokers()!, logLevel: logLevel.NOTHING, clientId: 'df-test-admin' });
  const admin = kafka.admin();
  await admin.connect();
  try {
    let total = 0;
    for (const topic of topics) for (const p of await admin.fetchTopicOffsets(topic)) total += Number(p.high) - Number(p.low);
    return total;
  } finally {
    await admin.disconnect();
  }
}

function expectExactlyOnce(records: Consumed[], events: EventRecord[]): void {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.headers.sys__eid!, (counts.get(r.headers.sys__eid!) ?? 0) + 1);
  expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
  expect(events.filter((e) => !counts.has(e.sys__eid)).map((e) => e.sys__eid)).toEqual([]);
  expect(records).toHaveLength(events.length);
}

describe.runIf(status.available)('KafkaOutput (Kafka mock)', () => {
  const runId = randomUUID().slice(0, 8);
  let testNo = 0;
  const prefix = () => `df-test-${runId}-${++testNo}-`;
  const newOutput = (options: Partial<KafkaOutputOptions>) => new KafkaOutput({ brokers: kafkaBrokers()!, ...options });

  it('delivers every event once, keyed by entity, with headers, mapped topics and per-entity order', async () => {
    const topicPrefix = prefix();
    const output = newOutput({ topicPrefix, topicMapping: { UserCreated: 'users', ItemAdded: 'carts' }, defaultTopic: 'events' });
    await output.open(openContext());
    const events = makeEvents(3000, 40);
    const writes: Promise<void>[] = [];
    // Not awaited one by one: the output itself must keep the batches in order.
    for (let i = 0; i < events.length; i += 500) writes.push(output.write(createEventBatch(events.slice(i, i + 500))));
    await Promise.all(writes);
    expect(output.stats()).toEqual({ delivered: 3000, failed: 0, inFlight: 0 });
    await output.close();

    const topics = ['users', 'carts', 'events'].map((t) => topicPrefix + t);
    const records = await readAll(topics, events.length);
    expectExactlyOnce(records, events);
    const expectedTopic: Record<string, string> = { UserCreated: 'users', ItemAdded: 'carts', OrderPlaced: 'events' };
    for (const r of records) {
      expect(r.topic).toBe(topicPrefix + expectedTopic[r.event.event_type]);
      expect(r.headers).toEqual({ event_type: r.event.event_type, sys__eid: r.event.sys__eid });
      expect(r.key).toBe(r.event.user_id);
    }
    // One entity's events of one topic: all in one partition, in time order by offset.
    const byKey = new Map<string, Consumed[]>();
    for (const r of records) byKey.set(`${r.topic}/${r.key}`, [...(byKey.get(`${r.topic}/${r.key}`) ?? []), r]);
    for (const list of byKey.values()) {
      expect(new Set(list.map((r) => r.partition)).size).toBe(1);
      const byOffset = [...list].sort((a, b) => a.offset - b.offset).map((r) => r.event.sys__ets);
      expect(byOffset).toEqual([...byOffset].sort((a, b) => a - b));
    }
    expect(new Set(records.map((r) => `${r.topic}/${r.partition}`)).size).toBeGreaterThan(3);
  });

  it('takes the key from a named field or a function', async () => {
    const byField = prefix();
    const byFunction = prefix();
    const a = newOutput({ topicPrefix: byField, defaultTopic: 'all', key: 'sys__sid' });
    const b = newOutput({ topicPrefix: byFunction, defaultTopic: 'all', key: (e) => (e.event_type === 'OrderPlaced' ? undefined : `${e.event_type}:${e.user_id}`) });
    await a.open(openContext());
    await b.open(openContext());
    const events = makeEvents(60, 5);
    await a.write(createEventBatch(events));
    await b.write(createEventBatch(events));
    await Promise.all([a.close(), b.close()]);
    const [fromField, fromFunction] = await Promise.all([readAll([`${byField}all`], 60), readAll([`${byFunction}all`], 60)]);
    for (const r of fromField) expect(r.key).toBe(r.event.sys__sid);
    for (const r of fromFunction) expect(r.key).toBe(r.event.event_type === 'OrderPlaced' ? null : `${r.event.event_type}:${r.event.user_id}`);
    expectExactlyOnce(fromFunction, events);
  });

  it('does not duplicate a send whose acknowledgement was lost', async () => {
    // The mock keeps a resent record batch twice (it has no duplicate check); make kafkajs
    // lose the acknowledgement of produce requests that did reach the broker.
    const require = createRequire(import.meta.url);
    const Broker = require('kafkajs/src/broker/index.js');
    const { KafkaJSConnectionError } = require('kafkajs/src/errors.js');
    const produce = Broker.prototype.produce;
    let lose = 0;
    Broker.prototype.produce = async function (this: unknown, ...args: unknown[]) {
      const response = await produce.apply(this, args);
      if (lose > 0) {
        lose--;
        throw new KafkaJSConnectionError('acknowledgement lost (test)', { broker: 'test' });
      }
      return response;
    };
    const topicPrefix = prefix();
    const lines: string[] = [];
    const output = newOutput({ topicPrefix, defaultTopic: 'events' });
    try {
      await output.open(openContext(lines));
      const events = makeEvents(1500, 30);
      await output.write(createEventBatch(events.slice(0, 500)));
      lose = 2;
      await output.write(createEventBatch(events.slice(500, 1000)));
      await output.write(createEventBatch(events.slice(1000)));
      expect(await recordCount([`${topicPrefix}events`])).toBe(1500);
      expect(output.stats()).toEqual({ delivered: 1500, failed: 0, inFlight: 0 });
      expect(lines.some((l) => /had reached Kafka/.test(l))).toBe(true);
      expectExactlyOnce(await readAll([`${topicPrefix}events`], 1500), events);
    } finally {
      Broker.prototype.produce = produce;
      await output.close();
    }
  });

  it('rides out a broker outage of a few seconds: nothing lost, nothing duplicated', async () => {
    const topicPrefix = prefix();
    const lines: string[] = [];
    const output = newOutput({ topicPrefix, topicMapping: { UserCreated: 'users' }, defaultTopic: 'events' });
    await output.open(openContext(lines));
    const events = makeEvents(6000, 50);
    const outage = (async () => {
      await sleep(300);
      await mock('down');
      await sleep(4000);
      await mock('up');
    })();
    try {
      for (let i = 0; i < events.length; i += 200) {
        await output.write(createEventBatch(events.slice(i, i + 200)));
        await sleep(25); // spread the writes over the outage
      }
    } finally {
      await outage;
    }
    expect(output.stats()).toEqual({ delivered: 6000, failed: 0, inFlight: 0 });
    expect(lines.some((l) => /send failed/.test(l))).toBe(true); // the outage was felt
    await output.close();
    const topics = [`${topicPrefix}users`, `${topicPrefix}events`];
    expect(await recordCount(topics)).toBe(6000);
    expectExactlyOnce(await readAll(topics, 6000), events);
  });

  it('stops retrying when the run is stopped', async () => {
    const topicPrefix = prefix();
    const stop = new AbortController();
    const output = newOutput({ topicPrefix, defaultTopic: 'events' });
    await output.open(openContext([], stop.signal));
    const events = makeEvents(400, 10);
    await output.write(createEventBatch(events.slice(0, 200)));
    await mock('down');
    try {
      const writing = output.write(createEventBatch(events.slice(200))).then(() => undefined, (e: unknown) => e);
      await sleep(800);
      const stopped = Date.now();
      stop.abort();
      const failure = await writing;
      expect(Date.now() - stopped).toBeLessThan(5000);
      expect((failure as Error).message).toMatch(/could not deliver 200 events after \d attempts? \(the run was stopped; last error: ECONNREFUSED\); 200 events delivered so far/);
      expect(output.stats()).toEqual({ delivered: 200, failed: 200, inFlight: 0 });
    } finally {
      await mock('up');
      await output.close();
    }
  });

  it('fails a write with a clear error when the broker is gone, then shows the counts', async () => {
    const topicPrefix = prefix();
    const output = newOutput({ topicPrefix, defaultTopic: 'events' });
    await output.open(openContext());
    const events = makeEvents(2000, 20);
    try {
      await output.write(createEventBatch(events.slice(0, 500)));
      const pid = Number(readFileSync('.kafka-mock.pid', 'utf8').trim());
      process.kill(pid, 'SIGKILL');
      const begin = Date.now();
      const failure = await output.write(createEventBatch(events.slice(500, 1000))).then(() => undefined, (e: unknown) => e);
      expect(failure).toBeInstanceOf(DeepFakerError);
      expect((failure as DeepFakerError).code).toBe('E_KAFKA_DELIVERY');
      expect((failure as Error).message).toMatch(/^KafkaOutput \(kafka 127\.0\.0\.1:19092.*\): could not deliver 500 events .*ECONNREFUSED.*500 events delivered so far.*Is Kafka running\?/);
      expect(Date.now() - begin).toBeLessThan(20_000);
      expect(output.stats()).toEqual({ delivered: 500, failed: 500, inFlight: 0 });
      // The output stays failed: later writes reject at once (their events count as failed),
      // flush reports it, close is safe.
      await expect(output.write(createEventBatch(events.slice(1000)))).rejects.toBe(failure);
      expect(output.stats()).toEqual({ delivered: 500, failed: 1500, inFlight: 0 });
      await expect(output.flush()).rejects.toBe(failure);
      const closing = Date.now();
      await output.close();
      expect(Date.now() - closing).toBeLessThan(6000);
    } finally {
      await mock('restart');
    }
  });
});

describe('KafkaOutput without a broker', () => {
  it('rejects open() within 10 s with one line when the brokers cannot be reached', async () => {
    const output = new KafkaOutput({ brokers: '127.0.0.1:1', defaultTopic: 'events' });
    const begin = Date.now();
    const failure = await output.open(openContext()).then(() => undefined, (e: unknown) => e);
    expect(Date.now() - begin).toBeLessThan(10_000);
    expect(failure).toBeInstanceOf(DeepFakerError);
    expect((failure as Error).message).toBe('KafkaOutput: cannot reach brokers 127.0.0.1:1 (ECONNREFUSED) within 10 s. Is Kafka running? Check brokers / --kafka.');
    await output.close();
  });

  it('reports every event type without a topic before connecting', async () => {
    const output = new KafkaOutput({ brokers: '127.0.0.1:1', topicMapping: { UserCreated: 'users', Nope: 'x' } });
    const failure = await output.open(openContext()).then(() => undefined, (e: unknown) => e);
    expect((failure as DeepFakerError).code).toBe('E_KAFKA_CONFIG');
    expect((failure as Error).message).toContain('no topic for event types ItemAdded, OrderPlaced');
    expect((failure as Error).message).toContain('"Nope" is not an event type');
  });
});
