/**
 * Records of one layout (an event type, an entity type's state), every field in the object
 * itself. A literal grown field by field keeps all but its first field in a separate property
 * array, reallocated as it grows: three garbage arrays per event.
 */
export class RecordLayout {
  /** A new record with every key set to null, to be filled in the keys' order. */
  readonly create: () => Record<string, unknown>;

  /** `keys` in the order a record's fields are written: JSON output follows it. */
  constructor(keys: readonly string[]) {
    this.create = literalMaker(keys) ?? templateCopier(keys);
  }
}

/**
 * A function of its own per layout that returns an object literal. One shared copy of a
 * template (`{ ...template }`) sees every layout's shape at one site: with two or more it
 * turns polymorphic and took 120-170 ns a record against 20-30 ns for a literal (5 layouts
 * as the fixed-population workload has, micro-benchmark). Undefined where code cannot be made
 * from text (a runtime started with --disallow-code-generation-from-strings) or where a key is
 * __proto__, which a literal would read as the prototype.
 */
function literalMaker(keys: readonly string[]): (() => Record<string, unknown>) | undefined {
  if (keys.includes('__proto__')) return undefined;
  // Keys are written as JSON strings, which are JavaScript string literals too: no key can
  // become code.
  const body = `return {${keys.map((key) => `${JSON.stringify(key)}:null`).join(',')}};`;
  try {
    return new Function(body) as () => Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Copies of a template made by JSON.parse, which puts every field in the object too. */
function templateCopier(keys: readonly string[]): () => Record<string, unknown> {
  const template = JSON.parse(`{${keys.map((key) => `${JSON.stringify(key)}:null`).join(',')}}`) as Record<string, unknown>;
  return () => ({ ...template });
}
