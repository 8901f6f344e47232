/**
 * Records of one layout (an event type, an entity type's state): the caller puts a record's
 * values in `values`, in the keys' order, and `build` makes the record, every field in the
 * object itself. A literal grown field by field keeps all but its first field in a separate
 * property array, reallocated as it grows: three garbage arrays per event.
 *
 * `build` and `copy` are functions of their own per layout, made from text, each returning an
 * object literal. Code shared by every layout (copying a template or `{ ...record }`, then a
 * store per field by name) sees every layout's shape at the same sites: with two or more
 * shapes they turn polymorphic, and the copy alone took 120-170 ns a record against 20-30 ns
 * for a literal (micro-benchmarks); with the stores, 120-160 ns against 45 ns for 4 layouts.
 * Where code cannot be made from text (a runtime started with
 * --disallow-code-generation-from-strings), or a key is __proto__ (which a literal would read
 * as the prototype), the shared code is used.
 *
 * `slots`: symbols that `build` gives every record too, each -1, for its owner's own numbers
 * (an entity's row): in the literal they sit in the object itself, where a property added
 * later would go to a separate array. `copy` leaves them out.
 */
export class RecordLayout {
  /**
   * Where the next record's values go, one per key, before build(values). Reused: entity
   * records are made from it; an event's values go in a new array (see loopBuilder in engine/event-factory.ts).
   */
  readonly values: unknown[];
  /** A new record with `values[i]` under `keys[i]`. */
  readonly build: (values: readonly unknown[]) => Record<string, unknown>;
  /** A new record with the keys and values of `record`, one of this layout. */
  readonly copy: (record: Record<string, unknown>) => Record<string, unknown>;
  /** Where each key's value goes in `values` (its first place). */
  private readonly positions = new Map<string, number>();

  /** `keys` in the order a record's fields are written: JSON output follows it. */
  constructor(readonly keys: readonly string[], slots: readonly symbol[] = []) {
    this.values = keys.map(() => null);
    const literal = (read: (key: string, i: number) => string, withSlots: boolean) => {
      const fields = keys.map((key, i) => `${JSON.stringify(key)}:${read(key, i)}`);
      if (withSlots) fields.push(...slots.map((_, i) => `[slots[${i}]]:-1`));
      return `return {${fields.join(',')}};`;
    };
    this.build = literalFunction<RecordLayout['build']>(keys, 'values', literal((_, i) => `values[${i}]`, true), slots) ?? templateBuilder(keys, slots);
    this.copy = literalFunction<RecordLayout['copy']>(keys, 'record', literal((key) => `record[${JSON.stringify(key)}]`, false), slots) ?? copyNamed(keys);
    keys.forEach((key, i) => {
      if (!this.positions.has(key)) this.positions.set(key, i);
    });
  }

  /**
   * The position of `key` in `values`, or undefined when the layout has no such key. Layouts of
   * a few keys are scanned: a Map lookup hashes the name (about 20 ns), while the names a caller
   * passes are nearly always the layout's own strings (its literals' property names), which
   * compare as equal by identity first.
   */
  positionOf(key: string): number | undefined {
    const keys = this.keys;
    if (keys.length > SCANNED_KEYS) return this.positions.get(key);
    for (let i = 0; i < keys.length; i++) if (keys[i] === key) return i;
    return undefined;
  }
}

/** Layouts with at most this many keys find a key's position by a scan (see positionOf). */
const SCANNED_KEYS = 16;

/**
 * A function of `parameter` with `body` (which may read `slots`), or undefined where it
 * cannot be made. Keys are written as JSON strings, which are JavaScript string literals too:
 * no key can become code.
 */
function literalFunction<F>(keys: readonly string[], parameter: string, body: string, slots: readonly symbol[]): F | undefined {
  if (keys.includes('__proto__')) return undefined;
  try {
    return new Function('slots', `return function (${parameter}) { ${body} };`)(slots) as F;
  } catch {
    return undefined;
  }
}

/**
 * Records made from a template by JSON.parse (which puts every field in the object itself,
 * and a `__proto__` key as a field), copied, filled by `read` and given the slots.
 */
function templateRecords<A>(keys: readonly string[], slots: readonly symbol[], read: (from: A, key: string, i: number) => unknown): (from: A) => Record<string, unknown> {
  const template = JSON.parse(`{${keys.map((key) => `${JSON.stringify(key)}:null`).join(',')}}`) as Record<string, unknown>;
  return (from) => {
    const record: Record<string | symbol, unknown> = { ...template };
    for (let i = 0; i < keys.length; i++) record[keys[i]!] = read(from, keys[i]!, i);
    for (const slot of slots) record[slot] = -1;
    return record as Record<string, unknown>;
  };
}

/** Builds records without code made from text. */
function templateBuilder(keys: readonly string[], slots: readonly symbol[]): RecordLayout['build'] {
  return templateRecords<readonly unknown[]>(keys, slots, (values, _, i) => values[i]);
}

/** Copies a record's named fields without code made from text, slots left out. */
function copyNamed(keys: readonly string[]): RecordLayout['copy'] {
  return templateRecords<Record<string, unknown>>(keys, [], (record, key) => record[key]);
}
