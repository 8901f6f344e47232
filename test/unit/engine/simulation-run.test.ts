import { describe, expect, it } from 'vitest';
import { AddDecay, defineEvent, Field, NewEvent, Simulation } from 'deep-faker';
import { bySession, runCollect, T0 } from '../../helpers/collecting-output.js';

const Tick = defineEvent('WindowTick', { n: Field.int({ default: 0 }) });

/** A flow that emits an event every 20 s for 10 minutes. */
function longSim(options: { drain?: boolean; duration?: string; nFlows?: number } = {}): Simulation {
  const sim = new Simulation({ duration: options.duration ?? '1m', nFlows: options.nFlows ?? 1, timeStep: '10s', randomSeed: 11, drain: options.drain });
  sim.flow(function* long_flow(ctx) {
    for (let n = 0; n < 30; n++) {
      yield NewEvent(ctx, Tick, { fields: { n } });
      yield AddDecay(ctx, { rate: 0, seconds: 20 });
    }
  });
  return sim;
}

describe('the window [start, start + duration)', () => {
  it('emits no event at or after the end: flows crossing it are cut there', async () => {
    const { events, summary } = await runCollect(longSim());
    const end = T0 + 60_000;
    expect(events.length).toBeGreaterThan(6);
    for (const e of events) {
      expect(e.sys__ets).toBeGreaterThanOrEqual(T0);
      expect(e.sys__ets).toBeLessThan(end);
    }
    expect(summary.flows.long_flow).toEqual({ started: 6, completed: 0, dropped: 0, cut: 6 });
    expect(summary.stoppedBy).toBe('end');
    expect(summary.start).toBe('2025-01-01T00:00:00.000Z');
    expect(summary.end).toBe('2025-01-01T00:01:00.000Z');
  });

  it('drain: true lets flows started in the window finish; nothing starts after the end', async () => {
    const { events, summary } = await runCollect(longSim({ drain: true }));
    expect(summary.flows.long_flow).toEqual({ started: 6, completed: 6, dropped: 0, cut: 0 });
    const sessions = bySession(events);
    expect(sessions.size).toBe(6);
    for (const list of sessions.values()) {
      expect(list.map((e) => e.n)).toEqual(Array.from({ length: 30 }, (_, i) => i));
      expect(list[0]!.sys__ets).toBeLessThan(T0 + 60_000);
    }
    expect(events.some((e) => e.sys__ets >= T0 + 60_000)).toBe(true);
    for (let i = 1; i < events.length; i++) expect(events[i]!.sys__ets).toBeGreaterThanOrEqual(events[i - 1]!.sys__ets);
  });

  it('initiates flows at uniform instants inside each step', async () => {
    const sim = new Simulation({ duration: '1000s', timeStep: '10s', nFlows: 3, randomSeed: 12 });
    sim.flow(function* arrive(ctx) {
      yield NewEvent(ctx, Tick);
    });
    const { events } = await runCollect(sim);
    expect(events).toHaveLength(300);
    const perStep = new Map<number, number>();
    const offsets = new Array<number>(10).fill(0);
    for (const e of events) {
      const step = Math.floor((e.sys__ets - T0) / 10_000);
      perStep.set(step, (perStep.get(step) ?? 0) + 1);
      offsets[Math.floor(((e.sys__ets - T0) % 10_000) / 1000)]!++;
    }
    expect([...perStep.values()].every((n) => n === 3)).toBe(true);
    expect(perStep.size).toBe(100);
    // 30 per second-bucket, sigma ≈ 5.2
    for (const n of offsets) expect(Math.abs(n - 30)).toBeLessThan(20);
  });

  it('a fractional nFlows starts one flow with that probability per step', async () => {
    const sim = new Simulation({ duration: '4000s', nFlows: 1.25, randomSeed: 13 });
    sim.flow(function* fractional(ctx) {
      yield NewEvent(ctx, Tick);
    });
    const { summary } = await runCollect(sim);
    // 4000 + Binomial(4000, 0.25): sigma ≈ 27
    expect(Math.abs(summary.flows.fractional!.started - 5000)).toBeLessThan(4 * 27);
  });

  it('nFlows: 0 starts no flow', async () => {
    const { events, summary } = await runCollect(longSim({ nFlows: 0 }));
    expect(events).toEqual([]);
    expect(summary.flows.long_flow!.started).toBe(0);
  });

  it('maxEvents stops after exactly that many events', async () => {
    const { events, summary } = await runCollect(longSim({ duration: '10m' }), { maxEvents: 17 });
    expect(events).toHaveLength(17);
    expect(summary.events).toBe(17);
    expect(summary.stoppedBy).toBe('maxEvents');
  });

  it('run options override the seed, the start and the duration', async () => {
    const sim = longSim();
    const a = await runCollect(sim, { seed: 99, startTime: '2030-06-01T00:00:00Z', duration: '30s' });
    expect(a.summary.seed).toBe(99);
    expect(a.summary.start).toBe('2030-06-01T00:00:00.000Z');
    expect(a.summary.end).toBe('2030-06-01T00:00:30.000Z');
    const b = await runCollect(sim, { seed: 99, startTime: '2030-06-01T00:00:00Z', duration: '30s' });
    expect(b.jsonl).toBe(a.jsonl);
    const c = await runCollect(sim, { seed: 100, startTime: '2030-06-01T00:00:00Z', duration: '30s' });
    expect(c.jsonl).not.toBe(a.jsonl);
  });

  it('opens and closes every output, in batches of batchSize', async () => {
    const sim = new Simulation({ duration: '100s', nFlows: 5, randomSeed: 14, batchSize: 64 });
    sim.flow(function* batched(ctx) {
      yield NewEvent(ctx, Tick);
    });
    const { output } = await runCollect(sim);
    expect(output.opened).toBe(true);
    expect(output.closed).toBe(true);
    expect(output.events).toHaveLength(500);
    expect(output.batches.every((n) => n <= 64)).toBe(true);
    expect(output.context!.events.some((e) => e.name === 'WindowTick')).toBe(true);
  });
});
