/**
 * Plain-JavaScript mistakes (the guide's snake_case, a missing ctx, wrong option values) get
 * one-line DeepFakerErrors naming the option and the fix, never silence or a TypeError.
 */
import { describe, expect, it } from 'vitest';
import { AddDecay, DeepFakerError, defineEntity, defineEvent, Field, NewEvent, Simulation, type FlowContext } from 'deep-faker';

const Ping = defineEvent('MisusePing', { id: Field.string({ primaryKey: true, faker: 'uuid4' }) });
const Thing = defineEntity('MisuseThing', { sourceEvent: Ping, primaryKey: 'id', state: {} });
const loose = (value: unknown) => value as never;

function message(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DeepFakerError);
    expect((error as Error).message.split('\n').length).toBeLessThanOrEqual(2);
    return (error as Error).message;
  }
  throw new Error('no error');
}

async function rejection(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DeepFakerError);
  return (error as Error).message;
}

describe('unknown option keys', () => {
  it("name the key and the camelCase option meant (the guide's snake_case)", () => {
    expect(message(() => new Simulation(loose({ duration: '1m', n_flows: 3 })))).toMatch(/Simulation: unknown option "n_flows". Did you mean "nFlows"\?/);
    expect(message(() => defineEvent('MisuseA', { id: Field.string(loose({ primary_key: true })) }))).toMatch(/field id: unknown option "primary_key". Did you mean "primaryKey"\?/);
    expect(message(() => defineEntity('MisuseB', loose({ source_event: Ping, primaryKey: 'id', state: {} })))).toMatch(/unknown option "source_event". Did you mean "sourceEvent"\?/);
    expect(message(() => new Simulation({ duration: '1m' }).flow(loose({ initiation_weight: 2 }), function* f() {}))).toMatch(/Did you mean "initiationWeight"\?/);
  });

  it('in run() options too, and run() checks their values', async () => {
    const sim = new Simulation({ duration: '1m' });
    expect(await rejection(() => sim.run(loose({ max_events: 3 })))).toMatch(/run: unknown option "max_events". Did you mean "maxEvents"\?/);
    expect(await rejection(() => sim.run({ maxEvents: 0 }))).toMatch(/run, maxEvents: must be a whole number ≥ 1/);
    expect(await rejection(() => sim.run({ outputs: loose('x') }))).toMatch(/run, outputs: expected a list of outputs/);
    expect(await rejection(() => sim.run({ shard: loose('1/2') }))).toMatch(/run, shard: expected \{ index: K, count: N \}/);
    expect(await rejection(() => sim.run({ speed: Infinity, realtime: true }))).toMatch(/speed: must be a number > 0/);
    expect(await rejection(() => sim.run({ duration: 'infinite' }))).toMatch(/'infinite' needs realtime: true/);
  });
});

describe('actions and queries', () => {
  it('a builder called without ctx says so', () => {
    expect(message(() => NewEvent(loose(Ping), loose(undefined)))).toMatch(/^NewEvent: the first argument must be the flow's ctx, got event MisusePing\./);
    expect(message(() => AddDecay(loose({ rate: 0.5, seconds: 1 }), loose(undefined)))).toMatch(/^AddDecay: the first argument must be the flow's ctx/);
  });

  it("an action made with another flow's ctx names the flow and the action that yielded it", async () => {
    for (const [make, where] of [
      [(ctx: FlowContext) => NewEvent(ctx, Ping), 'flow "borrower", event MisusePing'],
      [(ctx: FlowContext) => AddDecay(ctx, { rate: 0, seconds: 1 }), 'flow "borrower", AddDecay'],
    ] as const) {
      let lent: FlowContext | undefined;
      const sim = new Simulation({ duration: '1m', nFlows: 1, randomSeed: 1, startTime: '2025-01-01T00:00:00Z', events: [Ping] });
      sim.flow(function* lender(ctx) {
        lent = ctx;
        yield AddDecay(ctx, { rate: 0, seconds: 60 });
      });
      // Until a lender has run there is nothing to borrow: the borrower ends at once.
      sim.flow(function* borrower() {
        if (lent !== undefined) yield make(lent);
      });
      const failure = await rejection(() => sim.run({ outputs: [], log: () => {} }));
      expect(failure).toContain(`${where}: the action was made with another flow's ctx. Pass this flow's own ctx.`);
    }
  });

  it('query and history need an entity', async () => {
    const sim = new Simulation({ duration: '1s', nFlows: 0 });
    await sim.run({ outputs: [], log: () => {} });
    expect(message(() => sim.query(loose(undefined)))).toMatch(/^query: expected an entity from defineEntity, got undefined/);
    expect(message(() => sim.history(loose('User'), 'u1'))).toMatch(/^history: expected an entity from defineEntity/);
    expect(sim.history(Thing, 'nobody')).toBeUndefined();
  });

  it("query names an option it does not know: the guide's time= is at", async () => {
    const sim = new Simulation({ duration: '1s', nFlows: 0 });
    await sim.run({ outputs: [], log: () => {} });
    expect(message(() => sim.query(Thing, loose({ time: '2025-01-01T00:00:00Z' })))).toBe('query, entity MisuseThing: unknown option "time". Known: where, at.');
    expect(sim.query(Thing, { where: [], at: Date.now() })).toEqual([]);
  });
});
