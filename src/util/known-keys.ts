import { DeepFakerError } from '../errors.js';
import { closestName } from './suggest.js';

/**
 * The message for an options key nobody reads: a typo or the guide's snake_case
 * (`n_flows`), which would otherwise be ignored without a word. Undefined when all are known.
 */
export function unknownKeyProblem(options: object, known: ReadonlySet<string>, where: string | (() => string)): string | undefined {
  for (const key in options) {
    if (known.has(key)) continue;
    const guess = closestName(key, known);
    return `${typeof where === 'string' ? where : where()}: unknown option "${key}".${guess ? ` Did you mean "${guess}"?` : ''} Known: ${[...known].join(', ')}.`;
  }
  return undefined;
}

/**
 * True when every key of `options` is in `known`: the per-event builders' check, which names
 * nothing. A list, scanned: the keys of a flow's literals are the same strings as the list's,
 * so the first equal one is found by identity, where a Set hashed each key (0.6% fewer
 * instructions an event without the Set, bench/instructions.ts). A loop of its own, which
 * the compiler inlines, where `includes` was a call into the runtime for each key.
 */
export function hasOnlyKnownKeys(options: object, known: readonly string[]): boolean {
  for (const key in options) {
    let found = false;
    for (let i = 0; i < known.length; i++) {
      if (known[i] === key) { found = true; break; }
    }
    if (!found) return false;
  }
  return true;
}

/** Throws unknownKeyProblem's message as a DeepFakerError; `where` may be lazy (per-event callers). */
export function checkKnownKeys(options: object, known: ReadonlySet<string>, where: string | (() => string), code = 'E_BAD_OPTIONS'): void {
  const problem = unknownKeyProblem(options, known, where);
  if (problem !== undefined) throw new DeepFakerError(code, problem);
}
