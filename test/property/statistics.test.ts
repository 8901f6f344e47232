/**
 * Statistical properties of the arrival process and the flow actions. Seeds are fixed, so the
 * outcome is deterministic; tolerances are 4 sigma of the binomial count plus one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AddDecay, defineEntity, defineEvent, Field, NewEvent, Select, Simulation, StateField } from 'deep-faker';
import { bySession, runCollect, T0 } from '../helpers/collecting-output.js';

const Step = defineEvent('StatStep', { n: Field.int({ default: 0 }) });
const Ghost = defineEntity('StatGhost', { sourceEvent: null, primaryKey: 'ghost_id', state: { seen: StateField.boolean({ default: false }) } });

/** Within 4 sigma of a binomial(n, p) mean. */
function expectBinomial(count: number, n: number, p: number): void {
  const sigma = Math.sqrt(n * p * (1 - p));
  expect(Math.abs(count - n * p)).toBeLessThanOrEqual(4 * sigma + 1);
}

describe('AddDecay', () => {
  it('a decay of rate r lets ≈ 1 − r of the flows continue', async () => {
    await fc.assert(fc.asyncProperty(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.integer({ min: 0, max: 1_000_000 }),
      async (rate, seed) => {
        const sim = new Simulation({ duration: '500s', nFlows: 8, randomSeed: seed, drain: true });
        sim.flow({ name: 'decaying' }, function* (ctx) {
          yield NewEvent(ctx, Step, { fields: { n: 0 } });
          yield AddDecay(ctx, { rate, seconds: 1 });
          yield NewEvent(ctx, Step, { fields: { n: 1 } });
        });
        const { events, summary } = await runCollect(sim);
        const started = events.filter((e) => e.n === 0).length;
        const continued = events.filter((e) => e.n === 1).length;
        expect(started).toBe(4000);
        expect(summary.flows.decaying).toEqual({ started, completed: continued, dropped: started - continued, cut: 0 });
        expectBinomial(continued, started, 1 - rate);
      },
    ), { numRuns: 20, seed: 101 });
  });

  it('consecutive events of one session differ by exactly the decay delays', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.array(fc.integer({ min: 0, max: 120_000 }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }),
      fc.double({ min: 0, max: 0.5, noNaN: true }),
      fc.integer({ min: 0, max: 1_000_000 }),
      async (delaysPerFlow, rate, seed) => {
        const sim = new Simulation({ duration: '60s', nFlows: 2, randomSeed: seed, drain: true });
        for (const [f, delays] of delaysPerFlow.entries()) {
          sim.flow({ name: `spaced_${f}` }, function* (ctx) {
            yield NewEvent(ctx, Step, { fields: { n: f } });
            for (const ms of delays) {
              yield AddDecay(ctx, { rate, ms });
              yield NewEvent(ctx, Step, { fields: { n: f } });
            }
          });
        }
        const { events } = await runCollect(sim);
        expect(events.length).toBeGreaterThan(0);
        for (const list of bySession(events).values()) {
          const delays = delaysPerFlow[list[0]!.n as number]!;
          expect(list.length).toBeLessThanOrEqual(delays.length + 1);
          for (let i = 1; i < list.length; i++) expect(list[i]!.sys__ets - list[i - 1]!.sys__ets).toBe(delays[i - 1]);
        }
      },
    ), { numRuns: 25, seed: 102 });
  });
});

describe('arrivals', () => {
  it('each step initiates floor(nFlows) or ceil(nFlows) flows, ≈ nFlows on average, inside the step', async () => {
    await fc.assert(fc.asyncProperty(
      fc.double({ min: 0, max: 6, noNaN: true }),
      fc.constantFrom(100, 1000, 3000),
      fc.integer({ min: 0, max: 1_000_000 }),
      async (nFlows, timeStepMs, seed) => {
        const steps = 1500;
        const sim = new Simulation({ duration: steps * timeStepMs, timeStep: timeStepMs, nFlows, randomSeed: seed });
        sim.flow({ name: 'arrival' }, function* (ctx) {
          yield NewEvent(ctx, Step);
        });
        const { events } = await runCollect(sim);
        const perStep = new Array<number>(steps).fill(0);
        for (const e of events) perStep[Math.floor((e.sys__ets - T0) / timeStepMs)]!++;
        const low = Math.floor(nFlows);
        for (const count of perStep) expect(count === low || count === low + 1).toBe(true);
        const extra = events.length - low * steps;
        expectBinomial(extra, steps, nFlows - low);
      },
    ), { numRuns: 20, seed: 103 });
  });

  it('flows are picked by initiationWeight; a never-eligible filtered flow leaves the others their proportions', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 1, maxLength: 4 }),
      fc.option(fc.double({ min: 0.1, max: 50, noNaN: true }), { nil: undefined }),
      fc.integer({ min: 0, max: 1_000_000 }),
      async (weights, blockedWeight, seed) => {
        const n = 3000;
        const sim = new Simulation({ duration: `${n}s`, nFlows: 1, randomSeed: seed, initialEntities: [[Ghost, 3]] });
        for (const [i, w] of weights.entries()) {
          sim.flow({ name: `weighted_${i}`, initiationWeight: w }, function* (ctx) {
            yield NewEvent(ctx, Step, { fields: { n: i } });
          });
        }
        if (blockedWeight !== undefined) {
          sim.flow({ name: 'blocked', initiationWeight: blockedWeight, filter: Select(Ghost, { where: [['seen', 'is', true]] }) }, function* (ctx) {
            yield NewEvent(ctx, Step, { fields: { n: -1 } });
          });
        }
        const { events, summary } = await runCollect(sim);
        expect(events).toHaveLength(n);
        expect(summary.idleInitiations).toBe(0);
        if (blockedWeight !== undefined) expect(summary.flows.blocked!.started).toBe(0);
        const total = weights.reduce((a, b) => a + b, 0);
        for (const [i, w] of weights.entries()) expectBinomial(summary.flows[`weighted_${i}`]!.started, n, w / total);
      },
    ), { numRuns: 20, seed: 104 });
  });
});
