import type { FlowAction, SelectFilter } from './actions.js';
import type { FlowContext } from './flow-context.js';

/** A flow's body: a generator function that yields actions. */
export type FlowFunction = (ctx: FlowContext) => Generator<FlowAction, unknown, any>;

export interface FlowOptions {
  /** The flow's name (default: the generator function's name). */
  name?: string;
  /** Relative probability of being picked at an initiation (default 1). */
  initiationWeight?: number;
  /** The flow starts only with an available entity that matches; it is bound to the flow. */
  filter?: SelectFilter<any>;
}

/** @internal A declared flow. */
export interface FlowDef {
  readonly name: string;
  readonly weight: number;
  readonly filter: SelectFilter | undefined;
  readonly fn: FlowFunction;
  /** Its place among the simulation's flows (a run keeps per-flow tables by it). */
  readonly index: number;
  /**
   * `${name}:`, the start of each instance id, made once: an id is then one concatenation
   * sharing it, where a template made a copy of the name per instance too (with full history
   * the ids of holders are kept, and each such copy with them).
   */
  readonly idPrefix: string;
}
