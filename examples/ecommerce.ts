/**
 * An online shop: people register, log in and out, browse a catalog with limited stock,
 * fill carts, check out or abandon them, and a warehouse ships and delivers the orders.
 *
 * Run it: npx deep-faker run examples/ecommerce.ts --seed 42 --start 2025-01-01T00:00:00Z --out events.jsonl
 *
 * Consistency this file keeps (and test/examples checks):
 * - nobody logs in, shops or orders before registering, or shops while logged out;
 * - stock never goes below zero: add-to-cart picks a product in stock and takes at most what is left;
 * - a cart is checked out or abandoned once, by its owner, for the sum of its lines;
 * - an order is shipped once, after it was placed, and delivered once, after it shipped.
 */
import {
  defineEvent, defineEntity, Field, StateField, Simulation,
  NewEvent, AddDecay, Select, SetState, StdOutOutput, type FakerFunction,
} from 'deep-faker';

/** A function faker: any value built from the seeded faker-js instance. */
const warehouseName: FakerFunction = (f) => `${f.location.city()} DC`;

// ---------------------------------------------------------------- events

export const AccountCreated = defineEvent('AccountCreated', {
  user_id: Field.string({ primaryKey: true, faker: 'uuid4' }),
  email: Field.string({ faker: 'email' }),
  full_name: Field.string({ faker: 'name' }),
  country: Field.string({ faker: 'country_code' }),
  date_of_birth: Field.string({ faker: 'date_between', params: { start_date: '-75y', end_date: '-18y' } }),
  marketing_opt_in: Field.boolean({ faker: 'boolean', params: { chance_of_getting_true: 35 } }),
  signup_channel: Field.enum(['web', 'ios', 'android'], {
    faker: 'random_element', elements: ['web', 'ios', 'android'], params: { weights: [6, 3, 2] },
  }),
  created_at: Field.datetime({ faker: 'now' }),
});

export const EmailVerified = defineEvent('EmailVerified', {
  user_id: Field.string(),
  email: Field.string(),
});

export const UserLoggedIn = defineEvent('UserLoggedIn', {
  user_id: Field.string(),
  device: Field.enum(['desktop', 'mobile', 'tablet'], { faker: 'random_element', elements: ['desktop', 'mobile', 'tablet'] }),
  ip_address: Field.string({ faker: 'ipv4' }),
  password_changed_at: Field.datetime({ faker: 'past_datetime', params: { start_date: '-180d' } }),
  browser: Field.string({
    faker: 'random_element', elements: ['Chrome', 'Safari', 'Edge', 'Firefox', 'Samsung Internet'], params: { weights: [64, 19, 5, 3, 3] },
  }),
});

export const UserLoggedOut = defineEvent('UserLoggedOut', {
  user_id: Field.string(),
  session_seconds: Field.int({ faker: 'random_int', min: 30, max: 3600 }),
});

export const ProductViewed = defineEvent('ProductViewed', {
  user_id: Field.string(),
  product_id: Field.string(),
  category: Field.string(),
  price: Field.float(),
  referrer: Field.enum(['search', 'home', 'recommendation', 'email', 'ads'], {
    faker: 'random_element', elements: ['search', 'home', 'recommendation', 'email', 'ads'],
  }),
});

export const CartCreated = defineEvent('CartCreated', {
  cart_id: Field.string({ primaryKey: true, faker: 'lexify', text: 'cart_????????' }),
  user_id: Field.string(),
  currency: Field.string({ default: 'USD' }),
});

export const ItemAddedToCart = defineEvent('ItemAddedToCart', {
  cart_id: Field.string(),
  user_id: Field.string(),
  product_id: Field.string(),
  quantity: Field.int(),
  unit_price: Field.float(),
  line_total: Field.float(),
  stock_remaining: Field.int(),
});

export const CheckoutStarted = defineEvent('CheckoutStarted', {
  cart_id: Field.string(),
  user_id: Field.string(),
  item_count: Field.int(),
  subtotal: Field.float(),
});

export const OrderPlaced = defineEvent('OrderPlaced', {
  order_id: Field.string({ primaryKey: true, faker: 'uuid4' }),
  order_number: Field.string({ faker: 'bothify', text: 'ORD-####-????' }),
  user_id: Field.string(),
  cart_id: Field.string(),
  item_count: Field.int(),
  subtotal: Field.float(),
  shipping_fee: Field.float(),
  total_amount: Field.float(),
  payment_method: Field.enum(['card', 'paypal', 'apple_pay', 'gift_card'], {
    faker: 'random_element', elements: ['card', 'paypal', 'apple_pay', 'gift_card'], params: { weights: [60, 25, 12, 3] },
  }),
  placed_at: Field.datetime({ faker: 'now' }),
});

