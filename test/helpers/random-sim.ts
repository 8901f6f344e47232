/**
 * Random simulations for property tests: a register / shop / browse world whose every state
 * change is derivable from the events it emits, so the final state can be rebuilt by replay.
 */
import fc from 'fast-check';
import {
  AddDecay, defineEntity, defineEvent, Field, NewEvent, Select, SetState, Simulation, StateField,
  type EventRecord, type FlowOptions,
} from 'deep-faker';

export const AccountCreated = defineEvent('PropAccountCreated', {
  user_id: Field.string({ primaryKey: true, faker: 'uuid4' }),
  email: Field.string({ faker: 'email' }),
});
export const LoggedIn = defineEvent('PropLoggedIn', { user_id: Field.string() });
export const LoggedOut = defineEvent('PropLoggedOut', { user_id: Field.string() });
export const ProductAdded = defineEvent('PropProductAdded', {
  user_id: Field.string(),
  cart_id: Field.string(),
  quantity: Field.int({ faker: 'random_int', min: 1, max: 3 }),
});
export const OrderCompleted = defineEvent('PropOrderCompleted', {
  user_id: Field.string(),
  order_id: Field.string(),
  total_amount: Field.float({ faker: 'pyfloat', min_value: 1, max_value: 500 }),
});

export const User = defineEntity('PropUser', {
  sourceEvent: AccountCreated,
  primaryKey: 'user_id',
  state: {
    is_logged_in: StateField.boolean({ default: false }),
    cart_id: StateField.string({ default: null }),
    total_orders: StateField.int({ default: 0 }),
  },
});

export interface DecaySpec {
  readonly rate: number;
  readonly delayMs: number;
}

export interface SimParams {
  readonly seed: number;
  readonly nFlows: number;
  readonly timeStepMs: number;
  readonly durationMs: number;
  readonly initialUsers: number;
  readonly drain: boolean;
  readonly register: { readonly weight: number; readonly decay: DecaySpec } | null;
  readonly shop: {
    readonly weight: number;
    readonly filter: 'logged_in' | 'logged_out' | 'none';
    readonly items: number;
    readonly decay: DecaySpec;
    readonly logout: boolean;
  } | null;
  readonly browse: { readonly weight: number; readonly decay: DecaySpec } | null;
}

const decaySpec: fc.Arbitrary<DecaySpec> = fc.record({
  rate: fc.oneof(
    { arbitrary: fc.constant(0), weight: 2 },
    { arbitrary: fc.constant(1), weight: 1 },
    { arbitrary: fc.double({ min: 0, max: 1, noNaN: true }), weight: 5 },
  ),
  delayMs: fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: fc.integer({ min: 1, max: 40_000 }), weight: 5 }),
});
const weight = fc.oneof(fc.integer({ min: 1, max: 10 }), fc.double({ min: 0.05, max: 10, noNaN: true }));

/** Random simulation parameters; at least one flow. */
export const simParams: fc.Arbitrary<SimParams> = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    nFlows: fc.oneof(
      { arbitrary: fc.constant(0), weight: 1 },
      { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 5 },
      { arbitrary: fc.double({ min: 0.2, max: 4, noNaN: true }), weight: 5 },
    ),
    timeStepMs: fc.constantFrom(250, 1000, 2000, 5000),
    durationMs: fc.integer({ min: 5_000, max: 90_000 }),
    initialUsers: fc.integer({ min: 0, max: 15 }),
    drain: fc.boolean(),
    register: fc.option(fc.record({ weight, decay: decaySpec }), { nil: null }),
    shop: fc.option(fc.record({
      weight,
      filter: fc.constantFrom('logged_in' as const, 'logged_out' as const, 'none' as const),
      items: fc.integer({ min: 1, max: 3 }),
      decay: decaySpec,
      logout: fc.boolean(),
    }), { nil: null }),
    browse: fc.option(fc.record({ weight, decay: decaySpec }), { nil: null }),
  })
  .filter((p) => p.register !== null || p.shop !== null || p.browse !== null);

/** Builds a fresh Simulation from parameters (same parameters, same simulation). */
export function buildSim(p: SimParams): Simulation {
  const sim = new Simulation({
    duration: p.durationMs,
    timeStep: p.timeStepMs,
    nFlows: p.nFlows,
    randomSeed: p.seed,
    drain: p.drain,
    initialEntities: [[User, p.initialUsers]],
  });
  if (p.register) {
    const { weight: w, decay } = p.register;
    sim.flow({ name: 'register', initiationWeight: w }, function* (ctx) {
      yield NewEvent(ctx, AccountCreated, { saveEntity: User });
      yield AddDecay(ctx, { rate: decay.rate, ms: decay.delayMs });
      yield NewEvent(ctx, LoggedIn, { mutate: SetState(User, [['is_logged_in', 'is', true]]) });
    });
  }
  if (p.shop) {
    const { weight: w, filter, items, decay, logout } = p.shop;
    const options: FlowOptions = { name: 'shop', initiationWeight: w };
    if (filter !== 'none') options.filter = Select(User, { where: [['is_logged_in', 'is', filter === 'logged_in']] });
    sim.flow(options, function* (ctx) {
      if (filter === 'none' && (yield* Select(ctx, User)) === undefined) return;
      for (let i = 0; i < items; i++) {
        yield NewEvent(ctx, ProductAdded, {
          fields: { cart_id: `cart_${ctx.sessionId}_${i}` },
          mutate: SetState(User, [['cart_id', 'is', (e) => e.cart_id]]),
        });
        yield AddDecay(ctx, { rate: decay.rate, ms: decay.delayMs });
      }
      yield NewEvent(ctx, OrderCompleted, {
        fields: { order_id: `order_${ctx.sessionId}` },
        mutate: SetState(User, [['total_orders', 'add', 1], ['cart_id', 'is', null]]),
      });
      if (logout) yield NewEvent(ctx, LoggedOut, { mutate: SetState(User, [['is_logged_in', 'is', false]]) });
    });
  }
  if (p.browse) {
    const { weight: w, decay } = p.browse;
    sim.flow({ name: 'browse', initiationWeight: w }, function* (ctx) {
      const user = yield* Select(ctx, User, { where: [['is_logged_in', 'is', false]] });
      if (user === undefined) return;
      yield AddDecay(ctx, { rate: decay.rate, ms: decay.delayMs });
      yield NewEvent(ctx, LoggedIn, { mutate: SetState(User, [['is_logged_in', 'is', true]]) });
    });
  }
  return sim;
}

export interface UserState {
  is_logged_in: boolean;
  cart_id: string | null;
  total_orders: number;
}

/** Rebuilds every user's state from the events alone, up to and including instant `at`. */
export function replayUsers(events: readonly EventRecord[], at = Infinity): Map<string, UserState> {
  const users = new Map<string, UserState>();
  for (const e of events) {
    if (e.sys__ets > at) continue;
    const id = e.user_id as string;
    if (e.event_type === 'PropAccountCreated') {
      users.set(id, { is_logged_in: false, cart_id: null, total_orders: 0 });
      continue;
    }
    const user = users.get(id);
    if (user === undefined) throw new Error(`${e.event_type} for user ${id} before PropAccountCreated`);
    switch (e.event_type) {
      case 'PropLoggedIn': user.is_logged_in = true; break;
      case 'PropLoggedOut': user.is_logged_in = false; break;
      case 'PropProductAdded': user.cart_id = e.cart_id as string; break;
      case 'PropOrderCompleted': user.total_orders += 1; user.cart_id = null; break;
      default: throw new Error(`unexpected event ${e.event_type}`);
    }
  }
  return users;
}
