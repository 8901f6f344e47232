/** Chooses the partition of each message before the client sees it (see partition-chunks.ts). */
import type { ICustomPartitioner, PartitionMetadata } from 'kafkajs';
import { DeepFakerError } from '../../errors.js';
import type { ChunkRouting } from './partition-chunks.js';

/**
 * Kafka's default (murmur2) partition of a key, as every Kafka client computes it, so other
 * producers' messages for the same key land beside ours. Cached: an entity's key repeats
 * for each of its events, and murmur2 is costly in kafkajs.
 */
export function keyPartitioner(partitioner: ReturnType<ICustomPartitioner>, partitions: ReadonlyMap<string, PartitionMetadata[]>, batches: () => number): ChunkRouting['partitionOf'] {
  const cache = new Map<string, Map<string, number>>();
  return (topic, key) => {
    const partitionMetadata = partitions.get(topic);
    if (!partitionMetadata) throw new DeepFakerError('E_KAFKA_CONFIG', `KafkaOutput: topic ${topic} was not prepared when the output opened. Declare every event type before the run starts.`);
    if (key === undefined) return partitionMetadata[batches() % partitionMetadata.length]!.partitionId;
    let byKey = cache.get(topic);
    if (!byKey || byKey.size > 200_000) cache.set(topic, (byKey = new Map()));
    let partition = byKey.get(key);
    if (partition === undefined) byKey.set(key, (partition = partitioner({ topic, partitionMetadata, message: { key, value: null } })));
    return partition;
  };
}
