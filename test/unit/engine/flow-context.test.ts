import { describe, expect, it } from 'vitest';
import { AddDecay, defineEvent, Field, NewEvent, Simulation } from 'deep-faker';
import { runCollect, T0 } from '../../helpers/collecting-output.js';

const Seen = defineEvent('CtxSeen', { value: Field.float(), text: Field.string(), at: Field.datetime() });

describe('FlowContext', () => {
  it('exposes the flow clock, session, seeded random and faker, and the last event', async () => {
    const sim = new Simulation({ duration: '5s', nFlows: 1, randomSeed: 31, drain: true });
    const checks: unknown[][] = [];
    sim.flow(function* ctx_flow(ctx) {
      expect(ctx.flowName).toBe('ctx_flow');
      expect(ctx.lastEvent).toBeUndefined();
      const first = yield* NewEvent(ctx, Seen, { fields: { value: ctx.random(), text: ctx.faker.person.firstName(), at: ctx.now } });
      expect(ctx.lastEvent).toBe(first);
      expect(first.sys__sid).toBe(ctx.sessionId);
      expect(first.sys__ets).toBe(ctx.clock);
      yield AddDecay(ctx, { rate: 0, hours: 2 });
      // faker's reference date is the flow clock, never the wall clock
      const recent = ctx.faker.date.recent({ days: 1 }).getTime();
      checks.push([ctx.clock, recent, first.sys__ets]);
    });
    const a = await runCollect(sim);
    const b = await runCollect(sim);
    expect(a.jsonl).toBe(b.jsonl);
    for (const e of a.events) {
      expect(e.value as number).toBeGreaterThanOrEqual(0);
      expect(e.value as number).toBeLessThan(1);
      expect(e.at).toBe(new Date(e.sys__ets).toISOString());
    }
    expect(checks).toHaveLength(10);
    for (const [clock, recent, started] of checks as number[][]) {
      expect(clock).toBe(started! + 7_200_000);
      expect(recent).toBeLessThanOrEqual(clock!);
      expect(recent).toBeGreaterThanOrEqual(clock! - 86_400_000);
      expect(started).toBeGreaterThanOrEqual(T0);
    }
  });
});
