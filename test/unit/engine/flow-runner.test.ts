import { describe, expect, it } from 'vitest';
import {
  AddDecay, DeepFakerError, defineEntity, defineEvent, Field, NewEvent, Select, SetState, Simulation, StateField,
  type FlowContext,
} from 'deep-faker';
import { bySession, runCollect, T0 } from '../../helpers/collecting-output.js';

const Ping = defineEvent('RunnerPing', { user_id: Field.string({ nullable: true }), note: Field.string({ default: '' }) });
const Order = defineEvent('RunnerOrder', { user_id: Field.string(), total: Field.float({ default: 10 }), label: Field.string({ default: 'x' }) });
const Worker = defineEntity('RunnerWorker', {
  sourceEvent: null,
  primaryKey: 'user_id',
  state: {
    busy_level: StateField.int({ default: 0 }),
    vip: StateField.boolean({ default: false }),
    spent: StateField.float({ default: 0 }),
    orders: StateField.int({ default: 0 }),
    last_label: StateField.string({ default: null }),
  },
});

async function failure(sim: Simulation): Promise<DeepFakerError> {
  const error = await runCollect(sim).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DeepFakerError);
  return error as DeepFakerError;
}

describe('flow choice at initiation', () => {
  it('picks flows by initiationWeight', async () => {
    const sim = new Simulation({ duration: '4000s', nFlows: 1, randomSeed: 2 });
    sim.flow({ initiationWeight: 1 }, function* light(ctx) { yield NewEvent(ctx, Ping); });
    sim.flow({ initiationWeight: 3 }, function* heavy(ctx) { yield NewEvent(ctx, Ping); });
    const { summary } = await runCollect(sim);
    // (locals must not share a flow's name: vitest's transform would rename the generator)
    const lightCount = summary.flows.light!.started;
    expect(lightCount + summary.flows.heavy!.started).toBe(4000);
    // p = 0.25, sigma = sqrt(4000 * 0.25 * 0.75) ≈ 27
    expect(Math.abs(lightCount - 1000)).toBeLessThan(4 * 27);
  });

  it('skips a filtered flow without a free entity; the others keep their proportions', async () => {
    const sim = new Simulation({ duration: '4000s', nFlows: 1, randomSeed: 3, initialEntities: [[Worker, 5]] });
    sim.flow({ initiationWeight: 1 }, function* light_b(ctx) { yield NewEvent(ctx, Ping); });
    sim.flow({ initiationWeight: 3 }, function* heavy_b(ctx) { yield NewEvent(ctx, Ping); });
    // no worker is ever a VIP: this flow is never eligible, however heavy
    sim.flow({ initiationWeight: 10, filter: Select(Worker, { where: [['vip', 'is', true]] }) }, function* vip_only(ctx) {
      yield NewEvent(ctx, Ping);
    });
    const { summary } = await runCollect(sim);
    expect(summary.flows.vip_only!.started).toBe(0);
    expect(summary.idleInitiations).toBe(0);
    const light = summary.flows.light_b!.started;
    expect(light + summary.flows.heavy_b!.started).toBe(4000);
    expect(Math.abs(light - 1000)).toBeLessThan(4 * 27);
  });

  it('counts initiations at which no flow is eligible', async () => {
    const sim = new Simulation({ duration: '20s', nFlows: 1, initialEntities: [[Worker, 1]] });
    sim.flow({ filter: Select(Worker) }, function* hold(ctx) {
      yield NewEvent(ctx, Ping);
      yield AddDecay(ctx, { rate: 0, minutes: 10 });
    });
    const { summary, events } = await runCollect(sim);
    // the one worker is held for the whole window: every later initiation is idle
    expect(summary.flows.hold!.started).toBe(1);
    expect(summary.flows.hold!.cut).toBe(1);
    expect(summary.idleInitiations).toBe(19);
    expect(events).toHaveLength(1);
  });

  it("a filter with conditions other than 'is' binds only entities that meet them at that instant, as other flows change them", async () => {
    const sim = new Simulation({ duration: '3000s', nFlows: 3, randomSeed: 5, initialEntities: [[Worker, 400]] });
    // Raise and lower busy levels at random; a few workers get above 7, and come back down.
    sim.flow({ initiationWeight: 4, filter: Select(Worker) }, function* shift(ctx) {
      const level = Math.floor(ctx.random() * 10);
      yield NewEvent(ctx, Ping, { fields: { note: 'shift' }, mutate: SetState(Worker, [['busy_level', 'is', level]]) });
    });
    const picked: { level: number; vip: boolean }[] = [];
    sim.flow(
      { initiationWeight: 1, filter: Select(Worker, { where: [['busy_level', 'greater_than', 7], ['vip', 'is_not', true]] }) },
      function* relieve(ctx) {
        const worker = ctx.getEntity(Worker)!;
        picked.push({ level: worker.busy_level, vip: worker.vip });
        yield NewEvent(ctx, Ping, { fields: { note: 'relieve' }, mutate: SetState(Worker, [['busy_level', 'is', 0]]) });
        yield AddDecay(ctx, { rate: 0, seconds: 20 });
      },
    );
    const { summary } = await runCollect(sim);
    expect(summary.flows.relieve!.started).toBe(picked.length);
    expect(picked.length).toBeGreaterThan(100);
    for (const p of picked) {
      expect(p.level).toBeGreaterThan(7);
      expect(p.vip).toBe(false);
    }
  });

  it('binds the filter entity and fills the event field named like its key', async () => {
    const sim = new Simulation({ duration: '30s', nFlows: 1, randomSeed: 4, initialEntities: [[Worker, 3]] });
    const seen: (string | undefined)[] = [];
    sim.flow({ filter: Select(Worker) }, function* work(ctx) {
      seen.push(ctx.getEntity(Worker)?.user_id);
      yield NewEvent(ctx, Ping);
    });
    const { events } = await runCollect(sim);
    expect(events).toHaveLength(30);
    expect(events.map((e) => e.user_id)).toEqual(seen);
    expect(new Set(seen).size).toBe(3);
  });
});

