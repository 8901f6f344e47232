/** Messages between the main thread and the worker threads that run partitions. */
import type { SerializedCounters } from './run-counters.js';
import type { EntityCounts } from '../state/entity-store.js';
import type { StopReason } from './partition-run.js';

/**
 * What a worker thread gets when it starts: it loads the file while the run is set up, from
 * the bundle that a 'load' message names (see bundleSimulation), or through tsx.
 */
export interface WorkerInput {
  /** file: URL of the simulation module. */
  readonly module: string;
}

/** What a worker thread runs, sent once the main thread knows it. */
export interface WorkerAssignment {
  readonly partitions: readonly number[];
  readonly overrides: PartitionOverrides;
}

/** What the main thread resolved (seed, window) so every worker runs the same simulation. */
export interface PartitionOverrides {
  readonly seed: number | string;
  readonly start: number;
  readonly durationMs: number;
  readonly partitionCount: number;
}

export type WorkerMessage =
  | { type: 'batch'; partition: number; batch: LineBatch }
  | { type: 'done'; partition: number; stoppedBy: StopReason; counters: SerializedCounters; entities: EntityCounts }
  | { type: 'error'; message: string; code: string | undefined; stack: string | undefined };

export type MainMessage =
  | { type: 'load'; bundle: string | null }
  | ({ type: 'start' } & WorkerAssignment)
  | { type: 'credit'; partition: number; spare: ArrayBuffer }
  | { type: 'stop' };

/**
 * A partition's events as UTF-8 JSON lines and typed arrays, all moved (not copied) between
 * threads. The main thread merges them by copying byte ranges: it never decodes, encodes or
 * concatenates strings on the way to a file.
 */
export interface LineBatch {
  /** The events' JSON lines, each ending in '\n'. */
  readonly bytes: Uint8Array;
  /** Where each line ends in `bytes` (exclusive, the '\n' excluded). */
  readonly ends: Uint32Array;
  readonly ts: Float64Array;
  /** Index into `typeNames` of each event's event_type. */
  readonly types: Uint16Array;
  readonly typeNames: readonly string[];
}
