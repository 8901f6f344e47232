import { describe, expect, it } from 'vitest';
import { ResendBlockedError, ResendGate } from '../../../src/outputs/kafka/resend-gate.js';
import { KafkaLog } from '../../../src/outputs/kafka/kafka-logger.js';

describe('ResendGate', () => {
  it('lets each message through once per send and blocks the client\'s own resend', () => {
    const gate = new ResendGate();
    const partition = gate.createPartitioner();
    const message = { key: 'k', value: 'v', partition: 2 };
    const args = { topic: 't', partitionMetadata: [], message };
    gate.open([message]);
    expect(partition(args)).toBe(2);
    expect(() => partition(args)).toThrow(ResendBlockedError);
    gate.open([message]);
    expect(partition(args)).toBe(2);
  });
});

describe('KafkaLog', () => {
  it('prints warnings once, keeps errors as the last cause and never prints them', () => {
    const lines: string[] = [];
    const log = new KafkaLog((line) => lines.push(line));
    const write = log.logCreator(2);
    const entry = (level: number, message: string) => ({ namespace: 'Producer', level, label: '', log: { message, timestamp: '', logger: 'kafkajs' } });
    write(entry(2, 'metadata is stale'));
    write(entry(2, 'metadata is stale'));
    write(entry(2, 'Limiting retries for the idempotent producer may invalidate EoS guarantees'));
    write(entry(1, 'Failed to send messages: Connection error: connect ECONNREFUSED'));
    write(entry(1, 'kafkajs resend blocked (KafkaDelivery checks and resends)'));
    expect(lines).toEqual(['KafkaOutput: kafkajs [Producer] metadata is stale']);
    expect(log.lastError).toBe('Failed to send messages: Connection error: connect ECONNREFUSED');
  });
});
