/**
 * The engine's one priority queue, ordered by (time, seq). seq breaks ties so same-time items
 * run first-in-first-out and every run is deterministic.
 *
 * Most items are flows resuming after an AddDecay: pushed at the current time plus the
 * decay's delay. Items pushed with the same delay arrive in (time, seq) order, so each such
 * lane is a FIFO, and the next item is the earliest of a few lane heads and the heap's top.
 * A binary heap of every waiting flow spent most of its time comparing items while sifting
 * (about 5% of a quick-start run).
 */
export interface QueueItem {
  time: number;
  seq: number;
}

/** Items of one lane, in order, from `head` on (slots before it are cleared). */
interface Lane<T> {
  readonly key: number;
  items: (T | undefined)[];
  head: number;
}

/** Lanes kept at most: items of further lanes go to the heap. */
const MAX_LANES = 8;
/** Consumed slots at the front of a lane tolerated before they are dropped. */
const MAX_LANE_HEAD = 4096;

export class EventQueue<T extends QueueItem> {
  private readonly heap: T[] = [];
  private readonly lanes: Lane<T>[] = [];
  private count = 0;
  private nextSeq = 0;
  /** peek's answer and where it came from (-1: the heap), until the queue changes. */
  private peeked: T | undefined = undefined;
  private peekedLane = -1;

  get size(): number {
    return this.count;
  }

  /**
   * Adds an item; its seq is assigned here. Items given the same `lane` (a number, e.g. a
   * delay) are kept in a FIFO while each comes no earlier than the one before; any other
   * item goes to the heap. Either way the order is (time, seq).
   */
  push(item: T, lane?: number): void {
    item.seq = this.nextSeq++;
    this.count++;
    this.peeked = undefined;
    if (lane !== undefined) {
      const fifo = this.laneFor(lane);
      if (fifo !== undefined) {
        const items = fifo.items;
        if (fifo.head === items.length || items[items.length - 1]!.time <= item.time) {
          items.push(item);
          return;
        }
      }
    }
    const heap = this.heap;
    let i = heap.length;
    heap.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(item, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = item;
  }

  peek(): T | undefined {
    if (this.peeked !== undefined) return this.peeked;
    let best = this.heap[0];
    let from = -1;
    const lanes = this.lanes;
    for (let l = 0; l < lanes.length; l++) {
      const lane = lanes[l]!;
      if (lane.head === lane.items.length) continue;
      const head = lane.items[lane.head]!;
      if (best === undefined || before(head, best)) {
        best = head;
        from = l;
      }
    }
    this.peeked = best;
    this.peekedLane = from;
    return best;
  }

  pop(): T | undefined {
    const top = this.peek();
    if (top === undefined) return undefined;
    this.count--;
    this.peeked = undefined;
    if (this.peekedLane < 0) this.popHeap();
    else this.popLane(this.lanes[this.peekedLane]!);
    return top;
  }

  private laneFor(key: number): Lane<T> | undefined {
    const lanes = this.lanes;
    for (let l = 0; l < lanes.length; l++) if (lanes[l]!.key === key) return lanes[l];
    if (lanes.length === MAX_LANES) return undefined;
    const lane: Lane<T> = { key, items: [], head: 0 };
    lanes.push(lane);
    return lane;
  }

  private popLane(lane: Lane<T>): void {
    const items = lane.items;
    items[lane.head++] = undefined;
    if (lane.head === items.length) {
      items.length = 0;
      lane.head = 0;
    } else if (lane.head >= MAX_LANE_HEAD && lane.head * 2 >= items.length) {
      lane.items = items.slice(lane.head);
      lane.head = 0;
    }
  }

  private popHeap(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (heap.length === 0 || last === undefined) return;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && before(heap[right]!, heap[left]!) ? right : left;
      if (!before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
  }
}

function before(a: QueueItem, b: QueueItem): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
