import { expect } from 'vitest';
import { DeepFakerError } from '../../src/errors.js';

/**
 * The DeepFakerError `run` throws (with `code`, when given): a user mistake must be one of
 * ours, never a TypeError or a stack trace in the message.
 */
export function thrown(run: () => unknown, code?: string): DeepFakerError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DeepFakerError);
    if (code !== undefined) expect((error as DeepFakerError).code).toBe(code);
    expect((error as Error).message).not.toContain('    at ');
    return error as DeepFakerError;
  }
  throw new Error('expected a DeepFakerError');
}
