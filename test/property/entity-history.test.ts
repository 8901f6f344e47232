/**
 * Full history against a naive model: every version kept as a whole copy of the state with
 * its holder. Random binds, writes and releases at random instants (often the same one),
 * then history() and query() at every instant must agree with the model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyAnyState } from '../../src/state/entity-record.js';
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

/** Creates KEYS in `table`, applies `steps` to it and to the model; the model and the last instant. */
function play(table: EntityTable, steps: readonly Step[]): { model: Map<string, ModelVersion[]>; at: number } {
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
  return { model, at };
}

describe('full history', () => {
  it('agrees with a model that copies every version whole', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
      const table = new EntityTable('User', 'user_id', Infinity);
      const { model, at } = play(table, steps);
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

  it('with history { keep }, trimmed again and again, agrees with the model at every instant it keeps', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 120 }), fc.integer({ min: 1, max: 6 }), (steps, kept) => {
      // Four versions before the first trim: trims come every few steps.
      const table = new EntityTable('User', 'user_id', kept, copyAnyState, 4);
      const { model, at } = play(table, steps);
      const latest = Math.max(...KEYS.map((key) => model.get(key)!.at(-1)!.from));
      const earliest = latest - kept;
      expect(table.earliestInstant()).toBe(earliest);
      for (const key of KEYS) {
        const versions = model.get(key)!;
        const all = versions.map((v, i) => ({ validFrom: v.from, validTo: i + 1 < versions.length ? versions[i + 1]!.from : null, state: v.state }));
        // The versions current at the earliest instant kept, or after it.
        expect(table.history(key)).toEqual(all.filter((v) => v.validTo === null || v.validTo > earliest));
      }
      for (let t = Math.max(T, earliest); t <= at + 1; t++) {
        const expected = KEYS.map((key) => model.get(key)!.filter((v) => v.from <= t).pop()!.state);
        expect(table.query([], t)).toEqual(expected);
      }
    }), { numRuns: 300, seed: 20261207 });
  });

  it('with history { keep }, holds about what its window holds however long the run', () => {
    const table = new EntityTable('User', 'user_id', 100, copyAnyState, 64);
    for (const key of KEYS) table.create(key, { user_id: key, n: 0, flow_name: null }, T);
    let most = 0;
    for (let i = 1; i <= 100_000; i++) {
      table.mutate(table.get(KEYS[i % 3]!)!, { n: i }, T + i);
      most = Math.max(most, table.versionCount);
    }
    // 100 instants a window, 3 entities: about 100 versions kept, at most twice that held.
    expect(most).toBeLessThanOrEqual(2 * (100 + 3) + 2);
    expect(table.history('u1')!.length).toBeGreaterThanOrEqual(33);
    expect(table.history('u1')!.length).toBeLessThanOrEqual(35);
  });
});
