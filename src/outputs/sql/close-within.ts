/** Ends a connection politely, but never lets a dead server hold up close(). */

const GRACE_MS = 2000;

/**
 * Runs `end`, then `destroy` when `end` fails or takes longer than the grace period.
 *
 * @example await closeWithin(() => client.end(), () => socket.destroy());
 */
export async function closeWithin(end: () => Promise<void>, destroy: () => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), GRACE_MS); });
  const ended = await Promise.race([end().then(() => true, () => false), late]);
  clearTimeout(timer);
  if (!ended) destroy();
}
