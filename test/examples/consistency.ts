/**
 * Business rules each example promises in its header, checked on the event stream alone.
 * Every checker returns the violations it found (empty when the stream is consistent), so
 * a failure names the event and the rule.
 */
import type { Event } from './run-cli.js';

type Checker = (events: readonly Event[]) => string[];

const at = (e: Event) => `${e.event_type} ${e.sys__eid} @${new Date(e.sys__ets).toISOString()}`;
const cents = (x: number) => Math.round(x * 100);

/** Every event that names `key` refers to an entity whose creating event came earlier (or at the same instant). */
function referencesExist(events: readonly Event[], key: string, creator: string, problems: string[]): Map<string, Event> {
  const created = new Map<string, Event>();
  for (const e of events) {
    if (e.event_type === creator) {
      if (created.has(e[key])) problems.push(`${at(e)}: ${key} ${e[key]} created twice`);
      created.set(e[key], e);
    } else if (key in e && e[key] !== null) {
      const origin = created.get(e[key]);
      if (!origin) problems.push(`${at(e)}: ${key} ${e[key]} has no earlier ${creator}`);
      else if (origin.sys__ets > e.sys__ets) problems.push(`${at(e)}: before ${creator} of ${e[key]}`);
    }
  }
  return created;
}

export const checkQuickstart: Checker = (events) => {
  const problems: string[] = [];
  referencesExist(events, 'user_id', 'AccountCreated', problems);
  const orders = new Set<string>();
  for (const e of events) {
    if (e.event_type === 'ProductAdded' && !(e.quantity >= 1 && e.quantity <= 3)) problems.push(`${at(e)}: quantity ${e.quantity} outside 1..3`);
    if (e.event_type === 'OrderCompleted') {
      if (orders.has(e.order_id)) problems.push(`${at(e)}: order ${e.order_id} completed twice`);
      orders.add(e.order_id);
    }
  }
  return problems;
};

