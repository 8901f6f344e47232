import { describe, expect, it } from 'vitest';
import { TypeCounts } from '../../../src/engine/type-counts.js';

describe('TypeCounts', () => {
  it('lists types in the order they were first counted, not the order their slots were made', () => {
    const counts = new TypeCounts();
    const a = counts.slotsOf(['Signup', 'Order']);
    const b = counts.slotsOf(['Order', 'Refund', 'Signup']);
    for (const slot of [b[1]!, a[1]!, b[0]!, a[0]!, b[2]!]) counts.add(slot);
    expect([...counts.toMap()]).toEqual([['Refund', 1], ['Order', 2], ['Signup', 2]]);
  });

  it('gives a name one slot, whichever partition names it and at which index', () => {
    const counts = new TypeCounts();
    const a = counts.slotsOf(['Signup', 'Order']);
    const b = counts.slotsOf(['Order', 'Signup']);
    expect([b[0], b[1]]).toEqual([a[1], a[0]]);
    expect(counts.slotOf('Order')).toBe(a[1]);
  });

  it('keeps a partition\'s slots while its names are as many, and extends them when a name is added', () => {
    const counts = new TypeCounts();
    const first = counts.slotsOf(['Signup']);
    expect(counts.slotsOf(['Signup'], first)).toBe(first);
    const grown = counts.slotsOf(['Signup', 'Order'], first);
    expect(grown).not.toBe(first);
    expect(grown[0]).toBe(first[0]);
    expect(counts.toMap()).toEqual(new Map());
  });
});
