/**
 * Quick-start-shaped events without the engine, for benchmarks of one output alone: users
 * register, add products and order, with the system fields, from a fixed seed.
 */
import { createEventBatch } from '../../src/outputs/event-batch.js';
import type { EventBatch, EventInfo, EventRecord } from '../../src/outputs/output.js';
import { alphanumericId, uuid4 } from '../../src/util/ids.js';
import { SeededRandom } from '../../src/util/seeded-random.js';

const START = Date.UTC(2025, 0, 1);
const string = (name: string, primaryKey = false) => ({ name, kind: 'string' as const, required: true, primaryKey });

/** What the outputs are told of the three event types. */
export const SYNTHETIC_EVENT_INFO: EventInfo[] = [
  { name: 'AccountCreated', fields: [string('user_id', true), string('email'), string('full_name')], keyField: 'user_id' },
  { name: 'ProductAdded', fields: [string('user_id'), string('product_id'), string('cart_id'), { name: 'quantity', kind: 'int', required: true, primaryKey: false }], keyField: 'user_id' },
  { name: 'OrderCompleted', fields: [string('user_id'), string('order_id'), { name: 'total_amount', kind: 'float', required: true, primaryKey: false }], keyField: 'user_id' },
];

/**
 * `count` events of `users` users in batches of `batchSize`. `kindOf(i)` picks event i's type:
 * 0 AccountCreated, 1-2 ProductAdded, 3 OrderCompleted.
 */
export function syntheticBatches(count: number, batchSize: number, users: number, kindOf: (i: number) => number): EventBatch[] {
  const random = new SeededRandom(42);
  const ids = Array.from({ length: users }, () => uuid4(random));
  const events: EventRecord[] = [];
  for (let i = 0; i < count; i++) {
    const user = ids[i % users]!;
    const base = { sys__eid: alphanumericId(random, 12), sys__ets: START + i * 10, sys__sid: alphanumericId(random, 16) };
    const kind = kindOf(i);
    if (kind === 0) events.push({ event_type: 'AccountCreated', ...base, user_id: user, email: `user${i}@example.com`, full_name: `User Number ${i}` });
    else if (kind < 3) events.push({ event_type: 'ProductAdded', ...base, user_id: user, product_id: 'PROD_001', cart_id: `cart_${user.slice(0, 8)}`, quantity: 1 + (i % 3) });
    else events.push({ event_type: 'OrderCompleted', ...base, user_id: user, order_id: `order_${user.slice(0, 8)}`, total_amount: 99.99 });
  }
  const batches: EventBatch[] = [];
  for (let i = 0; i < events.length; i += batchSize) batches.push(createEventBatch(events.slice(i, i + batchSize)));
  return batches;
}