export const CartAbandoned = defineEvent('CartAbandoned', {
  cart_id: Field.string(),
  user_id: Field.string(),
  item_count: Field.int(),
  subtotal: Field.float(),
});

export const OrderShipped = defineEvent('OrderShipped', {
  order_id: Field.string(),
  user_id: Field.string(),
  carrier: Field.string({ faker: 'random_element', elements: ['UPS', 'FedEx', 'DHL', 'USPS'] }),
  tracking_number: Field.string({ faker: 'bothify', text: '1Z###???########' }),
  warehouse: Field.string({ faker: warehouseName }),
});

export const OrderDelivered = defineEvent('OrderDelivered', {
  order_id: Field.string(),
  user_id: Field.string(),
  signed_by: Field.string({ faker: 'first_name' }),
});

export const ProductRestocked = defineEvent('ProductRestocked', {
  product_id: Field.string(),
  quantity: Field.int(),
  supplier: Field.string({ faker: 'company' }),
  stock_level: Field.int(),
});

// ---------------------------------------------------------------- entities

export const User = defineEntity('User', {
  sourceEvent: AccountCreated,
  primaryKey: 'user_id',
  state: {
    email: StateField.string({ fromField: 'email' }),
    email_verified: StateField.boolean({ default: false }),
    is_logged_in: StateField.boolean({ default: false }),
    cart_id: StateField.string({ default: null }),
    total_orders: StateField.int({ default: 0 }),
    total_spent: StateField.float({ default: 0 }),
  },
});

/** The catalog exists before the window opens; products have no creating event. */
export const Product = defineEntity('Product', {
  sourceEvent: null,
  primaryKey: 'product_id',
  state: {
    product_id: StateField.string({ faker: 'bothify', text: 'SKU-#####' }),
    name: StateField.string({ faker: 'commerce.productName' }),
    price: StateField.float({ faker: 'pyfloat', min_value: 5, max_value: 500 }),
    inventory: StateField.int({ default: 100 }),
    category: StateField.string({
      faker: 'random_element', elements: ['electronics', 'books', 'home', 'garden', 'toys', 'apparel', 'beauty'],
    }),
  },
});

export const Cart = defineEntity('Cart', {
  sourceEvent: CartCreated,
  primaryKey: 'cart_id',
  state: {
    user_id: StateField.string({ fromField: 'user_id' }),
    item_count: StateField.int({ default: 0 }),
    subtotal: StateField.float({ default: 0 }),
    status: StateField.enum(['open', 'checked_out', 'abandoned'], { default: 'open' }),
  },
});

export const Order = defineEntity('Order', {
  sourceEvent: OrderPlaced,
  primaryKey: 'order_id',
  state: {
    user_id: StateField.string({ fromField: 'user_id' }),
    total_amount: StateField.float({ fromField: 'total_amount' }),
    status: StateField.enum(['placed', 'shipped', 'delivered'], { default: 'placed' }),
  },
});

// ---------------------------------------------------------------- simulation

const sim = new Simulation({
  duration: '2h',
  startTime: 'now',
  timeStep: '1s',
  nFlows: 1,
  randomSeed: 42,
  initialEntities: [[User, 300], [Product, 80]],
});

/** Cents, not binary noise: 19.99 * 3 is 59.97, not 59.970000000000006. */
const money = (amount: number): number => Math.round(amount * 100) / 100;

sim.flow({ initiationWeight: 1.5 }, function* user_registration(ctx) {
  const account = yield* NewEvent(ctx, AccountCreated, { saveEntity: User });
  yield AddDecay(ctx, { rate: 0.2, minutes: 3 }); // a fifth never open the verification mail

  yield NewEvent(ctx, EmailVerified, {
    fields: { email: account.email },
    mutate: SetState(User, [['email_verified', 'is', true]]),
  });
  yield AddDecay(ctx, { rate: 0.1, seconds: 20 });

  yield NewEvent(ctx, UserLoggedIn, { mutate: SetState(User, [['is_logged_in', 'is', true]]) });
});

sim.flow(
  { initiationWeight: 3, filter: Select(User, { where: [['is_logged_in', 'is', false]] }) },
  function* user_login(ctx) {
    yield NewEvent(ctx, UserLoggedIn, { mutate: SetState(User, [['is_logged_in', 'is', true]]) });
  },
);

