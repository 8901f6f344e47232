/**
 * Per-entity numbers (when its state began, its position in each availability set) kept in
 * one typed array, row by row: binding or releasing an entity reads and writes all of its
 * numbers in one cache line, where a column per number took a cache miss each with a million
 * entities. Not fields of the record: a timestamp field is a boxed number and a positions
 * array is two more objects, so a million entities would carry millions of small objects for
 * the GC to trace.
 */
export class RowColumns {
  /** Row r's column c is values[r * stride + c]. */
  private values = new Float64Array(0);
  private stride = 0;
  /** Rows there is room for. */
  private capacity = 0;

  get(row: number, column: number): number {
    return this.values[row * this.stride + column]!;
  }

  set(row: number, column: number, value: number): void {
    this.values[row * this.stride + column] = value;
  }

  /** Adds a column, 0 in every row; returns its index. */
  addColumn(): number {
    const column = this.stride;
    const stride = this.stride + 1;
    if (this.capacity > 0) {
      const wider = new Float64Array(this.capacity * stride);
      for (let row = 0; row < this.capacity; row++) {
        for (let c = 0; c < this.stride; c++) wider[row * stride + c] = this.values[row * this.stride + c]!;
      }
      this.values = wider;
    }
    this.stride = stride;
    return column;
  }

  /** Room for at least `rows` rows (doubling, so appends stay O(1)). */
  ensureRows(rows: number): void {
    if (rows > this.capacity) this.grow(Math.max(1024, rows * 2));
  }

  /** Room for exactly `rows` rows when there is less: as many as will come, known ahead. */
  reserveRows(rows: number): void {
    if (rows > this.capacity) this.grow(rows);
  }

  private grow(capacity: number): void {
    this.capacity = capacity;
    const grown = new Float64Array(this.capacity * this.stride);
    grown.set(this.values);
    this.values = grown;
  }
}
