/**
 * One million initial users with filtered flows (is_logged_in is true / false) against the
 * same workload with 1,000 users: creation time, and events/s of the flows.
 * Run: npx tsx bench/million-entities.ts
 */
import type { EventBatch, Output } from 'deep-faker';
import { fixedPopulation } from './workloads/fixed-population.js';

class CountingOutput implements Output {
  readonly name = 'count';
  readonly doneWithBatchOnSettle = true;
  delivered = 0;
  async open() {}
  async write(batch: EventBatch) {
    this.delivered += batch.size;
    batch.jsonLines();
  }
  async flush() {}
  async close() {}
  stats() {
    return { delivered: this.delivered, failed: 0, inFlight: 0 };
  }
}

/**
 * Creation time is up to the first batch (members have no source event, so nothing is emitted
 * while they are created); the flows' rate is measured from there to the end.
 */
async function measure(users: number): Promise<{ createSeconds: number; eventsPerSecond: number; events: number }> {
  const sim = fixedPopulation({ users, duration: '4h', nFlows: 30 });
  let first: { wallMs: number; events: number } | undefined;
  const summary = await sim.run({
    outputs: [new CountingOutput()],
    log: () => {},
    onProgress: (p) => (first ??= { wallMs: p.wallMs, events: p.events }),
  });
  const flowSeconds = (summary.wallMs - first!.wallMs) / 1000;
  return { createSeconds: first!.wallMs / 1000, eventsPerSecond: (summary.events - first!.events) / flowSeconds, events: summary.events };
}

const small = await measure(1_000);
const large = await measure(1_000_000);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`1,000 users:     created (and first batch) in ${small.createSeconds.toFixed(2)} s; flows ${fmt(small.eventsPerSecond)} events/s (${fmt(small.events)} events)`);
console.log(`1,000,000 users: created (and first batch) in ${large.createSeconds.toFixed(2)} s; flows ${fmt(large.eventsPerSecond)} events/s (${fmt(large.events)} events)`);
console.log(`ratio: ${(large.eventsPerSecond / small.eventsPerSecond).toFixed(2)} (target ≥ 0.67); peak RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
