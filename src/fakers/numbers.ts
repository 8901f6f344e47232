import { describeValue } from '../errors.js';
import type { FastFakerBuilder } from './fast-faker.js';
import type { ParamReader } from './param-reader.js';
import type { ValueGenerator } from './types.js';

/** Numbers and choices: random_int, pyint, random_number, pyfloat, booleans, random_element. */

function integerRange(p: ParamReader, minName: string, maxName: string): ValueGenerator {
  const min = p.integer(minName, 0);
  const max = p.integer(maxName, 9999);
  const step = p.integer('step', 1, 1);
  if (min > max) p.fail(`${minName} ${min} is greater than ${maxName} ${max}. Swap them.`);
  const steps = Math.floor((max - min) / step);
  if (step === 1) return ({ random }) => random.int(min, max);
  return ({ random }) => min + step * random.int(0, steps);
}

/**
 * Python faker's pyfloat, with right_digits defaulting to 2: a uniform pick among the
 * numbers with `right_digits` decimals in [min_value, max_value]. Missing bounds come from
 * left_digits (default 4): -9999.99 .. 9999.99, or 0.01 .. 9999.99 when positive.
 */
function pyfloat(p: ParamReader): ValueGenerator {
  const right = p.integer('right_digits', 2, 0, 15);
  const left = p.integer('left_digits', 4, 0, 15);
  const positive = p.boolean('positive', false);
  const minValue = p.number('min_value');
  const maxValue = p.number('max_value');
  if (minValue !== undefined && maxValue !== undefined && minValue > maxValue) {
    p.fail(`min_value ${minValue} is greater than max_value ${maxValue}. Swap them.`);
  }
  const scale = 10 ** right;
  const magnitude = 10 ** left - 1 / scale;
  const lo = minValue ?? (positive ? 0 : maxValue !== undefined && maxValue <= -magnitude ? maxValue - magnitude : -magnitude);
  const hi = maxValue ?? (lo < magnitude ? magnitude : lo + magnitude);
  // 1e-9 absorbs binary noise: 0.1 * 100 is 10.000000000000002, and must not round up to 11.
  let loUnits = Math.ceil(lo * scale - 1e-9);
  const hiUnits = Math.floor(hi * scale + 1e-9);
  if (positive) loUnits = Math.max(loUnits, 1);
  if (!Number.isSafeInteger(loUnits) || !Number.isSafeInteger(hiUnits)) {
    p.fail(`range [${lo}, ${hi}] with right_digits ${right} is too wide for exact decimals. Lower right_digits or narrow the range.`);
  }
  if (loUnits > hiUnits) {
    const sign = positive ? 'positive ' : '';
    p.fail(`has no ${sign}number with ${right} decimals in [${lo}, ${hi}]. Widen the range${positive ? ', drop positive' : ''} or raise right_digits.`);
  }
  return ({ random }) => random.int(loUnits, hiUnits) / scale;
}

/** Python faker random_number: up to `digits` digits (exactly, with fix_len). */
function randomNumber(p: ParamReader): ValueGenerator {
  const digits = p.raw('digits') === undefined ? undefined : p.integer('digits', 1, 0, 15);
  const fixLen = p.boolean('fix_len', false);
  if (fixLen && digits === 0) p.fail('fix_len needs digits of at least 1, got digits 0. Raise digits.');
  return ({ random }) => {
    const n = digits ?? 1 + random.index(9);
    return fixLen ? random.int(10 ** (n - 1), 10 ** n - 1) : random.int(0, 10 ** n - 1);
  };
}

/** true with a probability given in percent, as Python faker's boolean(chance_of_getting_true). */
function percentBoolean(name: string): FastFakerBuilder {
  return (p) => {
    const percent = p.integer(name, 50, 0, 100) / 100;
    return ({ random }) => random.next() < percent;
  };
}

/**
 * One element of `elements`: a non-empty list (uniform, or by `weights`) or, as Python's
 * OrderedDict form, an object mapping each element to its weight.
 */
function randomElement(p: ParamReader): ValueGenerator {
  const given = p.raw('elements');
  const weightsGiven = p.raw('weights');
  let elements: unknown[];
  let weights: unknown[] | undefined;
  if (Array.isArray(given)) {
    elements = given.slice();
    if (weightsGiven !== undefined) {
      if (!Array.isArray(weightsGiven)) p.fail(`weights must be a list of numbers, got ${describeValue(weightsGiven)}.`);
      weights = weightsGiven;
    }
  } else if (given !== null && typeof given === 'object') {
    elements = Object.keys(given);
    weights = Object.values(given);
  } else {
    p.fail(`needs elements, a non-empty list, got ${describeValue(given)}. Pass elements: ['free', 'premium', 'enterprise'].`);
  }
  if (elements.length === 0) p.fail('elements is empty. Pass at least one element, e.g. elements: [\'free\', \'premium\'].');
  if (weights === undefined) return ({ random }) => elements[random.index(elements.length)];
  if (weights.length !== elements.length) {
    p.fail(`has ${elements.length} elements but ${weights.length} weights. Give one weight per element.`);
  }
  if (!weights.every((w): w is number => typeof w === 'number' && Number.isFinite(w) && w >= 0)) {
    p.fail(`weights must be finite numbers of at least 0, got ${describeValue(weights)}.`);
  }
  const total = (weights as number[]).reduce((sum, w) => sum + w, 0);
  if (total <= 0) p.fail('weights add up to 0. Give at least one element a positive weight.');
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights as number[]) cumulative.push((sum += w) / total);
  // Rounding may leave the total at 0.999...; the last weighted element must close at 1.
  const lastWeighted = (weights as number[]).findLastIndex((w) => w > 0);
  for (let i = lastWeighted; i < cumulative.length; i++) cumulative[i] = 1;
  const last = cumulative.length - 1;
  return ({ random }) => {
    const u = random.next();
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (u < cumulative[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return elements[lo];
  };
}

export const NUMBER_FAKERS: Readonly<Record<string, FastFakerBuilder>> = {
  random_int: (p) => integerRange(p, 'min', 'max'),
  pyint: (p) => integerRange(p, 'min_value', 'max_value'),
  random_number: randomNumber,
  random_digit: () => ({ random }) => random.index(10),
  pyfloat,
  boolean: percentBoolean('chance_of_getting_true'),
  pybool: percentBoolean('truth_probability'),
  random_element: randomElement,
};
