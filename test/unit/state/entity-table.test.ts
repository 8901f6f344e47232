import { describe, expect, it } from 'vitest';
import { copyAnyState } from '../../../src/state/entity-record.js';
import { EntityTable } from '../../../src/state/entity-table.js';
import type { Condition } from '../../../src/state/conditions.js';
import { matches } from '../../../src/state/conditions.js';
import { SeededRandom } from '../../../src/util/seeded-random.js';

const T = 1_000_000;

function userState(key: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { user_id: key, is_logged_in: false, total_orders: 0, tier: 'free', flow_name: null, ...extra };
}

function filledTable(n: number, keepHistory = true): EntityTable {
  const table = new EntityTable('User', 'user_id', keepHistory ? Infinity : undefined);
  for (let i = 0; i < n; i++) table.create(`u${i}`, userState(`u${i}`), T);
  return table;
}

describe('EntityTable versions', () => {
  it('creates an entity with one open version', () => {
    const table = filledTable(1);
    expect(table.size).toBe(1);
    expect(table.history('u0')).toEqual([{ validFrom: T, validTo: null, state: userState('u0') }]);
    expect(table.history('nobody')).toBeUndefined();
  });

  it('closes the current version at the mutation time and opens a new one: [validFrom, validTo)', () => {
    const table = filledTable(1);
    const record = table.get('u0')!;
    table.mutate(record, { total_orders: 1 }, T + 100);
    table.mutate(record, { total_orders: 2, is_logged_in: true }, T + 250);
    const history = table.history('u0')!;
    expect(history.map((v) => [v.validFrom, v.validTo, v.state.total_orders])).toEqual([
      [T, T + 100, 0],
      [T + 100, T + 250, 1],
      [T + 250, null, 2],
    ]);
    expect(history[2]!.state.is_logged_in).toBe(true);
    // older versions are not changed by later writes
    expect(history[0]!.state.is_logged_in).toBe(false);
    expect(record.total_orders).toBe(2);
  });

  it('collapses several writes at one instant into one version', () => {
    const table = filledTable(1);
    const record = table.get('u0')!;
    table.mutate(record, { total_orders: 1 }, T + 10);
    table.mutate(record, { is_logged_in: true }, T + 10);
    table.mutate(record, { total_orders: 5 }, T + 10);
    const history = table.history('u0')!;
    expect(history).toHaveLength(2);
    expect(history[1]).toEqual({ validFrom: T + 10, validTo: null, state: userState('u0', { total_orders: 5, is_logged_in: true }) });
    // a write at the creation instant replaces the first version
    const other = filledTable(1);
    other.mutate(other.get('u0')!, { tier: 'pro' }, T);
    expect(other.history('u0')).toHaveLength(1);
    expect(other.history('u0')![0]!.state.tier).toBe('pro');
  });

  it('answers queries at past instants from the version valid then', () => {
    const table = filledTable(3);
    table.mutate(table.get('u0')!, { total_orders: 1 }, T + 100);
    table.mutate(table.get('u0')!, { total_orders: 2 }, T + 200);
    table.mutate(table.get('u1')!, { total_orders: 7 }, T + 150);
    const orders = (at: number | undefined) =>
      Object.fromEntries(table.query([], at).map((s) => [s.user_id, s.total_orders]));
    expect(orders(T)).toEqual({ u0: 0, u1: 0, u2: 0 });
    expect(orders(T + 99)).toEqual({ u0: 0, u1: 0, u2: 0 });
    expect(orders(T + 100)).toEqual({ u0: 1, u1: 0, u2: 0 });
    expect(orders(T + 150)).toEqual({ u0: 1, u1: 7, u2: 0 });
    expect(orders(T + 199)).toEqual({ u0: 1, u1: 7, u2: 0 });
    expect(orders(T + 10_000)).toEqual({ u0: 2, u1: 7, u2: 0 });
    expect(orders(undefined)).toEqual({ u0: 2, u1: 7, u2: 0 });
    // before an entity existed, it is not in the answer
    expect(orders(T - 1)).toEqual({});
  });

  it('filters queries by condition at the instant', () => {
    const table = filledTable(3);
    table.mutate(table.get('u2')!, { total_orders: 3 }, T + 100);
    const gt: Condition[] = [{ field: 'total_orders', op: 'greater_than', value: 1 }];
    expect(table.query(gt, T + 50)).toEqual([]);
    expect(table.query(gt, T + 100).map((s) => s.user_id)).toEqual(['u2']);
    expect(table.query([{ field: 'total_orders', op: 'less_than', value: 1 }], undefined).map((s) => s.user_id)).toEqual(['u0', 'u1']);
  });

  it("keeps only the current state without history ('current')", () => {
    const table = filledTable(1, false);
    const record = table.get('u0')!;
    table.mutate(record, { total_orders: 1 }, T + 100);
    table.mutate(record, { total_orders: 2 }, T + 200);
    expect(table.history('u0')).toEqual([{ validFrom: T + 200, validTo: null, state: userState('u0', { total_orders: 2 }) }]);
  });
});

