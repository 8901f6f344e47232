import { thrown } from '../../helpers/thrown.js';
import { describe, expect, it } from 'vitest';
import {
  AddDecay, defineEntity, defineEvent, Field, NewEvent, Select, SetState, Simulation, StateField, type HistoryMode,
} from 'deep-faker';
import { runCollect, T0 } from '../../helpers/collecting-output.js';

const Visit = defineEvent('SimVisit', { user_id: Field.string() });
const Visitor = defineEntity('SimVisitor', {
  sourceEvent: null,
  primaryKey: 'user_id',
  state: { visits: StateField.int({ default: 0 }), tier: StateField.enum(['free', 'pro'], { default: 'free' }) },
});

function visitSim(history?: HistoryMode, duration = '100s'): Simulation {
  const sim = new Simulation({ duration, nFlows: 1, randomSeed: 21, initialEntities: [[Visitor, 4]], history });
  sim.flow({ filter: Select(Visitor) }, function* visit(ctx) {
    yield NewEvent(ctx, Visit, { mutate: SetState(Visitor, [['visits', 'add', 1]]) });
    yield AddDecay(ctx, { rate: 0, seconds: 3 });
  });
  return sim;
}

describe('sim.query and sim.history', () => {
  it('query answers with the current state, filtered by where', async () => {
    const sim = visitSim();
    const { events } = await runCollect(sim);
    const users = sim.query(Visitor);
    expect(users).toHaveLength(4);
    expect(users.reduce((sum, u) => sum + u.visits, 0)).toBe(events.length);
    for (const u of users) expect(u.visits).toBe(events.filter((e) => e.user_id === u.user_id).length);
    const busy = sim.query(Visitor, { where: [['visits', 'greater_than', 25]] });
    expect(busy.map((u) => u.user_id).sort()).toEqual(users.filter((u) => u.visits > 25).map((u) => u.user_id).sort());
    expect(sim.query(Visitor, { where: [['tier', 'is', 'pro']] })).toEqual([]);
  });

  it('query at a past instant replays the events up to it', async () => {
    const sim = visitSim();
    const { events } = await runCollect(sim);
    for (const at of [T0, T0 + 10_000, T0 + 33_333, T0 + 99_999]) {
      const expected = new Map<string, number>();
      for (const e of events) if (e.sys__ets <= at) expected.set(e.user_id as string, (expected.get(e.user_id as string) ?? 0) + 1);
      for (const u of sim.query(Visitor, { at })) expect(u.visits).toBe(expected.get(u.user_id) ?? 0);
    }
    // an ISO string or a Date also name an instant
    expect(sim.query(Visitor, { at: new Date(T0) }).every((u) => u.visits === 0)).toBe(true);
    expect(sim.query(Visitor, { at: '2025-01-01T00:00:00Z' }).every((u) => u.visits === 0)).toBe(true);
  });

  it('history lists every version with [validFrom, validTo)', async () => {
    const sim = visitSim();
    const { events } = await runCollect(sim);
    const [user] = sim.query(Visitor);
    const versions = sim.history(Visitor, user!.user_id)!;
    expect(versions[0]!.validFrom).toBe(T0);
    expect(versions.at(-1)!.validTo).toBeNull();
    for (let i = 1; i < versions.length; i++) expect(versions[i]!.validFrom).toBe(versions[i - 1]!.validTo);
    const visits = events.filter((e) => e.user_id === user!.user_id).map((e) => e.sys__ets);
    expect(versions.filter((v, i) => i > 0 && v.state.visits !== versions[i - 1]!.state.visits).map((v) => v.validFrom)).toEqual(visits);
    expect(sim.history(Visitor, 'no-such-key')).toBeUndefined();
  });

  it("history: 'current' keeps no past: query at an instant is an error that says how to fix it", async () => {
    const sim = visitSim('current');
    await runCollect(sim);
    expect(sim.query(Visitor)).toHaveLength(4);
    const error = thrown(() => sim.query(Visitor, { at: T0 }));
    expect(error.code).toBe('E_NO_HISTORY');
    expect(error.message).toBe("query, entity SimVisitor: history is 'current', so past states are not kept. Set history: 'full' (or { keep: '2h' }) to query at an instant.");
  });

  it("history: { keep } answers for the run's last part as 'full' does, and refuses earlier instants", async () => {
    // 10 simulated hours make about 70,000 versions: past the first trim of the kept history.
    const full = visitSim('full', '10h');
    const kept = visitSim({ keep: '10m' }, '10h');
    const [a, b] = [await runCollect(full), await runCollect(kept)];
    expect(b.events).toEqual(a.events);
    const keys = full.query(Visitor).map((u) => u.user_id);
    const latest = Math.max(...keys.map((key) => full.history(Visitor, key)!.at(-1)!.validFrom));
    const earliest = latest - 600_000;
    for (const at of [earliest, earliest + 1, latest - 1_000, latest, latest + 5_000]) {
      expect(kept.query(Visitor, { at })).toEqual(full.query(Visitor, { at }));
    }
    for (const key of keys) {
      const versions = kept.history(Visitor, key)!;
      expect(versions).toEqual(full.history(Visitor, key)!.filter((v) => v.validTo === null || v.validTo > earliest));
      expect(versions.length).toBeGreaterThan(50);
    }
    const error = thrown(() => kept.query(Visitor, { at: earliest - 1 }));
    expect(error.code).toBe('E_NO_HISTORY');
    expect(error.message).toBe(`query, entity SimVisitor: history keeps the last 10m of the run, from ${new Date(earliest).toISOString()} on; ${new Date(earliest - 1).toISOString()} is before that. Ask for a later instant, or keep more (history: { keep } or 'full').`);
  });

  it('refuses a history that is not a mode, naming what is wrong', () => {
    const problem = (history: unknown) => thrown(() => new Simulation({ duration: '1m', history: history as HistoryMode })).message;
    expect(problem('all')).toContain(`Simulation history: must be 'full', 'current' or { keep: '2h' } (the versions of the last 2 simulated hours), got "all".`);
    expect(problem({ kep: '1h' })).toContain('got an object with keys kep.');
    expect(problem({ keep: 'an hour' })).toContain('Simulation history: keep: invalid duration "an hour".');
    expect(problem({ keep: 0 })).toContain("Simulation history: keep must be longer than 0, got 0. For the current state only, use history: 'current'.");
    expect(() => new Simulation({ duration: '1m', history: { keep: 90_000 } })).not.toThrow();
    expect(thrown(() => defineEntity('SimKept', { sourceEvent: null, primaryKey: 'id', state: {}, history: { keep: '-1h' } })).message)
      .toContain('entity SimKept, history: keep: invalid duration "-1h"');
  });

  it('query before a run, or with an unknown where field, is an error', async () => {
    const sim = visitSim();
    expect(thrown(() => sim.query(Visitor)).message).toBe('query: the simulation has not run yet. Call await sim.run() first.');
    await runCollect(sim);
    expect(thrown(() => sim.query(Visitor, { where: [['visit', 'is', 1]] as never })).message).toContain('query, entity SimVisitor, field visit: no such field');
  });
});

