/**
 * Reads kafkajs errors: kafkajs wraps the real cause (a refused socket, a protocol error)
 * in retry and non-retriable wrappers, and the user needs the cause, not the wrapper.
 */
import { DeepFakerError } from '../../errors.js';
import { DeadlineError } from '../../util/time-bounds.js';
import type { ResolvedKafkaOptions } from './kafka-options.js';

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string | number;
  type?: string;
  retriable?: boolean;
  cause?: unknown;
  originalError?: unknown;
}

/** The innermost error of a kafkajs wrapper chain. */
export function rootCause(error: unknown): ErrorLike {
  let current = (error ?? {}) as ErrorLike;
  for (let depth = 0; depth < 10; depth++) {
    const next = (current.cause ?? current.originalError) as ErrorLike | undefined;
    if (!next || next === current || typeof next !== 'object') break;
    current = next;
  }
  return current;
}

/** A short cause for a one-line message: a socket code, a protocol error type, or the message. */
export function causeText(error: unknown): string {
  const root = rootCause(error);
  if (typeof root.code === 'string' && /^E[A-Z]+$/.test(root.code)) return root.code;
  if (root.name === 'KafkaJSRequestTimeoutError') return 'request timed out';
  if (typeof root.type === 'string') return root.type;
  const message = root.message ?? String(error);
  return message.length > 160 ? `${message.slice(0, 157)}...` : message;
}

/** True when the brokers could not be reached at all (as opposed to refusing the request). */
export function isConnectionFailure(error: unknown): boolean {
  const root = rootCause(error);
  return /Connection|RequestTimeout|BrokerNotFound|MetadataNotLoaded/.test(root.name ?? '') ||
    (typeof root.code === 'string' && /^E[A-Z]+$/.test(root.code));
}

/**
 * False for errors no retry can fix: bad credentials, a record too large, an authorization
 * or configuration failure reported by the broker.
 */
export function isRetriableKafkaError(error: unknown): boolean {
  const root = rootCause(error);
  if (/SASL|Authentication/i.test(root.name ?? '')) return false;
  if (['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'DeepFakerError'].includes(root.name ?? '')) return false;
  if (root.name === 'KafkaJSProtocolError' && root.retriable === false) return false;
  return true;
}

/** The one-line error for open(): unreachable, missing topics, credentials, or else. */
export function openError(error: unknown, resolved: ResolvedKafkaOptions, topics: readonly string[]): DeepFakerError {
  if (error instanceof DeepFakerError) return error;
  const brokers = resolved.brokers.join(',');
  const seconds = Math.round(resolved.connectTimeoutMs / 100) / 10;
  const cause = error instanceof DeadlineError ? 'timed out' : causeText(error);
  if (error instanceof DeadlineError || isConnectionFailure(error)) {
    return new DeepFakerError('E_KAFKA_UNREACHABLE', `KafkaOutput: cannot reach brokers ${brokers} (${cause}) within ${seconds} s. Is Kafka running? Check brokers / --kafka.`);
  }
  const root = rootCause(error);
  if (root.type === 'UNKNOWN_TOPIC_OR_PARTITION') {
    return new DeepFakerError('E_KAFKA_TOPIC', `KafkaOutput: topics ${[...new Set(topics)].join(', ')} do not all exist on ${brokers}, and the brokers do not create topics on first use. Create them, or enable auto.create.topics.enable.`);
  }
  if (/SASL|Authentication/i.test(root.name ?? '')) {
    return new DeepFakerError('E_KAFKA_AUTH', `KafkaOutput: brokers ${brokers} refused the credentials (${cause}). Check the sasl and ssl options.`);
  }
  return new DeepFakerError('E_KAFKA_OPEN', `KafkaOutput: cannot open a producer on ${brokers}: ${cause}. Check the broker settings and permissions.`);
}

/** The error a failed write rejects with: what was lost, why, and how much got through. */
export function deliveryError(name: string, error: unknown, lost: number, delivered: number): DeepFakerError {
  if (error instanceof DeepFakerError) return error;
  const failure = (error ?? {}) as { attempts?: number; aborted?: boolean };
  const tries = failure.attempts ? ` after ${failure.attempts} attempt${failure.attempts === 1 ? '' : 's'}` : '';
  const why = failure.aborted ? `the run was stopped; last error: ${causeText(error)}` : causeText(error);
  const hint = isConnectionFailure(error) ? ' Is Kafka running? Check brokers / --kafka.' : '';
  return new DeepFakerError('E_KAFKA_DELIVERY', `KafkaOutput (${name}): could not deliver ${lost} events${tries} (${why}); ${delivered} events delivered so far.${hint}`);
}
