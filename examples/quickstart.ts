/**
 * The user guide's Quick Start: users register, log in, shop and order.
 * Run it: npx deep-faker run examples/quickstart.ts --seed 42 --start 2025-01-01T00:00:00Z
 */
import {
  defineEvent, defineEntity, Field, StateField, Simulation,
  NewEvent, AddDecay, Select, SetState, StdOutOutput, FileOutput,
} from 'deep-faker';

// 1. Event schemas
export const AccountCreated = defineEvent('AccountCreated', {
  user_id: Field.string({ primaryKey: true, faker: 'uuid4' }),
  email: Field.string({ faker: 'email' }),
  full_name: Field.string({ faker: 'name' }),
});

export const ProductAdded = defineEvent('ProductAdded', {
  user_id: Field.string(),
  product_id: Field.string(),
  cart_id: Field.string(),
  quantity: Field.int({ faker: 'random_int', min: 1, max: 3 }),
});

export const OrderCompleted = defineEvent('OrderCompleted', {
  user_id: Field.string(),
  order_id: Field.string(),
  total_amount: Field.float(),
});

// 2. Entities with state
export const User = defineEntity('User', {
  sourceEvent: AccountCreated,
  primaryKey: 'user_id',
  state: {
    is_logged_in: StateField.boolean({ default: false }),
    cart_id: StateField.string({ default: null }),
    total_orders: StateField.int({ default: 0 }),
  },
});

export const Product = defineEntity('Product', {
  sourceEvent: null, // created from its state fields at the start
  primaryKey: 'product_id',
  state: {
    name: StateField.string({ faker: 'commerce.productName' }),
    price: StateField.float({ faker: 'pyfloat', min_value: 5, max_value: 500 }),
    inventory: StateField.int({ default: 100 }),
  },
});

// 3. The simulation
const sim = new Simulation({
  duration: '2m',
  startTime: 'now',
  nFlows: 3,
  randomSeed: 42,
  initialEntities: [[User, 10], [Product, 5]],
});

// 4. Flows (business logic)
sim.flow({ initiationWeight: 3 }, function* new_user_registration(ctx) {
  yield NewEvent(ctx, AccountCreated, { saveEntity: User });
  yield AddDecay(ctx, { rate: 0.2, seconds: 30 }); // 20% drop-off

  // The user logs in
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

    yield AddDecay(ctx, { rate: 0.4, seconds: 60 }); // 40% abandon the cart

    yield NewEvent(ctx, OrderCompleted, {
      fields: { order_id: `order_${ctx.sessionId.slice(0, 8)}`, total_amount: 99.99 },
      mutate: [SetState(User, [['total_orders', 'add', 1]])],
    });
  },
);

// 5. Outputs
sim.addOutput(new StdOutOutput());
sim.addOutput(new FileOutput('simulation_events.jsonl'));

export default sim;
