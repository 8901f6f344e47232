/**
 * A flow filter that few of many entities match: users without a cart are many, users who
 * left one behind are few (about 1 in 100). Its conditions are not all 'is', so no value index
 * answers it alone; the table keeps a set for the standing condition instead of scanning
 * every candidate at each initiation.
 * --in-flow: the same conditions in an in-flow Select (Select(ctx, ...)) instead of a filter.
 * Run: npx tsx bench/rare-filter.ts [--users 1000000] [--minutes 10] [--in-flow]
 */
import { parseArgs } from 'node:util';
import { defineEntity, defineEvent, Field, NewEvent, Select, SetState, Simulation, StateField } from 'deep-faker';
import { CountingOutput } from './counting-output.js';

const { values } = parseArgs({
  options: { users: { type: 'string', default: '1000000' }, minutes: { type: 'string', default: '10' }, 'in-flow': { type: 'boolean', default: false } },
});

const CartGiven = defineEvent('CartGiven', { user_id: Field.string() });
const CartRecovered = defineEvent('CartRecovered', { user_id: Field.string() });
const Shopper = defineEntity('Shopper', {
  sourceEvent: null,
  primaryKey: 'user_id',
  state: {
    user_id: StateField.string({ faker: 'uuid4' }),
    is_logged_in: StateField.boolean({ faker: 'random_element', elements: [true, false] }),
    cart_id: StateField.string({ default: null }),
  },
});

const sim = new Simulation({
  duration: `${values.minutes}m`, startTime: '2025-01-01T00:00:00Z', nFlows: 10, randomSeed: 42,
  initialEntities: [[Shopper, Number(values.users)]], history: 'current', events: [CartGiven, CartRecovered],
});
sim.flow({ initiationWeight: 1, filter: Select(Shopper, { where: [['is_logged_in', 'is', false]] }) }, function* leave_cart(ctx) {
  if (ctx.random() < 0.01) yield NewEvent(ctx, CartGiven, { mutate: SetState(Shopper, [['cart_id', 'is', 'cart']]) });
});
const leftCart = [['is_logged_in', 'is', false], ['cart_id', 'is_not', null]] as const;
if (values['in-flow']) {
  sim.flow({ initiationWeight: 1 }, function* recover_cart(ctx) {
    const shopper = yield* Select(ctx, Shopper, { where: [...leftCart] });
    if (shopper !== undefined) yield NewEvent(ctx, CartRecovered, { mutate: SetState(Shopper, [['cart_id', 'is', null]]) });
  });
} else {
  sim.flow({ initiationWeight: 1, filter: Select(Shopper, { where: [...leftCart] }) }, function* recover_cart(ctx) {
    yield NewEvent(ctx, CartRecovered, { mutate: SetState(Shopper, [['cart_id', 'is', null]]) });
  });
}

const summary = await sim.run({ outputs: [new CountingOutput()], log: () => {} });
const initiations = Object.values(summary.flows).reduce((sum, f) => sum + f.started, 0) + summary.idleInitiations;
const n = (x: number) => x.toLocaleString('en-US');
const where = values['in-flow'] ? 'in-flow Select' : 'filter';
console.log(`${n(Number(values.users))} users, ${values.minutes} simulated minutes, rare ${where}: ${n(initiations)} initiations, ${n(summary.eventsByType.CartRecovered ?? 0)} carts recovered, in ${(summary.wallMs / 1000).toFixed(2)} s, creating the users included`);
