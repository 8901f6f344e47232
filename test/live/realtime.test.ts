/**
 * Live mode: the part of the window in the past is backfilled at once, then each event is
 * released no earlier than its due wall-clock time; 'infinite' runs until stopped.
 */
import { describe, expect, it } from 'vitest';
import { AddDecay, defineEvent, Field, NewEvent, Simulation, type EventBatch, type EventRecord, type Output } from 'deep-faker';

const Tick = defineEvent('LiveTick', { n: Field.int({ faker: 'random_int', min: 1, max: 9 }) });

/** Records the wall-clock instant at which each event reached the output. */
class ArrivalOutput implements Output {
  readonly name = 'arrivals';
  readonly arrivals: { event: EventRecord; at: number }[] = [];
  async open() {}
  async write(batch: EventBatch) {
    const at = Date.now();
    for (const event of batch.events) this.arrivals.push({ event, at });
  }
  async flush() {}
  async close() {}
  stats() {
    return { delivered: this.arrivals.length, failed: 0, inFlight: 0 };
  }
}

function liveSim(duration: string | 'infinite', startTime: number | 'now', partitions = 1): Simulation {
  const sim = new Simulation({ duration, startTime, timeStep: '1s', nFlows: 2, randomSeed: 3, realtime: true, partitions, events: [Tick] });
  sim.flow(function* ticker(ctx) {
    yield NewEvent(ctx, Tick);
    yield AddDecay(ctx, { rate: 0, seconds: 2 });
    yield NewEvent(ctx, Tick);
  });
  return sim;
}

describe('live mode', () => {
  it.each([1, 2])('backfills the past at once, then releases each event no earlier than it is due (partitions: %i, in this thread)', async (partitions) => {
    const speed = 20;
    const began = Date.now();
    const output = new ArrivalOutput();
    // 30 simulated seconds in the past, 30 ahead: at speed 20 the live part takes ~1.5 s.
    const summary = await liveSim('60s', began - 30_000, partitions).run({ outputs: [output], speed, log: () => {} });
    expect(summary.events).toBe(output.arrivals.length);
    const past = output.arrivals.filter((a) => a.event.sys__ets <= began);
    const future = output.arrivals.filter((a) => a.event.sys__ets > began);
    expect(past.length).toBeGreaterThan(20);
    expect(future.length).toBeGreaterThan(20);
    // Backfill: every past event arrived before any future one.
    const lastPast = Math.max(...past.map((a) => a.at));
    const firstFuture = Math.min(...future.map((a) => a.at));
    expect(lastPast).toBeLessThanOrEqual(firstFuture);
    // Pacing: a future event never arrives before its due time (anchor ≥ began, so this bound is safe).
    for (const { event, at } of future) {
      const due = began + (event.sys__ets - began) / speed;
      expect(at).toBeGreaterThanOrEqual(Math.floor(due) - 2);
    }
    // Time order holds across the backfill/live boundary.
    const ts = output.arrivals.map((a) => a.event.sys__ets);
    expect(ts).toEqual([...ts].sort((a, b) => a - b));
  });

  it("runs 'infinite' until aborted, then delivers what it generated and reports the stop", async () => {
    const output = new ArrivalOutput();
    const controller = new AbortController();
    const run = liveSim('infinite', 'now').run({ outputs: [output], speed: 50, signal: controller.signal, log: () => {} });
    while (output.arrivals.length < 10) await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    const summary = await run;
    expect(summary.stoppedBy).toBe('signal');
    expect(summary.end).toBeNull();
    expect(summary.events).toBe(output.arrivals.length);
  });

  it("refuses 'infinite' without live mode", () => {
    expect(() => new Simulation({ duration: 'infinite' })).toThrow(/'infinite' needs realtime: true/);
  });
});
