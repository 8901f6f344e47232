/**
 * Per-entity numbers kept in typed arrays indexed by the entity's row, not in fields of its
 * record: a timestamp field is a boxed number and a positions array is two more objects, so
 * a million entities would carry millions of small objects for the GC to trace.
 */
export class Int32Column {
  values = new Int32Array(0);
}

export class Float64Column {
  values = new Float64Array(0);
}

/** Grows every column to hold at least `rows` rows (doubling, so appends stay O(1)). */
export function ensureRows(columns: readonly (Int32Column | Float64Column)[], rows: number): void {
  for (const column of columns) {
    if (column.values.length >= rows) continue;
    const grown = new (column.values.constructor as Int32ArrayConstructor | Float64ArrayConstructor)(Math.max(1024, rows * 2));
    grown.set(column.values);
    column.values = grown;
  }
}
