/** Reads driver errors the same way for every SQL dialect: their code and a one-line cause. */

/** Socket-level failures that a new connection may not meet again. */
export const NETWORK_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH',
  'ENETUNREACH', 'ENETDOWN', 'EAI_AGAIN',
]);

/** The driver's error code (`ER_LOCK_DEADLOCK`, `57P01`, `ECONNREFUSED`), if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code !== '') return code;
  // Node reports a refused dual-stack connect as an AggregateError whose parts hold the code.
  const parts = (error as { errors?: unknown }).errors;
  return Array.isArray(parts) ? errorCode(parts[0]) : undefined;
}

/** The error's message on one line, or the first part's message for an AggregateError. */
export function errorMessage(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  const parts = (error as { errors?: unknown } | null)?.errors;
  if (!message && Array.isArray(parts) && parts.length > 0) message = errorMessage(parts[0]);
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}

/**
 * `CODE: message`, or just the message when it already names the code.
 *
 * @example describeCause(Object.assign(new Error('Deadlock found'), { code: 'ER_LOCK_DEADLOCK' })) // 'ER_LOCK_DEADLOCK: Deadlock found'
 */
export function describeCause(error: unknown): string {
  const code = errorCode(error);
  const message = errorMessage(error);
  if (!code || message.includes(code)) return message || code || 'unknown error';
  return message ? `${code}: ${message}` : code;
}
