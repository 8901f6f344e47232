import type { FieldDef } from '../schema/field.js';
import { alphanumericId } from '../util/ids.js';
import type { SeededRandom } from '../util/seeded-random.js';

/** A value for a required field that nothing else filled: plausible for its kind. */
export function autoFillValue(def: FieldDef, random: SeededRandom, at: number): unknown {
  switch (def.kind) {
    case 'string': return alphanumericId(random, 12);
    case 'int': return random.int(0, 1000);
    case 'float': return Math.round(random.next() * 100_000) / 100;
    case 'boolean': return random.chance(0.5);
    case 'datetime': return new Date(at).toISOString();
    case 'enum': return def.values![random.index(def.values!.length)];
    case 'json': return {};
  }
}
