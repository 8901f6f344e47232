import type { AnyEntity } from '../schema/define-entity.js';
import type { ResolvedSimulationOptions } from './simulation-options.js';
import { ALPHANUMERIC } from '../util/ids.js';

/** One of `count` independent populations of a simulation. */
export interface Partition {
  readonly index: number;
  readonly count: number;
}

/**
 * The options one partition runs with: its own seed derived from (seed, index), its share of
 * the initial entities and of the arrival rate, so the partitions together keep the totals.
 * One partition runs with the options unchanged.
 */
export function partitionOptions(options: ResolvedSimulationOptions, partition: Partition): ResolvedSimulationOptions {
  if (partition.count === 1) return options;
  const { index, count } = partition;
  const share = (n: number) => Math.floor((n * (index + 1)) / count) - Math.floor((n * index) / count);
  return {
    ...options,
    seed: `${options.seed}/partition-${index}-of-${count}`,
    nFlows: options.nFlows / count,
    initialEntities: options.initialEntities.map(([entity, n]) => [entity, share(n)] as readonly [AnyEntity, number]),
  };
}


/** With several partitions, sys__eid starts with the partition's two-character tag. */
export function partitionTag(partition: Partition): string {
  if (partition.count === 1) return '';
  return ALPHANUMERIC[Math.floor(partition.index / 62)]! + ALPHANUMERIC[partition.index % 62]!;
}

/** Partitions are at most 62 × 62 so the tag fits two characters. */
export const MAX_PARTITIONS = 3844;
