/**
 * The floor we compare against: a bare faker-js loop (no engine, no state) that writes the
 * quick-start event shapes as JSON lines, with the same field kinds and system fields.
 */
import { createWriteStream } from 'node:fs';
import { Faker, base, en } from '@faker-js/faker';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Writes `count` lines to `path`; resolves with events per second. */
export async function bareFakerLoop(count: number, path: string): Promise<number> {
  const faker = new Faker({ locale: [en, base] });
  faker.seed(42);
  const out = createWriteStream(path);
  const begin = performance.now();
  let ts = Date.UTC(2025, 0, 1);
  let chunk = '';
  let user = faker.string.uuid();
  for (let i = 0; i < count; i++) {
    ts += faker.number.int({ min: 0, max: 400 });
    const sys = { sys__eid: faker.string.fromCharacters(ALNUM, 12), sys__ets: ts, sys__sid: faker.string.fromCharacters(ALNUM, 8) };
    let event: Record<string, unknown>;
    switch (i % 3) {
      case 0:
        user = faker.string.uuid();
        event = { event_type: 'AccountCreated', user_id: user, email: faker.internet.email(), full_name: faker.person.fullName(), ...sys };
        break;
      case 1:
        event = { event_type: 'ProductAdded', user_id: user, product_id: `PROD_${faker.string.alpha({ length: 4, casing: 'upper' })}`, cart_id: `cart_${sys.sys__sid}`, quantity: faker.number.int({ min: 1, max: 3 }), ...sys };
        break;
      default:
        event = { event_type: 'OrderCompleted', user_id: user, order_id: `order_${sys.sys__sid}`, total_amount: faker.number.float({ min: 5, max: 500, fractionDigits: 2 }), ...sys };
    }
    chunk += JSON.stringify(event) + '\n';
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
  return (count * 1000) / (performance.now() - begin);
}