describe('flow actions', () => {
  it('an in-flow Select binds a matching entity, or nothing; ctx.getEntity reflects it', async () => {
    const sim = new Simulation({ duration: '10s', nFlows: 1, randomSeed: 6, initialEntities: [[Worker, 2]], drain: true });
    const results: unknown[] = [];
    sim.flow(function* pick(ctx) {
      const none = yield* Select(ctx, Worker, { where: [['vip', 'is', true]] });
      results.push(['none', none, ctx.getEntity(Worker)]);
      const one = yield* Select(ctx, Worker, { where: [['busy_level', 'less_than', 1]] });
      results.push(['one', one?.user_id, ctx.getEntity(Worker)?.user_id, one?.flow_name, ctx.instanceId]);
      yield NewEvent(ctx, Ping);
      yield AddDecay(ctx, { rate: 0, seconds: 15 });
    });
    const { events } = await runCollect(sim);
    // two workers: the first two instances bind one each; the others find none free
    const bound = results.filter((r) => (r as unknown[])[0] === 'one' && (r as unknown[])[1] !== undefined) as unknown[][];
    expect(bound).toHaveLength(2);
    for (const r of bound) {
      expect(r[2]).toBe(r[1]);
      expect(r[3]).toBe(r[4]);
    }
    expect(results.filter((r) => (r as unknown[])[0] === 'none').every((r) => (r as unknown[])[1] === undefined && (r as unknown[])[2] === undefined)).toBe(true);
    expect(events.filter((e) => e.user_id !== null)).toHaveLength(2);
  });

  it('a second Select of a type the flow already holds is an error', async () => {
    const sim = new Simulation({ duration: '1s', nFlows: 1, initialEntities: [[Worker, 2]] });
    sim.flow({ filter: Select(Worker) }, function* greedy(ctx) {
      yield Select(ctx, Worker);
    });
    expect((await failure(sim)).message).toContain('flow "greedy", entity RunnerWorker: this flow holds a RunnerWorker already');
  });

  it('SetState: is / add / subtract, values as functions of the emitted event, at the event instant', async () => {
    const sim = new Simulation({ duration: '3s', nFlows: 1, randomSeed: 7, initialEntities: [[Worker, 1]], drain: true });
    sim.flow({ filter: Select(Worker) }, function* buy(ctx) {
      const order = yield* NewEvent(ctx, Order, {
        fields: { total: 12.5, label: `L-${ctx.sessionId}` },
        mutate: [
          SetState(Worker, [['orders', 'add', 1], ['spent', 'add', (e) => e.total], ['last_label', 'is', (e) => e.label]]),
          SetState(Worker, [['busy_level', 'add', 3], ['busy_level', 'subtract', 1]]),
        ],
      });
      expect(order.total).toBe(12.5);
      yield AddDecay(ctx, { rate: 0, ms: 100 });
      // a bare SetState reads the last event this flow emitted
      yield SetState(Worker, [['spent', 'subtract', (e: { total: number }) => e.total / 5], ['vip', 'is', true]]);
    });
    const { events } = await runCollect(sim);
    expect(events).toHaveLength(3);
    const [worker] = sim.query(Worker);
    expect(worker!.orders).toBe(3);
    expect(worker!.busy_level).toBe(6);
    expect(worker!.spent).toBeCloseTo(3 * (12.5 - 2.5));
    expect(worker!.vip).toBe(true);
    expect(worker!.last_label).toBe(`L-${events[2]!.sys__sid}`);
    const history = sim.history(Worker, worker!.user_id)!;
    const first = events[0]!.sys__ets;
    // bind and the event's changes share the instant: one version from the event on
    expect(history[1]!.validFrom).toBe(first);
    expect(history[1]!.state).toMatchObject({ orders: 1, spent: 12.5, busy_level: 2, flow_name: `buy:${events[0]!.sys__sid}` });
    expect(history[2]!.validFrom).toBe(first + 100);
    expect(history[2]!.state).toMatchObject({ spent: 10, vip: true });
  });

  it('SetState on an entity type not bound to the flow is an error that says how to bind one', async () => {
    const sim = new Simulation({ duration: '1s', nFlows: 1, initialEntities: [[Worker, 1]] });
    sim.flow(function* unbound(ctx) {
      yield NewEvent(ctx, Ping, { mutate: SetState(Worker, [['orders', 'add', 1]]) });
    });
    const error = await failure(sim);
    expect(error.code).toBe('E_NOT_BOUND');
    expect(error.message).toBe(
      "flow \"unbound\", event RunnerPing, entity RunnerWorker: SetState on a RunnerWorker that is not bound to this flow. Bind one with the flow's filter (Select(RunnerWorker, ...)), an in-flow Select(ctx, RunnerWorker, ...) or saveEntity: RunnerWorker.",
    );
  });

  it('a SetState value function returning the wrong type is an error', async () => {
    const sim = new Simulation({ duration: '1s', nFlows: 1, initialEntities: [[Worker, 1]] });
    sim.flow({ filter: Select(Worker) }, function* bad_value(ctx) {
      yield NewEvent(ctx, Order, { mutate: SetState(Worker, [['vip', 'is', (() => 'yes') as never]]) });
    });
    expect((await failure(sim)).message).toBe('flow "bad_value", event RunnerOrder, entity RunnerWorker, field vip: expected true or false, got "yes".');
  });

  it('a flow that yields something that is not an action is an error naming the flow', async () => {
    const sim = new Simulation({ duration: '1s', nFlows: 1 });
    sim.flow(function* yields_number(ctx: FlowContext) {
      yield NewEvent(ctx, Ping);
      yield 42 as never;
    });
    const error = await failure(sim);
    expect(error.code).toBe('E_NOT_AN_ACTION');
    expect(error.message).toBe('flow "yields_number": yielded 42, which is not an action. Yield NewEvent(...), AddDecay(...), Select(ctx, ...) or SetState(...).');
  });

  it('an error thrown by the flow code names the flow', async () => {
    const sim = new Simulation({ duration: '1s', nFlows: 1 });
    sim.flow(function* throws(ctx) {
      yield NewEvent(ctx, Ping);
      throw new TypeError('boom');
    });
    const error = await failure(sim);
    expect(error.code).toBe('E_FLOW_THREW');
    expect(error.message).toBe('flow "throws": the flow\'s code threw TypeError: boom (at test/unit/engine/flow-runner.test.ts:210:13)');
  });

  it('AddDecay: a rate outside [0, 1] or a bad duration is an error naming the flow', async () => {
    for (const [options, message] of [
      [{ rate: 1.5, seconds: 1 }, 'flow "decays", AddDecay: rate must be a number in [0, 1], got 1.5. Use e.g. { rate: 0.3, seconds: 30 } for a 30% drop-off.'],
      [{ rate: -0.1, seconds: 1 }, 'got -0.1'],
      [{ rate: 0.5, duration: '5x' }, 'flow "decays", AddDecay, duration: invalid duration "5x"'],
      [{ rate: 0.5, seconds: -1 }, 'flow "decays", AddDecay: seconds must be a non-negative number, got -1.'],
    ] as const) {
      const sim = new Simulation({ duration: '1s', nFlows: 1 });
      sim.flow(function* decays(ctx) {
        yield AddDecay(ctx, options as never);
      });
      expect((await failure(sim)).message).toContain(message);
    }
  });

  it('AddDecay adds its units up and advances the flow clock exactly', async () => {
    const sim = new Simulation({ duration: '1s', nFlows: 1, randomSeed: 8, drain: true });
    const clocks: number[] = [];
    sim.flow(function* waits(ctx) {
      clocks.push(ctx.clock);
      yield AddDecay(ctx, { rate: 0, minutes: 1, seconds: 30, ms: 5, duration: '1h' });
      clocks.push(ctx.clock);
      yield NewEvent(ctx, Ping);
    });
    const { events } = await runCollect(sim);
    expect(clocks[1]! - clocks[0]!).toBe(3_600_000 + 90_005);
    expect(events[0]!.sys__ets).toBe(clocks[1]);
  });
});

