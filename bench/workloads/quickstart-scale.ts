/**
 * The quick-start workload at scale: the guide's three events, its User entity and its two
 * flows (imported from examples/quickstart.ts, so the benchmark runs exactly what the guide
 * shows), with the load set by parameters.
 */
import { Simulation, NewEvent, AddDecay, Select, SetState, type HistoryMode } from 'deep-faker';
import { AccountCreated, OrderCompleted, ProductAdded, User } from '../../examples/quickstart.js';

export { AccountCreated, OrderCompleted, ProductAdded, User };

export interface ScaleOptions {
  duration: string;
  nFlows: number;
  initialUsers: number;
  history?: HistoryMode;
  partitions?: number;
  seed?: number;
}

export function quickstartAtScale(o: ScaleOptions): Simulation {
  const sim = new Simulation({
    duration: o.duration,
    startTime: '2025-01-01T00:00:00Z',
    timeStep: '1s',
    nFlows: o.nFlows,
    randomSeed: o.seed ?? 42,
    initialEntities: [[User, o.initialUsers]],
    history: o.history ?? 'full',
    partitions: o.partitions ?? 1,
    events: [AccountCreated, ProductAdded, OrderCompleted],
  });
  sim.flow({ initiationWeight: 3 }, function* new_user_registration(ctx) {
    yield NewEvent(ctx, AccountCreated, { saveEntity: User });
    yield AddDecay(ctx, { rate: 0.2, seconds: 30 });
    yield NewEvent(ctx, ProductAdded, { mutate: SetState(User, [['is_logged_in', 'is', true]]) });
  });
  sim.flow(
    { initiationWeight: 5, filter: Select(User, { where: [['is_logged_in', 'is', true]] }) },
    function* shopping_flow(ctx) {
      const cartId = `cart_${ctx.sessionId.slice(0, 8)}`;
      yield NewEvent(ctx, ProductAdded, {
        fields: { cart_id: cartId, product_id: 'PROD_001' },
        mutate: SetState(User, [['cart_id', 'is', cartId]]),
      });
      yield AddDecay(ctx, { rate: 0.4, seconds: 60 });
      yield NewEvent(ctx, OrderCompleted, {
        fields: { order_id: `order_${ctx.sessionId.slice(0, 8)}`, total_amount: 99.99 },
        mutate: [SetState(User, [['total_orders', 'add', 1]])],
      });
    },
  );
  return sim;
}
