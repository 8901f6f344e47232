import { describe, expect, it } from 'vitest';
import { VersionLog } from '../../../src/state/version-log.js';

describe('VersionLog', () => {
  it("keeps each entity's versions linked backwards, apart from other entities' versions", () => {
    const log = new VersionLog();
    const a = { n: 1 };
    const b = { n: 2 };
    const a0 = log.append(-1, 100, a, null);
    const b0 = log.append(-1, 100, b, 'f:1');
    const a1 = log.append(a0, 150, a, 'f:2');
    const a2 = log.append(a1, 200, { n: 3 }, null);
    expect(log.versionsUpTo(a2)).toEqual([a0, a1, a2]);
    expect(log.versionsUpTo(b0)).toEqual([b0]);
    expect([log.fromOf(a1), log.stateOf(a1), log.holderOf(a1), log.previousOf(a1)]).toEqual([150, a, 'f:2', a0]);
    expect(log.previousOf(a0)).toBe(-1);
    expect(log.stateOf(b0)).toBe(b);
  });

  it('finds the version current at an instant: the latest that began at or before it', () => {
    const log = new VersionLog();
    let latest = -1;
    for (const from of [10, 20, 30]) latest = log.append(latest, from, { from }, null);
    const at = (t: number) => {
      const version = log.versionAt(latest, t);
      return version < 0 ? undefined : log.fromOf(version);
    };
    expect([at(9), at(10), at(19), at(20), at(29), at(30), at(1e12)]).toEqual([undefined, 10, 10, 20, 20, 30, 30]);
  });

  it('replaces a version in place (a later write at its instant)', () => {
    const log = new VersionLog();
    const v = log.append(-1, 10, { n: 1 }, null);
    const next = { n: 2 };
    log.replace(v, next, 'f:1');
    expect([log.stateOf(v), log.holderOf(v), log.fromOf(v)]).toEqual([next, 'f:1', 10]);
  });

  it('grows past its first capacity without losing a version', () => {
    const log = new VersionLog();
    const latest = [-1, -1, -1];
    for (let i = 0; i < 5000; i++) latest[i % 3] = log.append(latest[i % 3]!, i, { i }, i % 2 === 0 ? `f:${i}` : null);
    const versions = log.versionsUpTo(latest[1]!);
    expect(versions).toHaveLength(1667);
    expect(versions.map((v) => log.fromOf(v))).toEqual(Array.from({ length: 1667 }, (_, k) => 1 + 3 * k));
    expect(log.holderOf(versions[1]!)).toBe('f:4');
    expect(log.stateOf(versions[1666]!)).toEqual({ i: 4999 });
  });
});
