/**
 * KafkaOutput's options and their checked, normalized form. No I/O here, so every
 * configuration problem is reported at once, before any broker is contacted.
 */
import type { KafkaConfig, SASLOptions } from 'kafkajs';
import { DeepFakerError, ProblemList, describeValue } from '../../errors.js';
import type { EventInfo, EventRecord } from '../output.js';
import type { RetryOptions } from '../retry.js';

export interface KafkaOutputOptions {
  /** Bootstrap brokers: `['host:9092', ...]` or one comma-separated string. */
  brokers: string[] | string;
  /** Topic per event name, e.g. `{ AccountCreated: 'users' }`. */
  topicMapping?: Record<string, string>;
  /** Topic for every event name missing from `topicMapping`. */
  defaultTopic?: string;
  /** A topic per event type, named after it (`AccountCreated`), for names not in `topicMapping`. */
  topicPerEvent?: boolean;
  /** Put before every topic name, e.g. `'staging.'`. */
  topicPrefix?: string;
  /**
   * Message key: a field name, or a function of the event. By default the event's key field
   * (the primary key of its main entity), so one entity's events stay in one partition.
   */
  key?: string | ((event: EventRecord) => string | undefined);
  /** Default 'deep-faker'. */
  clientId?: string;
  ssl?: KafkaConfig['ssl'];
  sasl?: SASLOptions;
  /** Most messages in one produce request to one partition (default 500). */
  batchSize?: number;
  /** How long open() may take to reach the brokers (default 10 000 ms). */
  connectTimeoutMs?: number;
  /** Our retries around each send, on top of the client's reconnects. */
  retry?: Pick<RetryOptions, 'attempts' | 'initialDelayMs' | 'maxDelayMs'>;
}

export interface ResolvedKafkaOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly ssl: KafkaConfig['ssl'];
  readonly sasl: SASLOptions | undefined;
  readonly batchSize: number;
  readonly connectTimeoutMs: number;
  readonly retry: Required<Pick<RetryOptions, 'attempts' | 'initialDelayMs' | 'maxDelayMs'>>;
  /** Full topic name (prefix included) per declared event name. */
  readonly topics: ReadonlyMap<string, string>;
  /** Every topic this output may write to: the mapped ones and the default topic. */
  readonly allTopics: ReadonlySet<string>;
  /** The topic of one event; an event type unknown at open() still goes to defaultTopic. */
  topicOf(event: EventRecord): string;
  /** The message key of an event; undefined sends it without a key. */
  keyOf(event: EventRecord): string | undefined;
}

// Kafka's own rule for topic names.
const TOPIC_NAME = /^[A-Za-z0-9._-]{1,249}$/;

/** Parses the brokers option alone: the output's name needs it before open(). */
export function parseBrokers(brokers: string[] | string): string[] {
  const list = Array.isArray(brokers) ? brokers : typeof brokers === 'string' ? brokers.split(',') : [];
  return list.map((b) => String(b).trim()).filter((b) => b.length > 0);
}

/**
 * Checks the options against the simulation's event types and resolves a topic and a key
 * for each. Throws one DeepFakerError listing every problem.
 */
export function resolveKafkaOptions(options: KafkaOutputOptions, events: readonly EventInfo[]): ResolvedKafkaOptions {
  const problems = new ProblemList('E_KAFKA_CONFIG');
  const brokers = parseBrokers(options.brokers);
  if (brokers.length === 0) {
    problems.add(`KafkaOutput, brokers: expected 'host:port' entries, got ${describeValue(options.brokers)}. Pass e.g. brokers: ['localhost:9092'] or --kafka localhost:9092.`);
  }
  for (const b of brokers) {
    if (!/^[^\s:]+:\d{1,5}$/.test(b)) problems.add(`KafkaOutput, brokers: ${JSON.stringify(b)} is not host:port. Write it like 'localhost:9092'.`);
  }
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    problems.add(`KafkaOutput, batchSize: expected a positive integer, got ${describeValue(options.batchSize)}.`);
  }
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  if (!(connectTimeoutMs > 0)) {
    problems.add(`KafkaOutput, connectTimeoutMs: expected a positive number of milliseconds, got ${describeValue(options.connectTimeoutMs)}.`);
  }
  const topics = resolveTopics(options, events, problems);
  const keyOf = resolveKey(options, events, problems);
  problems.throwIfAny();
  return {
    brokers,
    clientId: options.clientId ?? 'deep-faker',
    ssl: options.ssl,
    sasl: options.sasl,
    batchSize,
    connectTimeoutMs,
    retry: { attempts: 6, initialDelayMs: 250, maxDelayMs: 3000, ...options.retry },
    topics,
    allTopics: new Set([...topics.values(), ...(options.defaultTopic === undefined ? [] : [(options.topicPrefix ?? '') + options.defaultTopic])]),
    topicOf: (event) => topics.get(event.event_type) ?? fallbackTopic(options, event),
    keyOf,
  };
}

