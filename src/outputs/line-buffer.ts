const NEWLINE = 10;
/** Spare buffers kept at most: as many as batches a worker may have in flight, and some. */
const MAX_SPARES = 16;

/**
 * JSON lines gathered as UTF-8 bytes, one line at a time, taken out as whole batches. Each
 * line is encoded straight into the buffer: building one long string first (by joining or
 * concatenating) and encoding it costs about ten times as much. Taking everything hands over
 * the buffer itself (its ArrayBuffer can move to another thread); the next lines go to a new one.
 */
export class LineBuffer {
  private bytes: Buffer;
  private length = 0;
  /** Buffers to fill next instead of allocating (see recycle). */
  private readonly spares: Buffer[] = [];
  /** Where each line ends in `bytes`, its '\n' excluded. */
  private ends: number[] = [];

  constructor(capacity = 1 << 18) {
    this.bytes = Buffer.allocUnsafeSlow(capacity);
  }

  get count(): number {
    return this.ends.length;
  }

  /** Appends `line` (one JSON text, no newline) and its '\n'. */
  pushText(line: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    const room = this.length + line.length * 3 + 1;
    if (room > this.bytes.length) this.grow(room);
    this.length += this.bytes.write(line, this.length, 'utf8');
    this.ends.push(this.length);
    this.bytes[this.length++] = NEWLINE;
  }

  /**
   * Appends lines [from, to) of `source`, whose line i ends at `ends[i]` ('\n' excluded), with
   * one copy: consecutive lines of one source are one byte range.
   */
  pushLines(source: Uint8Array, ends: Uint32Array, from: number, to: number): void {
    const start = from === 0 ? 0 : ends[from - 1]! + 1;
    const end = ends[to - 1]! + 1;
    const base = this.length - start;
    if (this.length + end - start > this.bytes.length) this.grow(this.length + end - start);
    this.bytes.set(source.subarray(start, end), this.length);
    this.length += end - start;
    for (let i = from; i < to; i++) this.ends.push(base + ends[i]!);
  }

  /** Removes the first `count` lines and returns them. */
  take(count = this.ends.length): { bytes: Buffer; ends: Uint32Array<ArrayBuffer> } {
    if (count === this.ends.length) {
      const taken = { bytes: this.bytes.subarray(0, this.length), ends: Uint32Array.from(this.ends) };
      this.bytes = this.spares.pop() ?? Buffer.allocUnsafeSlow(this.bytes.length);
      this.length = 0;
      this.ends = [];
      return taken;
    }
    // Part of the lines (live mode sends those that are due): copy them out, keep the rest.
    const cut = this.ends[count - 1]! + 1;
    const taken = { bytes: Buffer.from(this.bytes.subarray(0, cut)), ends: Uint32Array.from(this.ends.slice(0, count)) };
    this.bytes.copyWithin(0, cut, this.length);
    this.length -= cut;
    this.ends = this.ends.slice(count).map((end) => end - cut);
    return taken;
  }

  /**
   * Offers a buffer taken earlier, now unused, for the next lines: allocating a fresh one per
   * batch makes V8 run full collections for the external memory alone.
   */
  recycle(spare: ArrayBuffer): void {
    if (spare.byteLength >= this.bytes.length && this.spares.length < MAX_SPARES) this.spares.push(Buffer.from(spare));
  }

  private grow(atLeast: number): void {
    const grown = Buffer.allocUnsafeSlow(Math.max(atLeast, this.bytes.length * 2));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }
}
