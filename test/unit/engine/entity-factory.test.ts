import { describe, expect, it } from 'vitest';
import { AddDecay, DeepFakerError, defineEntity, defineEvent, Field, NewEvent, Simulation, StateField } from 'deep-faker';
import { runCollect } from '../../helpers/collecting-output.js';

const Registered = defineEvent('FactoryRegistered', {
  user_id: Field.string({ primaryKey: true, faker: 'random_element', elements: ['k1', 'k2', 'k3'] }),
  email: Field.string({ faker: 'email' }),
  plan: Field.enum(['free', 'pro'], { default: 'pro' }),
});
const Member = defineEntity('FactoryMember', {
  sourceEvent: Registered,
  primaryKey: 'user_id',
  state: {
    email: StateField.string({ fromField: 'email' }),
    plan: StateField.string({ fromField: 'plan' }),
    visits: StateField.int({ default: 0 }),
    nickname: StateField.string({ faker: () => 'nick' }),
  },
});

function registerSim(count: number, fields?: Record<string, unknown>): Simulation {
  // one flow instance per second, each registering a member
  const sim = new Simulation({ duration: `${count}s`, nFlows: 1, randomSeed: 5 });
  sim.flow(function* register(ctx) {
    yield NewEvent(ctx, Registered, { saveEntity: Member, ...(fields ? { fields: fields as never } : {}) });
  });
  return sim;
}

describe('saveEntity', () => {
  it('creates the entity from the event: key, fromField copies, state fakers and defaults', async () => {
    const sim = registerSim(1);
    const { events } = await runCollect(sim);
    expect(events).toHaveLength(1);
    const e = events[0]!;
    const [member] = sim.query(Member);
    expect(member).toEqual({ user_id: e.user_id, email: e.email, plan: 'pro', visits: 0, nickname: 'nick', flow_name: null });
    // held for no time at all: the write at the same instant collapses into one version
    expect(sim.history(Member, e.user_id as string)).toHaveLength(1);
  });

  it("hands out states with their named fields only: the record's own row stays inside", async () => {
    const seen: Record<string, unknown>[] = [];
    const sim = new Simulation({ duration: '1s', nFlows: 1, randomSeed: 5 });
    sim.flow(function* register(ctx) {
      yield NewEvent(ctx, Registered, { saveEntity: Member });
      seen.push(ctx.getEntity(Member)!);
    });
    const { events } = await runCollect(sim);
    seen.push(...sim.query(Member), ...sim.history(Member, events[0]!.user_id as string)!.map((v) => v.state));
    expect(seen).toHaveLength(3);
    for (const state of seen) expect(Reflect.ownKeys(state)).toEqual(['user_id', 'email', 'plan', 'visits', 'nickname', 'flow_name']);
  });

  it('binds the new entity to the creating flow until the flow ends', async () => {
    const sim = new Simulation({ duration: '1s', nFlows: 1, randomSeed: 5, drain: true });
    sim.flow(function* register_and_wait(ctx) {
      yield NewEvent(ctx, Registered, { saveEntity: Member });
      yield AddDecay(ctx, { rate: 0, seconds: 30 });
    });
    const { events } = await runCollect(sim);
    const e = events[0]!;
    const history = sim.history(Member, e.user_id as string)!;
    expect(history.map((v) => [v.validFrom, v.validTo, v.state.flow_name])).toEqual([
      [e.sys__ets, e.sys__ets + 30_000, `register_and_wait:${e.sys__sid}`],
      [e.sys__ets + 30_000, null, null],
    ]);
  });

  it('draws a generated key again when it collides with an existing entity, and writes it back into the event', async () => {
    const sim = registerSim(3);
    const { events } = await runCollect(sim);
    expect(events).toHaveLength(3);
    expect(events.map((e) => e.user_id).sort()).toEqual(['k1', 'k2', 'k3']);
    expect(sim.query(Member).map((m) => m.user_id).sort()).toEqual(['k1', 'k2', 'k3']);
  });

  it('a key space too small for the entities is an error naming the field', async () => {
    const error = await runCollect(registerSim(4)).catch((e: unknown) => e);
    expect((error as DeepFakerError).code).toBe('E_KEY_SPACE');
    expect((error as Error).message).toMatch(/^flow "register", event FactoryRegistered, entity FactoryMember, field user_id: 100 draws found no unused key/);
  });

  it('an explicit duplicate key is an error', async () => {
    const error = await runCollect(registerSim(2, { user_id: 'same' })).catch((e: unknown) => e);
    expect((error as DeepFakerError).code).toBe('E_DUPLICATE_KEY');
    expect((error as Error).message).toBe(
      'flow "register", event FactoryRegistered, entity FactoryMember, field user_id: an entity with key "same" exists already. Keys are unique per entity type; pass another value or leave it to the faker.',
    );
  });

  it('rejects saving from an event that is not the source event', async () => {
    const Other = defineEvent('FactoryOther', { user_id: Field.string() });
    const sim = new Simulation({ duration: '1s', nFlows: 1 });
    sim.flow(function* wrong_save(ctx) {
      yield NewEvent(ctx, Other, { saveEntity: Member });
    });
    const error = await runCollect(sim).catch((e: unknown) => e);
    expect((error as Error).message).toContain('flow "wrong_save", event FactoryOther, entity FactoryMember: FactoryMember is created from FactoryRegistered, not FactoryOther');
  });
});

describe('entities without a source event', () => {
  it('take their key from the key state field, or a UUID without one', async () => {
    const Sku = defineEntity('FactorySku', { sourceEvent: null, primaryKey: 'sku', state: { sku: StateField.int({ faker: 'random_int', min: 1, max: 10 }) } });
    const Thing = defineEntity('FactoryThing', { sourceEvent: null, primaryKey: 'thing_id', state: { size: StateField.int({ default: 3 }) } });
    const sim = new Simulation({ duration: '1s', nFlows: 0, initialEntities: [[Sku, 10], [Thing, 2]] });
    await runCollect(sim);
    // ten keys from ten values: every collision was drawn again
    expect(sim.query(Sku).map((s) => s.sku).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const things = sim.query(Thing);
    expect(things).toHaveLength(2);
    for (const t of things) {
      expect(t.thing_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
      expect(t.size).toBe(3);
      expect(t.flow_name).toBeNull();
    }
  });
});
