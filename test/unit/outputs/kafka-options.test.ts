import { thrown } from '../../helpers/thrown.js';
import { describe, expect, it } from 'vitest';
import { resolveKafkaOptions, parseBrokers } from '../../../src/outputs/kafka/kafka-options.js';
import type { EventInfo, EventRecord } from '../../../src/outputs/output.js';

const str = (name: string, primaryKey = false) => ({ name, kind: 'string' as const, required: true, primaryKey });
const EVENTS: EventInfo[] = [
  { name: 'AccountCreated', fields: [str('user_id', true), str('email')], keyField: 'user_id' },
  { name: 'OrderCompleted', fields: [str('user_id'), str('order_id')], keyField: 'user_id' },
  { name: 'Heartbeat', fields: [str('note')], keyField: undefined },
];
const event = (event_type: string, fields: Record<string, unknown> = {}): EventRecord =>
  ({ event_type, sys__eid: 'eid000000001', sys__ets: 0, sys__sid: 'sid0000000000001', ...fields });

describe('resolveKafkaOptions', () => {
  it('maps event names to prefixed topics, the rest to the default topic', () => {
    const resolved = resolveKafkaOptions({ brokers: 'a:9092, b:9092', topicMapping: { AccountCreated: 'users' }, defaultTopic: 'events', topicPrefix: 'df.' }, EVENTS);
    expect(resolved.brokers).toEqual(['a:9092', 'b:9092']);
    expect(Object.fromEntries(resolved.topics)).toEqual({ AccountCreated: 'df.users', OrderCompleted: 'df.events', Heartbeat: 'df.events' });
    expect(resolved.topicOf(event('Undeclared'))).toBe('df.events');
  });

  it('gives each event type a topic named after it with topicPerEvent', () => {
    const resolved = resolveKafkaOptions({ brokers: 'k:9092', topicPerEvent: true, topicPrefix: 'sim.', topicMapping: { Heartbeat: 'beats' } }, EVENTS);
    expect(Object.fromEntries(resolved.topics)).toEqual({ AccountCreated: 'sim.AccountCreated', OrderCompleted: 'sim.OrderCompleted', Heartbeat: 'sim.beats' });
    expect([...resolved.allTopics]).toEqual(['sim.AccountCreated', 'sim.OrderCompleted', 'sim.beats']);
  });

  it('lists every event type without a topic and every unknown mapping key, in one error', () => {
    const message = problemsOf(() => resolveKafkaOptions({ brokers: ['k:9092'], topicMapping: { AccountCreated: 'users', OrderComplete: 'orders', Ghost: 'g' } }, EVENTS));
    expect(message).toContain('KafkaOutput: no topic for event types OrderCompleted, Heartbeat. Add them to topicMapping');
    expect(message).toContain("OrderCompleted: 'ordercompleted'");
    expect(message).toContain('set defaultTopic, or set topicPerEvent: true');
    expect(message).toContain('topicMapping: "OrderComplete", "Ghost" are not event types (event types: AccountCreated, OrderCompleted, Heartbeat)');
    expect(message.split('\n')).toHaveLength(2);
  });

  it('rejects bad brokers, topic names and batch sizes', () => {
    const message = problemsOf(() => resolveKafkaOptions({ brokers: 'localhost', defaultTopic: 'bad topic!', batchSize: 0 }, EVENTS));
    expect(message).toContain('"localhost" is not host:port');
    expect(message).toContain('topic name "bad topic!" is not valid');
    expect(message).toContain('batchSize: expected a positive integer, got 0');
    expect(problemsOf(() => resolveKafkaOptions({ brokers: [], defaultTopic: 't' }, EVENTS))).toContain("expected 'host:port' entries");
  });

  it('keys by the event type\'s key field by default, as text', () => {
    const { keyOf } = resolveKafkaOptions({ brokers: 'k:9092', defaultTopic: 't' }, EVENTS);
    expect(keyOf(event('AccountCreated', { user_id: 'u1' }))).toBe('u1');
    expect(keyOf(event('OrderCompleted', { user_id: 42 }))).toBe('42');
    expect(keyOf(event('OrderCompleted', { user_id: null }))).toBeUndefined();
    expect(keyOf(event('Heartbeat', { note: 'x' }))).toBeUndefined();
  });

  it('keys by a named field or a function when given', () => {
    expect(resolveKafkaOptions({ brokers: 'k:9092', defaultTopic: 't', key: 'order_id' }, EVENTS).keyOf(event('OrderCompleted', { order_id: 'o1' }))).toBe('o1');
    expect(resolveKafkaOptions({ brokers: 'k:9092', defaultTopic: 't', key: 'sys__sid' }, EVENTS).keyOf(event('Heartbeat'))).toBe('sid0000000000001');
    expect(resolveKafkaOptions({ brokers: 'k:9092', defaultTopic: 't', key: (e) => `${e.event_type}-x` }, EVENTS).keyOf(event('Heartbeat'))).toBe('Heartbeat-x');
    expect(problemsOf(() => resolveKafkaOptions({ brokers: 'k:9092', defaultTopic: 't', key: 'orderid' }, EVENTS))).toContain('no event type has a field "orderid"');
  });

  it('fails for an undeclared event type when there is no default topic', () => {
    const resolved = resolveKafkaOptions({ brokers: 'k:9092', topicMapping: { AccountCreated: 'a', OrderCompleted: 'o', Heartbeat: 'h' } }, EVENTS);
    expect(() => resolved.topicOf(event('Undeclared'))).toThrow('event type Undeclared was not declared when the output opened');
  });
});

describe('parseBrokers', () => {
  it('accepts a list or a comma-separated string', () => {
    expect(parseBrokers(' a:1 ,b:2,')).toEqual(['a:1', 'b:2']);
    expect(parseBrokers(['a:1'])).toEqual(['a:1']);
  });
});

function problemsOf(run: () => unknown): string {
  return thrown(run, 'E_KAFKA_CONFIG').message;
}
