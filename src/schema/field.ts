import type { FakerFunction } from '../fakers/index.js';
import type { FieldKind } from '../outputs/output.js';

export type { FieldKind };

/** Parameters of the built-in fakers (see the faker table), written inline as in the guide. */
export interface FakerParamOptions {
  min?: number;
  max?: number;
  elements?: readonly unknown[];
  length?: number;
  text?: string;
  min_value?: number;
  max_value?: number;
  positive?: boolean;
  right_digits?: number;
  digits?: number;
  step?: number;
  chance_of_getting_true?: number;
  truth_probability?: number;
  weights?: readonly number[];
  prefix?: string;
  suffix?: string;
  prefixes?: readonly string[];
  letters?: string;
  upper?: boolean;
  nb_words?: number;
  variable_nb_words?: boolean;
  nb_sentences?: number;
  variable_nb_sentences?: boolean;
  max_nb_chars?: number;
  min_chars?: number;
  max_chars?: number;
  left_digits?: number;
  fix_len?: boolean;
  start_date?: string | number | Date;
  end_date?: string | number | Date;
  after_now?: boolean;
  before_now?: boolean;
  /** Parameters for a faker-js path, passed as its single argument. */
  params?: Record<string, unknown>;
}

/** Options shared by every field kind. `T` is the field's value type. */
export interface FieldOptions<T> extends FakerParamOptions {
  /** A name from the faker table, a faker-js path such as 'internet.email', or a function. */
  faker?: string | FakerFunction;
  /** The value used when nothing else fills the field. `null` makes the field nullable. */
  default?: T | null;
  /** The field holds the key of the entity this event creates (see defineEntity). */
  primaryKey?: boolean;
  /** The value may be null (written as null when nothing fills it). */
  nullable?: boolean;
  /** Same as nullable: the field need not be filled. */
  optional?: boolean;
  description?: string;
}

/** Options of a state field: a field option bag plus `fromField`. */
export interface StateFieldOptions<T> extends FieldOptions<T> {
  /** Copies the initial value from this field of the entity's source event. */
  fromField?: string;
}

/**
 * A declared field: a plain, inspectable description. `V` is the value type seen by flows
 * and outputs; `I` the type a flow may pass in (datetimes accept Date and epoch ms too).
 */
export interface FieldDef<V = unknown, I = V> {
  readonly kind: FieldKind;
  readonly options: Readonly<StateFieldOptions<unknown>>;
  /** For enum fields, the allowed values. */
  readonly values?: readonly string[];
  /** false when the field may be null (nullable, optional or a null default). */
  readonly required: boolean;
  /** Type-only: never set at run time. */
  readonly __value?: V;
  readonly __input?: I;
}

export type ValueOf<F> = F extends FieldDef<infer V, unknown> ? V : never;
export type InputOf<F> = F extends FieldDef<unknown, infer I> ? I : never;

type MaybeNull<O, T> = O extends { default: null } | { nullable: true } | { optional: true } ? T | null : T;
// `O & StateFieldOptions<T>` gives a faker function its parameter types (f: Faker, ctx); with
// `O` alone TypeScript infers O first and leaves them implicitly any.
type Builder<T, I = T> = <const O extends StateFieldOptions<T> = {}>(options?: O & StateFieldOptions<T>) => FieldDef<MaybeNull<O, T>, MaybeNull<O, I>>;

function build(kind: FieldKind, options: StateFieldOptions<unknown> = {}, values?: readonly string[]): FieldDef<never> {
  const required = !(options.nullable || options.optional || options.default === null);
  return { kind, options, required, ...(values ? { values } : {}) };
}

/** An ISO-8601 timestamp such as '2025-01-15T14:30:00.000Z'. */
export type IsoDateTime = string;

function makeBuilders() {
  return {
    string: ((o) => build('string', o)) as Builder<string>,
    int: ((o) => build('int', o)) as Builder<number>,
    float: ((o) => build('float', o)) as Builder<number>,
    boolean: ((o) => build('boolean', o)) as Builder<boolean>,
    /** Values are ISO-8601 strings; a flow may pass a Date or epoch milliseconds. */
    datetime: ((o) => build('datetime', o)) as Builder<IsoDateTime, IsoDateTime | Date | number>,
    /** Any JSON value; `T` narrows its type. */
    json: <T = unknown, const O extends StateFieldOptions<T> = {}>(options?: O & StateFieldOptions<T>) =>
      build('json', options) as FieldDef<MaybeNull<O, T>>,
    /** One of `values`. */
    enum: <const V extends readonly [string, ...string[]], const O extends StateFieldOptions<V[number]> = {}>(
      values: V,
      options?: O & StateFieldOptions<V[number]>,
    ) => build('enum', options, values) as FieldDef<MaybeNull<O, V[number]>>,
  };
}

/**
 * Event field builders.
 *
 * @example
 * const AccountCreated = defineEvent('AccountCreated', {
 *   user_id: Field.string({ primaryKey: true, faker: 'uuid4' }),
 *   plan: Field.enum(['free', 'pro'], { faker: 'random_element', elements: ['free', 'pro'] }),
 *   quantity: Field.int({ faker: 'random_int', min: 1, max: 3 }),
 * });
 */
export const Field = makeBuilders();

/**
 * Entity state field builders: the same kinds, plus `fromField` to copy from the source event.
 *
 * @example
 * state: { total_orders: StateField.int({ default: 0 }), email: StateField.string({ fromField: 'email' }) }
 */
export const StateField = makeBuilders();
