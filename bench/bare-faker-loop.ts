/**
 * The floor we compare against: a bare faker-js loop, no engine and no state, writing the
 * quick-start events as JSON lines with the same fields and field kinds, in the same mix of
 * event types as the engine's run. Without entities it draws every field, keys included.
 */
import { createWriteStream } from 'node:fs';
import { Faker, base, en } from '@faker-js/faker';

/** How many lines of each quick-start event type to write. */
export type Mix = Record<'AccountCreated' | 'ProductAdded' | 'OrderCompleted', number>;

/** Writes as many lines of each type as `mix` says to `path`; resolves with events per second. */
export async function bareFakerLoop(mix: Mix, path: string): Promise<number> {
  const faker = new Faker({ locale: [en, base] });
  faker.seed(42);
  const total = mix.AccountCreated + mix.ProductAdded + mix.OrderCompleted;
  const out = createWriteStream(path);
  const begin = performance.now();
  let ts = Date.UTC(2025, 0, 1);
  let chunk = '';
  const made = { AccountCreated: 0, ProductAdded: 0, OrderCompleted: 0 };
  for (let i = 0; i < total; i++) {
    // Interleave the types in the engine's proportions.
    const type = (['AccountCreated', 'ProductAdded', 'OrderCompleted'] as const).reduce((best, t) =>
      made[t] / mix[t] < made[best] / mix[best] ? t : best);
    made[type]++;
    ts += faker.number.int({ min: 0, max: 100 });
    let event: Record<string, unknown>;
    if (type === 'AccountCreated') {
      event = { event_type: type, user_id: faker.string.uuid(), email: faker.internet.email(), full_name: faker.person.fullName() };
    } else if (type === 'ProductAdded') {
      event = {
        event_type: type, user_id: faker.string.uuid(), product_id: faker.helpers.replaceSymbols('PROD_????'),
        cart_id: `cart_${faker.string.alphanumeric(8)}`, quantity: faker.number.int({ min: 1, max: 3 }),
      };
    } else {
      event = {
        event_type: type, user_id: faker.string.uuid(), order_id: `order_${faker.string.alphanumeric(8)}`,
        total_amount: faker.number.float({ min: 5, max: 500, fractionDigits: 2 }),
      };
    }
    event.sys__eid = faker.string.alphanumeric(12);
    event.sys__ets = ts;
    event.sys__sid = faker.string.alphanumeric(8);
    chunk += JSON.stringify(event) + '\n';
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
  return (total * 1000) / (performance.now() - begin);
}
