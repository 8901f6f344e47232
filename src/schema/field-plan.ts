import { DeepFakerError, ProblemList, describeValue } from '../errors.js';
import { createFaker, resolveFaker, type FakeContext, type ValueGenerator, type FakerParams } from '../fakers/index.js';
import { SeededRandom } from '../util/seeded-random.js';
import { closestName } from '../util/suggest.js';
import type { FieldDef } from './field.js';
import { isInvalid, normalizeValue, toStoredValue } from './field-values.js';

/** A field checked at definition time and ready for the per-event path. */
export interface ResolvedField {
  readonly name: string;
  readonly def: FieldDef;
  /** The field's faker, resolved once; undefined when it has none. */
  readonly generate: ValueGenerator | undefined;
  /** The default in stored form; undefined when there is none (null is a default). */
  readonly defaultValue: unknown;
  /** 'Owner.field' (its event or entity): the run counters' key when the field is auto-filled. */
  readonly autoFillKey: string;
  /** A number of its own among the fields resolved in this process, by which runs count its auto-fills. */
  readonly autoFillSlot: number;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** The next field's autoFillSlot. */
let nextAutoFillSlot = 0;
const RESERVED = new Set(['event_type', 'flow_name']);
/** A field's own options; every other option is a parameter of its faker. */
const FIELD_OWN_KEYS: ReadonlySet<string> = new Set(['faker', 'default', 'primaryKey', 'nullable', 'optional', 'description', 'fromField', 'params']);
/** Resolves every field of `owner` (an event or entity name), collecting all problems into `problems`. */
export function resolveFields(owner: string, where: string, fields: Record<string, FieldDef>, problems: ProblemList): ResolvedField[] {
  const out: ResolvedField[] = [];
  for (const [name, def] of Object.entries(fields)) {
    const at = `${where}, field ${name}`;
    if (!def || typeof def !== 'object' || typeof def.kind !== 'string') {
      problems.add(`${at}: expected a Field (e.g. Field.string()), got ${typeof def}. Declare it with Field.* or StateField.*.`);
      continue;
    }
    const misplaced = misplacedOption(def, at);
    if (misplaced !== undefined) problems.add(misplaced);
    for (const flag of ['nullable', 'optional', 'primaryKey'] as const) {
      const value = def.options[flag];
      if (value !== undefined && typeof value !== 'boolean') problems.add(`${at}: ${flag} must be true or false, got ${describeValue(value)}.`);
    }
    if (!NAME.test(name)) problems.add(`${at}: "${name}" is not a valid field name. Use letters, digits and _.`);
    // JavaScript gives this name to every object's prototype: as a field it would vanish or corrupt records.
    if (name === '__proto__') problems.add(`${at}: "__proto__" cannot be a field name. Rename the field.`);
    if (name.startsWith('sys__') || RESERVED.has(name)) {
      problems.add(`${at}: "${name}" is reserved for system fields. Rename the field.`);
    }
    let generate: ValueGenerator | undefined;
    const faker = def.options.faker;
    if (faker !== undefined && misplaced === undefined) {
      try {
        generate = resolveFaker(faker, fakerParams(def), at);
        if (typeof faker === 'function') generate = checkedValues(generate, def, at);
        else checkKind(generate, def, faker, at, problems);
      } catch (error) {
        problems.add((error as Error).message);
      }
    }
    let defaultValue: unknown;
    if (def.options.default !== undefined) {
      const checked = normalizeValue(def, def.options.default);
      if ('error' in checked) problems.add(`${at}: default ${checked.error}. Fix the default.`);
      else defaultValue = checked.value;
    }
    if (def.kind === 'enum' && (!Array.isArray(def.values) || def.values.length === 0 || !def.values.every((v) => typeof v === 'string'))) {
      problems.add(`${at}: an enum needs a list of string values, got ${describeValue(def.values)}. Use Field.enum(['a', 'b']).`);
    }
    out.push({ name, def, generate, defaultValue, autoFillKey: `${owner}.${name}`, autoFillSlot: nextAutoFillSlot++ });
  }
  return out;
}

/**
 * A user's faker function may return anything: its values are checked against the field and
 * stored in their normal form (a Date becomes an ISO string), as explicit values are.
 */
function checkedValues(generate: ValueGenerator, def: FieldDef, at: string): ValueGenerator {
  return (ctx) => {
    const stored = toStoredValue(def, generate(ctx));
    if (isInvalid(stored)) {
      throw new DeepFakerError('E_BAD_VALUE', `${at}: the faker function's value does not fit the field: ${stored.reason}. Return a value of kind ${def.kind}${def.required ? '' : ' or null'}.`);
    }
    return stored;
  };
}

let sampleContext: FakeContext | undefined;

/**
 * A built-in faker must produce values of the field's kind (random_int on a string field is a
 * mistake): one sample from a scratch stream, drawn here so the per-event path checks nothing.
 */
function checkKind(generate: ValueGenerator, def: FieldDef, name: string, at: string, problems: ProblemList): void {
  if (sampleContext === undefined) {
    const random = new SeededRandom('definition-check');
    sampleContext = { random, faker: createFaker(random), now: Date.UTC(2025, 0, 1) };
  }
  let sample: unknown;
  try {
    sample = generate(sampleContext);
  } catch {
    return; // Fakers whose bounds depend on the clock are checked when they run.
  }
  const checked = normalizeValue(def, sample);
  if ('error' in checked) {
    problems.add(`${at}: faker "${name}" makes values that do not fit a ${def.kind} field (${checked.error}). Use a faker of this kind or change the field's kind.`);
  }
}

/**
 * Options that are neither the field's own nor usable: a misspelt own option (primary_key),
 * or faker parameters on a field without a faker. The faker checks its own parameters.
 */
function misplacedOption(def: FieldDef, at: string): string | undefined {
  for (const key in def.options) {
    if (FIELD_OWN_KEYS.has(key)) continue;
    const meant = closestName(key, FIELD_OWN_KEYS);
    if (meant !== undefined) return `${at}: unknown option "${key}". Did you mean "${meant}"?`;
    if (def.options.faker === undefined) {
      return `${at}: option "${key}" is a faker parameter, but the field has no faker. Add faker: '...' or remove it.`;
    }
  }
  return undefined;
}

/** Everything but the field's own options goes to the faker, merged with `params`. */
function fakerParams(def: FieldDef): FakerParams {
  const params: FakerParams = { ...(def.options.params ?? {}) };
  const options = def.options as Record<string, unknown>;
  for (const key in options) {
    if (!FIELD_OWN_KEYS.has(key) && options[key] !== undefined) params[key] = options[key];
  }
  return params;
}