function resolveTopics(options: KafkaOutputOptions, events: readonly EventInfo[], problems: ProblemList): Map<string, string> {
  const prefix = options.topicPrefix ?? '';
  const mapping = options.topicMapping ?? {};
  const names = events.map((e) => e.name);
  const unknown = Object.keys(mapping).filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    problems.add(`KafkaOutput, topicMapping: ${unknown.map((n) => JSON.stringify(n)).join(', ')} ${unknown.length === 1 ? 'is not an event type' : 'are not event types'} (event types: ${names.join(', ') || 'none'}). Fix the spelling or remove the entry.`);
  }
  const topics = new Map<string, string>();
  const unmapped: string[] = [];
  for (const name of names) {
    const topic = mapping[name] ?? (options.topicPerEvent ? name : options.defaultTopic);
    if (topic === undefined) unmapped.push(name);
    else topics.set(name, prefix + topic);
  }
  if (unmapped.length > 0) {
    const example = unmapped.map((n) => `${n}: '${n.toLowerCase()}'`).join(', ');
    problems.add(`KafkaOutput: no topic for event type${unmapped.length === 1 ? '' : 's'} ${unmapped.join(', ')}. Add ${unmapped.length === 1 ? 'it' : 'them'} to topicMapping ({ ${example} }), set defaultTopic, or set topicPerEvent: true.`);
  }
  const all = new Set(topics.values());
  if (options.defaultTopic !== undefined) all.add(prefix + options.defaultTopic);
  for (const topic of all) {
    if (!TOPIC_NAME.test(topic)) problems.add(`KafkaOutput: topic name ${JSON.stringify(topic)} is not valid. Use at most 249 letters, digits, '.', '_' or '-'.`);
  }
  return topics;
}

function resolveKey(options: KafkaOutputOptions, events: readonly EventInfo[], problems: ProblemList): (event: EventRecord) => string | undefined {
  const key = options.key;
  if (typeof key === 'function') return (event) => keyText(key(event));
  if (typeof key === 'string') {
    const known = events.some((e) => e.fields.some((f) => f.name === key)) || key.startsWith('sys__') || key === 'event_type';
    if (!known) {
      problems.add(`KafkaOutput, key: no event type has a field ${JSON.stringify(key)}. Name a field of your events, or pass a function (event) => string.`);
    }
    return (event) => keyText(event[key]);
  }
  if (key !== undefined) {
    problems.add(`KafkaOutput, key: expected a field name or a function, got ${describeValue(key)}.`);
  }
  const keyFields = new Map(events.map((e) => [e.name, e.keyField]));
  return (event) => {
    const field = keyFields.get(event.event_type);
    return field === undefined ? undefined : keyText(event[field]);
  };
}

function keyText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function fallbackTopic(options: KafkaOutputOptions, event: EventRecord): string {
  if (options.defaultTopic !== undefined) return (options.topicPrefix ?? '') + options.defaultTopic;
  throw new DeepFakerError('E_KAFKA_CONFIG', `KafkaOutput: event type ${event.event_type} was not declared when the output opened and there is no defaultTopic. Map it in topicMapping or set defaultTopic.`);
}
