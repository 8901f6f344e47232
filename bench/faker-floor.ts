/**
 * The faker floor: what one field value costs on the fast path versus faker-js, and how
 * many quick-start-shaped JSON lines per second each can feed. Fixed workload, seed 42.
 * Run: npx tsx bench/faker-floor.ts [--scale 1] (--scale: a fraction of the calls and lines, for a quick check)
 */
import { parseArgs } from 'node:util';
import { Faker, base, en } from '@faker-js/faker';
import { createFaker, resolveFaker, type FakeContext, type ValueGenerator } from '../src/fakers/index.js';
import { alphanumericId } from '../src/util/ids.js';
import { SeededRandom } from '../src/util/seeded-random.js';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' } } });
const scale = Number(values.scale);
if (!(scale > 0)) {
  console.error(`faker-floor: --scale must be a positive number, got ${values.scale}`);
  process.exit(2);
}
const CALLS = Math.max(100, Math.round(200_000 * scale));
const LINES = Math.max(100, Math.round(60_000 * scale));
const ROUNDS = 5;
const START = Date.UTC(2025, 0, 1);
let sink = 0; // keeps results alive so the JIT cannot drop the work

/** Median nanoseconds per call over ROUNDS rounds of `count` calls (after a warm-up round). */
function nsPerCall(count: number, body: () => unknown, rounds = ROUNDS): number {
  const timings: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    const begin = process.hrtime.bigint();
    for (let i = 0; i < count; i++) {
      const value = body();
      sink += typeof value === 'string' ? value.length : 1;
    }
    const elapsed = Number(process.hrtime.bigint() - begin) / count;
    if (round > 0) timings.push(elapsed);
  }
  timings.sort((a, b) => a - b);
  return timings[timings.length >> 1]!;
}

const mersenne = new Faker({ locale: [en, base] });
mersenne.seed(42);
const random = new SeededRandom(42);
const ctx: FakeContext = { random, faker: createFaker(random, 'en'), now: START };
const seededFaker = createFaker(new SeededRandom(42), 'en');
const fast = (spec: string, params: Record<string, unknown> = {}): ValueGenerator => resolveFaker(spec, params, 'bench');

const PLANS = ['free', 'premium', 'enterprise'];
const rows: [string, ValueGenerator, (f: Faker) => unknown][] = [
  ['uuid4', fast('uuid4'), (f) => f.string.uuid()],
  ['name', fast('name'), (f) => f.person.fullName()],
  ['email', fast('email'), (f) => f.internet.email()],
  ['random_int', fast('random_int', { min: 1, max: 3 }), (f) => f.number.int({ min: 1, max: 3 })],
  ['pyfloat', fast('pyfloat', { min_value: 5, max_value: 500 }), (f) => f.number.float({ min: 5, max: 500, fractionDigits: 2 })],
  ['random_element', fast('random_element', { elements: PLANS }), (f) => f.helpers.arrayElement(PLANS)],
];

console.log('µs per call             fast path   faker-js (Mersenne)   faker-js (createFaker, sfc32)   speed-up');
for (const [name, generator, viaFaker] of rows) {
  const fastNs = nsPerCall(CALLS, () => generator(ctx));
  const mersenneNs = nsPerCall(CALLS, () => viaFaker(mersenne));
  const seededNs = nsPerCall(CALLS, () => viaFaker(seededFaker));
  console.log(
    `${name.padEnd(20)}${(fastNs / 1000).toFixed(3).padStart(12)}${(mersenneNs / 1000).toFixed(3).padStart(22)}`
      + `${(seededNs / 1000).toFixed(3).padStart(32)}${`${(mersenneNs / fastNs).toFixed(0)}x`.padStart(11)}`,
  );
}

/** Quick-start lines: AccountCreated, ProductAdded, OrderCompleted in turn, with system fields. */
interface LineSource {
  eventId(): string;
  sessionId(): string;
  uuid(): string;
  email(): string;
  fullName(): string;
  product(): string;
  quantity(): number;
  amount(): number;
}

const PRODUCTS = ['PROD_001', 'PROD_002', 'PROD_003', 'PROD_004', 'PROD_005'];

function writeLines(source: LineSource, count: number): number {
  let bytes = 0;
  let user = '';
  for (let i = 0; i < count; i++) {
    const eid = source.eventId();
    const ets = START + i * 137;
    const sid = source.sessionId();
    let line: string;
    switch (i % 3) {
      case 0:
        user = source.uuid();
        line = JSON.stringify({
          sys__eid: eid, sys__ets: ets, sys__sid: sid, event_type: 'AccountCreated',
          user_id: user, email: source.email(), full_name: source.fullName(),
        });
        break;
      case 1:
        line = JSON.stringify({
          sys__eid: eid, sys__ets: ets, sys__sid: sid, event_type: 'ProductAdded',
          user_id: user, product_id: source.product(), cart_id: `cart_${sid}`, quantity: source.quantity(),
        });
        break;
      default:
        line = JSON.stringify({
          sys__eid: eid, sys__ets: ets, sys__sid: sid, event_type: 'OrderCompleted',
          user_id: user, order_id: `order_${sid}`, total_amount: source.amount(),
        });
    }
    bytes += line.length + 1;
  }
  return bytes;
}

function fakerJsSource(f: Faker): LineSource {
  return {
    eventId: () => f.string.alphanumeric(12),
    sessionId: () => f.string.alphanumeric(8),
    uuid: () => f.string.uuid(),
    email: () => f.internet.email(),
    fullName: () => f.person.fullName(),
    product: () => f.helpers.arrayElement(PRODUCTS),
    quantity: () => f.number.int({ min: 1, max: 3 }),
    amount: () => f.number.float({ min: 5, max: 500, fractionDigits: 2 }),
  };
}

function fastSource(): LineSource {
  const r = new SeededRandom(42);
  const c: FakeContext = { random: r, faker: createFaker(r, 'en'), now: START };
  const [uuid, email, fullName, product, quantity, amount] = [
    fast('uuid4'), fast('email'), fast('name'), fast('random_element', { elements: PRODUCTS }),
    fast('random_int', { min: 1, max: 3 }), fast('pyfloat', { min_value: 5, max_value: 500 }),
  ];
  return {
    eventId: () => alphanumericId(r, 12),
    sessionId: () => alphanumericId(r, 8),
    uuid: () => uuid(c) as string,
    email: () => email(c) as string,
    fullName: () => fullName(c) as string,
    product: () => product(c) as string,
    quantity: () => quantity(c) as number,
    amount: () => amount(c) as number,
  };
}

function linesPerSecond(source: LineSource): number {
  const ns = nsPerCall(1, () => writeLines(source, LINES), 3) / LINES;
  return 1e9 / ns;
}

const bare = linesPerSecond(fakerJsSource(mersenne));
const fastRate = linesPerSecond(fastSource());
const format = (n: number): string => Math.round(n).toLocaleString('en-US');
console.log('\nquick-start JSON lines per second (system fields + JSON.stringify)');
console.log(`  (a) bare faker-js loop      ${format(bare).padStart(12)} lines/s`);
console.log(`  (b) fast path               ${format(fastRate).padStart(12)} lines/s   (${(fastRate / bare).toFixed(1)}x)`);
if (sink === 42) console.log('');
