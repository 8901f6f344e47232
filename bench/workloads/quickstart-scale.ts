/**
 * The quick-start workload at scale: the guide's three events and User entity, with a
 * registration flow and a filtered shopping flow. Parameters set the load.
 */
import {
  defineEvent, defineEntity, Field, StateField, Simulation, NewEvent, AddDecay, Select, SetState,
  type HistoryMode,
} from 'deep-faker';

export const AccountCreated = defineEvent('AccountCreated', {
  user_id: Field.string({ primaryKey: true, faker: 'uuid4' }),
  email: Field.string({ faker: 'email' }),
  full_name: Field.string({ faker: 'name' }),
});
export const ProductAdded = defineEvent('ProductAdded', {
  user_id: Field.string(),
  product_id: Field.string({ faker: 'lexify', text: 'PROD_????' }),
  cart_id: Field.string(),
  quantity: Field.int({ faker: 'random_int', min: 1, max: 3 }),
});
export const OrderCompleted = defineEvent('OrderCompleted', {
  user_id: Field.string(),
  order_id: Field.string(),
  total_amount: Field.float({ faker: 'pyfloat', min_value: 5, max_value: 500 }),
});
export const User = defineEntity('User', {
  sourceEvent: AccountCreated,
  primaryKey: 'user_id',
  state: {
    is_logged_in: StateField.boolean({ default: false }),
    cart_id: StateField.string({ default: null }),
    total_orders: StateField.int({ default: 0 }),
  },
});

export interface ScaleOptions {
  duration: string;
  nFlows: number;
  initialUsers: number;
  /** Share of initial users that start logged in (so the filtered flow finds them). */
  loggedInShare?: number;
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
  });
  sim.flow({ initiationWeight: 3 }, function* new_user_registration(ctx) {
    yield NewEvent(ctx, AccountCreated, { saveEntity: User });
    yield AddDecay(ctx, { rate: 0.2, seconds: 30 });
    yield NewEvent(ctx, ProductAdded, { mutate: SetState(User, [['is_logged_in', 'is', true]]) });
  });
  sim.flow(
    { initiationWeight: 5, filter: Select(User, { where: [['is_logged_in', 'is', true]] }) },
    function* shopping_flow(ctx) {
      const cartId = `cart_${ctx.sessionId}`;
      yield NewEvent(ctx, ProductAdded, { fields: { cart_id: cartId }, mutate: SetState(User, [['cart_id', 'is', cartId]]) });
      yield AddDecay(ctx, { rate: 0.4, seconds: 60 });
      yield NewEvent(ctx, OrderCompleted, {
        fields: { order_id: `order_${ctx.sessionId}` },
        mutate: SetState(User, [['total_orders', 'add', 1], ['cart_id', 'is', null]]),
      });
    },
  );
  return sim;
}