describe('EntityTable reserve', () => {
  it('takes as many entities as reserved, and more, each found by its key', () => {
    const table = new EntityTable('User', 'user_id', undefined);
    table.create('u0', userState('u0'), T);
    table.reserve(3_000);
    for (let i = 1; i < 5_000; i++) table.create(`u${i}`, userState(`u${i}`), T);
    expect(table.size).toBe(5_000);
    expect(table.availableCount).toBe(5_000);
    for (let i = 0; i < 5_000; i++) expect(table.get(`u${i}`)?.user_id).toBe(`u${i}`);
    expect(table.get('u5000')).toBeUndefined();
  });
});

describe('EntityTable availability', () => {
  it('bind makes an entity unavailable and writes flow_name; release frees it at its instant', () => {
    const table = filledTable(2);
    const record = table.get('u0')!;
    expect(table.availableCount).toBe(2);
    table.bind(record, 'shop:abc', T + 10);
    expect(table.availableCount).toBe(1);
    expect(table.ownerOf(record)).toBe('shop:abc');
    expect(table.snapshot(record, table.ownerOf(record)).flow_name).toBe('shop:abc');
    const random = new SeededRandom(1);
    for (let i = 0; i < 50; i++) expect(table.sample([], random)!.user_id).toBe('u1');
    table.release(record, T + 90);
    expect(table.availableCount).toBe(2);
    expect(table.ownerOf(record)).toBeNull();
    expect(table.history('u0')!.map((v) => [v.validFrom, v.validTo, v.state.flow_name])).toEqual([
      [T, T + 10, null],
      [T + 10, T + 90, 'shop:abc'],
      [T + 90, null, null],
    ]);
  });

  it('binding a held entity again hands it to the new holder: one holder, the counts unchanged', () => {
    for (const keepHistory of [false, true]) {
      const table = filledTable(2, keepHistory);
      const record = table.get('u0')!;
      table.bind(record, 'shop:a', T + 10);
      table.bind(record, 'shop:b', T + 20);
      expect(table.ownerOf(record)).toBe('shop:b');
      expect(table.availableCount).toBe(1);
      table.release(record, T + 30);
      expect(table.ownerOf(record)).toBeNull();
      expect(table.availableCount).toBe(2);
      const random = new SeededRandom(2);
      const drawn = new Set(Array.from({ length: 60 }, () => table.sample([], random)!.user_id));
      expect([...drawn].sort()).toEqual(['u0', 'u1']);
    }
  });

  it('with history, versions keep holders and changed fields, not copies of the state', () => {
    let copies = 0;
    const table = new EntityTable('User', 'user_id', Infinity, (state) => (copies++, copyAnyState(state)));
    const record = table.create('u0', userState('u0'), T);
    table.bind(record, 'shop:a', T + 10);
    table.mutate(record, { total_orders: 1 }, T + 20);
    table.release(record, T + 30);
    // Written in place, as without history: no copy until someone reads a version.
    expect(copies).toBe(0);
    expect(table.get('u0')).toBe(record);
    expect(record.total_orders).toBe(1);
    const history = table.history('u0')!;
    expect(history.map((v) => [v.validFrom, v.state.total_orders, v.state.flow_name])).toEqual([
      [T, 0, null],
      [T + 10, 0, 'shop:a'],
      [T + 20, 1, 'shop:a'],
      [T + 30, 1, null],
    ]);
    // Each version is a state of its own: changing one a caller got changes no other.
    history[1]!.state.total_orders = 99;
    expect(table.history('u0')![0]!.state.total_orders).toBe(0);
    expect(table.history('u0')![1]!.state.total_orders).toBe(0);
    // A query in the past sees the holder of that instant.
    expect(table.query([], T + 15).map((s) => [s.total_orders, s.flow_name])).toEqual([[0, 'shop:a']]);
    expect(table.query([], T + 35).map((s) => [s.total_orders, s.flow_name])).toEqual([[1, null]]);
    expect(table.query([], T - 1)).toEqual([]);
    // A snapshot is a copy: a later release and change do not alter it.
    table.bind(record, 'shop:b', T + 40);
    const held = table.snapshot(record, table.ownerOf(record));
    table.mutate(record, { total_orders: 2 }, T + 45);
    table.release(record, T + 50);
    expect([held.total_orders, held.flow_name]).toEqual([1, 'shop:b']);
  });

  it('with history, writes at one instant make one version, with the last holder', () => {
    const table = filledTable(1);
    const record = table.get('u0')!;
    table.bind(record, 'shop:a', T + 10);
    table.mutate(record, { total_orders: 1 }, T + 10);
    expect(table.history('u0')!.map((v) => [v.validFrom, v.state.total_orders, v.state.flow_name])).toEqual([
      [T, 0, null],
      [T + 10, 1, 'shop:a'],
    ]);
    table.release(record, T + 20);
    table.bind(record, 'shop:b', T + 20);
    expect(table.history('u0')!.map((v) => [v.validFrom, v.state.flow_name])).toEqual([
      [T, null],
      [T + 10, 'shop:a'],
      [T + 20, 'shop:b'],
    ]);
    // An entity created by a flow is held by it from its first version.
    const created = new EntityTable('User', 'user_id', Infinity);
    const n = created.create('n0', userState('n0', { flow_name: 'signup:n' }), T);
    created.release(n, T + 5);
    expect(created.history('n0')!.map((v) => v.state.flow_name)).toEqual(['signup:n', null]);
  });

  it('an entity created with an owner is not available until released', () => {
    const table = new EntityTable('User', 'user_id', Infinity);
    const record = table.create('u0', userState('u0', { flow_name: 'signup:x' }), T);
    expect(table.availableCount).toBe(0);
    expect(table.sample([], new SeededRandom(1))).toBeUndefined();
    table.release(record, T + 5);
    expect(table.sample([], new SeededRandom(1))).toBe(record);
  });

  it("without history, snapshots, queries and history show who holds an entity, as with history", () => {
    const table = filledTable(3, false);
    const [a, b] = [table.get('u0')!, table.get('u1')!];
    table.bind(a, 'shop:a', T + 10);
    table.bind(b, 'shop:b', T + 20);
    expect(table.ownerOf(a)).toBe('shop:a');
    // The stored state is not written on bind (an old object would point at a young string).
    expect(a.flow_name).toBeNull();
    expect(table.query([], undefined).map((s) => [s.user_id, s.flow_name])).toEqual([['u0', 'shop:a'], ['u1', 'shop:b'], ['u2', null]]);
    expect(table.history('u1')).toEqual([{ validFrom: T + 20, validTo: null, state: userState('u1', { flow_name: 'shop:b' }) }]);
    // A snapshot is a copy: releasing later does not change it.
    const before = table.query([], undefined)[0]!;
    table.release(a, T + 30);
    expect(before.flow_name).toBe('shop:a');
    expect(table.ownerOf(a)).toBeNull();
    expect(table.history('u0')![0]!.state.flow_name).toBeNull();
    // A freed owner slot is reused by the next bind without mixing owners up.
    table.bind(table.get('u2')!, 'shop:c', T + 40);
    expect(table.query([], undefined).map((s) => s.flow_name)).toEqual([null, 'shop:b', 'shop:c']);
    // An entity created by a flow is held by it from the start.
    const created = new EntityTable('User', 'user_id', undefined);
    const n = created.create('n0', userState('n0', { flow_name: 'signup:n' }), T);
    expect(created.query([], undefined)[0]!.flow_name).toBe('signup:n');
    created.release(n, T + 5);
    expect(created.query([], undefined)[0]!.flow_name).toBeNull();
    expect(created.availableCount).toBe(1);
  });

  it('returns undefined when nothing is available or nothing matches', () => {
    const table = filledTable(3);
    const random = new SeededRandom(2);
    expect(table.sample([{ field: 'tier', op: 'is', value: 'pro' }], random)).toBeUndefined();
    expect(table.sample([{ field: 'total_orders', op: 'greater_than', value: 0 }], random)).toBeUndefined();
    for (const key of ['u0', 'u1', 'u2']) table.bind(table.get(key)!, 'f:1', T + 1);
    expect(table.sample([], random)).toBeUndefined();
    expect(table.sample([{ field: 'tier', op: 'is', value: 'free' }], random)).toBeUndefined();
  });

  it("sampling with an equality index returns only matching available entities, and the index follows binds, releases and state changes", () => {
    const table = filledTable(40);
    const random = new SeededRandom(3);
    const loggedIn: Condition[] = [{ field: 'is_logged_in', op: 'is', value: true }];
    // builds the index while nobody is logged in
    expect(table.sample(loggedIn, random)).toBeUndefined();
    // log in every 4th user the way the engine does: bind, change, release
    for (let i = 0; i < 40; i += 4) {
      const record = table.get(`u${i}`)!;
      table.bind(record, 'login:1', T + i);
      table.mutate(record, { is_logged_in: true }, T + i);
      table.release(record, T + i + 1);
    }
    // hold two of the logged-in users
    table.bind(table.get('u0')!, 'shop:1', T + 100);
    table.bind(table.get('u4')!, 'shop:2', T + 100);
    const seen = new Map<unknown, number>();
    for (let i = 0; i < 4000; i++) {
      const pick = table.sample(loggedIn, random)!;
      expect(pick.is_logged_in).toBe(true);
      expect(pick.flow_name).toBeNull();
      seen.set(pick.user_id, (seen.get(pick.user_id) ?? 0) + 1);
    }
    // eight eligible users, each ≈ 500 times (sigma ≈ 21)
    expect([...seen.keys()].sort()).toEqual(['u12', 'u16', 'u20', 'u24', 'u28', 'u32', 'u36', 'u8']);
    for (const count of seen.values()) expect(Math.abs(count - 500)).toBeLessThan(100);
    // the negated condition sees only the other available users
    for (let i = 0; i < 200; i++) {
      const pick = table.sample([{ field: 'is_logged_in', op: 'is', value: false }], random)!;
      expect(Number(String(pick.user_id).slice(1)) % 4).not.toBe(0);
    }
  });

  it('combines several conditions and uses greater_than / less_than without an index', () => {
    const table = filledTable(30);
    for (let i = 0; i < 30; i++) {
      const record = table.get(`u${i}`)!;
      table.bind(record, 'set:1', T + 1);
      table.mutate(record, { total_orders: i, tier: i % 2 === 0 ? 'pro' : 'free' }, T + 1);
      table.release(record, T + 2);
    }
    const random = new SeededRandom(4);
    const conditions: Condition[] = [
      { field: 'tier', op: 'is', value: 'pro' },
      { field: 'total_orders', op: 'greater_than', value: 20 },
      { field: 'total_orders', op: 'less_than', value: 28 },
    ];
    const seen = new Set<unknown>();
    for (let i = 0; i < 600; i++) {
      const pick = table.sample(conditions, random)!;
      expect(matches(pick, conditions)).toBe(true);
      seen.add(pick.user_id);
    }
    expect([...seen].sort()).toEqual(['u22', 'u24', 'u26']);
    // a rare match still found by the scan after random tries miss
    const rare: Condition[] = [{ field: 'total_orders', op: 'greater_than', value: 28 }];
    for (let i = 0; i < 20; i++) expect(table.sample(rare, random)!.user_id).toBe('u29');
    expect(table.sample([{ field: 'total_orders', op: 'less_than', value: 0 }], random)).toBeUndefined();
    // is_not
    for (let i = 0; i < 50; i++) expect(table.sample([{ field: 'tier', op: 'is_not', value: 'pro' }], random)!.tier).toBe('free');
  });

  it("keeps a set per flow filter with a condition other than 'is', which follows binds, releases and state changes", () => {
    const table = filledTable(2000, false);
    const random = new SeededRandom(6);
    const busy: Condition[] = [{ field: 'is_logged_in', op: 'is', value: false }, { field: 'total_orders', op: 'greater_than', value: 5 }];
    expect(table.sampleForFilter(busy, random)).toBeUndefined();
    // Give 6 users orders the way the engine does: bind, change, release. u3 logs in too.
    const withOrders = ['u3', 'u500', 'u999', 'u1200', 'u1500', 'u1999'];
    for (const key of withOrders) {
      const record = table.get(key)!;
      table.bind(record, 'order:1', T + 1);
      table.mutate(record, { total_orders: 9, is_logged_in: key === 'u3' }, T + 1);
      table.release(record, T + 2);
    }
    // Hold u500: a held entity is never picked.
    table.bind(table.get('u500')!, 'shop:1', T + 3);
    const counts = new Map<unknown, number>();
    for (let i = 0; i < 4000; i++) {
      const pick = table.sampleForFilter(busy, random)!;
      expect(matches(pick, busy)).toBe(true);
      counts.set(pick.user_id, (counts.get(pick.user_id) ?? 0) + 1);
    }
    // Four eligible users, each ≈ 1000 times (sigma ≈ 27).
    expect([...counts.keys()].sort()).toEqual(['u1200', 'u1500', 'u1999', 'u999']);
    for (const count of counts.values()) expect(Math.abs(count - 1000)).toBeLessThan(130);
    // A pick is one draw from the filter's set: no random tries, no scan.
    const twin = new SeededRandom(99);
    const mine = new SeededRandom(99);
    table.sampleForFilter(busy, mine);
    twin.next();
    expect(mine.next()).toBe(twin.next());
    // Another flow's filter with the same conditions (another array) agrees, as does an in-flow sample.
    const same: Condition[] = busy.map((c) => ({ ...c }));
    for (let i = 0; i < 50; i++) expect(['u999', 'u1200', 'u1500', 'u1999']).toContain(table.sampleForFilter(same, random)!.user_id);
    for (let i = 0; i < 50; i++) expect(['u999', 'u1200', 'u1500', 'u1999']).toContain(table.sample(busy, random)!.user_id);
    // A user whose orders drop below the bound while held leaves the set on release; u500 rejoins it.
    const record = table.get('u999')!;
    table.bind(record, 'refund:1', T + 4);
    table.mutate(record, { total_orders: 1 }, T + 4);
    table.release(record, T + 5);
    table.release(table.get('u500')!, T + 5);
    const after = new Set<unknown>();
    for (let i = 0; i < 400; i++) after.add(table.sampleForFilter(busy, random)!.user_id);
    expect([...after].sort()).toEqual(['u1200', 'u1500', 'u1999', 'u500']);
    // Nobody left: undefined at once.
    for (const key of ['u1200', 'u1500', 'u1999', 'u500']) table.bind(table.get(key)!, 'hold:1', T + 6);
    expect(table.sampleForFilter(busy, random)).toBeUndefined();
  });

  it('gives equal in-flow conditions a set once they have ended in a scan twice, for a few of them per entity type', () => {
    const table = filledTable(500, false);
    for (const key of ['u10', 'u20', 'u30']) {
      const record = table.get(key)!;
      table.bind(record, 'order:1', T + 1);
      table.mutate(record, { total_orders: 7 }, T + 1);
      table.release(record, T + 2);
    }
    /** Draws a sample consumed, by replaying the same stream. */
    const drawsOf = (conditions: Condition[]): { key: unknown; draws: number } => {
      const random = new SeededRandom(11);
      const key = table.sample(conditions, random)?.user_id;
      const replay = new SeededRandom(11);
      const next = random.next();
      let draws = 0;
      while (replay.next() !== next) draws++;
      return { key, draws };
    };
    // Each in-flow Select makes its conditions anew: equal content, other objects.
    const busy = (bound: number): Condition[] => [{ field: 'total_orders', op: 'greater_than', value: bound }];
    expect(drawsOf(busy(5)).draws).toBeGreaterThan(16);
    expect(drawsOf(busy(5)).draws).toBeGreaterThan(16);
    // The second scan made a set: one draw from now on, and still only matches.
    for (let i = 0; i < 20; i++) {
      const { key, draws } = drawsOf(busy(5));
      expect(draws).toBe(1);
      expect(['u10', 'u20', 'u30']).toContain(key);
    }
    // The set follows a release: u40 joins it.
    const u40 = table.get('u40')!;
    table.bind(u40, 'order:2', T + 3);
    table.mutate(u40, { total_orders: 9 }, T + 3);
    table.release(u40, T + 4);
    const seen = new Set<unknown>();
    const random = new SeededRandom(12);
    for (let i = 0; i < 400; i++) seen.add(table.sample(busy(5), random)!.user_id);
    expect([...seen].sort()).toEqual(['u10', 'u20', 'u30', 'u40']);
    // At most 8 per entity type: 7 more bounds get sets, the next one keeps scanning.
    for (const bound of [0, 1, 2, 3, 4, 6, 8]) {
      drawsOf(busy(bound));
      drawsOf(busy(bound));
      expect(drawsOf(busy(bound)).draws).toBe(1);
    }
    drawsOf(busy(7));
    drawsOf(busy(7));
    expect(drawsOf(busy(7))).toEqual({ key: 'u40', draws: 17 });
  });

  it('keeps no set for a filter that compares an object value, which is compared by reference', () => {
    const table = filledTable(3, false);
    const random = new SeededRandom(7);
    const tagged = table.get('u1')!;
    const tag = { team: 'a' };
    table.bind(tagged, 'tag:1', T + 1);
    table.mutate(tagged, { meta: tag }, T + 1);
    table.release(tagged, T + 2);
    const notTag: Condition[] = [{ field: 'meta', op: 'is_not', value: tag }];
    const notAnEqualObject: Condition[] = [{ field: 'meta', op: 'is_not', value: { team: 'a' } }];
    for (let i = 0; i < 100; i++) expect(table.sampleForFilter(notTag, random)!.user_id).not.toBe('u1');
    const picked = new Set<unknown>();
    for (let i = 0; i < 300; i++) picked.add(table.sampleForFilter(notAnEqualObject, random)!.user_id);
    expect([...picked].sort()).toEqual(['u0', 'u1', 'u2']);
  });

  it('samples uniformly among available entities without conditions', () => {
    const table = filledTable(5);
    const random = new SeededRandom(5);
    const counts = new Map<unknown, number>();
    for (let i = 0; i < 5000; i++) {
      const key = table.sample([], random)!.user_id;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(5);
    // 1000 each, sigma ≈ 28
    for (const count of counts.values()) expect(Math.abs(count - 1000)).toBeLessThan(120);
  });
});

describe('matches', () => {
  it('implements is, is_not, greater_than and less_than', () => {
    const state = { a: 1, b: 'x', c: null };
    expect(matches(state, [])).toBe(true);
    expect(matches(state, [{ field: 'a', op: 'is', value: 1 }])).toBe(true);
    expect(matches(state, [{ field: 'a', op: 'is_not', value: 1 }])).toBe(false);
    expect(matches(state, [{ field: 'c', op: 'is', value: null }])).toBe(true);
    expect(matches(state, [{ field: 'a', op: 'greater_than', value: 0 }, { field: 'a', op: 'less_than', value: 2 }])).toBe(true);
    expect(matches(state, [{ field: 'a', op: 'greater_than', value: 1 }])).toBe(false);
    expect(matches(state, [{ field: 'c', op: 'greater_than', value: -1 }])).toBe(false);
    // null is not a number: it is neither greater nor less than anything (JS says null < 5)
    expect(matches(state, [{ field: 'c', op: 'less_than', value: 5 }])).toBe(false);
  });
});
