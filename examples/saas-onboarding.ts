/**
 * A B2B SaaS product: companies sign up and start a trial, invite teammates into seats,
 * the teammates accept and use features, and trials convert to paid plans, upgrade or cancel.
 *
 * Run it: npx deep-faker run examples/saas-onboarding.ts --seed 42 --start 2025-01-01T00:00:00Z --out events.jsonl
 *
 * Consistency this file keeps (and test/examples checks):
 * - every event of an account comes after its AccountSignedUp;
 * - an account never has more seats (invited + active) than its plan allows;
 * - a seat is activated once, after its invitation, and only active seats use features;
 * - a subscription goes trial → active → cancelled (or trial → cancelled), never back.
 */
import {
  defineEvent, defineEntity, Field, StateField, Simulation,
  NewEvent, AddDecay, Select, SetState, StdOutOutput,
} from 'deep-faker';

const PLANS = ['starter', 'pro', 'business'] as const;
type Plan = (typeof PLANS)[number];

/** Seats per plan, and the monthly price of one seat. */
export const SEAT_LIMIT: Record<Plan, number> = { starter: 3, pro: 10, business: 50 };
const SEAT_PRICE: Record<Plan, number> = { starter: 8, pro: 15, business: 29 };
const NEXT_PLAN: Record<Plan, Plan | undefined> = { starter: 'pro', pro: 'business', business: undefined };

// ---------------------------------------------------------------- events

export const AccountSignedUp = defineEvent('AccountSignedUp', {
  account_id: Field.string({ primaryKey: true, faker: 'uuid4' }),
  company_name: Field.string({ faker: 'company' }),
  admin_email: Field.string({ faker: 'email' }),
  admin_name: Field.string({ faker: 'name' }),
  plan: Field.enum(PLANS, { faker: 'random_element', elements: PLANS, params: { weights: [6, 3, 1] } }),
  industry: Field.string({
    faker: 'random_element', elements: ['software', 'retail', 'finance', 'healthcare', 'education', 'media'],
  }),
  company_size: Field.enum(['1-10', '11-50', '51-200', '201-1000'], {
    faker: 'random_element', elements: ['1-10', '11-50', '51-200', '201-1000'],
  }),
  signed_up_at: Field.datetime({ faker: 'now' }),
});

export const TrialStarted = defineEvent('TrialStarted', {
  subscription_id: Field.string({ primaryKey: true, faker: 'lexify', text: 'sub_????????????' }),
  account_id: Field.string(),
  plan: Field.enum(PLANS),
  trial_days: Field.int({ default: 14 }),
  trial_ends_at: Field.datetime(),
});

export const SeatInvited = defineEvent('SeatInvited', {
  seat_id: Field.string({ primaryKey: true, faker: 'uuid4' }),
  account_id: Field.string(),
  email: Field.string({ faker: 'email' }),
  role: Field.enum(['admin', 'member', 'viewer'], {
    faker: 'random_element', elements: ['admin', 'member', 'viewer'], params: { weights: [1, 6, 3] },
  }),
});

export const SeatLimitReached = defineEvent('SeatLimitReached', {
  account_id: Field.string(),
  plan: Field.enum(PLANS),
  seat_limit: Field.int(),
});

export const SeatActivated = defineEvent('SeatActivated', {
  seat_id: Field.string(),
  account_id: Field.string(),
  full_name: Field.string({ faker: 'name' }),
  timezone: Field.string({ faker: 'location.timeZone' }),
});

export const FeatureUsed = defineEvent('FeatureUsed', {
  account_id: Field.string(),
  seat_id: Field.string(),
  feature: Field.string({
    faker: 'random_element',
    elements: ['dashboards', 'reports', 'api', 'integrations', 'alerts', 'exports'],
    params: { weights: [30, 25, 15, 12, 10, 8] },
  }),
  duration_ms: Field.int({ faker: 'random_int', min: 200, max: 120_000 }),
});

export const PaymentMethodAdded = defineEvent('PaymentMethodAdded', {
  account_id: Field.string(),
  subscription_id: Field.string(),
  card_brand: Field.string({ faker: 'random_element', elements: ['visa', 'mastercard', 'amex'] }),
  card_last4: Field.string({ faker: 'numerify', text: '####' }),
});

