export { createFaker, setFakerClock } from './create-faker.js';
export { FAST_FAKER_NAMES } from './fast-fakers.js';
export { resolveFaker } from './resolve-faker.js';
export type { FakeContext, FakerFunction, FakerFunctionContext, FakerParams, ValueGenerator } from './types.js';
