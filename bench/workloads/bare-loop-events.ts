/**
 * The bare faker-js loop (bench/bare-faker-loop.ts) for a given number of events, in the
 * quick-start engine's mix of event types (its 24-hour run), written to /dev/null; prints
 * `events N`. What bench/instructions.ts --bare counts.
 * Run: node --import tsx bench/workloads/bare-loop-events.ts [events]
 */
import { bareFakerLoop } from '../bare-faker-loop.js';

/** Events of each type in the quick-start engine's 24-hour run (throughput.ts's workload). */
const ENGINE_MIX = { AccountCreated: 389_989, ProductAdded: 959_207, OrderCompleted: 388_283 };
const ENGINE_EVENTS = ENGINE_MIX.AccountCreated + ENGINE_MIX.ProductAdded + ENGINE_MIX.OrderCompleted;

const events = Number(process.argv[2] ?? 100_000);
const share = (n: number) => Math.round((n * events) / ENGINE_EVENTS);
const mix = { AccountCreated: share(ENGINE_MIX.AccountCreated), ProductAdded: share(ENGINE_MIX.ProductAdded), OrderCompleted: share(ENGINE_MIX.OrderCompleted) };
await bareFakerLoop(mix, '/dev/null');
console.log(`events ${mix.AccountCreated + mix.ProductAdded + mix.OrderCompleted}`);
