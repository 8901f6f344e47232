/**
 * Full history against a naive model: every version kept as a whole copy of the state with
 * its holder. Random binds, writes and releases at random instants (often the same one),
 * then history() and query() at every instant must agree with the model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EntityTable } from '../../src/state/entity-table.js';

const T = 1_000_000;
const KEYS = ['u0', 'u1', 'u2'];

type Step =
  | { kind: 'bind'; entity: number; holder: number; dt: number }
  | { kind: 'write'; entity: number; value: number; dt: number }
  | { kind: 'release'; entity: number; dt: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('bind' as const), entity: fc.nat(2), holder: fc.nat(3), dt: fc.nat(2) }),
  fc.record({ kind: fc.constant('write' as const), entity: fc.nat(2), value: fc.nat(9), dt: fc.nat(2) }),
  fc.record({ kind: fc.constant('release' as const), entity: fc.nat(2), dt: fc.nat(2) }),
);

interface ModelVersion {
  from: number;
  state: Record<string, unknown>;
}

/** Applies a change at `at` as the table's contract says: a version per instant, the last write winning. */
function record(model: ModelVersion[], at: number, change: Record<string, unknown>): void {
  const last = model[model.length - 1]!;
  const state = { ...last.state, ...change };
  if (last.from === at) last.state = state;
  else model.push({ from: at, state });
}

describe('full history', () => {
  it('agrees with a model that copies every version whole', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
      const table = new EntityTable('User', 'user_id', true);
      const model = new Map<string, ModelVersion[]>();
      for (const key of KEYS) {
        table.create(key, { user_id: key, n: 0, flow_name: null }, T);
        model.set(key, [{ from: T, state: { user_id: key, n: 0, flow_name: null } }]);
      }
      let at = T;
      for (const s of steps) {
        at += s.dt;
        const key = KEYS[s.entity]!;
        const entity = table.get(key)!;
        const held = table.ownerOf(entity) !== null;
        if (s.kind === 'bind' && !held) {
          table.bind(entity, `flow:${s.holder}`, at);
          record(model.get(key)!, at, { flow_name: `flow:${s.holder}` });
        } else if (s.kind === 'write') {
          table.mutate(entity, { n: s.value }, at);
          record(model.get(key)!, at, { n: s.value });
        } else if (s.kind === 'release' && held) {
          table.release(entity, at);
          record(model.get(key)!, at, { flow_name: null });
        }
      }
      for (const key of KEYS) {
        const versions = model.get(key)!;
        expect(table.history(key)).toEqual(versions.map((v, i) => ({
          validFrom: v.from,
          validTo: i + 1 < versions.length ? versions[i + 1]!.from : null,
          state: v.state,
        })));
      }
      for (let t = T - 1; t <= at + 1; t++) {
        const expected = KEYS.flatMap((key) => {
          const current = model.get(key)!.filter((v) => v.from <= t).pop();
          return current === undefined ? [] : [current.state];
        });
        expect(table.query([], t)).toEqual(expected);
      }
      // The current state, as flows and queries of now see it.
      expect(table.query([], undefined)).toEqual(KEYS.map((key) => model.get(key)!.at(-1)!.state));
    }), { numRuns: 300, seed: 20261127 });
  });
});
