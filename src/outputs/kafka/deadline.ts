/** Time bounds for open() and close(): a dead or hung broker must never hold up the run. */

/** Thrown by withDeadline when the task is still running at the deadline. */
export class DeadlineError extends Error {
  constructor(readonly ms: number) {
    super(`timed out after ${ms} ms`);
    this.name = 'DeadlineError';
  }
}

/** The task's result, or a DeadlineError after `ms`; the task is left to settle unobserved. */
export async function withDeadline<T>(ms: number, task: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new DeadlineError(ms)), Math.max(0, ms)); });
  const running = task();
  running.catch(() => undefined); // may settle after the deadline, when nobody waits for it
  try {
    return await Promise.race([running, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits for `task`, but at most `ms`; never rejects. */
export async function settleWithin(ms: number, task: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([task.catch(() => undefined), new Promise<void>((resolve) => { timer = setTimeout(resolve, ms); })]);
  clearTimeout(timer);
}