export const checkEcommerce: Checker = (events) => {
  const problems: string[] = [];
  referencesExist(events, 'user_id', 'AccountCreated', problems);
  const loggedIn = new Map<string, boolean>();
  const carts = new Map<string, { user: string; status: string; items: number; subtotalCents: number }>();
  const stock = new Map<string, number>();
  const prices = new Map<string, number>();
  const orders = new Map<string, { user: string; status: string; placedAt: number }>();
  const needsLogin = new Set(['ProductViewed', 'ItemAddedToCart', 'CheckoutStarted', 'OrderPlaced', 'UserLoggedOut']);

  const openCart = (e: Event) => {
    const cart = carts.get(e.cart_id);
    if (!cart) problems.push(`${at(e)}: unknown cart ${e.cart_id}`);
    else if (cart.user !== e.user_id) problems.push(`${at(e)}: cart ${e.cart_id} belongs to ${cart.user}, not ${e.user_id}`);
    else if (cart.status !== 'open') problems.push(`${at(e)}: cart ${e.cart_id} is ${cart.status}`);
    else return cart;
    return undefined;
  };

  for (const e of events) {
    if (e.event_type === 'AccountCreated') loggedIn.set(e.user_id, false);
    if (needsLogin.has(e.event_type) && loggedIn.get(e.user_id) !== true) problems.push(`${at(e)}: user ${e.user_id} is not logged in`);
    switch (e.event_type) {
      case 'UserLoggedIn':
        if (loggedIn.get(e.user_id) !== false) problems.push(`${at(e)}: user ${e.user_id} logs in twice`);
        loggedIn.set(e.user_id, true);
        break;
      case 'UserLoggedOut':
        loggedIn.set(e.user_id, false);
        break;
      case 'ProductViewed':
        if (prices.has(e.product_id) && prices.get(e.product_id) !== e.price) problems.push(`${at(e)}: price of ${e.product_id} changed`);
        prices.set(e.product_id, e.price);
        break;
      case 'CartCreated':
        if (carts.has(e.cart_id)) problems.push(`${at(e)}: cart ${e.cart_id} created twice`);
        for (const [id, c] of carts) if (c.user === e.user_id && c.status === 'open') problems.push(`${at(e)}: user ${e.user_id} has open cart ${id} already`);
        carts.set(e.cart_id, { user: e.user_id, status: 'open', items: 0, subtotalCents: 0 });
        break;
      case 'ItemAddedToCart': {
        const cart = openCart(e);
        const before = stock.get(e.product_id) ?? 100; // every product starts with inventory 100
        if (!Number.isInteger(e.quantity) || e.quantity < 1 || e.quantity > 3) problems.push(`${at(e)}: quantity ${e.quantity} outside 1..3`);
        if (e.quantity > before) problems.push(`${at(e)}: takes ${e.quantity} of ${e.product_id} with only ${before} in stock`);
        const after = before - e.quantity;
        if (after < 0) problems.push(`${at(e)}: inventory of ${e.product_id} is negative (${after})`);
        if (e.stock_remaining !== after) problems.push(`${at(e)}: stock_remaining ${e.stock_remaining}, expected ${after}`);
        stock.set(e.product_id, after);
        if (prices.has(e.product_id) && prices.get(e.product_id) !== e.unit_price) problems.push(`${at(e)}: unit_price differs from the viewed price`);
        if (cents(e.line_total) !== cents(e.quantity * e.unit_price)) problems.push(`${at(e)}: line_total ${e.line_total} ≠ ${e.quantity} × ${e.unit_price}`);
        if (cart) {
          cart.items += e.quantity;
          cart.subtotalCents += cents(e.line_total);
        }
        break;
      }
      case 'ProductRestocked': {
        const level = (stock.get(e.product_id) ?? 100) + e.quantity;
        if (e.stock_level !== level) problems.push(`${at(e)}: stock_level ${e.stock_level}, expected ${level}`);
        stock.set(e.product_id, level);
        break;
      }
      case 'CheckoutStarted':
      case 'CartAbandoned': {
        const cart = openCart(e);
        if (cart && (cart.items !== e.item_count || cart.subtotalCents !== cents(e.subtotal))) {
          problems.push(`${at(e)}: cart ${e.cart_id} has ${cart.items} items for ${cart.subtotalCents / 100}, event says ${e.item_count} for ${e.subtotal}`);
        }
        if (cart && e.event_type === 'CartAbandoned') {
          cart.status = 'abandoned';
          if (loggedIn.get(e.user_id) !== false) problems.push(`${at(e)}: cart abandoned by a logged-in user`);
        }
        break;
      }
      case 'OrderPlaced': {
        const cart = openCart(e);
        if (cart) {
          if (cart.items === 0) problems.push(`${at(e)}: empty cart ${e.cart_id} checked out`);
          if (cart.items !== e.item_count || cart.subtotalCents !== cents(e.subtotal)) problems.push(`${at(e)}: order does not match cart ${e.cart_id}`);
          cart.status = 'checked_out';
        }
        if (cents(e.subtotal) + cents(e.shipping_fee) !== cents(e.total_amount)) problems.push(`${at(e)}: total ${e.total_amount} ≠ subtotal + shipping`);
        if (orders.has(e.order_id)) problems.push(`${at(e)}: order ${e.order_id} placed twice`);
        orders.set(e.order_id, { user: e.user_id, status: 'placed', placedAt: e.sys__ets });
        break;
      }
      case 'OrderShipped':
      case 'OrderDelivered': {
        const order = orders.get(e.order_id);
        const from = e.event_type === 'OrderShipped' ? 'placed' : 'shipped';
        if (!order) problems.push(`${at(e)}: unknown order ${e.order_id}`);
        else {
          if (order.user !== e.user_id) problems.push(`${at(e)}: order ${e.order_id} belongs to ${order.user}`);
          if (order.status !== from) problems.push(`${at(e)}: order ${e.order_id} is ${order.status}, expected ${from}`);
          if (e.event_type === 'OrderShipped' && e.sys__ets - order.placedAt < 10 * 60_000) problems.push(`${at(e)}: shipped less than 10 minutes after it was placed`);
          order.status = e.event_type === 'OrderShipped' ? 'shipped' : 'delivered';
        }
        break;
      }
    }
  }
  return problems;
};

