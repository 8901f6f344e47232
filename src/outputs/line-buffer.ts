const NEWLINE = 10;
const EMPTY = Buffer.alloc(0);
/** A guess at an event's JSON size, for a first buffer that rarely has to grow. */
const TYPICAL_LINE_BYTES = 256;
/** Line ends a buffer starts with room for (it grows). */
const FIRST_LINES = 1024;
/** Spare buffers kept at most: as many as batches a worker may have in flight, and some. */
const MAX_SPARES = 16;

/**
 * JSON lines gathered as UTF-8 bytes, one line at a time, taken out as whole batches. Each
 * line is encoded straight into the buffer: building one long string first (by joining or
 * concatenating) and encoding it costs about ten times as much. Taking everything hands over
 * the buffer itself (its ArrayBuffer can move to another thread); the next line goes to a new
 * one, made (or taken from the recycled ones) only when that line comes.
 */
export class LineBuffer {
  private bytes: Buffer = EMPTY;
  private length = 0;
  /** Buffers to fill next instead of allocating (see recycle). */
  private readonly spares: Buffer[] = [];
  /** Where each line ends in `bytes`, its '\n' excluded (the first `lines` entries). */
  private ends = new Uint32Array(FIRST_LINES);
  private lines = 0;
  /** The last boundary pushJsonArray searched bytes for, and its UTF-8 (see bytesOf). */
  private boundaryText = '';
  private boundaryBytes: Uint8Array = EMPTY;

  /** `capacity`: the bytes a buffer starts with; it grows (and stays grown) for larger batches. */
  constructor(private capacity: number) {}

  /** A buffer sized for batches of `lines` events of a typical width. */
  static forLines(lines: number): LineBuffer {
    return new LineBuffer(Math.max(64, lines * TYPICAL_LINE_BYTES));
  }

  get count(): number {
    return this.lines;
  }

  /** Appends `line` (one JSON text, no newline) and its '\n'. */
  pushText(line: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    const room = this.length + line.length * 3 + 1;
    if (room > this.bytes.length) this.makeRoom(room);
    this.length += this.bytes.write(line, this.length, 'utf8');
    this.roomForLines(1);
    this.ends[this.lines++] = this.length;
    this.bytes[this.length++] = NEWLINE;
  }

  /**
   * Appends the `count` elements of `arrayText` (a JSON array) as lines. `boundary` is text
   * whose second character is the ',' between two elements, found where one element ends and
   * the next begins and nowhere else in the array. False, with nothing appended, when fewer
   * than count - 1 boundaries are found.
   */
  pushJsonArray(arrayText: string, count: number, boundary: string): boolean {
    const room = this.length + arrayText.length * 3;
    if (room > this.bytes.length) this.makeRoom(room);
    this.roomForLines(count);
    const bytes = this.bytes;
    const start = this.length;
    const written = bytes.write(arrayText, start, 'utf8');
    // '[' e1 ',' e2 ... ']' becomes e1 '\n' e2 ... '\n': one byte to the left, same length.
    const end = start + written - 1;
    bytes.copyWithin(start, start + 1, end);
    bytes[end - 1] = NEWLINE;
    // The array holds count - 1 boundaries and nothing else matches: count - 1 found means
    // every one was. As many bytes as characters means every character is ASCII: character
    // i is then byte start + i - 1 (after the shift), and the text, flattened by the write,
    // is searched instead of the bytes (35 against 100 ns an event: Buffer.indexOf is a call
    // into C++ per boundary).
    const found = written === arrayText.length
      ? this.splitAsciiArray(arrayText, count, boundary, start - 1)
      : this.splitArrayBytes(end, count, this.bytesOf(boundary), start);
    if (!found) return false;
    this.ends[this.lines + count - 1] = end - 1;
    this.lines += count;
    this.length = end;
    return true;
  }

  /** `boundary` as UTF-8, encoded once while the same boundary comes (arrays with non-ASCII text). */
  private bytesOf(boundary: string): Uint8Array {
    if (boundary !== this.boundaryText) {
      this.boundaryText = boundary;
      this.boundaryBytes = Buffer.from(boundary);
    }
    return this.boundaryBytes;
  }