export const SubscriptionActivated = defineEvent('SubscriptionActivated', {
  subscription_id: Field.string(),
  account_id: Field.string(),
  plan: Field.enum(PLANS),
  billing_cycle: Field.enum(['monthly', 'annual'], {
    faker: 'random_element', elements: ['monthly', 'annual'], params: { weights: [7, 3] },
  }),
  seats: Field.int(),
  mrr: Field.float(),
});

export const PlanUpgraded = defineEvent('PlanUpgraded', {
  subscription_id: Field.string(),
  account_id: Field.string(),
  from_plan: Field.enum(PLANS),
  to_plan: Field.enum(PLANS),
});

export const SubscriptionCancelled = defineEvent('SubscriptionCancelled', {
  subscription_id: Field.string(),
  account_id: Field.string(),
  previous_status: Field.enum(['trial', 'active']),
  reason: Field.string({
    faker: 'random_element', elements: ['too_expensive', 'missing_features', 'switched_tool', 'no_longer_needed'],
  }),
  feedback: Field.string({ faker: 'sentence', nullable: true }),
});

// ---------------------------------------------------------------- entities

export const Account = defineEntity('Account', {
  sourceEvent: AccountSignedUp,
  primaryKey: 'account_id',
  state: {
    company_name: StateField.string({ fromField: 'company_name' }),
    plan: StateField.enum(PLANS, { fromField: 'plan' }),
    subscription_id: StateField.string({ default: null }),
    subscription_status: StateField.enum(['trial', 'active', 'cancelled'], { default: null }),
    invited_seats: StateField.int({ default: 0 }),
    active_seats: StateField.int({ default: 0 }),
  },
});

export const Seat = defineEntity('Seat', {
  sourceEvent: SeatInvited,
  primaryKey: 'seat_id',
  state: {
    account_id: StateField.string({ fromField: 'account_id' }),
    email: StateField.string({ fromField: 'email' }),
    role: StateField.string({ fromField: 'role' }),
    status: StateField.enum(['invited', 'active'], { default: 'invited' }),
  },
});

export const Subscription = defineEntity('Subscription', {
  sourceEvent: TrialStarted,
  primaryKey: 'subscription_id',
  state: {
    account_id: StateField.string({ fromField: 'account_id' }),
    plan: StateField.enum(PLANS, { fromField: 'plan' }),
    status: StateField.enum(['trial', 'active', 'cancelled'], { default: 'trial' }),
    mrr: StateField.float({ default: 0 }),
  },
});

// ---------------------------------------------------------------- simulation

const sim = new Simulation({
  duration: '2h',
  startTime: 'now',
  timeStep: '1s',
  nFlows: 1,
  randomSeed: 42,
  initialEntities: [[Account, 50]],
});

const DAY_MS = 86_400_000;

/** Accounts that may still work with the product: on a trial or paying. */
const live = Select(Account, { where: [['subscription_status', 'is_not', null], ['subscription_status', 'is_not', 'cancelled']] });

sim.flow({ initiationWeight: 1 }, function* account_signup(ctx) {
  const account = yield* NewEvent(ctx, AccountSignedUp, { saveEntity: Account });
  yield AddDecay(ctx, { rate: 0.25, minutes: 2 }); // some never finish the onboarding wizard

  yield NewEvent(ctx, TrialStarted, {
    saveEntity: Subscription,
    fields: { plan: account.plan, trial_ends_at: ctx.clock + 14 * DAY_MS },
    mutate: SetState(Account, [['subscription_id', 'is', (e) => e.subscription_id], ['subscription_status', 'is', 'trial']]),
  });
});

sim.flow(
  { initiationWeight: 0.5, filter: Select(Account, { where: [['subscription_status', 'is', null]] }) },
  function* trial_start(ctx) {
    const account = ctx.getEntity(Account)!;
    yield NewEvent(ctx, TrialStarted, {
      saveEntity: Subscription,
      fields: { plan: account.plan, trial_ends_at: ctx.clock + 14 * DAY_MS },
      mutate: SetState(Account, [['subscription_id', 'is', (e) => e.subscription_id], ['subscription_status', 'is', 'trial']]),
    });
  },
);

sim.flow({ initiationWeight: 3, filter: live }, function* seat_invitation(ctx) {
  const account = ctx.getEntity(Account)!;
  const limit = SEAT_LIMIT[account.plan];
  if (account.invited_seats + account.active_seats >= limit) {
    yield NewEvent(ctx, SeatLimitReached, { fields: { plan: account.plan, seat_limit: limit } });
    return;
  }
  yield NewEvent(ctx, SeatInvited, {
    saveEntity: Seat,
    mutate: SetState(Account, [['invited_seats', 'add', 1]]),
  });
});

