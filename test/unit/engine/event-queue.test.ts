import { describe, expect, it } from 'vitest';
import { EventQueue, type QueueItem } from '../../../src/engine/event-queue.js';
import { SeededRandom } from '../../../src/util/seeded-random.js';

interface Item extends QueueItem {
  id: number;
}

const item = (time: number, id: number): Item => ({ time, seq: -1, id });

/** Adds `it` to `reference`, kept in the order the queue must pop: (time, seq). */
function addInOrder(reference: Item[], it: Item): void {
  reference.push(it);
  reference.sort((a, b) => a.time - b.time || a.seq - b.seq);
}

function drain(queue: EventQueue<Item>): Item[] {
  const out: Item[] = [];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) out.push(next);
  return out;
}

describe('EventQueue', () => {
  it('is empty at first', () => {
    const queue = new EventQueue<Item>();
    expect(queue.size).toBe(0);
    expect(queue.peek()).toBeUndefined();
    expect(queue.pop()).toBeUndefined();
  });

  it('pops in time order', () => {
    const queue = new EventQueue<Item>();
    for (const [i, t] of [50, 10, 40, 20, 30].entries()) queue.push(item(t, i));
    expect(queue.size).toBe(5);
    expect(queue.peek()!.time).toBe(10);
    expect(drain(queue).map((x) => x.time)).toEqual([10, 20, 30, 40, 50]);
    expect(queue.size).toBe(0);
  });

  it('keeps same-time items first-in-first-out (seq breaks ties)', () => {
    const queue = new EventQueue<Item>();
    for (let i = 0; i < 20; i++) queue.push(item(i % 2 === 0 ? 100 : 5, i));
    const out = drain(queue);
    expect(out.map((x) => x.id)).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
  });

  it('assigns increasing seq numbers on push', () => {
    const queue = new EventQueue<Item>();
    const a = item(1, 0);
    const b = item(1, 1);
    queue.push(a);
    queue.push(b);
    expect(b.seq).toBeGreaterThan(a.seq);
  });

  it('orders items pushed while popping (as the engine does) after earlier ones at the same time', () => {
    const queue = new EventQueue<Item>();
    queue.push(item(10, 0));
    queue.push(item(10, 1));
    expect(queue.pop()!.id).toBe(0);
    queue.push(item(10, 2));
    queue.push(item(5, 3));
    expect(drain(queue).map((x) => x.id)).toEqual([3, 1, 2]);
  });

  it('matches a sorted reference under random pushes and pops', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = new SeededRandom(seed);
      const queue = new EventQueue<Item>();
      const reference: Item[] = [];
      let id = 0;
      for (let op = 0; op < 3000; op++) {
        if (random.next() < 0.6 || reference.length === 0) {
          // few distinct times so that ties are frequent
          const it = item(random.int(0, 50), id++);
          queue.push(it);
          addInOrder(reference, it);
        } else {
          const expected = reference.shift()!;
          expect(queue.peek()).toBe(expected);
          expect(queue.pop()).toBe(expected);
        }
        expect(queue.size).toBe(reference.length);
      }
      expect(drain(queue)).toEqual(reference);
    }
  });

  it('matches a sorted reference when items come in lanes, as flows resume after their delays', () => {
    // Items are pushed at a clock that never goes back plus one of 11 delays (more than the
    // queue keeps lanes for), and some of them earlier than their lane's last item: every one
    // must still come out in (time, seq) order.
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = new SeededRandom(seed);
      const queue = new EventQueue<Item>();
      const reference: Item[] = [];
      let clock = 0;
      let id = 0;
      for (let op = 0; op < 4000; op++) {
        if (random.next() < 0.55 || reference.length === 0) {
          const delay = 10 * random.int(0, 10);
          const early = random.next() < 0.1;
          const it = item(early ? clock + random.int(0, 5) : clock + delay, id++);
          if (random.next() < 0.2) queue.push(it);
          else queue.push(it, delay);
          addInOrder(reference, it);
        } else {
          const expected = reference.shift()!;
          expect(queue.peek()).toBe(expected);
          // An earlier item pushed after a peek is the next one.
          if (random.next() < 0.1) {
            const sooner = item(expected.time - 1, id++);
            queue.push(sooner, random.next() < 0.5 ? 0 : undefined);
            expect(queue.peek()).toBe(sooner);
            expect(queue.pop()).toBe(sooner);
          }
          expect(queue.pop()).toBe(expected);
          clock = expected.time;
        }
        expect(queue.size).toBe(reference.length);
      }
      expect(drain(queue)).toEqual(reference);
    }
  });
});