const SEAT_LIMIT: Record<string, number> = { starter: 3, pro: 10, business: 50 };
const SEAT_PRICE: Record<string, number> = { starter: 8, pro: 15, business: 29 };
const NEXT_PLAN: Record<string, string> = { starter: 'pro', pro: 'business' };

export const checkSaas: Checker = (events) => {
  const problems: string[] = [];
  referencesExist(events, 'account_id', 'AccountSignedUp', problems);
  referencesExist(events, 'seat_id', 'SeatInvited', problems);
  referencesExist(events, 'subscription_id', 'TrialStarted', problems);
  const accounts = new Map<string, { plan: string; subscription?: string; status?: string; invited: number; active: number }>();
  const seats = new Map<string, { account: string; status: string }>();
  const subscriptions = new Map<string, { account: string; status: string; plan: string }>();

  for (const e of events) {
    const account = accounts.get(e.account_id);
    const live = account?.status === 'trial' || account?.status === 'active';
    switch (e.event_type) {
      case 'AccountSignedUp':
        accounts.set(e.account_id, { plan: e.plan, invited: 0, active: 0 });
        break;
      case 'TrialStarted':
        if (!account) break;
        if (account.subscription !== undefined) problems.push(`${at(e)}: account ${e.account_id} has subscription ${account.subscription} already`);
        if (e.plan !== account.plan) problems.push(`${at(e)}: trial plan ${e.plan} ≠ account plan ${account.plan}`);
        if (e.trial_days !== 14 || Date.parse(e.trial_ends_at) !== e.sys__ets + 14 * 86_400_000) problems.push(`${at(e)}: trial does not end 14 days later`);
        account.subscription = e.subscription_id;
        account.status = 'trial';
        subscriptions.set(e.subscription_id, { account: e.account_id, status: 'trial', plan: e.plan });
        break;
      case 'SeatInvited':
        if (!account) break;
        if (!live) problems.push(`${at(e)}: invite on an account that is ${account.status ?? 'without subscription'}`);
        if (account.invited + account.active + 1 > SEAT_LIMIT[account.plan]!) problems.push(`${at(e)}: account ${e.account_id} exceeds ${account.plan} seat limit`);
        account.invited++;
        seats.set(e.seat_id, { account: e.account_id, status: 'invited' });
        break;
      case 'SeatLimitReached':
        if (account && account.invited + account.active !== SEAT_LIMIT[account.plan]) problems.push(`${at(e)}: limit reported but the account has ${account.invited + account.active} seats`);
        if (account && e.seat_limit !== SEAT_LIMIT[account.plan]) problems.push(`${at(e)}: seat_limit ${e.seat_limit} is not the ${account.plan} limit`);
        break;
      case 'SeatActivated': {
        const seat = seats.get(e.seat_id);
        if (!seat || !account) break;
        if (seat.account !== e.account_id) problems.push(`${at(e)}: seat ${e.seat_id} belongs to ${seat.account}`);
        if (seat.status !== 'invited') problems.push(`${at(e)}: seat ${e.seat_id} activated twice`);
        if (!live) problems.push(`${at(e)}: activation on an account that is ${account.status}`);
        seat.status = 'active';
        account.invited--;
        account.active++;
        break;
      }
      case 'FeatureUsed': {
        const seat = seats.get(e.seat_id);
        if (seat && (seat.status !== 'active' || seat.account !== e.account_id)) problems.push(`${at(e)}: seat ${e.seat_id} is ${seat.status} of ${seat.account}`);
        if (account && account.status === 'cancelled') problems.push(`${at(e)}: feature used on a cancelled account`);
        break;
      }
      case 'PaymentMethodAdded':
      case 'SubscriptionActivated':
      case 'PlanUpgraded':
      case 'SubscriptionCancelled': {
        const sub = subscriptions.get(e.subscription_id);
        if (!sub || !account) break;
        if (sub.account !== e.account_id) problems.push(`${at(e)}: subscription ${e.subscription_id} belongs to ${sub.account}`);
        const allowed = e.event_type === 'PlanUpgraded' ? ['active'] : e.event_type === 'SubscriptionCancelled' ? ['trial', 'active'] : ['trial'];
        if (!allowed.includes(sub.status)) problems.push(`${at(e)}: subscription ${e.subscription_id} is ${sub.status}`);
        if (e.event_type === 'SubscriptionActivated') {
          if (e.plan !== account.plan) problems.push(`${at(e)}: activated plan ${e.plan} ≠ account plan ${account.plan}`);
          if (e.mrr !== e.seats * SEAT_PRICE[e.plan]!) problems.push(`${at(e)}: mrr ${e.mrr} ≠ ${e.seats} seats × ${SEAT_PRICE[e.plan]}`);
          if (account.active === 0) problems.push(`${at(e)}: converted before any teammate joined`);
          sub.status = account.status = 'active';
        }
        if (e.event_type === 'PlanUpgraded') {
          if (e.from_plan !== account.plan || e.to_plan !== NEXT_PLAN[account.plan]) problems.push(`${at(e)}: upgrade ${e.from_plan} → ${e.to_plan} from plan ${account.plan}`);
          sub.plan = account.plan = e.to_plan;
        }
        if (e.event_type === 'SubscriptionCancelled') {
          if (e.previous_status !== sub.status) problems.push(`${at(e)}: previous_status ${e.previous_status} but it was ${sub.status}`);
          sub.status = account.status = 'cancelled';
        }
        break;
      }
    }
  }
  return problems;
};

