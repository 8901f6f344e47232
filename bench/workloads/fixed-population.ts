/**
 * A fixed population of users who log in, shop and log out: no flow creates entities, so
 * memory stays flat however long it runs. Filters pick users by their is_logged_in state.
 */
import {
  defineEvent, defineEntity, Field, StateField, Simulation, NewEvent, AddDecay, Select, SetState,
  type HistoryMode,
} from 'deep-faker';

export const UserLoggedIn = defineEvent('UserLoggedIn', { user_id: Field.string(), ip: Field.string({ faker: 'ipv4' }) });
export const UserLoggedOut = defineEvent('UserLoggedOut', { user_id: Field.string() });
export const ItemAdded = defineEvent('ItemAdded', {
  user_id: Field.string(),
  product_id: Field.string({ faker: 'lexify', text: 'PROD_????' }),
  quantity: Field.int({ faker: 'random_int', min: 1, max: 3 }),
});
export const OrderPlaced = defineEvent('OrderPlaced', {
  user_id: Field.string(),
  order_id: Field.string({ faker: 'uuid4' }),
  total_amount: Field.float({ faker: 'pyfloat', min_value: 5, max_value: 500 }),
});
export const Member = defineEntity('Member', {
  sourceEvent: null,
  primaryKey: 'user_id',
  state: {
    user_id: StateField.string({ faker: 'uuid4' }),
    is_logged_in: StateField.boolean({ faker: 'random_element', elements: [true, false] }),
    total_orders: StateField.int({ default: 0 }),
  },
});

export interface FixedPopulationOptions {
  users: number;
  duration: string;
  nFlows: number;
  history?: HistoryMode;
  partitions?: number;
}

export function fixedPopulation(o: FixedPopulationOptions): Simulation {
  const sim = new Simulation({
    duration: o.duration, startTime: '2025-01-01T00:00:00Z', nFlows: o.nFlows, randomSeed: 42,
    initialEntities: [[Member, o.users]], history: o.history ?? 'current', partitions: o.partitions ?? 1,
    events: [UserLoggedIn, UserLoggedOut, ItemAdded, OrderPlaced],
  });
  sim.flow({ initiationWeight: 2, filter: Select(Member, { where: [['is_logged_in', 'is', false]] }) }, function* login(ctx) {
    yield NewEvent(ctx, UserLoggedIn, { mutate: SetState(Member, [['is_logged_in', 'is', true]]) });
  });
  sim.flow({ initiationWeight: 5, filter: Select(Member, { where: [['is_logged_in', 'is', true]] }) }, function* shopping(ctx) {
    yield NewEvent(ctx, ItemAdded);
    yield AddDecay(ctx, { rate: 0.4, seconds: 45 });
    yield NewEvent(ctx, OrderPlaced, { mutate: SetState(Member, [['total_orders', 'add', 1]]) });
  });
  sim.flow({ initiationWeight: 2, filter: Select(Member, { where: [['is_logged_in', 'is', true]] }) }, function* logout(ctx) {
    yield NewEvent(ctx, UserLoggedOut, { mutate: SetState(Member, [['is_logged_in', 'is', false]]) });
  });
  return sim;
}
