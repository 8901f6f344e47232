/**
 * Run by gc-state.test.ts in a child process started with --expose-gc: a population of
 * entities held by flows that wait (AddDecay), with full collections forced at the first
 * batches. Prints the heap in use after the last of them and at the end, as JSON.
 */
import { Simulation, NewEvent, AddDecay, Select, defineEvent, defineEntity, Field, StateField } from '../../src/index.js';

const Seen = defineEvent('Seen', { member_id: Field.string() });
const Member = defineEntity('Member', {
  sourceEvent: null,
  primaryKey: 'member_id',
  state: { member_id: StateField.string({ faker: 'uuid4' }), active: StateField.boolean({ default: true }) },
});
const sim = new Simulation({
  duration: '3h', startTime: '2025-01-01T00:00:00Z', nFlows: 30, randomSeed: 1,
  initialEntities: [[Member, 100_000]], history: 'current', events: [Seen],
});
sim.flow({ filter: Select(Member, { where: [['active', 'is', true]] }) }, function* visit(ctx) {
  yield NewEvent(ctx, Seen);
  yield AddDecay(ctx, { rate: 0.4, seconds: 45 });
  yield NewEvent(ctx, Seen);
});
const COLLECTIONS = 5;
const collect = (globalThis as { gc?: () => void }).gc!;
let afterCollection = 0;
let batches = 0;
await sim.run({
  outputs: [],
  log: () => {},
  onProgress: () => {
    // A few collections while the first flows wait: one alone tipped the state in 1 run of 3.
    if (++batches > COLLECTIONS) return;
    collect();
    afterCollection = process.memoryUsage().heapUsed;
  },
});
console.log(JSON.stringify({ afterCollection, atEnd: process.memoryUsage().heapUsed }));
