/** Retries with exponential backoff for outputs whose destination can fail for a while. */
import { sleep } from '../util/sleep.js';

export interface RetryOptions {
  /** Attempts in all, the first included (default 8). */
  attempts?: number;
  /** Delay before the first retry (default 200 ms); doubles each time, with jitter. */
  initialDelayMs?: number;
  /** Longest delay between two attempts (default 5 s). */
  maxDelayMs?: number;
  /** Stops retrying at once when aborted. */
  signal?: AbortSignal;
  /** false for an error that no retry can fix (bad credentials, a schema mismatch). */
  isRetriable?: (error: unknown) => boolean;
  /** Called before each retry, e.g. to log or to reconnect. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void | Promise<void>;
}

/**
 * Runs `task` until it succeeds, the attempts run out, or the error is not retriable.
 *
 * @example await withRetry(() => insertBatch(rows), { attempts: 5, onRetry: reconnect });
 */
export async function withRetry<T>(task: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 8;
  let delay = options.initialDelayMs ?? 200;
  const maxDelay = options.maxDelayMs ?? 5000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await task(attempt);
    } catch (error) {
      const retriable = options.isRetriable ? options.isRetriable(error) : true;
      if (!retriable || attempt >= attempts || options.signal?.aborted) throw error;
      // Jitter from the clock's sub-millisecond part keeps the engine's seeded stream untouched.
      const wait = Math.min(maxDelay, delay) * (0.75 + (performance.now() % 1) / 2);
      await options.onRetry?.(error, attempt, Math.round(wait));
      await sleep(wait, options.signal);
      // Stopped while waiting: no further attempt.
      if (options.signal?.aborted) throw error;
      delay *= 2;
    }
  }
}
