import type { LocaleDefinition } from '@faker-js/faker';
import { compileChoice, type Pick, type WeightedEntry } from './template.js';

/** Builds one picker from a locale's tables; LocaleTables memoizes it per locale. */
export type PickBuilder = (tables: LocaleTables) => Pick;

const NUMBER_INT = /^number\.int\((.*)\)$/;

/**
 * One locale's faker-js definitions, flattened into pickers once and shared by every
 * generator and run that uses the locale. Pattern references that a builder in `refs`
 * knows ('person.lastName') use it; plain data references ('location.city_suffix') read
 * the definitions; anything else is left to faker.helpers.fake.
 */
export class LocaleTables {
  private readonly built = new Map<(tables: LocaleTables) => unknown, unknown>();

  constructor(
    readonly defs: LocaleDefinition,
    private readonly refs: Readonly<Record<string, PickBuilder>>,
    /** English tables, for data this locale lacks; undefined for English itself. */
    readonly fallback?: LocaleTables,
  ) {}

  /** What a builder makes for this locale (a picker, a flattened list), built on first use. */
  get<T>(builder: (tables: LocaleTables) => T): T {
    if (this.built.has(builder)) return this.built.get(builder) as T;
    const value = builder(this);
    this.built.set(builder, value);
    return value;
  }

  /** The definition at a dotted path ('person.first_name.female'), or undefined. */
  raw(path: string): unknown {
    let node: unknown = this.defs;
    for (const key of path.split('.')) {
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Record<string, unknown>)[key];
    }
    return node;
  }

  /** The strings at `path`; sexed lists are merged. Falls back to English when absent. */
  strings(path: string): string[] {
    const list = flattenStrings(this.raw(path));
    if (list.length > 0) return list;
    if (this.fallback !== undefined) return this.fallback.strings(path);
    throw new Error(`faker-js locale data has no strings at ${path}`);
  }

  /** A picker over the patterns or strings at `path`. */
  choice(path: string): Pick {
    const value = this.raw(path);
    const list = typeof value === 'string' ? [value] : value;
    if (isChoiceList(list) && list.length > 0) return compileChoice(list, this.resolve);
    if (this.fallback !== undefined) return this.fallback.choice(path);
    throw new Error(`faker-js locale data has no patterns at ${path}`);
  }

  /** Resolves a pattern reference to a picker, or undefined to leave it to faker-js. */
  readonly resolve = (ref: string): Pick | undefined => {
    const builder = this.refs[ref];
    if (builder !== undefined) return this.get(builder);
    const call = NUMBER_INT.exec(ref);
    if (call !== null) return numberIntPick(call[1]!);
    const value = this.raw(ref) ?? this.raw(snakeCase(ref));
    if (isChoiceList(value) && value.length > 0) return compileChoice(value, this.resolve);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const merged = flattenStrings(value);
      if (merged.length > 0) return compileChoice(merged, this.resolve);
    }
    return undefined;
  };
}

function isChoiceList(value: unknown): value is (string | WeightedEntry)[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string' || isWeighted(entry));
}

function isWeighted(entry: unknown): entry is WeightedEntry {
  return typeof entry === 'object' && entry !== null && typeof (entry as WeightedEntry).value === 'string'
    && typeof (entry as WeightedEntry).weight === 'number';
}

/** Strings of a list, or of every list in a { generic, female, male } entry, without repeats. */
export function flattenStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (value === null || typeof value !== 'object') return [];
  const seen = new Set<string>();
  for (const list of Object.values(value)) for (const item of flattenStrings(list)) seen.add(item);
  return [...seen];
}

/** 'person.jobArea' → 'person.job_area': pattern references are camelCase, data keys snake_case. */
function snakeCase(ref: string): string {
  return ref.replace(/[A-Z]/g, (char) => `_${char.toLowerCase()}`);
}

/** '{{number.int({"max": 9, "min": 1})}}' in ja street patterns, without a faker-js call. */
function numberIntPick(args: string): Pick | undefined {
  try {
    const options = args.trim() === '' ? {} : (JSON.parse(args) as { min?: number; max?: number });
    const min = options.min ?? 0;
    const max = options.max ?? Number.MAX_SAFE_INTEGER;
    return (random) => String(random.int(min, max));
  } catch {
    return undefined;
  }
}
