import { withDeadline } from '../../util/time-bounds.js';

/** How long a polite end() may take before the connection is destroyed. */
const GRACE_MS = 2000;

/**
 * Ends a connection politely, but never lets a dead server hold up close(): runs `end`,
 * then `destroy` when `end` fails or takes longer than the grace period.
 *
 * @example await closeWithin(() => client.end(), () => socket.destroy());
 */
export async function closeWithin(end: () => Promise<void>, destroy: () => void): Promise<void> {
  const ended = await withDeadline(GRACE_MS, end).then(() => true, () => false);
  if (!ended) destroy();
}