export const checkIot: Checker = (events) => {
  const problems: string[] = [];
  referencesExist(events, 'device_id', 'DeviceRegistered', problems);
  referencesExist(events, 'alert_id', 'AlertRaised', problems);
  const devices = new Map<string, { online: boolean; battery?: number; firmware: string }>();
  const alerts = new Map<string, { device: string; open: boolean; raisedAt: number }>();
  for (const e of events) {
    const device = devices.get(e.device_id);
    switch (e.event_type) {
      case 'DeviceRegistered':
        devices.set(e.device_id, { online: true, firmware: e.firmware });
        break;
      case 'TelemetryReported':
        if (!device) break;
        if (!device.online) problems.push(`${at(e)}: device ${e.device_id} reports while offline`);
        if (e.battery_pct < 0 || e.battery_pct > 100) problems.push(`${at(e)}: battery ${e.battery_pct}% out of range`);
        if (device.battery !== undefined && e.battery_pct > device.battery) problems.push(`${at(e)}: battery rose from ${device.battery} to ${e.battery_pct} without a replacement`);
        device.battery = e.battery_pct;
        break;
      case 'DeviceDisconnected':
      case 'DeviceConnected': {
        if (!device) break;
        const connecting = e.event_type === 'DeviceConnected';
        if (device.online === connecting) problems.push(`${at(e)}: device ${e.device_id} is ${device.online ? 'online' : 'offline'} already`);
        device.online = connecting;
        break;
      }
      case 'BatteryReplaced':
        if (device?.online) problems.push(`${at(e)}: battery replaced while online`);
        if (device) device.battery = 100;
        break;
      case 'AlertRaised':
        if (!(e.temperature_c > 40)) problems.push(`${at(e)}: alert at ${e.temperature_c} °C`);
        if ((e.temperature_c > 45) !== (e.severity === 'critical')) problems.push(`${at(e)}: severity ${e.severity} at ${e.temperature_c} °C`);
        alerts.set(e.alert_id, { device: e.device_id, open: true, raisedAt: e.sys__ets });
        break;
      case 'AlertResolved': {
        const alert = alerts.get(e.alert_id);
        if (!alert) break;
        if (alert.device !== e.device_id) problems.push(`${at(e)}: alert ${e.alert_id} belongs to ${alert.device}`);
        if (!alert.open) problems.push(`${at(e)}: alert ${e.alert_id} resolved twice`);
        if (e.sys__ets - alert.raisedAt < 8 * 60_000) problems.push(`${at(e)}: resolved less than 8 minutes after it was raised`);
        alert.open = false;
        break;
      }
      case 'FirmwareUpdated':
        if (!device) break;
        if (device.firmware !== e.from_version || e.from_version === e.to_version) problems.push(`${at(e)}: update ${e.from_version} → ${e.to_version} on firmware ${device.firmware}`);
        if (!device.online) problems.push(`${at(e)}: firmware updated while offline`);
        device.firmware = e.to_version;
        break;
    }
  }
  return problems;
};
