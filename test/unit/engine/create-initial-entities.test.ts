import { describe, expect, it } from 'vitest';
import { defineEntity, defineEvent, Field, Simulation, StateField, type AnyEntity } from 'deep-faker';
import { runCollect, T0 } from '../../helpers/collecting-output.js';

const Joined = defineEvent('InitJoined', {
  user_id: Field.string({ primaryKey: true, faker: 'uuid4' }),
  email: Field.string({ faker: 'email' }),
});
const Person = defineEntity('InitPerson', {
  sourceEvent: Joined,
  primaryKey: 'user_id',
  state: { email: StateField.string({ fromField: 'email' }), score: StateField.int({ default: 7 }) },
});
const Shelf = defineEntity('InitShelf', {
  sourceEvent: null,
  primaryKey: 'shelf_id',
  state: { name: StateField.string({ faker: 'commerce.productName' }), slots: StateField.int({ default: 4 }) },
});

describe('initial entities', () => {
  it('with a source event: emitted at the start with sys__sid initial_setup, state copied from the event', async () => {
    const sim = new Simulation({ duration: '1m', nFlows: 0, initialEntities: [[Person, 5], [Shelf, 3]] });
    const { events, summary } = await runCollect(sim);
    expect(events).toHaveLength(5);
    for (const e of events) {
      expect(e.event_type).toBe('InitJoined');
      expect(e.sys__sid).toBe('initial_setup');
      expect(e.sys__ets).toBe(T0);
    }
    const people = sim.query(Person);
    expect(people).toHaveLength(5);
    const byKey = new Map(people.map((p) => [p.user_id, p]));
    for (const e of events) {
      expect(byKey.get(e.user_id as string)).toEqual({ user_id: e.user_id, email: e.email, score: 7, flow_name: null });
    }
    expect(summary.entities).toEqual({ InitPerson: { total: 5, available: 5 }, InitShelf: { total: 3, available: 3 } });
  });

  it('without a source event: created from state fakers and defaults, no event', async () => {
    const sim = new Simulation({ duration: '1m', nFlows: 0, initialEntities: [[Shelf, 4]] });
    const { events } = await runCollect(sim);
    expect(events).toEqual([]);
    const shelves = sim.query(Shelf);
    expect(shelves).toHaveLength(4);
    for (const s of shelves) {
      expect(typeof s.name).toBe('string');
      expect(s.name.length).toBeGreaterThan(0);
      expect(s.slots).toBe(4);
      expect(sim.history(Shelf, s.shelf_id)![0]!.validFrom).toBe(T0);
    }
  });

  it('emitInitialEntities: false creates them silently', async () => {
    const sim = new Simulation({ duration: '1m', nFlows: 0, initialEntities: [[Person, 3]], emitInitialEntities: false });
    const { events } = await runCollect(sim);
    expect(events).toEqual([]);
    expect(sim.query(Person)).toHaveLength(3);
  });

  it('accepts a Map and counts of zero', async () => {
    const sim = new Simulation({ duration: '1m', nFlows: 0, initialEntities: new Map<AnyEntity, number>([[Person, 2], [Shelf, 0]]) });
    const { events } = await runCollect(sim);
    expect(events).toHaveLength(2);
    expect(sim.query(Shelf)).toEqual([]);
  });
});
