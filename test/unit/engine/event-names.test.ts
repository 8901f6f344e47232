import { describe, expect, it } from 'vitest';
import { NewEvent } from '../../../src/engine/actions.js';
import { checkEventNames, latestByName } from '../../../src/engine/event-names.js';
import { Simulation } from '../../../src/engine/simulation.js';
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
});