sim.flow(
  { initiationWeight: 8, filter: Select(User, { where: [['is_logged_in', 'is', true]] }) },
  function* browse_and_add_to_cart(ctx) {
    const product = yield* Select(ctx, Product, { where: [['inventory', 'greater_than', 0]] });
    if (product === undefined) return; // everything is sold out or in someone else's hands

    yield NewEvent(ctx, ProductViewed, { fields: { category: product.category, price: product.price } });
    yield AddDecay(ctx, { rate: 0.55, seconds: 45 }); // most views do not turn into a cart line

    // The user's open cart, or a new one (a user holds at most one open cart).
    const user = ctx.getEntity(User)!;
    const cart = user.cart_id === null
      ? undefined
      : yield* Select(ctx, Cart, { where: [['cart_id', 'is', user.cart_id], ['status', 'is', 'open']] });
    if (cart === undefined) {
      yield NewEvent(ctx, CartCreated, {
        saveEntity: Cart,
        mutate: SetState(User, [['cart_id', 'is', (e) => e.cart_id]]),
      });
    }

    const stock = ctx.getEntity(Product)!.inventory;
    const quantity = ctx.faker.number.int({ min: 1, max: Math.min(3, stock) });
    yield NewEvent(ctx, ItemAddedToCart, {
      fields: {
        quantity,
        unit_price: product.price,
        line_total: money(quantity * product.price),
        stock_remaining: stock - quantity,
      },
      mutate: [
        SetState(Product, [['inventory', 'subtract', (e) => e.quantity]]),
        SetState(Cart, [['item_count', 'add', (e) => e.quantity], ['subtotal', 'add', (e) => e.line_total]]),
      ],
    });
  },
);

sim.flow(
  {
    initiationWeight: 1.5,
    filter: Select(User, { where: [['is_logged_in', 'is', true], ['cart_id', 'is_not', null]] }),
  },
  function* checkout(ctx) {
    const user = ctx.getEntity(User)!;
    const cart = yield* Select(ctx, Cart, { where: [['cart_id', 'is', user.cart_id], ['status', 'is', 'open']] });
    if (cart === undefined) return;
    const subtotal = money(cart.subtotal);

    yield NewEvent(ctx, CheckoutStarted, { fields: { item_count: cart.item_count, subtotal } });
    yield AddDecay(ctx, { rate: 0.35, minutes: 2 }); // payment page drop-off: the cart stays open

    const shippingFee = subtotal >= 50 ? 0 : 4.99;
    yield NewEvent(ctx, OrderPlaced, {
      saveEntity: Order,
      fields: { item_count: cart.item_count, subtotal, shipping_fee: shippingFee, total_amount: money(subtotal + shippingFee) },
      mutate: [
        SetState(User, [
          ['total_orders', 'add', 1],
          ['total_spent', 'add', (e) => e.total_amount],
          ['cart_id', 'is', null],
        ]),
        SetState(Cart, [['status', 'is', 'checked_out']]),
      ],
    });
  },
);

sim.flow(
  { initiationWeight: 2.5, filter: Select(User, { where: [['is_logged_in', 'is', true]] }) },
  function* user_logout(ctx) {
    yield NewEvent(ctx, UserLoggedOut, { mutate: SetState(User, [['is_logged_in', 'is', false]]) });
  },
);

sim.flow(
  {
    initiationWeight: 1.5,
    filter: Select(User, { where: [['is_logged_in', 'is', false], ['cart_id', 'is_not', null]] }),
  },
  function* cart_abandonment(ctx) {
    const user = ctx.getEntity(User)!;
    const cart = yield* Select(ctx, Cart, { where: [['cart_id', 'is', user.cart_id], ['status', 'is', 'open']] });
    if (cart === undefined) return;
    yield NewEvent(ctx, CartAbandoned, {
      fields: { item_count: cart.item_count, subtotal: money(cart.subtotal) },
      mutate: [SetState(Cart, [['status', 'is', 'abandoned']]), SetState(User, [['cart_id', 'is', null]])],
    });
  },
);

sim.flow(
  { initiationWeight: 2, filter: Select(Order, { where: [['status', 'is', 'placed']] }) },
  function* order_fulfillment(ctx) {
    const order = ctx.getEntity(Order)!;
    yield AddDecay(ctx, { rate: 0, minutes: 10 }); // picking and packing

    yield NewEvent(ctx, OrderShipped, {
      fields: { user_id: order.user_id },
      mutate: SetState(Order, [['status', 'is', 'shipped']]),
    });
    yield AddDecay(ctx, { rate: 0.05, minutes: 40 }); // a few deliveries fall outside this story

    yield NewEvent(ctx, OrderDelivered, {
      fields: { user_id: order.user_id },
      mutate: SetState(Order, [['status', 'is', 'delivered']]),
    });
  },
);

sim.flow(
  { initiationWeight: 0.5, filter: Select(Product, { where: [['inventory', 'less_than', 70]] }) },
  function* product_restock(ctx) {
    const product = ctx.getEntity(Product)!;
    const restock = ctx.faker.number.int({ min: 50, max: 150 });
    yield NewEvent(ctx, ProductRestocked, {
      fields: { quantity: restock, stock_level: product.inventory + restock },
      mutate: SetState(Product, [['inventory', 'add', (e) => e.quantity]]),
    });
  },
);

sim.addOutput(new StdOutOutput());

export default sim;
