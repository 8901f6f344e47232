import { describe, expect, it } from 'vitest';
import { causeText, isConnectionFailure, isRetriableKafkaError, rootCause } from '../../../src/outputs/kafka/kafka-errors.js';

// Shaped like kafkajs' errors: wrappers keep the real error in `cause`.
const refused = Object.assign(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:1'), { name: 'KafkaJSConnectionError', code: 'ECONNREFUSED' });
const wrapped = Object.assign(new Error(refused.message), { name: 'KafkaJSNumberOfRetriesExceeded', retriable: false, cause: refused });
const tooLarge = Object.assign(new Error('The request included a message larger than the max message size the server will accept'), {
  name: 'KafkaJSProtocolError', type: 'MESSAGE_TOO_LARGE', code: 10, retriable: false,
});
const notLeader = Object.assign(new Error('not the leader'), { name: 'KafkaJSProtocolError', type: 'NOT_LEADER_FOR_PARTITION', code: 6, retriable: true });

describe('kafka errors', () => {
  it('finds the cause behind kafkajs wrappers', () => {
    expect(rootCause(wrapped)).toBe(refused);
    expect(causeText(wrapped)).toBe('ECONNREFUSED');
    expect(causeText(tooLarge)).toBe('MESSAGE_TOO_LARGE');
    expect(causeText(Object.assign(new Error('t'), { name: 'KafkaJSRequestTimeoutError' }))).toBe('request timed out');
  });

  it('retries connection and leadership problems, not rejected records or credentials', () => {
    expect(isRetriableKafkaError(wrapped)).toBe(true);
    expect(isRetriableKafkaError(notLeader)).toBe(true);
    expect(isRetriableKafkaError({ name: 'KafkaJSNonRetriableError', cause: tooLarge })).toBe(false);
    expect(isRetriableKafkaError(Object.assign(new Error('bad password'), { name: 'KafkaJSSASLAuthenticationError' }))).toBe(false);
  });

  it('tells an unreachable broker from a refusing one', () => {
    expect(isConnectionFailure(wrapped)).toBe(true);
    expect(isConnectionFailure(tooLarge)).toBe(false);
  });
});
