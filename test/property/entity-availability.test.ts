/**
 * Availability against a naive model: which entities exist, which are held, and their state.
 * Random creates (some held from the start), binds, writes while held and releases, with
 * picks of every kind in between: among all available entities, by a value index, by a flow
 * filter's own set, and by an index with a condition checked on each pick. Each kind of set is
 * made at its first pick, wherever that falls in the steps, so the sets start from every
 * mix of held and free entities.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../src/state/conditions.js';
import { matches } from '../../src/state/conditions.js';
import { EntityTable } from '../../src/state/entity-table.js';
import { SeededRandom } from '../../src/util/seeded-random.js';

const T = 1_000_000;
const FIRST = 6;
const MAX = 10;

type Pick = 'all' | 'index' | 'filter' | 'index-and-check';
type Step =
  | { kind: 'create'; held: boolean }
  | { kind: 'bind'; entity: number }
  | { kind: 'write'; entity: number; tier: 'a' | 'b'; n: number }
  | { kind: 'release'; entity: number }
  | { kind: 'pick'; pick: Pick };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), held: fc.boolean() }),
  fc.record({ kind: fc.constant('bind' as const), entity: fc.nat(MAX - 1) }),
  fc.record({ kind: fc.constant('write' as const), entity: fc.nat(MAX - 1), tier: fc.constantFrom('a' as const, 'b' as const), n: fc.nat(3) }),
  fc.record({ kind: fc.constant('release' as const), entity: fc.nat(MAX - 1) }),
  fc.record({ kind: fc.constant('pick' as const), pick: fc.constantFrom<Pick>('all', 'index', 'filter', 'index-and-check') }),
);

/** A flow's filter is one array for the whole run: the table keeps a set for it. */
const FILTER: readonly Condition[] = [{ field: 'n', op: 'greater_than', value: 0 }];
const CONDITIONS: Record<Exclude<Pick, 'filter'>, readonly Condition[]> = {
  all: [],
  index: [{ field: 'tier', op: 'is', value: 'a' }],
  'index-and-check': [{ field: 'tier', op: 'is', value: 'b' }, { field: 'n', op: 'greater_than', value: 1 }],
};

interface ModelEntity {
  key: string;
  state: Record<string, unknown>;
  held: boolean;
}

describe('availability', () => {
  it('agrees with a model: counts, and picks that draw every matching available entity and nothing else', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 50 }), fc.array(fc.boolean(), { minLength: FIRST, maxLength: FIRST }), (steps, heldAtStart) => {
      const table = new EntityTable('User', 'user_id', undefined);
      const model: ModelEntity[] = [];
      const random = new SeededRandom(3);
      const create = (held: boolean) => {
        const key = `u${model.length}`;
        const state = { user_id: key, tier: 'a', n: 0, flow_name: held ? 'setup:1' : null };
        table.create(key, { ...state }, T);
        model.push({ key, state: { ...state, flow_name: null }, held });
      };
      heldAtStart.forEach(create);
      for (const s of steps) {
        const entity = s.kind === 'bind' || s.kind === 'write' || s.kind === 'release' ? model[s.entity % model.length]! : undefined;
        if (s.kind === 'create' && model.length < MAX) create(s.held);
        else if (s.kind === 'bind' && !entity!.held) {
          table.bind(table.get(entity!.key)!, 'flow:1', T);
          entity!.held = true;
        } else if (s.kind === 'write' && entity!.held) {
          // State changes only while a flow holds the entity, as in a run.
          table.mutate(table.get(entity!.key)!, { tier: s.tier, n: s.n }, T);
          Object.assign(entity!.state, { tier: s.tier, n: s.n });
        } else if (s.kind === 'release' && entity!.held) {
          table.release(table.get(entity!.key)!, T);
          entity!.held = false;
        } else if (s.kind === 'pick') {
          const conditions = s.pick === 'filter' ? FILTER : CONDITIONS[s.pick];
          const expected = model.filter((e) => !e.held && matches(e.state, conditions)).map((e) => e.key).sort();
          const drawn = new Set<string>();
          for (let i = 0; i < 200; i++) {
            const record = s.pick === 'filter' ? table.sampleForFilter(FILTER, random) : table.sample(conditions, random);
            if (record !== undefined) drawn.add(record.user_id as string);
          }
          // Among at most MAX entities, 200 uniform draws miss one with a chance below 1e-8.
          expect([...drawn].sort()).toEqual(expected);
        }
        expect(table.availableCount).toBe(model.filter((e) => !e.held).length);
      }
    }), { numRuns: 300 });
  });
});
