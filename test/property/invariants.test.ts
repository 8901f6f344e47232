/**
 * Invariants of random simulations: reproducible bytes, time order, the window, no double
 * booking, and state that equals the replay of the emitted events.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventRecord } from 'deep-faker';
import { runCollect, T0 } from '../helpers/collecting-output.js';
import { buildSim, replayUsers, simParams, User } from '../helpers/random-sim.js';

const RUNS = { numRuns: 25, seed: 20250101 };

describe('random simulations', () => {
  it('the same seed gives byte-identical JSON lines (fresh build, and a second run of the same object)', async () => {
    await fc.assert(fc.asyncProperty(simParams, async (p) => {
      const sim = buildSim(p);
      const first = await runCollect(sim);
      const again = await runCollect(sim);
      const fresh = await runCollect(buildSim(p));
      expect(again.jsonl).toBe(first.jsonl);
      expect(fresh.jsonl).toBe(first.jsonl);
      expect(first.jsonl.split('\n').length - 1).toBe(first.events.length);
      expect(first.summary.events).toBe(first.events.length);
    }), RUNS);
  });

  it('sys__ets never decreases, and every event is inside [start, end) unless drain lets flows finish', async () => {
    await fc.assert(fc.asyncProperty(simParams, async (p) => {
      const { events, summary } = await runCollect(buildSim(p));
      const end = T0 + p.durationMs;
      let last = -Infinity;
      for (const e of events) {
        expect(e.sys__ets).toBeGreaterThanOrEqual(last);
        last = e.sys__ets;
        expect(e.sys__ets).toBeGreaterThanOrEqual(T0);
        if (!p.drain) expect(e.sys__ets).toBeLessThan(end);
      }
      for (const counts of Object.values(summary.flows)) {
        expect(counts.started).toBe(counts.completed + counts.dropped + counts.cut);
        if (p.drain) expect(counts.cut).toBe(0);
      }
      // register and shop emit when they start: none of those starts lies after the end
      const firsts = new Map<string, EventRecord>();
      for (const e of events) if (!firsts.has(e.sys__sid)) firsts.set(e.sys__sid, e);
      for (const e of firsts.values()) {
        if (e.event_type === 'PropAccountCreated' || e.event_type === 'PropProductAdded') {
          expect(e.sys__ets).toBeLessThan(end);
        }
      }
    }), RUNS);
  });

  it('no entity is bound to two live flows at once (from the event stream and from sim.history)', async () => {
    await fc.assert(fc.asyncProperty(simParams, async (p) => {
      const sim = buildSim(p);
      const { events } = await runCollect(sim);
      // per user: the sessions that emitted events for it, as [first, last] intervals in stream order
      const sessions = new Map<string, { sid: string; first: number; last: number }[]>();
      for (const e of events) {
        const id = e.user_id as string;
        let list = sessions.get(id);
        if (list === undefined) sessions.set(id, (list = []));
        const current = list.at(-1);
        if (current !== undefined && current.sid === e.sys__sid) current.last = e.sys__ets;
        else {
          // a session never comes back to a user once another session had it
          expect(list.some((s) => s.sid === e.sys__sid)).toBe(false);
          if (current !== undefined) expect(e.sys__ets).toBeGreaterThanOrEqual(current.last);
          list.push({ sid: e.sys__sid, first: e.sys__ets, last: e.sys__ets });
        }
      }
      for (const [id, list] of sessions) {
        const versions = sim.history(User, id)!;
        expect(versions).toBeDefined();
        // contiguous runs of one flow_name: an owner never comes back after another
        const runs: { owner: string; from: number; to: number | null }[] = [];
        for (const v of versions) {
          const owner = v.state.flow_name;
          if (owner === null) continue;
          const previous = runs.at(-1);
          if (previous !== undefined && previous.owner === owner && previous.to === v.validFrom) previous.to = v.validTo;
          else {
            expect(runs.some((r) => r.owner === owner)).toBe(false);
            runs.push({ owner, from: v.validFrom, to: v.validTo });
          }
        }
        for (let i = 1; i < runs.length; i++) expect(runs[i]!.from).toBeGreaterThanOrEqual(runs[i - 1]!.to!);
        // each session that held the user over time shows as its owner over that time
        for (const s of list) {
          if (s.sid === 'initial_setup' || s.last === s.first) continue;
          const run = runs.find((r) => r.owner.endsWith(`:${s.sid}`));
          expect(run, `user ${id}, session ${s.sid}`).toBeDefined();
          expect(run!.from).toBeLessThanOrEqual(s.first);
          expect(run!.to).not.toBeNull();
          expect(run!.to!).toBeGreaterThanOrEqual(s.last);
        }
      }
    }), RUNS);
  });

  it('replaying the emitted events rebuilds the entity state, now and at past instants', async () => {
    await fc.assert(fc.asyncProperty(simParams, fc.double({ min: 0, max: 1, noNaN: true }), async (p, fraction) => {
      const sim = buildSim(p);
      const { events } = await runCollect(sim);
      const stateOf = (users: ReturnType<typeof sim.query<typeof User>>) =>
        new Map(users.map((u) => [u.user_id, { is_logged_in: u.is_logged_in, cart_id: u.cart_id, total_orders: u.total_orders }]));
      const final = sim.query(User);
      // every flow has ended: nobody is held
      expect(final.every((u) => u.flow_name === null)).toBe(true);
      expect(stateOf(final)).toEqual(replayUsers(events));
      const at = T0 + Math.floor(fraction * p.durationMs);
      expect(stateOf(sim.query(User, { at }))).toEqual(replayUsers(events, at));
    }), RUNS);
  });

  it('events of one type carry the fields of their schema and unique ids', async () => {
    await fc.assert(fc.asyncProperty(simParams, async (p) => {
      const { events } = await runCollect(buildSim(p));
      const ids = new Set<string>();
      for (const e of events as EventRecord[]) {
        expect(e.sys__eid).toMatch(/^[0-9A-Za-z]{12}$/);
        expect(ids.has(e.sys__eid)).toBe(false);
        ids.add(e.sys__eid);
        expect(typeof e.user_id).toBe('string');
        if (e.sys__sid === 'initial_setup') expect(e.event_type).toBe('PropAccountCreated');
        else expect(e.sys__sid).toMatch(/^[0-9A-Za-z]{8}$/);
      }
    }), { numRuns: 15, seed: 7 });
  });
});
