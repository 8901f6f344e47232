/**
 * The one error class deep-faker throws for user mistakes. `code` is stable for tooling;
 * `message` is one line: where it happened, what is wrong, how to fix it.
 *
 * @example
 * throw new DeepFakerError('E_UNKNOWN_FAKER',
 *   'event AccountCreated, field email: unknown faker "emial". Use a name from the faker table, a faker-js path such as "internet.email", or a function.');
 */
export class DeepFakerError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DeepFakerError';
    this.code = code;
  }
}

/** Collects definition problems so they are reported together, at definition time. */
export class ProblemList {
  private readonly problems: string[] = [];
  constructor(private readonly code: string) {}
  add(message: string): void {
    this.problems.push(message);
  }
  throwIfAny(): void {
    if (this.problems.length === 0) return;
    throw new DeepFakerError(this.code, this.problems.join('\n'));
  }
}

/** Renders any value for an error message: short, and never an [object Object]. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (value === undefined) return 'undefined';
  // Definitions are large objects: name them as the user wrote them.
  const definition = value as { type?: unknown; name?: unknown } | null;
  if ((definition?.type === 'event' || definition?.type === 'entity') && typeof definition.name === 'string') {
    return `${definition.type} ${definition.name}`;
  }
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return String(value);
  }
}

/**
 * True for a DeepFakerError from any copy of this package (a simulation file may load
 * another copy than the CLI), so checks never depend on instanceof alone.
 */
export function isDeepFakerError(error: unknown): error is DeepFakerError {
  return error instanceof DeepFakerError
    || (error instanceof Error && error.name === 'DeepFakerError' && typeof (error as DeepFakerError).code === 'string');
}
