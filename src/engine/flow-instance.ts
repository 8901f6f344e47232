import type { Faker } from '@faker-js/faker';
import type { EventRecord } from '../outputs/output.js';
import type { AnyEntity } from '../schema/define-entity.js';
import type { EntityRecord } from '../state/entity-record.js';
import type { SeededRandom } from '../util/seeded-random.js';
import type { FlowAction } from './actions.js';
import { FlowContext, type FlowInstanceState } from './flow-context.js';
import type { FlowDef } from './flow-def.js';

/** One running flow: its generator, clock, session and the entities it holds. */
export class FlowInstance implements FlowInstanceState {
  readonly bound = new Map<AnyEntity, EntityRecord>();
  lastEvent: EventRecord | undefined = undefined;
  readonly ctx: FlowContext;
  generator: Generator<FlowAction, unknown, unknown> | undefined;
  readonly flowName: string;
  readonly instanceId: string;

  constructor(
    readonly flow: FlowDef,
    readonly sessionId: string,
    public clock: number,
    readonly random: SeededRandom,
    readonly faker: Faker,
  ) {
    this.flowName = flow.name;
    this.instanceId = `${flow.name}:${sessionId}`;
    this.ctx = new FlowContext(this);
  }
}