describe('flow ends and flow_name', () => {
  it('holds entities with flow_name = the instance id and releases them at the flow clock when it ends', async () => {
    const sim = new Simulation({ duration: '1s', nFlows: 1, randomSeed: 9, initialEntities: [[Worker, 1]], drain: true });
    sim.flow({ filter: Select(Worker) }, function* hold_release(ctx) {
      expect(ctx.getEntity(Worker)!.flow_name).toBe(ctx.instanceId);
      expect(ctx.instanceId).toBe(`hold_release:${ctx.sessionId}`);
      yield NewEvent(ctx, Ping);
      yield AddDecay(ctx, { rate: 0, seconds: 10 });
      yield NewEvent(ctx, Ping);
      yield AddDecay(ctx, { rate: 0, seconds: 5 });
    });
    const { events } = await runCollect(sim);
    const [worker] = sim.query(Worker);
    const started = events[0]!.sys__ets;
    expect(sim.history(Worker, worker!.user_id)!.map((v) => [v.validFrom, v.validTo, v.state.flow_name])).toEqual([
      [T0, started, null],
      [started, started + 15_000, `hold_release:${events[0]!.sys__sid}`],
      [started + 15_000, null, null],
    ]);
  });

  it('a dropped flow releases at the end of its decay; a cut flow at the window end', async () => {
    const sim = new Simulation({ duration: '60s', nFlows: 1, randomSeed: 10, initialEntities: [[Worker, 2]] });
    sim.flow({ filter: Select(Worker, { where: [['vip', 'is', false]] }) }, function* drop(ctx) {
      yield NewEvent(ctx, Ping, { mutate: SetState(Worker, [['vip', 'is', true]]) });
      yield AddDecay(ctx, { rate: 1, seconds: 7 });
      yield NewEvent(ctx, Ping);
    });
    sim.flow({ filter: Select(Worker, { where: [['vip', 'is', true]] }), initiationWeight: 1e-9 }, function* cut(ctx) {
      yield NewEvent(ctx, Ping);
      yield AddDecay(ctx, { rate: 0, hours: 1 });
    });
    const { events, summary } = await runCollect(sim);
    expect(summary.flows.drop!.dropped).toBeGreaterThanOrEqual(1);
    expect(summary.flows.drop!.completed).toBe(0);
    const drops = [...bySession(events).values()].filter((list) => list.length === 1);
    for (const [key] of sim.query(Worker).map((w) => [w.user_id])) {
      const history = sim.history(Worker, key!)!;
      for (const [i, v] of history.entries()) {
        if (v.state.flow_name?.startsWith('drop:')) {
          const session = v.state.flow_name.slice('drop:'.length);
          const ping = drops.find((list) => list[0]!.sys__sid === session)![0]!;
          expect(v.validFrom).toBe(ping.sys__ets);
          expect(v.validTo).toBe(ping.sys__ets + 7_000);
          expect(history[i + 1]!.state.flow_name === null || history[i + 1]!.validFrom === ping.sys__ets + 7_000).toBe(true);
        }
        if (v.state.flow_name?.startsWith('cut:')) expect(v.validTo).toBe(T0 + 60_000);
      }
    }
    expect(summary.flows.cut!.started).toBeGreaterThanOrEqual(1);
    expect(summary.flows.cut!.cut).toBe(summary.flows.cut!.started);
  });
});
