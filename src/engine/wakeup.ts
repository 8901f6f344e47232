/** One waiter woken by another part of the same thread: a consumer waiting for data or space. */
export class Wakeup {
  private waiter: (() => void) | undefined;

  /** Resolves at the next wake(). */
  wait(): Promise<void> {
    return new Promise((resolve) => (this.waiter = resolve));
  }

  wake(): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  }
}
