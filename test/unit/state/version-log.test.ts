import { describe, expect, it } from 'vitest';
import { VersionLog } from '../../../src/state/version-log.js';

/** The entity's versions up to `latest`, oldest first. */
function versionsUpTo(log: VersionLog, latest: number): number[] {
  const versions: number[] = [];
  for (let v = latest; v >= 0; v = log.previousOf(v)) versions.push(v);
  return versions.reverse();
}

describe('VersionLog', () => {
  it("keeps each entity's versions linked backwards, apart from other entities' versions", () => {
    const log = new VersionLog();
    const a0 = log.first(100, null);
    const b0 = log.first(100, 'f:1');
    const a1 = log.openAt(a0, 150, 'f:2');
    const a2 = log.openAt(a1, 200, null);
    expect(versionsUpTo(log, a2)).toEqual([a0, a1, a2]);
    expect(versionsUpTo(log, b0)).toEqual([b0]);
    expect([log.fromOf(a1), log.holderOf(a1), log.previousOf(a1)]).toEqual([150, 'f:2', a0]);
    expect(log.previousOf(a0)).toBe(-1);
    // At the instant the latest began: the same version, with the new holder.
    expect(log.openAt(a2, 200, 'f:3')).toBe(a2);
    expect(log.holderOf(a2)).toBe('f:3');
  });

  it('rewinds a state to an instant: the changes of the versions begun after it undone', () => {
    const log = new VersionLog();
    let latest = log.first(10, null);
    for (const from of [20, 30]) {
      latest = log.openAt(latest, from, `f:${from}`);
      log.keepOldValue(latest, 'n', from - 10);
    }
    const at = (t: number) => {
      const state: Record<string, unknown> = { n: 30 };
      const version = log.rewind(latest, t, state);
      return version < 0 ? undefined : [log.fromOf(version), log.holderOf(version), state.n];
    };
    expect([at(9), at(10), at(19), at(20), at(29), at(30), at(1e12)]).toEqual([
      undefined, [10, null, 10], [10, null, 10], [20, 'f:20', 20], [20, 'f:20', 20], [30, 'f:30', 30], [30, 'f:30', 30],
    ]);
  });

  it("undoes a version's changes: the first value each field had before it, for that version only", () => {
    const log = new VersionLog();
    const v0 = log.first(10, null);
    const v1 = log.openAt(v0, 20, null);
    const other = log.first(20, null);
    log.keepOldValue(v1, 'n', 1);
    log.keepOldValue(v1, 'tier', 'free');
    // A second write of n at the instant v1 began: v1 still undoes to the value before it.
    log.keepOldValue(v1, 'n', 2);
    log.keepOldValue(other, 'n', 99);
    const state: Record<string, unknown> = { n: 3, tier: 'pro', kept: true };
    log.undo(v1, state);
    expect(state).toEqual({ n: 1, tier: 'free', kept: true });
    // A bind or a release changes no field; an entity's first version undoes nothing.
    log.undo(v0, state);
    log.keepOldValue(v0, 'n', 42);
    log.undo(v0, state);
    expect(state).toEqual({ n: 1, tier: 'free', kept: true });
  });

  it('grows past its first chunk without losing a version or a change', () => {
    const log = new VersionLog();
    const latest = [-1, -1, -1];
    for (let i = 0; i < 5000; i++) {
      const e = i % 3;
      const holder = i % 2 === 0 ? `f:${i}` : null;
      latest[e] = latest[e]! < 0 ? log.first(i, holder) : log.openAt(latest[e]!, i, holder);
      log.keepOldValue(latest[e]!, 'i', i - 3);
    }
    const versions = versionsUpTo(log, latest[1]!);
    expect(versions).toHaveLength(1667);
    expect(versions.map((v) => log.fromOf(v))).toEqual(Array.from({ length: 1667 }, (_, k) => 1 + 3 * k));
    expect(log.holderOf(versions[1]!)).toBe('f:4');
    const state: Record<string, unknown> = { i: 4999 };
    for (let k = versions.length - 1; k > 0; k--) {
      log.undo(versions[k]!, state);
      expect(state.i).toBe(log.fromOf(versions[k - 1]!));
    }
  });
});
