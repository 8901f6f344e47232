/**
 * Compile-time guarantees of the public API. `tsc --noEmit` (part of npm test) checks this
 * file: every @ts-expect-error line must be an error, every other line must compile.
 */
import { expectTypeOf } from 'vitest';
import {
  defineEvent, defineEntity, Field, StateField, Simulation, NewEvent, AddDecay, Select, SetState,
  type FlowContext, type EntityState, type EmittedEvent,
} from 'deep-faker';

const AccountCreated = defineEvent('AccountCreated', {
  user_id: Field.string({ primaryKey: true, faker: 'uuid4' }),
  email: Field.string({ faker: 'email' }),
  plan: Field.enum(['free', 'pro']),
  signed_up_at: Field.datetime({ faker: 'now' }),
  referrer: Field.string({ nullable: true }),
});
const OrderCompleted = defineEvent('OrderCompleted', {
  user_id: Field.string(),
  order_id: Field.string(),
  total_amount: Field.float(),
});
const User = defineEntity('User', {
  sourceEvent: AccountCreated,
  primaryKey: 'user_id',
  state: {
    is_logged_in: StateField.boolean({ default: false }),
    cart_id: StateField.string({ default: null }),
    total_orders: StateField.int({ default: 0 }),
    total_spent: StateField.float({ default: 0 }),
    email: StateField.string({ fromField: 'email' }),
  },
});

// A primaryKey that is not a field of the source event.
defineEntity('Broken', {
  sourceEvent: AccountCreated,
  // @ts-expect-error 'account_id' is not a field of AccountCreated
  primaryKey: 'account_id',
  state: {},
});

declare const ctx: FlowContext;

// Snapshots are typed.
const user = ctx.getEntity(User)!;
expectTypeOf(user.total_orders).toEqualTypeOf<number>();
expectTypeOf(user.cart_id).toEqualTypeOf<string | null>();
expectTypeOf(user.is_logged_in).toEqualTypeOf<boolean>();
expectTypeOf(user.user_id).toEqualTypeOf<string>();
expectTypeOf(user.flow_name).toEqualTypeOf<string | null>();
expectTypeOf(ctx.getEntity(User)).toEqualTypeOf<EntityState<typeof User> | undefined>();
// @ts-expect-error no such state field
void user.total_order;

// SetState: fields, operations and value types are checked.
SetState(User, [['total_orders', 'add', 1], ['cart_id', 'is', null], ['is_logged_in', 'is', true]]);
// @ts-expect-error unknown field
SetState(User, [['total_ordrs', 'add', 1]]);
// @ts-expect-error 'add' needs a number value
SetState(User, [['total_orders', 'add', 'x']]);
// @ts-expect-error 'add' on a boolean field
SetState(User, [['is_logged_in', 'add', 1]]);
// @ts-expect-error wrong value type for 'is'
SetState(User, [['is_logged_in', 'is', 'yes']]);
// @ts-expect-error the primary key cannot be changed
SetState(User, [['user_id', 'is', 'u1']]);

// NewEvent: fields are checked by name and type.
NewEvent(ctx, OrderCompleted, { fields: { order_id: 'o1', total_amount: 10 } });
// @ts-expect-error unknown field
NewEvent(ctx, OrderCompleted, { fields: { order_idd: 'o1' } });
// @ts-expect-error wrong value type
NewEvent(ctx, OrderCompleted, { fields: { total_amount: 'ten' } });
// @ts-expect-error not a value of the enum
NewEvent(ctx, AccountCreated, { fields: { plan: 'gold' } });
NewEvent(ctx, AccountCreated, { fields: { signed_up_at: new Date(), plan: 'pro', referrer: null } });

// SetState values may be functions of the emitted event, typed by the event.
NewEvent(ctx, OrderCompleted, {
  mutate: SetState(User, [['total_spent', 'add', (e) => e.total_amount]]),
});
NewEvent(ctx, OrderCompleted, {
  // @ts-expect-error the event has no field 'amount'
  mutate: SetState(User, [['total_spent', 'add', (e) => e.amount]]),
});

// Select: where fields and values are checked.
Select(User, { where: [['is_logged_in', 'is', true], ['total_orders', 'greater_than', 5]] });
// @ts-expect-error unknown where field
Select(User, { where: [['is_logged_inn', 'is', true]] });
// @ts-expect-error greater_than on a boolean field
Select(User, { where: [['is_logged_in', 'greater_than', 1]] });
// @ts-expect-error wrong value type
Select(User, { where: [['total_orders', 'is', 'many']] });

// AddDecay takes a rate and time units.
AddDecay(ctx, { rate: 0.3, minutes: 2 });
// @ts-expect-error rate is required
AddDecay(ctx, { seconds: 30 });

// A flow reads what it emitted, typed, with yield*.
const sim = new Simulation({ duration: '1m' });
sim.flow(function* typed_flow(ctx) {
  const order = yield* NewEvent(ctx, OrderCompleted, { fields: { total_amount: 5 } });
  expectTypeOf(order).toEqualTypeOf<EmittedEvent<typeof OrderCompleted>>();
  expectTypeOf(order.total_amount).toEqualTypeOf<number>();
  expectTypeOf(order.event_type).toEqualTypeOf<'OrderCompleted'>();
  const other = yield* Select(ctx, User, { where: [['is_logged_in', 'is', false]] });
  expectTypeOf(other).toEqualTypeOf<EntityState<typeof User> | undefined>();
});
// @ts-expect-error a flow must yield actions
sim.flow(function* bad_flow() { yield 42; });

// History: every version, the current state, or the versions of the run's last part.
new Simulation({ duration: '1h', history: 'full' });
new Simulation({ duration: '1h', history: { keep: '10m' } });
new Simulation({ duration: '1h', history: { keep: 600_000 } });
// @ts-expect-error not a history mode
new Simulation({ duration: '1h', history: 'partial' });
// @ts-expect-error keep is a duration
new Simulation({ duration: '1h', history: { keep: true } });
defineEntity('Kept', { sourceEvent: null, primaryKey: 'id', state: {}, history: { keep: '1d' } });