  /** Marks the element ends of an all-ASCII array whose character i is byte i + shift. */
  private splitAsciiArray(arrayText: string, count: number, boundary: string, shift: number): boolean {
    const bytes = this.bytes;
    let line = this.lines;
    let at = 0;
    for (let i = 1; i < count; i++) {
      const found = arrayText.indexOf(boundary, at);
      if (found < 0) return false;
      bytes[found + 1 + shift] = NEWLINE;
      this.ends[line++] = found + 1 + shift;
      at = found + 2;
    }
    return true;
  }

  /** Marks the element ends of an array's bytes, shifted to [start, end). */
  private splitArrayBytes(end: number, count: number, boundary: Uint8Array, start: number): boolean {
    const bytes = this.bytes;
    // Searched in a view that ends with these lines: a reused buffer holds older ones after them.
    const text = bytes.subarray(0, end);
    let line = this.lines;
    let at = start;
    for (let i = 1; i < count; i++) {
      const found = text.indexOf(boundary, at);
      if (found < 0) return false;
      bytes[found + 1] = NEWLINE;
      this.ends[line++] = found + 1;
      at = found + 2;
    }
    return true;
  }

  /**
   * Appends lines [from, to) of `source`, whose line i ends at `ends[i]` ('\n' excluded), with
   * one copy: consecutive lines of one source are one byte range.
   */
  pushLines(source: Uint8Array, ends: Uint32Array, from: number, to: number): void {
    const start = from === 0 ? 0 : ends[from - 1]! + 1;
    const end = ends[to - 1]! + 1;
    const base = this.length - start;
    const size = end - start;
    if (this.length + size > this.bytes.length) this.makeRoom(this.length + size);
    // A view per run is garbage, but a copy loop in JS costs about 1.5 ns a byte where the
    // native copy costs 70 ns a call: most runs are a line or two of 200 bytes or more.
    this.bytes.set(source.subarray(start, end), this.length);
    this.length += size;
    this.roomForLines(to - from);
    for (let i = from; i < to; i++) this.ends[this.lines++] = base + ends[i]!;
  }

  /** Removes the first `count` lines and returns them. */
  take(count = this.lines): { bytes: Buffer; ends: Uint32Array<ArrayBuffer> } {
    const ends = this.ends.slice(0, count);
    if (count === this.lines) {
      const taken = { bytes: this.bytes.subarray(0, this.length), ends };
      this.bytes = EMPTY;
      this.length = 0;
      this.lines = 0;
      return taken;
    }
    // Part of the lines (live mode sends those that are due): copy them out, keep the rest.
    const cut = ends[count - 1]! + 1;
    // A buffer of its own, never a slice of Node's shared pool: it may be recycled.
    const copy = Buffer.allocUnsafeSlow(cut);
    this.bytes.copy(copy, 0, 0, cut);
    const taken = { bytes: copy, ends };
    this.bytes.copyWithin(0, cut, this.length);
    this.length -= cut;
    this.ends.copyWithin(0, count, this.lines);
    this.lines -= count;
    for (let i = 0; i < this.lines; i++) this.ends[i] -= cut;
    return taken;
  }

  /** Line ends are kept in a typed array: a number array boxed them once they grew large. */
  private roomForLines(more: number): void {
    if (this.lines + more <= this.ends.length) return;
    const grown = new Uint32Array(Math.max(this.lines + more, this.ends.length * 2));
    grown.set(this.ends.subarray(0, this.lines));
    this.ends = grown;
  }

  /**
   * Offers a buffer taken earlier, now unused, for the next lines: allocating a fresh one per
   * batch makes V8 run full collections for the external memory alone.
   */
  recycle(spare: ArrayBuffer): void {
    if (spare.byteLength >= this.capacity && this.spares.length < MAX_SPARES) this.spares.push(Buffer.from(spare));
  }

  /** A buffer of at least `size` bytes holding what was written so far. */
  private makeRoom(size: number): void {
    if (this.length === 0) {
      const spare = this.spares.pop();
      if (spare !== undefined && spare.length >= size) {
        this.bytes = spare;
        return;
      }
    }
    this.capacity = Math.max(size, this.capacity, this.bytes.length * 2);
    const grown = Buffer.allocUnsafeSlow(this.capacity);
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }
}
