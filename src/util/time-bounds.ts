/** Time bounds for connecting and closing: a dead or hung server must never hold up the run. */

/** Thrown by withDeadline when the task is still running at the deadline. */
export class DeadlineError extends Error {
  constructor(readonly ms: number) {
    super(`timed out after ${ms} ms`);
    this.name = 'DeadlineError';
  }
}

/**
 * The task's result, or a DeadlineError after `ms`. A task that succeeds after the deadline
 * hands its result to `late` (to close a connection nobody will use); a late failure is dropped.
 */
export async function withDeadline<T>(ms: number, task: () => Promise<T>, late?: (value: T) => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new DeadlineError(ms));
    }, Math.max(0, ms));
  });
  const running = task();
  running.then((value) => timedOut && late?.(value), () => undefined);
  try {
    return await Promise.race([running, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits for `task` to settle, but at most `ms`; never rejects. */
export async function settleWithin(ms: number, task: Promise<unknown>): Promise<void> {
  await withDeadline(ms, () => task).catch(() => undefined);
}
