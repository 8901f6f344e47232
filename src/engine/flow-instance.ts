import type { Faker } from '@faker-js/faker';
import type { EventRecord } from '../outputs/output.js';
import { BoundEntities } from './bound-entities.js';
import type { SeededRandom } from '../util/seeded-random.js';
import type { FlowAction } from './actions.js';
import { FlowContext, type FlowInstanceState } from './flow-context.js';
import type { FlowDef } from './flow-def.js';

/** One running flow: its generator, clock, session and the entities it holds. */
export class FlowInstance implements FlowInstanceState {
  readonly bound = new BoundEntities();
  lastEvent: EventRecord | undefined = undefined;
  /** Position in FlowRunner.live; -1 once ended. */
  liveIndex = -1;
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
    this.instanceId = flow.idPrefix + sessionId;
    this.ctx = new FlowContext(this);
  }
}