sim.flow(
  {
    initiationWeight: 3,
    filter: Select(Account, { where: [['invited_seats', 'greater_than', 0], ['subscription_status', 'is_not', 'cancelled']] }),
  },
  function* seat_activation(ctx) {
    const account = ctx.getEntity(Account)!;
    const seat = yield* Select(ctx, Seat, { where: [['account_id', 'is', account.account_id], ['status', 'is', 'invited']] });
    if (seat === undefined) return;
    yield AddDecay(ctx, { rate: 0.3, minutes: 5 }); // the invitation mail sits unread

    yield NewEvent(ctx, SeatActivated, {
      mutate: [
        SetState(Seat, [['status', 'is', 'active']]),
        SetState(Account, [['invited_seats', 'subtract', 1], ['active_seats', 'add', 1]]),
      ],
    });
  },
);

sim.flow(
  { initiationWeight: 8, filter: Select(Account, { where: [['active_seats', 'greater_than', 0], ['subscription_status', 'is_not', 'cancelled']] }) },
  function* feature_usage(ctx) {
    const account = ctx.getEntity(Account)!;
    const seat = yield* Select(ctx, Seat, { where: [['account_id', 'is', account.account_id], ['status', 'is', 'active']] });
    if (seat === undefined) return;
    for (;;) {
      yield NewEvent(ctx, FeatureUsed);
      yield AddDecay(ctx, { rate: 0.4, seconds: 90 });
    }
  },
);

sim.flow(
  // Teams convert once someone besides the admin has joined.
  { initiationWeight: 1.5, filter: Select(Account, { where: [['subscription_status', 'is', 'trial'], ['active_seats', 'greater_than', 0]] }) },
  function* trial_conversion(ctx) {
    const account = ctx.getEntity(Account)!;
    const subscription = yield* Select(ctx, Subscription, { where: [['subscription_id', 'is', account.subscription_id], ['status', 'is', 'trial']] });
    if (subscription === undefined) return;

    yield NewEvent(ctx, PaymentMethodAdded);
    yield AddDecay(ctx, { rate: 0.2, minutes: 1 }); // card declined or second thoughts

    const seats = Math.max(1, account.invited_seats + account.active_seats);
    yield NewEvent(ctx, SubscriptionActivated, {
      fields: { plan: account.plan, seats, mrr: seats * SEAT_PRICE[account.plan] },
      mutate: [
        SetState(Subscription, [['status', 'is', 'active'], ['mrr', 'is', (e) => e.mrr]]),
        SetState(Account, [['subscription_status', 'is', 'active']]),
      ],
    });
  },
);

sim.flow(
  { initiationWeight: 0.2, filter: Select(Account, { where: [['subscription_status', 'is', 'active'], ['plan', 'is_not', 'business']] }) },
  function* plan_upgrade(ctx) {
    const account = ctx.getEntity(Account)!;
    const to = NEXT_PLAN[account.plan];
    const subscription = yield* Select(ctx, Subscription, { where: [['subscription_id', 'is', account.subscription_id]] });
    if (to === undefined || subscription === undefined) return;
    yield NewEvent(ctx, PlanUpgraded, {
      fields: { from_plan: account.plan, to_plan: to },
      mutate: [SetState(Account, [['plan', 'is', to]]), SetState(Subscription, [['plan', 'is', to]])],
    });
  },
);

sim.flow({ initiationWeight: 0.25, filter: live }, function* subscription_cancellation(ctx) {
  const account = ctx.getEntity(Account)!;
  const subscription = yield* Select(ctx, Subscription, { where: [['subscription_id', 'is', account.subscription_id]] });
  if (subscription === undefined) return;
  yield NewEvent(ctx, SubscriptionCancelled, {
    fields: {
      previous_status: subscription.status === 'active' ? 'active' : 'trial',
      feedback: ctx.random() < 0.4 ? ctx.faker.lorem.sentence() : null,
    },
    mutate: [
      SetState(Subscription, [['status', 'is', 'cancelled'], ['mrr', 'is', 0]]),
      SetState(Account, [['subscription_status', 'is', 'cancelled']]),
    ],
  });
});

sim.addOutput(new StdOutOutput());

export default sim;
