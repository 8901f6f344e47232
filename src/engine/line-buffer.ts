/**
 * JSON lines gathered as UTF-8 bytes: lines copied in from worker batches, taken out as whole
 * batches. Taking everything hands over the buffer itself; the next lines go to a new one.
 */
export class LineBuffer {
  private bytes = Buffer.allocUnsafeSlow(1 << 18);
  private length = 0;
  /** Where each line ends in `bytes`, its '\n' excluded. */
  private ends: number[] = [];

  get count(): number {
    return this.ends.length;
  }

  /** Appends bytes [start, end) of `source`: one line, its '\n' included. */
  push(source: Buffer, start: number, end: number): void {
    const length = this.length + end - start;
    if (length > this.bytes.length) this.grow(length);
    source.copy(this.bytes, this.length, start, end);
    this.length = length;
    this.ends.push(length - 1);
  }

  /** Removes the first `count` lines and returns them. */
  take(count: number): { bytes: Buffer; ends: Uint32Array } {
    if (count === this.ends.length) {
      const taken = { bytes: this.bytes.subarray(0, this.length), ends: Uint32Array.from(this.ends) };
      this.bytes = Buffer.allocUnsafeSlow(this.bytes.length);
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

  private grow(atLeast: number): void {
    const grown = Buffer.allocUnsafeSlow(Math.max(atLeast, this.bytes.length * 2));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }
}
