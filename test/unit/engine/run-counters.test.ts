import { describe, expect, it } from 'vitest';
import { RunCounters } from '../../../src/engine/run-counters.js';

const field = (autoFillKey: string, autoFillSlot: number) => ({ autoFillKey, autoFillSlot });

describe('RunCounters, auto-filled fields', () => {
  it('counts each field, listed in the order each was first counted', () => {
    const counters = new RunCounters();
    const label = field('Order.label', 7);
    const count = field('Order.count', 3);
    counters.countAutoFill(label);
    counters.countAutoFill(count);
    counters.countAutoFill(label);
    expect([...counters.autoFilled]).toEqual([['Order.label', 2], ['Order.count', 1]]);
  });

  it('counts two fields of one key together (an event type defined twice alike)', () => {
    const counters = new RunCounters();
    counters.countAutoFill(field('Ping.n', 1));
    counters.countAutoFill(field('Ping.n', 2));
    counters.countAutoFill(field('Ping.n', 2));
    expect([...counters.autoFilled]).toEqual([['Ping.n', 3]]);
  });

  it('adds partitions by key, also across threads (toJSON / fromJSON), and keeps counting after', () => {
    const a = new RunCounters();
    const b = new RunCounters();
    a.countAutoFill(field('E.x', 1));
    b.countAutoFill(field('E.y', 2));
    b.countAutoFill(field('E.x', 1));
    const total = new RunCounters();
    total.add(a);
    total.add(RunCounters.fromJSON(JSON.parse(JSON.stringify(b.toJSON()))));
    expect([...total.autoFilled]).toEqual([['E.x', 2], ['E.y', 1]]);
    total.countAutoFill(field('E.y', 2));
    expect(total.autoFilled.get('E.y')).toBe(2);
  });
});