describe('Simulation options are checked at construction', () => {
  it('names a bad duration and says how to write one', () => {
    const error = thrown(() => new Simulation({ duration: '5x' }));
    expect(error.code).toBe('E_BAD_OPTIONS');
    expect(error.message).toBe('Simulation duration: invalid duration "5x". Use a number of milliseconds or text such as "500ms", "30s", "2m", "1h30m", "1d".');
  });

  it('reports every bad option at once', () => {
    const error = thrown(() => new Simulation({
      duration: '1m', timeStep: '0s', nFlows: -1, startTime: 'yesterday', batchSize: 0, history: 'all' as 'full',
      initialEntities: [[Visitor, 1.5]],
    }));
    const text = error.message;
    expect(text).toContain('Simulation timeStep: must be longer than 0');
    expect(text).toContain('Simulation nFlows: must be a number ≥ 0');
    expect(text).toContain('Simulation startTime: invalid time "yesterday"');
    expect(text).toContain('Simulation batchSize');
    expect(text).toContain("Simulation history: must be 'full', 'current' or { keep: '2h' }");
    expect(text).toContain('Simulation initialEntities, entity SimVisitor: count must be a whole number ≥ 0, got 1.5');
  });
});

describe('sim.flow is checked at declaration', () => {
  const sim = new Simulation({ duration: '1m' });

  it('rejects a function that is not a generator', () => {
    expect(thrown(() => sim.flow((() => undefined) as never)).message).toContain('expected a generator function');
    expect(thrown(() => sim.flow({}, function plain() {} as never)).message).toMatch(/^flow "plain": expected a generator function/);
  });

  it('rejects a duplicate name, a bad weight and a bad filter', () => {
    sim.flow(function* once(ctx) {
      yield NewEvent(ctx, Visit);
    });
    expect(thrown(() => sim.flow(function* once(ctx) { yield NewEvent(ctx, Visit); })).message).toBe('flow "once": a flow with this name exists already. Give each flow its own name.');
    expect(thrown(() => sim.flow({ initiationWeight: 0 }, function* w0(ctx) { yield NewEvent(ctx, Visit); })).message).toContain('flow "w0": initiationWeight must be a number > 0, got 0');
    expect(thrown(() => sim.flow({ filter: Visitor as never }, function* f0(ctx) { yield NewEvent(ctx, Visit); })).message).toContain('flow "f0": filter must be Select(Entity, { where })');
    expect(sim.flowNames).toEqual(['once']);
  });

  it('takes a name option over the function name', () => {
    const s = new Simulation({ duration: '1m' });
    s.flow({ name: 'renamed' }, function* original(ctx) { yield NewEvent(ctx, Visit); });
    expect(s.flowNames).toEqual(['renamed']);
  });

  it('rejects a Select filter with an unknown where field, naming entity and field', () => {
    const error = thrown(() => Select(Visitor, { where: [['tierr', 'is', 'pro']] as never }));
    expect(error.message).toBe('Select, entity SimVisitor, field tierr: no such field (fields: visits, tier, user_id). Name one of them.');
  });

  it("rejects 'add' on a string field in plain JS (types bypassed)", () => {
    const error = thrown(() => SetState(Visitor, [['tier', 'add', 1]] as never));
    expect(error.message).toBe("SetState, entity SimVisitor, field tier: 'add' needs a number field, but tier is enum. Use 'is'.");
  });

  it('rejects an output that is not one', () => {
    expect(thrown(() => sim.addOutput({} as never)).message).toContain('addOutput: expected an Output');
  });
});
