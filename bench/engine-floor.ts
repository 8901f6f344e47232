/**
 * A floor for the engine: the quick-start workload written by hand in the engine's own
 * shape (generator flows, the engine's queue of initiations and resumptions, users kept by
 * row with the engine's index of their keys, and an array of the logged-in free ones), with
 * the engine's fakers, ids and random numbers,
 * batches of 1,000 events rendered by the engine's JSON lines code and written to a file. It
 * has none of the engine's checks, entity versions, general indexes, sinks or outputs: no
 * engine built this way on this runtime can be faster, so it tells how far the engine is
 * from its limit, and what ratio to the bare faker-js loop that limit allows.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { FakeContext } from '../src/fakers/index.js';
import { createFaker } from '../src/fakers/index.js';
import { EventQueue } from '../src/engine/event-queue.js';
import { KeyIndex } from '../src/state/key-index.js';
import { pushJsonLines } from '../src/outputs/json-lines-of.js';
import { LineBuffer } from '../src/outputs/line-buffer.js';
import type { EventRecord } from '../src/outputs/output.js';
import { alphanumericId } from '../src/util/ids.js';
import { SeededRandom } from '../src/util/seeded-random.js';
import { AccountCreated, ProductAdded } from './workloads/quickstart-scale.js';

interface User { user_id: string; is_logged_in: boolean; cart_id: string | null; total_orders: number; free: number }
interface Flow { sessionId: string; clock: number; user: User | undefined; steps: Generator<Action, void, unknown> | undefined }
type Action = { kind: 'event'; event: Record<string, unknown> } | { kind: 'wait'; ms: number; rate: number };
interface Item { kind: 'tick' | 'start' | 'resume'; time: number; seq: number; flow?: Flow; dropped?: boolean }

export interface FloorOptions { hours: number; nFlows: number; initialUsers: number; path: string }

/** Runs the hand-written workload; returns its events and events per second. */
export function engineFloor(o: FloorOptions): { events: number; eventsPerSecond: number } {
  const random = new SeededRandom(42);
  const fake: FakeContext = { random, faker: createFaker(random), now: 0 };
  // The example's events come from the built package: their fields' generators are read
  // by shape (the same functions the engine calls).
  const generate = (event: { readonly resolved: readonly { readonly name: string; readonly generate?: unknown }[] }, name: string) => {
    const run = event.resolved.find((f) => f.name === name)!.generate as (ctx: FakeContext) => string | number;
    return () => run(fake);
  };
  const uuid = generate(AccountCreated, 'user_id');
  const email = generate(AccountCreated, 'email');
  const fullName = generate(AccountCreated, 'full_name');
  const quantity = generate(ProductAdded, 'quantity');

  const queue = new EventQueue<Item>();
  const push = (item: Item, lane?: number) => queue.push(item, lane);

  // Users by row and rows by key, as the engine keeps them (the cheapest way known).
  const users: User[] = [];
  const rowsByKey = new KeyIndex((row) => users[row]!.user_id);
  const keep = (user: User) => {
    users.push(user);
    rowsByKey.add(user.user_id);
  };
  const loggedInFree: User[] = [];
  const free = (user: User) => { user.free = loggedInFree.length; loggedInFree.push(user); };
  const take = (k: number) => {
    const user = loggedInFree[k]!;
    const last = loggedInFree.pop()!;
    if (last !== user) { loggedInFree[k] = last; last.free = k; }
    user.free = -1;
    return user;
  };

  const fd = openSync(o.path, 'w');
  const lines = LineBuffer.forLines(1000);
  let batch: EventRecord[] = [];
  let events = 0;
  const flush = () => {
    pushJsonLines(batch, lines);
    const { bytes } = lines.take();
    writeSync(fd, bytes);
    lines.recycle(bytes.buffer as ArrayBuffer);
    batch = [];
  };
  const emit = (event: Record<string, unknown>) => {
    batch.push(event as EventRecord);
    events++;
    if (batch.length === 1000) flush();
  };
  const sys = (event: Record<string, unknown>, flow: Flow) => {
    event.sys__eid = alphanumericId(random, 12);
    event.sys__ets = flow.clock;
    event.sys__sid = flow.sessionId;
    return event;
  };

  function* registration(flow: Flow): Generator<Action, void, unknown> {
    const user: User = { user_id: uuid() as string, is_logged_in: false, cart_id: null, total_orders: 0, free: -1 };
    keep(user);
    flow.user = user;
    yield { kind: 'event', event: sys({ event_type: 'AccountCreated', user_id: user.user_id, email: email(), full_name: fullName() }, flow) };
    yield { kind: 'wait', ms: 30_000, rate: 0.2 };
    yield { kind: 'event', event: sys({ event_type: 'ProductAdded', user_id: user.user_id, product_id: alphanumericId(random, 12), cart_id: alphanumericId(random, 12), quantity: quantity() }, flow) };
    user.is_logged_in = true;
  }
  function* shopping(flow: Flow): Generator<Action, void, unknown> {
    const user = flow.user!;
    const cartId = `cart_${flow.sessionId.slice(0, 8)}`;
    yield { kind: 'event', event: sys({ event_type: 'ProductAdded', user_id: user.user_id, product_id: 'PROD_001', cart_id: cartId, quantity: quantity() }, flow) };
    user.cart_id = cartId;
    yield { kind: 'wait', ms: 60_000, rate: 0.4 };
    yield { kind: 'event', event: sys({ event_type: 'OrderCompleted', user_id: user.user_id, order_id: `order_${flow.sessionId.slice(0, 8)}`, total_amount: 99.99 }, flow) };
    user.total_orders++;
  }
  const end = (flow: Flow) => { if (flow.user?.is_logged_in) free(flow.user); };
  const step = (flow: Flow) => {
    for (;;) {
      const next = flow.steps!.next();
      if (next.done) return end(flow);
      const action = next.value;
      if (action.kind === 'event') emit(action.event);
      else {
        flow.clock += action.ms;
        push({ kind: 'resume', time: flow.clock, seq: 0, flow, dropped: random.next() < action.rate }, action.ms);
        return;
      }
    }
  };

  const begin = performance.now();
  const start = Date.UTC(2025, 0, 1);
  const stop = start + o.hours * 3_600_000;
  const setup: Flow = { sessionId: 'initial_setup', clock: start, user: undefined, steps: undefined };
  for (let i = 0; i < o.initialUsers; i++) {
    const user: User = { user_id: uuid() as string, is_logged_in: false, cart_id: null, total_orders: 0, free: -1 };
    keep(user);
    emit(sys({ event_type: 'AccountCreated', user_id: user.user_id, email: email(), full_name: fullName() }, setup));
  }
  push({ kind: 'tick', time: start, seq: 0 });
  while (queue.size > 0) {
    const item = queue.pop()!;
    if (item.time >= stop) break;
    if (item.kind === 'tick') {
      for (let i = 0; i < o.nFlows; i++) push({ kind: 'start', time: item.time + Math.floor(random.next() * 1000), seq: 0 });
      push({ kind: 'tick', time: item.time + 1000, seq: 0 });
    } else if (item.kind === 'resume') {
      if (item.dropped) end(item.flow!);
      else step(item.flow!);
    } else {
      const flow: Flow = { sessionId: alphanumericId(random, 8), clock: item.time, user: undefined, steps: undefined };
      // Weights 3 : 5, the shopping flow only while a logged-in user is free.
      if (random.next() * 8 < 3 || loggedInFree.length === 0) flow.steps = registration(flow);
      else {
        flow.user = take(random.index(loggedInFree.length));
        flow.steps = shopping(flow);
      }
      step(flow);
    }
  }
  flush();
  closeSync(fd);
  return { events, eventsPerSecond: (events * 1000) / (performance.now() - begin) };
}

// Run on its own (throughput.ts starts it in a fresh process: after the engine's run the
// heap still holds that run's entities, which slows any program's collections).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { hours: { type: 'string', default: '24' }, flows: { type: 'string', default: '12' } } });
  const result = engineFloor({ hours: Number(values.hours), nFlows: Number(values.flows), initialUsers: 1000, path: join(tmpdir(), 'deep-faker-floor.jsonl') });
  console.log(JSON.stringify(result));
}
