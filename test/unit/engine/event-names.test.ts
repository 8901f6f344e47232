import { describe, expect, it } from 'vitest';
import { NewEvent } from '../../../src/engine/actions.js';
import { checkEventNames, EmittedEventTypes, latestByName } from '../../../src/engine/event-names.js';
import { Simulation } from '../../../src/engine/simulation.js';
import { defineEntity } from '../../../src/schema/define-entity.js';
import { defineEvent } from '../../../src/schema/define-event.js';
import { Field } from '../../../src/schema/field.js';
import { CollectingOutput } from '../../helpers/collecting-output.js';

describe('event names', () => {
  const First = defineEvent('NamesTwice', { a: Field.int(), b: Field.string() });
  const Other = defineEvent('NamesOther', {});
  const Second = defineEvent('NamesTwice', { x: Field.float() });

  it('refuses two event types of one name that a run lists, naming both field lists', () => {
    expect(() => checkEventNames([Other, First, Second])).toThrow(
      'event NamesTwice: defined twice (fields a, b, and x). Outputs name topics and tables by it and the summary counts by it: give each event type its own name, or define it once and import it.',
    );
    expect(() => checkEventNames([First, Other, First])).not.toThrow();
  });

  it('keeps the latest definition of each name among those declared, in declaration order', () => {
    expect(latestByName([First, Other, Second])).toEqual([Other, Second]);
    expect(latestByName([Other, First])).toEqual([Other, First]);
  });

  it('lets each test of a file define its own event of one name: outputs are told the latest', async () => {
    for (const n of [1, 2]) {
      const Ping = defineEvent('NamesPing', { [`f${n}`]: Field.int({ default: n }) });
      const sim = new Simulation({ duration: '3s', nFlows: 1, startTime: '2025-01-01T00:00:00Z' });
      sim.flow(function* ping(ctx) { yield NewEvent(ctx, Ping); });
      const output = new CollectingOutput();
      await sim.run({ outputs: [output], log: () => {} });
      const told = output.context!.events.filter((e) => e.name === 'NamesPing');
      expect(told.map((e) => e.fields.map((f) => f.name))).toEqual([[`f${n}`]]);
      expect(output.events.length).toBeGreaterThan(0);
    }
  });

  it('refuses an emitted event type whose name another type the run knows has, where it is first emitted', () => {
    const types = new EmittedEventTypes([Other, Second]);
    expect(() => types.note(Second, 'flow "a", event NamesTwice')).not.toThrow();
    expect(() => types.note(First, 'flow "b", event NamesTwice')).toThrow(
      'flow "b", event NamesTwice: defined twice (fields x, and a, b). Outputs name topics and tables by it',
    );
    const Fresh = defineEvent('NamesFresh', { n: Field.int() });
    const Copy = defineEvent('NamesFresh', { m: Field.int() });
    types.note(Fresh, 'flow "a", event NamesFresh');
    expect(() => types.note(Copy, 'flow "c", event NamesFresh')).toThrow('flow "c", event NamesFresh: defined twice (fields n, and m)');
  });

  it('refuses a run that emits a stale copy of an event its outputs know by name, without an events list', async () => {
    // First is an earlier definition of NamesTwice: outputs are told Second's fields.
    const sim = new Simulation({ duration: '3s', nFlows: 1, startTime: '2025-01-01T00:00:00Z' });
    sim.flow(function* stale(ctx) { yield NewEvent(ctx, First); });
    const output = new CollectingOutput();
    await expect(sim.run({ outputs: [output], log: () => {} })).rejects.toThrow('flow "stale", event NamesTwice: defined twice (fields x, and a, b)');
    expect(output.events).toEqual([]);
  });

  it('refuses an emitted type of the name of one the run lists, and accepts the listed one', async () => {
    const listed = (emit: typeof First | typeof Second) => {
      const sim = new Simulation({ duration: '3s', nFlows: 1, startTime: '2025-01-01T00:00:00Z', events: [Other, First] });
      sim.flow(function* listedFlow(ctx) { yield NewEvent(ctx, emit); });
      return sim.run({ outputs: [], log: () => {} });
    };
    await expect(listed(First)).resolves.toMatchObject({ eventsByType: { NamesTwice: expect.any(Number) } });
    await expect(listed(Second)).rejects.toThrow('flow "listedFlow", event NamesTwice: defined twice (fields a, b, and x)');
  });

  it('runs a simulation made by a function called twice: its events are defined twice alike', async () => {
    const make = () => {
      const Tick = defineEvent('NamesTick', { n: Field.int({ default: 1 }) });
      const sim = new Simulation({ duration: '3s', nFlows: 1, startTime: '2025-01-01T00:00:00Z' });
      sim.flow(function* tick(ctx) { yield NewEvent(ctx, Tick); });
      return sim;
    };
    const first = make();
    const second = make();
    // The first emits its own NamesTick, which is not the latest declared: alike, so no clash.
    await expect(first.run({ outputs: [], log: () => {} })).resolves.toMatchObject({ eventsByType: { NamesTick: expect.any(Number) } });
    await expect(second.run({ outputs: [], log: () => {} })).resolves.toMatchObject({ eventsByType: { NamesTick: expect.any(Number) } });
  });

  it("checks the source event of emitted initial entities, which no flow emits", async () => {
    const Joined = defineEvent('NamesJoined', { member_id: Field.string({ primaryKey: true, faker: 'uuid4' }) });
    const Member = defineEntity('NamesMember', { sourceEvent: Joined, primaryKey: 'member_id', state: {} });
    defineEvent('NamesJoined', { other: Field.int() });
    const run = (emitInitialEntities: boolean) => new Simulation({
      duration: '1s', nFlows: 1, startTime: '2025-01-01T00:00:00Z', initialEntities: [[Member, 2]], emitInitialEntities,
    }).run({ outputs: [], log: () => {} });
    await expect(run(true)).rejects.toThrow('initial entities, entity NamesMember, event NamesJoined: defined twice (fields other, and member_id)');
    // Not emitted, its name reaches no output: nothing to refuse.
    await expect(run(false)).resolves.toMatchObject({ events: 0 });
  });
});
